/** `coalsim fit` as a user runs it: outputs, --json, a fitted scenario `coalsim run` accepts, progress lines off a terminal. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate } from '../../src/calibration/calibrate';
import { parseCalibratedScenario } from '../../src/calibration/checks';
import { fitValidations, renderFitSection } from '../../src/fit/validateSection';
import { coalsim } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { bilateral, tempDir } from './helpers';

describe('coalsim fit (CLI)', () => {
  it('fits, writes every output, prints summary.json with --json, and the fitted scenario runs', () => {
    const dir = tempDir('fit-cli-ok');
    writeFileSync(join(dir, 'bilateral.json'), JSON.stringify(bilateral(0.6)));
    writeFileSync(join(dir, 'f.fit.json'), JSON.stringify({
      formatVersion: 1, id: 'cli', scenario: 'bilateral.json', date: '2026-11-30',
      parameters: [{ name: 'partnerPatience', path: 'thirdParties[id=T].bargaining.patience', prior: { type: 'uniform', min: 0.5, max: 0.99 } }],
      figures: [
        { id: 'share', label: 'Share', measure: 'surplusShare:T', recorded: { value: 2 / 7 }, tolerance: { rule: 'median-within', relative: 0.1 }, error: { sd: 0.02 }, role: 'target', source: 'closed form' },
        { id: 'joined', label: 'Joins', measure: 'joined:T', recorded: { equals: true }, role: 'check', source: 'closed form' },
      ],
      seedsPerEvaluation: 1, method: { population: 10, generations: 2, seed: 5 },
    }));
    const out = join(dir, 'out');
    const r = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--check-seeds', '3', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.date).toBe('2026-11-30');
    expect(summary.checks).toEqual({ passed: 1, total: 1 });
    expect(summary.generations.map((g: { generation: number }) => g.generation)).toEqual([0, 1, 2]);
    for (const f of ['fitted-scenario.json', 'posterior.csv', 'summary.json', 'fit-report.html', 'manifest.json', 'fit.sqlite']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(r.stdout);
    const csv = readFileSync(join(out, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('particle,weight,partnerPatience,distance');
    expect(csv).toHaveLength(11);
    const html = readFileSync(join(out, 'fit-report.html'), 'utf8');
    expect(html).toMatch(/Held-out checks \(not used to fit\): 1 of 1 pass/);
    expect(html).not.toMatch(/https?:\/\/(?!coalsim)/);
    const fitted = JSON.parse(readFileSync(join(out, 'fitted-scenario.json'), 'utf8'));
    expect(fitted.meta.sources.at(-1).citation).toMatch(/^coalsim fit cli, 2026-11-30: ABC-SMC/);
    expect(fitted.thirdParties[0].bargaining.patience).toBe(summary.parameters[0].median);
    const run = coalsim(['run', join(out, 'fitted-scenario.json'), '--out', join(dir, 'run'), '--no-charts']);
    expect(run.status).toBe(0);
    // Without --resume or --force the results are protected (exit 4).
    expect(coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0']).status).toBe(4);
    // Off a terminal the progress is a line per generation, with its tolerance.
    const again = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--force', '--check-seeds', '3']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/fit cli: generation 0\/2, tolerance inf \(prior\), 10 particles\n/);
    expect(again.stderr).toMatch(/fit cli: generation 2\/2 done in \d+s: \d+ evaluations, acceptance [\d.]+%, ESS [\d.]+\n/);
    expect(again.stderr).not.toMatch(/\u001b\[/);
    expect(again.stdout).toMatch(/targets 1\/1 pass, held-out checks 1\/1 pass/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(r.stdout);
    expect(again.stderr).not.toMatch(/re-scoring/);
    // A finished fit resumed with another --check-seeds is re-scored, and says so (a researcher's trial: its pass rates changed without a word).
    const rescored = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--resume', '--check-seeds', '4']);
    expect(rescored.status).toBe(0);
    expect(rescored.stderr).toContain(`re-scoring the fitted scenario over 4 seeds; the results in ${out} were scored over 3 (--check-seeds)`);
    expect(coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--resume', '--check-seeds', '3']).status).toBe(0);
    // --force replaces a fit only while everything in it is the fit's: a file a user added stops it (exit 4), and stays.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const kept = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--force']);
    expect(kept.status).toBe(4);
    expect(kept.stderr).toMatch(/holds a file coalsim did not write, or edited since it wrote it \(notes\.txt\)/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    // ... and never the current directory, whatever it holds.
    const cwd = coalsim(['fit', join(dir, 'f.fit.json'), '--out', '.', '--workers', '0', '--force'], { cwd: out });
    expect(cwd.status).toBe(4);
    expect(existsSync(join(out, 'fit.sqlite'))).toBe(true);
    // A result of the fit edited since is the user's too, as the help says.
    rmSync(join(out, 'notes.txt'));
    writeFileSync(join(out, 'fitted-scenario.json'), readFileSync(join(out, 'fitted-scenario.json'), 'utf8').replace('"formatVersion"', '"formatVersion" '));
    const edited = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--force']);
    expect(edited.status).toBe(4);
    expect(edited.stderr).toMatch(/\(fitted-scenario\.json\)/);
    expect(coalsim(['fit', '--help']).stdout.replace(/\s+/g, ' ')).toContain('--force Start over: replace the fit coalsim wrote in --out (with --slurm, its job scripts). Refused (exit 4) if --out holds files coalsim did not write or that were edited since');
  }, 90_000);

  it('writes Slurm scripts: per generation an array of shards, then a merge', () => {
    const r = coalsim(['fit', join(ROOT, 'scenarios', 'fits', 'korea-1950.fit.json'), '--slurm', '--out', join(tempDir('fit-slurm'), 'k'), '--shards', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/shard\.sbatch \(array of 3 shards\).*submit\.sh \(9 generations\)/);
    const dir = r.stdout.match(/wrote (\S+)\/shard\.sbatch/)![1]!;
    const shard = readFileSync(join(dir, 'shard.sbatch'), 'utf8');
    expect(shard).toMatch(/#SBATCH --array=0-2/);
    expect(shard).toMatch(/fit '[^']*korea-1950\.fit\.json' --out '[^']*' '--check-seeds' '100' --quiet/);
    expect(readFileSync(join(dir, 'merge.sbatch'), 'utf8')).toMatch(/--merge --quiet/);
    expect(readFileSync(join(dir, 'submit.sh'), 'utf8')).toMatch(/for g in \$\(seq 0 8\)/);
  });
});

describe('validation report: targets and checks apart', () => {
  it('splits korea-1950\'s figures by the roles in its fit file, lists each figure\'s role, and does not pass off a refit of an older fit file as the fit', () => {
    const s = parseCalibratedScenario(readFileSync(join(ROOT, 'scenarios', 'korea-1950.json'), 'utf8'));
    if (!s.ok) throw new Error('invalid');
    const cal = calibrate(s.value, 4);
    const [v] = fitValidations([cal], join(ROOT, 'scenarios', 'fits'));
    expect(v!.targets.total + v!.checks.total).toBe(cal.targets.length);
    expect(v!.checks.total).toBe(6);
    const text = renderFitSection([v!], 4, true);
    expect(text).toMatch(/\| korea-1950 \| scenarios\/fits\/korea-1950\.fit\.json \| \d+\/11 \| \d+\/6 \|/);
    expect(text).toMatch(/\| korea-1950 \| Colombia: willing but under-resourced \| check \| (pass|miss) \|/);
    expect(v!.figures.filter((g) => g.role === 'check')).toHaveLength(6);
    // The committed result is this fit file's refit, applied with --apply (which rewrote the
    // scenario's fitted values): it is current, and shown as the fit.
    expect(v!.stale).toBeNull();
    expect(v!.result?.applied).toBe(true);
    expect(text).toMatch(/refit \d{4}-\d{2}-\d{2} \(fit: targets \d+\/11, checks \d+\/6 at \d+ seeds\), applied/);
    // The same result against a changed fit file (a prior widened) is stale: not passed off as the fit.
    const dir = tempDir('stale');
    const fits = join(dir, 'scenarios', 'fits');
    mkdirSync(fits, { recursive: true });
    copyFileSync(join(ROOT, 'scenarios', 'korea-1950.json'), join(dir, 'scenarios', 'korea-1950.json'));
    copyFileSync(join(ROOT, 'scenarios', 'fits', 'korea-1950.result.json'), join(fits, 'korea-1950.result.json'));
    const fit = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'fits', 'korea-1950.fit.json'), 'utf8')) as { $schema?: string; parameters: { prior: { max?: number } }[] };
    delete fit.$schema;
    fit.parameters[0]!.prior.max = 0.95;
    writeFileSync(join(fits, 'korea-1950.fit.json'), JSON.stringify(fit, null, 2));
    const [w] = fitValidations([cal], fits);
    expect(w!.result).toBeNull();
    expect(w!.stale?.parameters).toContain('pivotal.bargaining.openness');
    expect(renderFitSection([w!], 4, true)).toMatch(/not refitted with this fit file/);
  }, 30_000);
});
