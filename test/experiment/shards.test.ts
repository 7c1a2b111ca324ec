import fc from 'fast-check';
import { loadExperimentFile } from '../../src/experiment/load';
import { parseShard, shardFromEnv, tasksToRun, totalRuns, WHOLE } from '../../src/experiment/shards';
import { slurmScripts } from '../../src/experiment/slurm';
import { workspace } from './helpers';

const ws = workspace();
const loaded = loadExperimentFile(ws.write('e.json', { replicates: 7 }));
if (!loaded.ok) throw new Error('test experiment invalid');
const c = loaded.value;

describe('shards', () => {
  it('partition the runs exactly: every run in one shard, whatever n', () => {
    const all = [...tasksToRun(c, WHOLE, null)].map((t) => t.run);
    expect(all).toEqual(Array.from({ length: totalRuns(c) }, (_, i) => i));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const seen: number[] = [];
        for (let i = 0; i < n; i++) for (const t of tasksToRun(c, { index: i, count: n }, null)) seen.push(t.run);
        expect(seen.sort((a, b) => a - b)).toEqual(all);
      }),
      { numRuns: 30 },
    );
  });

  it('give a task the same seed in a shard as in the whole sweep, and skip stored runs', () => {
    const whole = new Map([...tasksToRun(c, WHOLE, null)].map((t) => [t.run, t.seed]));
    for (const t of tasksToRun(c, { index: 2, count: 3 }, null)) expect(t.seed).toBe(whole.get(t.run));
    const done = new Uint8Array(totalRuns(c));
    done[0] = 1;
    done[5] = 1;
    expect([...tasksToRun(c, WHOLE, done)].map((t) => t.run)).not.toContain(5);
    expect([...tasksToRun(c, WHOLE, done)]).toHaveLength(totalRuns(c) - 2);
  });

  it('parse i/n with clear errors, and default from a Slurm array task', () => {
    expect(parseShard('2/4')).toEqual({ ok: true, value: { index: 2, count: 4 } });
    expect(parseShard('4/4')).toMatchObject({ ok: false, message: expect.stringMatching(/below the count \(0 to 3\).*Example: --shard 0\/4/) });
    expect(parseShard('x')).toMatchObject({ ok: false });
    expect(shardFromEnv({})).toBeNull();
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '3' })).toEqual({ ok: true, value: { index: 2, count: 4 } });
  });
});

describe('Slurm scripts', () => {
  it('an array of n shards, each a resumable sweep, and a merge of all n', () => {
    const s = slurmScripts({ jobName: 'coalsim-x', node: '/usr/bin/node', cli: "/opt/it's/bin/coalsim.js", experiment: '/e.json', out: '/scratch/x', shards: 3, cpusPerTask: 8, time: '01:00:00', partition: 'short', extra: ['--account=p1'] });
    expect(s.sweep).toMatch(/^#SBATCH --array=0-2$/m);
    expect(s.sweep).toMatch(/^#SBATCH --cpus-per-task=8$/m);
    expect(s.sweep).toMatch(/^#SBATCH --partition=short$/m);
    expect(s.sweep).toMatch(/^#SBATCH --account=p1$/m);
    expect(s.sweep).toContain(`'/opt/it'\\''s/bin/coalsim.js' sweep '/e.json' --out '/scratch/x/shards'/"$SLURM_ARRAY_TASK_ID" --resume`);
    expect(s.merge).toContain("merge '/scratch/x/shards/0' '/scratch/x/shards/1' '/scratch/x/shards/2' --out '/scratch/x/result'");
    expect(s.submit).toMatch(/--dependency=afterok:"\$sweep"/);
  });
});
