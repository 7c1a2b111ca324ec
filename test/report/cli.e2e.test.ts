/** coalsim run / report / explain as a user runs them (the built CLI; npm test builds first). */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, filesOf, tempDir } from '../helpers/cli';

const CHARTS = ['bargaining-power.png', 'forces.png', 'payments-by-kind.png', 'payments-cumulative.png', 'payments-per-round.png', 'signalling.png', 'troops.png'];


const ANSI = /\x1b\[/;
/** Undo the terminal wrapping: continuation lines are indented by four spaces. */
const unwrap = (s: string): string => s.replace(/\n {4}/g, ' ');

describe('coalsim run: charts and report', () => {
  const tmp = tempDir();
  const out = join(tmp, 'run');
  const run = coalsim(['run', '--out', out]);

  it('writes charts/*.png, report.html and scenario.json, all listed in the manifest', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(CHARTS);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const scenario = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(scenario.meta.id).toBe('default');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const names = manifest.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['scenario.json', 'report.html', ...CHARTS.map((c) => `charts/${c}`)]));
    expect(names.at(-1)).toBe('report.html');
  });

  it('`coalsim report` rebuilds the same bytes from the saved files', () => {
    const before = filesOf(out);
    const up = coalsim(['report', out]);
    expect(up.stderr).toBe('');
    expect(up.status).toBe(0);
    expect(up.stdout).toContain('up to date');
    rmSync(join(out, 'report.html'));
    rmSync(join(out, 'charts', 'forces.png'));
    const rebuilt = coalsim(['report', out]);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    const after = filesOf(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect([name, after.get(name)!.equals(bytes)]).toEqual([name, true]);
  });

  it('`coalsim report` refuses to replace different files without --force', () => {
    const html = join(out, 'report.html');
    const original = readFileSync(html);
    require('node:fs').writeFileSync(html, 'edited');
    const refused = coalsim(['report', out]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(/pass --force/);
    expect(readFileSync(html, 'utf8')).toBe('edited');
    expect(coalsim(['report', out, '--force']).status).toBe(0);
    expect(readFileSync(html).equals(original)).toBe(true);
  });

  it('`coalsim report` names the missing file of an incomplete directory', () => {
    const partial = join(tmp, 'partial');
    coalsim(['run', '--out', partial, '--no-charts']);
    rmSync(join(partial, 'scenario.json'));
    const r = coalsim(['report', partial]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/scenario\.json is missing/);
  });

  it("a user's PNG in charts/ gets one answer (move it away), not a --force that would then be refused; it is never deleted", () => {
    const mine = join(tmp, 'annotated');
    expect(coalsim(['run', '--out', mine, '--no-charts']).status).toBe(0);
    mkdirSync(join(mine, 'charts'));
    writeFileSync(join(mine, 'charts', 'my-annotated.png'), 'my drawing');
    for (const extra of [[], ['--force']]) {
      const r = coalsim(['report', mine, ...extra]);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/holds a file coalsim did not write, or edited since it wrote it \(charts\/my-annotated\.png\).*even with --force\. Move it out of the folder/);
      expect(r.stderr).not.toMatch(/pass --force/);
    }
    expect(readFileSync(join(mine, 'charts', 'my-annotated.png'), 'utf8')).toBe('my drawing');
  });

  it('--no-charts skips the PNGs but still writes report.html, whose captions then name no PNG', () => {
    const bare = join(tmp, 'bare');
    const r = coalsim(['run', '--out', bare, '--no-charts']);
    expect(r.status).toBe(0);
    expect(existsSync(join(bare, 'charts'))).toBe(false);
    // The same page but for the captions' "PNG: charts/<id>.png", which named files not there (new-user audit).
    const withCharts = readFileSync(join(out, 'report.html'), 'utf8');
    const bareHtml = readFileSync(join(bare, 'report.html'), 'utf8');
    expect(bareHtml).not.toContain('PNG: <code>charts/');
    expect(bareHtml).toBe(withCharts.replace(/ <span class="png">PNG: <code>charts\/[^<]+<\/code><\/span>/g, ''));
  });

  it('`coalsim report` after run --no-charts adds the charts and a report.html naming them, without --force (teacher\'s audit: it refused, exit 4)', () => {
    const bare = join(tmp, 'bare-then-report');
    expect(coalsim(['run', '--out', bare, '--no-charts']).status).toBe(0);
    const r = coalsim(['report', bare]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const charted = filesOf(out);
    const after = filesOf(bare);
    expect([...after.keys()].sort()).toEqual([...charted.keys()].sort());
    // The same files as a run with charts; the manifest differs only in the command it records.
    for (const [name, bytes] of charted) if (name !== 'manifest.json') expect([name, after.get(name)!.equals(bytes)]).toEqual([name, true]);
    const listed = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: unknown[] }).files;
    expect(listed(bare)).toEqual(listed(out));
  });

  it('report --no-charts --force rebuilds report.html and keeps the existing charts (it deleted them)', () => {
    const copy = join(tmp, 'copy-no-charts');
    expect(coalsim(['run', '--out', copy]).status).toBe(0);
    const before = filesOf(copy);
    writeFileSync(join(copy, 'report.html'), 'stale');
    const r = coalsim(['report', copy, '--no-charts', '--force']);
    expect(r.status).toBe(0);
    expect(filesOf(copy)).toEqual(before);
  });
});

