/**
 * Messages that leave no guessing, through the built CLI: seeds and other numbers exactly as typed, did-you-mean
 * for options, bundled ids and experiment paths, missing positionals, experiments told from
 * scenarios by their own fields, a missing base scenario named, and oversized files refused
 * (exit 3) with the limit named.
 */
import { closeSync, openSync, ftruncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { baseExperiment } from '../experiment/helpers';

const dir = tempDir('coalsim-msg-');
copyFileSync(join(ROOT, 'scenarios', 'default.json'), join(dir, 'scenario.json'));
const write = (name: string, content: object | string): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};

describe('CLI messages', () => {
  it.each([['', '""'], ['0x10', '"0x10"'], ['abc', '"abc"'], ['1e3', '"1e3"'], ['-1', '"-1"'], ['4294967296', '"4294967296"']])('--seed %j is refused (exit 2), echoing the input', (seed, shown) => {
    const r = coalsim(['run', '--seed', seed, '--out', join(dir, 'never')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--seed must be a whole number from 0 to 4294967295 in decimal digits, got ${shown}`);
  });

  it.each([
    [['replicate', 'coalition', '--war', 'abc'], '--war must be a whole number >= 1, got "abc". Example: --war 211'],
    [['analyze', 'out/none', '--resamples', 'abc'], '--resamples must be a whole number from 10 to 100000, got "abc". Example: --resamples 1000'],
    [['analyze', 'out/none', '--confidence', 'abc'], '--confidence must lie between 0 and 1, got "abc"'],
    [['fit', 'none.fit.json', '--check-seeds', 'abc'], '--check-seeds must be a whole number from 1 to 100000, got "abc". Example: --check-seeds 100'],
    [['calibrate', 'default', '--seeds', '1e3'], '--seeds must be a whole number from 1 to 1000000, got "1e3"'],
    [['sweep', 'none.json', '--workers', '0x2'], '--workers must be a whole number from 0 to 1024, got "0x2"'],
  ])('%j: a number option is refused (exit 2), echoing what was typed', (args, message) => {
    const r = coalsim(args, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/NaN|not a number/);
  });

  it('a number option typed without its value is a usage error (exit 2), not a bug report or the default', () => {
    const r = coalsim(['run', '--seed'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed was given without a value: write one after it (coalsim run --help says what it takes)');
    expect(r.stderr).not.toMatch(/unexpected error|YError/);
  });

  it('--help labels number options [number] though they are read as typed', () => {
    const help = coalsim(['run', '--help']).stdout;
    expect(help).toMatch(/--seed +Random seed; same scenario \+ seed = same bytes +\[number\] \[default: 1\]/);
    expect(coalsim(['replicate', '--help']).stdout).toMatch(/--folds .*\[number\] \[default: 5\]/);
    expect(coalsim(['sweep', '--help']).stdout).not.toMatch(/--workers[^\n]*\[string\]/);
  });

  it('unknown options get the nearest known one', () => {
    expect(coalsim(['run', '--no-chart']).stderr).toContain('unknown option --no-chart; did you mean --no-charts?');
    const r = coalsim(['sweep', 'x.json', '--worker', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --worker; did you mean --workers?');
  });

  it('a missing positional says what to name', () => {
    const r = coalsim(['validate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/validate: name the scenario or experiment files to check\. Example: coalsim validate/);
    expect(coalsim(['report']).stderr).toMatch(/report: name the run output directory/);
  });

  it('a misspelt bundled scenario id gets the nearest id', () => {
    const r = coalsim(['run', 'korea-1905', '--out', join(dir, 'never')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('the nearest bundled id is "korea-1950"');
  });

  it('validate tells an experiment without "design" from a scenario, and checks it as one', () => {
    const { design: _d, ...noDesign } = baseExperiment();
    const r = coalsim(['validate', write('nodesign.json', noDesign)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok {2}.*nodesign\.json \(experiment\)$/m);
  });

  it('a missing base scenario names the file and the nearest path', () => {
    const r = coalsim(['validate', write('typo.json', { ...baseExperiment(), scenario: 'scenaro.json' })]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/typo\.json:\d+:\d+ {2}scenario: the base scenario "scenaro\.json" \(.*scenaro\.json\): file not found; did you mean "scenario\.json"\?/);
  });

  it('a typo in a parameter path suggests the path, not narrower values', () => {
    const e = { ...baseExperiment(), parameters: [{ name: 'w', path: 'engine.pricing.thirdPartyWieght', values: [0.3, 0.5] }] };
    const r = coalsim(['validate', write('pathtypo.json', e)]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('parameters[0].path: parameter "w": the scenario has no field at "engine.pricing.thirdPartyWieght"; did you mean "engine.pricing.thirdPartyWeight"?');
    expect(r.stderr).not.toMatch(/narrow its values/);
  });

  it('a 200 MB file is refused at once (exit 3), naming the limit', () => {
    const big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const t0 = Date.now();
    const r = coalsim(['validate', big]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/big\.json {2}the file is 209,715,200 bytes, over the limit of 10,485,760 bytes \(10 MiB\)/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
