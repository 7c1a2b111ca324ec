/**
 * Slurm job scripts for a fit, in the pattern of the sweep's (src/experiment/slurm.ts): per
 * generation an array job whose task i builds the particles with index % n = i
 * (`coalsim fit --shard`, the shard from SLURM_ARRAY_TASK_ID/COUNT, the worker threads from
 * SLURM_CPUS_PER_TASK), then a merge job (`coalsim fit --merge`) that stores them and finishes
 * the generation; the next generation's array depends on that merge. The last merge writes
 * the outputs. A fit that stops early (final tolerance) leaves the later jobs nothing to do.
 * Pure: text in, text out. Quoting as for sweeps (src/experiment/slurm.ts): every value reaches
 * bash single-quoted, and paths never go into #SBATCH lines (submit.sh gives sbatch the log
 * paths on its command line), so a path with spaces, quotes or `$(...)` is only a path.
 */
import { outputPattern, sh } from '../experiment/slurm';
import { ENGINE_NODE_FLAGS } from '../experiment/nodeFlags';

export interface FitSlurmPlan {
  readonly jobName: string;
  readonly node: string;
  readonly cli: string;
  readonly fit: string;
  /** Absolute --out of the fit (shared filesystem). */
  readonly out: string;
  readonly shards: number;
  readonly generations: number;
  readonly cpusPerTask: number;
  readonly time: string;
  readonly partition?: string;
  readonly mem?: string;
  readonly extra: readonly string[];
  /** Passed on to every command (e.g. --date 2026-11-30). */
  readonly args: readonly string[];
}

export interface FitSlurmFiles {
  readonly shard: string;
  readonly merge: string;
  readonly submit: string;
}

export function fitSlurmScripts(p: FitSlurmPlan): FitSlurmFiles {
  const common = [
    ...(p.partition !== undefined ? [`#SBATCH --partition=${p.partition}`] : []),
    ...(p.mem !== undefined ? [`#SBATCH --mem=${p.mem}`] : []),
    ...p.extra.map((x) => `#SBATCH ${x}`),
  ];
  const cmd = `${sh(p.node)} ${ENGINE_NODE_FLAGS.join(' ')} ${sh(p.cli)} fit ${sh(p.fit)} --out ${sh(p.out)}${p.args.map((a) => ` ${sh(a)}`).join('')}`;
  const shard = [
    '#!/bin/bash',
    `#SBATCH --job-name=${p.jobName}`,
    `#SBATCH --array=0-${p.shards - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${p.cpusPerTask}`,
    `#SBATCH --time=${p.time}`,
    ...common,
    '# Written by `coalsim fit --slurm`. One array task per shard of the next generation: the shard',
    '# (i/n) comes from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, the worker threads from',
    '# SLURM_CPUS_PER_TASK. A shard whose file exists is not built again.',
    'set -euo pipefail',
    `exec ${cmd} --quiet`,
    '',
  ].join('\n');
  const merge = [
    '#!/bin/bash',
    `#SBATCH --job-name=${p.jobName}-merge`,
    '#SBATCH --ntasks=1',
    '#SBATCH --cpus-per-task=1',
    `#SBATCH --time=${p.time}`,
    ...common,
    '# Written by `coalsim fit --slurm`. Stores the shards of the generation and finishes it;',
    '# after the last generation, writes the outputs. Idempotent.',
    'set -euo pipefail',
    `exec ${cmd} --merge --quiet`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    `# Written by \`coalsim fit --slurm\`: ${p.generations} generation(s), each an array of ${p.shards} shards then a merge.`,
    'set -euo pipefail',
    'here="$(cd "$(dirname "$0")" && pwd)"',
    `mkdir -p ${sh(p.out + '/slurm/logs')}`,
    `logs=${sh(outputPattern(p.out + '/slurm/logs'))}`,
    'dep=""',
    'jobs=""',
    `for g in $(seq 0 ${p.generations - 1}); do`,
    '  a=$(sbatch --parsable --output="$logs/shard-%A_%a.out" ${dep:+--dependency=afterok:$dep --kill-on-invalid-dep=yes} "$here/shard.sbatch")',
    '  a=${a%%;*}',
    '  m=$(sbatch --parsable --output="$logs/merge-%j.out" --dependency=afterok:"$a" --kill-on-invalid-dep=yes "$here/merge.sbatch")',
    '  m=${m%%;*}',
    '  dep=$m',
    '  jobs="$jobs $a $m"',
    'done',
    `echo "submitted ${p.generations} generation(s): array and merge jobs$jobs"`,
    `echo "result (after job $dep): "${sh(p.out)}`,
    'echo "jobs$jobs"',
    '',
  ].join('\n');
  return { shard, merge, submit };
}