describe('coalsim run with several payers (amisom-2012)', () => {
  const tmp = tempDir();
  const out = join(tmp, 'amisom');
  const run = coalsim(['run', 'scenarios/amisom-2012.json', '--out', out]);

  it('writes the who-paid-whom chart, lists it in the manifest and shows it in report.html', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual([...CHARTS, 'payment-flows.png'].sort());
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const entry = manifest.files.find((f: { name: string }) => f.name === 'charts/payment-flows.png');
    expect(entry).toMatchObject({ bytes: readFileSync(join(out, 'charts', 'payment-flows.png')).byteLength });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<figure id="fig-payment-flows">');
    expect(html).toContain('<canvas id="chart-payment-flows"');
    expect(html).toContain('<h3 id="who-paid-whom">Who paid whom</h3>');
  });

  it('explain tells who paid whom, in text and as a JSON section', () => {
    const text = coalsim(['explain', join(out)]);
    expect(text.status).toBe(0);
    expect(unwrap(text.stdout)).toMatch(/Who paid whom\n {2}- 3 payers shared the \$1\.\d\d billion paid to partners: the United States \$[\d.]+ (million|billion), the European Union \$\d+ million and the United Kingdom \$\d+ million\./);
    const json = coalsim(['explain', out, '--json']);
    const sections = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const who = sections.find((x) => x.section === 'who-paid-whom');
    expect(who.sentences.join(' ')).toContain('The European Union paid its line');
    rmSync(tmp, { recursive: true, force: true });
  });
});

describe('coalsim explain', () => {
  const plain = coalsim(['explain']);

  it('tells the story round by round, piped: no prompts, no colour', () => {
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).not.toContain('[space/enter');
    expect(plain.stdout).toMatch(/^Stabilisation mission with a surge \(illustrative\)\nScenario scenarios\/default\.json, seed 1\./);
    expect(unwrap(plain.stdout)).toContain('\nMonth 9\n  * An enemy offensive: the pivotal state seeks a surge of 12,000 more foreign troops.');
    expect(plain.stdout).toMatch(/\nMonths \d+–\d+\n  - No change: /);
    for (const line of plain.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(plain.stdout).toContain('\nHow it ended\n');
  });

  it('gives the deal prices that are in the event log', () => {
    const json = coalsim(['explain', '--json']);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].section).toBe('scenario');
    expect(lines.at(-1).section).toBe('ending');
    expect(lines.filter((l) => l.section === 'round')).toHaveLength(24);
    const out = join(tempDir(), 'x');
    coalsim(['run', '--out', out, '--no-charts']);
    const deals = readFileSync(join(out, 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.type === 'deal-signed');
    expect(deals.length).toBeGreaterThan(0);
    for (const d of deals) {
      const price = `$${Math.round(d.pricePerSoldierYear).toLocaleString('en-US')} per soldier-year for ${d.troops.toLocaleString('en-US')} troops`;
      const round = lines.find((l) => l.round === d.round);
      expect(round.sentences.join(' ')).toContain(price);
      expect(unwrap(plain.stdout)).toContain(price);
    }
    // The same story from the saved run as from the scenario.
    const fromDir = coalsim(['explain', out, '--json']);
    expect(fromDir.status).toBe(0);
    expect(fromDir.stdout).toBe(json.stdout);
  });

  it('--round N tells only that round', () => {
    const r = coalsim(['explain', '--round', '9']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('Month 9\n')).toBe(true);
    expect(r.stdout).not.toMatch(/\n(Round|Month) (8|10)\n/);
    expect(plain.stdout).toContain(r.stdout.trim());
    const json = coalsim(['explain', '--round', '9', '--json']).stdout.trim().split('\n');
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0]!).round).toBe(9);
  });

  it('--step without a terminal prints everything, without prompts', () => {
    const r = coalsim(['explain', '--step']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('rejects a round out of range with an example', () => {
    const r = coalsim(['explain', '--round', '99']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--round must be a whole number from 1 to 24, got 99\. Example: --round 9/);
    // A mistyped round is echoed as given, not as yargs' NaN (new-user audit).
    const typo = coalsim(['explain', '--round', 'nine']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('got nine. Example: --round 9');
  });

  it('says it reads a bundled id and a run folder: in --help, and when the path names nothing (exit 3)', () => {
    const help = coalsim(['explain', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('Scenario JSON file, the id of a bundled one, or an output directory of `coalsim run`');
    const r = coalsim(['explain', join(tempDir('explain-missing'), 'no-such-run')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Fix: give the path of a scenario .json file, the output directory of a `coalsim run` (e.g. out/default-seed1), or a bundled id: ');
    // run reads no run folder, so its message does not offer one.
    expect(coalsim(['run', join(tempDir('run-missing'), 'no-such-file')]).stderr).toContain('Fix: give the path of a scenario .json file, or a bundled id: ');
  });

  it('honours NO_COLOR and never colours a pipe', () => {
    const r = coalsim(['explain', '--round', '1'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(ANSI);
  });
});
