/**
 * A sweep's folder is one whole thing, and its CSVs are the user's once edited (researcher's
 * audit):
 * - the lock on --out is held until the charts and sweep-report.html are written, not released
 *   with the CSVs: a second `sweep --force` into the folder meanwhile mixed one experiment's
 *   CSVs with another's charts and report (cli/commands/sweep.ts, merge.ts);
 * - `sweep --resume`, `merge` into an earlier merge and `sweep --force` refuse (exit 4, naming
 *   the file) to overwrite runs.csv or aggregate.csv edited since the sweep wrote them: the
 *   manifest records their hashes (output/outDir.ts foreignEntries, assertUnedited).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { workspace } from '../experiment/helpers';

const ws = workspace();
const exp = ws.write('e.json', { replicates: 3 });
const sweep = (args: string[]) => coalsim(['sweep', ...args, '--quiet'], { env: { SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '' } });

it('holds the lock on --out until the charts and report are written', async () => {
  const out = join(ws.dir, 'locked');
  const lock = join(ws.dir, '.locked.lock');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), 'sweep', exp, '--out', out, '--quiet', '--workers', '1'], { cwd: ROOT, env: { ...process.env, SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '' }, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Every poll after the CSVs appear and before the report does: the lock must still be there.
  const unlockedMidway: string[] = [];
  let sawCsvsBeforeReport = false;
  while (child.exitCode === null) {
    const csvs = existsSync(join(out, 'aggregate.csv'));
    const report = existsSync(join(out, 'sweep-report.html'));
    if (csvs && !report) {
      sawCsvsBeforeReport = true;
      if (!existsSync(lock)) unlockedMidway.push('lock gone while the charts and report were still being written');
    }
    await new Promise((r) => setTimeout(r, 3));
  }
  expect(await exited).toBe(0);
  expect(sawCsvsBeforeReport).toBe(true);
  expect(unlockedMidway).toEqual([]);
  expect(existsSync(lock)).toBe(false);
}, 120_000);

describe('edited CSVs', () => {
  const out = join(ws.dir, 'edited');
  const first = sweep([exp, '--out', out, '--no-charts']);

  it.each(['aggregate.csv', 'runs.csv'])('%s edited: --resume and --force refuse and leave it as the user left it', (file) => {
    expect(first.status).toBe(0);
    appendFileSync(join(out, file), '# my note\n');
    const edited = readFileSync(join(out, file), 'utf8');
    const resumed = sweep([exp, '--out', out, '--resume', '--no-charts']);
    expect(resumed.status).toBe(4);
    expect(resumed.stderr).toContain(file);
    const forced = sweep([exp, '--out', out, '--force', '--no-charts']);
    expect(forced.status).toBe(4);
    expect(forced.stderr).toContain(file);
    expect(readFileSync(join(out, file), 'utf8')).toBe(edited);
    // Put back as coalsim wrote it, the next test starts from a clean folder.
    const clean = edited.slice(0, -'# my note\n'.length);
    writeFileSync(join(out, file), clean);
    expect(sweep([exp, '--out', out, '--resume', '--no-charts']).status).toBe(0);
  }, 120_000);

  it('merging into an earlier merge refuses over an edited aggregate.csv', () => {
    const merged = join(ws.dir, 'merged');
    expect(coalsim(['merge', out, '--out', merged, '--no-charts']).status).toBe(0);
    appendFileSync(join(merged, 'aggregate.csv'), '# mine\n');
    const again = coalsim(['merge', out, '--out', merged, '--no-charts']);
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('aggregate.csv');
    expect(readFileSync(join(merged, 'aggregate.csv'), 'utf8').endsWith('# mine\n')).toBe(true);
  }, 120_000);
});

describe('edited views (the report, charts and sensitivity files): recorded in manifest-views.json', () => {
  const out = join(ws.dir, 'views');
  const first = sweep([exp, '--out', out, '--no-charts']);

  it('an annotated sweep-report.html: --resume and --force refuse (exit 4, named) and keep it; put back, all run', () => {
    expect(first.status).toBe(0);
    const views = JSON.parse(readFileSync(join(out, 'manifest-views.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(views.files.map((f) => f.name)).toEqual(['sweep-report.html']);
    expect(views.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const original = readFileSync(join(out, 'sweep-report.html'), 'utf8');
    const annotated = original + '<!-- seminar notes -->\n';
    writeFileSync(join(out, 'sweep-report.html'), annotated);
    for (const r of [sweep([exp, '--out', out, '--resume', '--no-charts']), sweep([exp, '--out', out, '--force', '--no-charts'])]) {
      expect(r.status).toBe(4);
      expect(r.stderr).toContain('sweep-report.html');
    }
    expect(readFileSync(join(out, 'sweep-report.html'), 'utf8')).toBe(annotated);
    writeFileSync(join(out, 'sweep-report.html'), original);
    expect(sweep([exp, '--out', out, '--resume', '--no-charts']).status).toBe(0);
    // The manifest of the data does not list the views: its bytes do not depend on --charts.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    expect(manifest.files.map((f) => f.name)).toEqual(['runs.csv', 'aggregate.csv']);
  }, 120_000);
});
