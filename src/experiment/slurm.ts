/**
 * Slurm job scripts for a sweep: an array job, one task per shard (each task a
 * `coalsim sweep --resume` whose shard comes from SLURM_ARRAY_TASK_ID/COUNT and whose worker
 * threads from SLURM_CPUS_PER_TASK), and a merge job that starts when every task has
 * succeeded. The cluster needs the same paths as this machine (a shared filesystem).
 * Pure: text in, text out.
 *
 * Quoting: every value reaches bash single-quoted (sh). Paths never go into #SBATCH lines,
 * whose parser does not follow shell quoting (a space would cut "--output"): the log paths
 * are given to sbatch on its command line in submit.sh instead. The values that do go into
 * #SBATCH lines (partition, mem, extra options) must be one line each: checkSbatchValue.
 */
import { ENGINE_NODE_FLAGS } from './nodeFlags';
export interface SlurmPlan {
  readonly jobName: string;
  readonly node: string;
  readonly cli: string;
  readonly experiment: string;
  /** Absolute; shards go to <out>/shards/<i>, the merged result to <out>/result. */
  readonly out: string;
  readonly shards: number;
  readonly cpusPerTask: number;
  readonly time: string;
  readonly partition?: string;
  readonly mem?: string;
  readonly extra: readonly string[];
}

export interface SlurmFiles {
  readonly sweep: string;
  readonly merge: string;
  readonly submit: string;
}

/** A path as one shell word for a command line to copy: as it is when it is plain, else quoted (sh). */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(text) ? text : sh(text);
}

/** Single-quote for bash. */
export function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Why a value cannot go into an #SBATCH line (a newline would start a new directive), or null. */
export function checkSbatchValue(value: string): string | null {
  if (value.trim() === '') return 'is empty';
  const bad = /[\u0000-\u001f\u007f]/.exec(value);
  if (bad) return `holds a control character (${JSON.stringify(bad[0])}); it would add lines to the job script`;
  return null;
}

/** A path as an sbatch --output pattern: "%" is Slurm's pattern character, so a literal one is doubled. */
export function outputPattern(path: string): string {
  return path.replace(/%/g, '%%');
}

export function shardDir(out: string, i: number): string {
  return `${out}/shards/${i}`;
}

export function slurmScripts(p: SlurmPlan): SlurmFiles {
  const common = [
    ...(p.partition !== undefined ? [`#SBATCH --partition=${p.partition}`] : []),
    ...(p.mem !== undefined ? [`#SBATCH --mem=${p.mem}`] : []),
    ...p.extra.map((x) => `#SBATCH ${x}`),
  ];
  const sweep = [
    '#!/bin/bash',
    `#SBATCH --job-name=${p.jobName}`,
    `#SBATCH --array=0-${p.shards - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${p.cpusPerTask}`,
    `#SBATCH --time=${p.time}`,
    ...common,
    '# Written by `coalsim slurm`. One array task per shard: the shard (i/n) comes from',
    '# SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, the worker threads from SLURM_CPUS_PER_TASK.',
    '# --resume lets a requeued or resubmitted task continue where it stopped.',
    'set -euo pipefail',
    `exec ${sh(p.node)} ${ENGINE_NODE_FLAGS.join(' ')} ${sh(p.cli)} sweep ${sh(p.experiment)} --out ${sh(p.out + '/shards')}/"$SLURM_ARRAY_TASK_ID" --resume --no-charts`,
    '',
  ].join('\n');
  const merge = [
    '#!/bin/bash',
    `#SBATCH --job-name=${p.jobName}-merge`,
    '#SBATCH --ntasks=1',
    '#SBATCH --cpus-per-task=1',
    `#SBATCH --time=${p.time}`,
    ...common,
    '# Written by `coalsim slurm`. Runs after every array task succeeded; merging is idempotent.',
    'set -euo pipefail',
    `exec ${sh(p.node)} ${sh(p.cli)} merge ${Array.from({ length: p.shards }, (_, i) => sh(shardDir(p.out, i))).join(' ')} --out ${sh(p.out + '/result')}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    '# Written by `coalsim slurm`: submits the sweep array, then the merge job depending on it.',
    '# Submit with this script: it gives sbatch the log paths (--output).',
    'set -euo pipefail',
    'here="$(cd "$(dirname "$0")" && pwd)"',
    `mkdir -p ${sh(p.out + '/slurm/logs')}`,
    `logs=${sh(outputPattern(p.out + '/slurm/logs'))}`,
    'sweep=$(sbatch --parsable --output="$logs/sweep-%A_%a.out" "$here/sweep.sbatch")',
    'sweep=${sweep%%;*}',
    'merge=$(sbatch --parsable --output="$logs/merge-%j.out" --dependency=afterok:"$sweep" --kill-on-invalid-dep=yes "$here/merge.sbatch")',
    'merge=${merge%%;*}',
    `echo "submitted sweep array job $sweep (${p.shards} tasks) and merge job $merge"`,
    `echo "result (after job $merge): "${sh(p.out + '/result')}`,
    'echo "jobs $sweep $merge"',
    '',
  ].join('\n');
  return { sweep, merge, submit };
}
