/**
 * Slurm scripts with hostile values: the generated submit.sh is run by bash with a fake
 * sbatch that records its arguments, so quoting is checked by the shell itself, not by
 * pattern. A path with a space, an apostrophe, "$(...)", backticks and "%" must reach sbatch
 * and coalsim as exactly that path, and nothing in it may run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSbatchValue, slurmScripts } from '../../src/experiment/slurm';
import { fitSlurmScripts } from '../../src/fit/slurm';
import { tempDir } from '../helpers/cli';

describe('Slurm script quoting', () => {
  it('a hostile --out path reaches sbatch and coalsim intact, and nothing in it runs', () => {
    const dir = tempDir('coalsim-slurmq-');
    const out = join(dir, "my project's $(touch PWNED) `touch PWNED2` 100%");
    const s = slurmScripts({ jobName: 'coalsim-x', node: '/usr/bin/node', cli: '/opt/coalsim.js', experiment: join(dir, "exp's.json"), out, shards: 2, cpusPerTask: 1, time: '00:10:00', extra: [] });
    // No path in any #SBATCH line: sbatch's directive parser does not follow shell quoting.
    for (const text of [s.sweep, s.merge]) for (const line of text.split('\n').filter((l) => l.startsWith('#SBATCH'))) expect(line).not.toContain(dir);
    const slurmDir = join(dir, 'slurm');
    mkdirSync(slurmDir, { recursive: true });
    for (const [name, text] of [['sweep.sbatch', s.sweep], ['merge.sbatch', s.merge], ['submit.sh', s.submit]] as const) writeFileSync(join(slurmDir, name), text);
    // A fake sbatch: one line per call, arguments separated by NUL, and a job id.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\nprintf '%s\\0' "$@" >> ${JSON.stringify(join(dir, 'calls'))}\nprintf '\\n' >> ${JSON.stringify(join(dir, 'calls'))}\necho 42\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const r = spawnSync('bash', [join(slurmDir, 'submit.sh')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'PWNED')) || existsSync(join(dir, 'PWNED2'))).toBe(false);
    expect(existsSync(join(out, 'slurm', 'logs'))).toBe(true);
    const calls = readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\0').filter((a) => a !== ''));
    expect(calls[0]).toEqual(['--parsable', `--output=${out.replace('%', '%%')}/slurm/logs/sweep-%A_%a.out`, join(slurmDir, 'sweep.sbatch')]);
    expect(calls[1]![1]).toBe(`--output=${out.replace('%', '%%')}/slurm/logs/merge-%j.out`);
    expect(r.stdout).toContain(`result (after job 42): ${out}/result`);
    // The job scripts themselves: bash parses them, and echoing their exec line shows the path intact.
    const echoed = spawnSync('bash', ['-c', s.sweep.replace(/^exec /m, 'printf "%s\\n" ').replace('set -euo pipefail', '')], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: '1' } });
    expect(echoed.stdout.split('\n')).toContain(`${out}/shards/1`);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
  });

  it('a fit\'s Slurm scripts quote a hostile --out the same way', () => {
    const dir = tempDir('coalsim-slurmq-fit-');
    const out = join(dir, "my project's $(touch PWNED) `touch PWNED2` 100%");
    const s = fitSlurmScripts({ jobName: 'coalsim-fit-x', node: '/usr/bin/node', cli: '/opt/coalsim.js', fit: join(dir, "k's.fit.json"), out, shards: 2, generations: 2, cpusPerTask: 1, time: '00:10:00', extra: [], args: [] });
    for (const text of [s.shard, s.merge]) for (const line of text.split('\n').filter((l) => l.startsWith('#SBATCH'))) expect(line).not.toContain(dir);
    const slurmDir = join(dir, 'slurm');
    mkdirSync(slurmDir, { recursive: true });
    for (const [name, text] of [['shard.sbatch', s.shard], ['merge.sbatch', s.merge], ['submit.sh', s.submit]] as const) writeFileSync(join(slurmDir, name), text);
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\nprintf '%s\\0' "$@" >> ${JSON.stringify(join(dir, 'calls'))}\nprintf '\\n' >> ${JSON.stringify(join(dir, 'calls'))}\necho 42\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const r = spawnSync('bash', [join(slurmDir, 'submit.sh')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'PWNED')) || existsSync(join(dir, 'PWNED2'))).toBe(false);
    const calls = readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\0').filter((a) => a !== ''));
    // Two generations: array then merge, each with its log path given to sbatch intact.
    expect(calls).toHaveLength(4);
    expect(calls[0]![1]).toBe(`--output=${out.replace('%', '%%')}/slurm/logs/shard-%A_%a.out`);
    expect(calls[1]![1]).toBe(`--output=${out.replace('%', '%%')}/slurm/logs/merge-%j.out`);
    expect(r.stdout).toContain(`result (after job 42): ${out}`);
  });

  it('refuses values that would add lines to a job script', () => {
    expect(checkSbatchValue('short')).toBeNull();
    expect(checkSbatchValue('--account=p1')).toBeNull();
    expect(checkSbatchValue('short\n#SBATCH --wrap=rm')).toMatch(/control character \("\\n"\)/);
    expect(checkSbatchValue('4G\r')).toMatch(/control character/);
    expect(checkSbatchValue('')).toMatch(/empty/);
  });
});
