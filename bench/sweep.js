#!/usr/bin/env node
'use strict';
/**
 * Sweep benchmark (`npm run bench`): throughput in runs/s with 1 worker thread and with N
 * (all cores), and peak memory (max RSS of the whole process, workers included) for a sweep of
 * 1,000 runs against one of 10,000. Each measurement runs in a fresh child process on the
 * bundled experiment experiments/information-by-surge-10k.json (replicates scaled down for the
 * smaller sweeps). `npm run bench` builds first. Timing is read here only, never in results.
 * The machine is shared with whatever else runs: figures vary by a few tens of percent.
 *
 *   node bench/sweep.js [--quick]     --quick: 400/2,000-run sweeps instead of 2,000/10,000
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { availableParallelism, cpus, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const EXPERIMENT = join(ROOT, 'experiments', 'information-by-surge-10k.json');

async function child(file, workers, out) {
  const { loadExperimentFile } = require(join(ROOT, 'dist', 'experiment', 'load.js'));
  const { runSweep } = require(join(ROOT, 'dist', 'experiment', 'sweep.js'));
  const loaded = loadExperimentFile(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const t0 = process.hrtime.bigint();
  const report = await runSweep({ compiled: loaded.value, out, shard: { index: 0, count: 1 }, workers, resume: false, force: true, version: 'bench' });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  // Live heap once garbage is collected: what the sweep still holds after its last run.
  global.gc();
  process.stdout.write(JSON.stringify({ runs: report.ok + report.failed, failed: report.failed, secs, maxRssMB: process.resourceUsage().maxRSS / 1024, heapMB: process.memoryUsage().heapUsed / 2 ** 20 }) + '\n');
}

function measure(file, workers, tmp) {
  const out = join(tmp, `out-${workers}-${Date.now()}`);
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', file, String(workers), out], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: '', SLURM_CPUS_PER_TASK: '' } });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  rmSync(out, { recursive: true, force: true });
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function experimentWithRuns(tmp, runs) {
  const e = JSON.parse(readFileSync(EXPERIMENT, 'utf8'));
  const points = 100; // 10 x 10 grid
  e.replicates = Math.max(1, Math.round(runs / points));
  e.id = `bench-${runs}`;
  e.scenario = resolve(ROOT, 'experiments', e.scenario);
  const file = join(tmp, `bench-${runs}.json`);
  writeFileSync(file, JSON.stringify(e));
  return file;
}

function main() {
  const quick = process.argv.includes('--quick');
  const n = availableParallelism();
  const tmp = mkdtempSync(join(tmpdir(), 'coalsim-bench-'));
  try {
    const small = quick ? 400 : 2000;
    const large = quick ? 2000 : 10000;
    const smallFile = experimentWithRuns(tmp, small);
    const results = [];
    const row = (what, workers, m) => {
      results.push({ what, workers, ...m, runsPerSec: m.runs / m.secs });
      process.stdout.write(`${what.padEnd(26)} ${String(workers).padStart(7)}  ${String(m.runs).padStart(6)}  ${m.secs.toFixed(1).padStart(7)}  ${(m.runs / m.secs).toFixed(0).padStart(7)}  ${m.maxRssMB.toFixed(0).padStart(11)}  ${m.heapMB.toFixed(1).padStart(8)}\n`);
    };
    process.stdout.write(`coalsim sweep benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, ${n} core(s) available, node ${process.version}\n`);
    process.stdout.write(`${'measurement'.padEnd(26)} ${'workers'.padStart(7)}  ${'runs'.padStart(6)}  ${'secs'.padStart(7)}  ${'runs/s'.padStart(7)}  ${'max RSS MB'.padStart(11)}  ${'heap MB'.padStart(8)}\n`);
    row('throughput', 1, measure(smallFile, 1, tmp));
    if (n > 1) row('throughput', n, measure(smallFile, n, tmp));
    const memSmall = measure(experimentWithRuns(tmp, large / 10), n, tmp);
    row(`memory, ${large / 10} runs`, n, memSmall);
    const memLarge = measure(experimentWithRuns(tmp, large), n, tmp);
    row(`memory, ${large} runs`, n, memLarge);
    const t1 = results[0].runsPerSec;
    const tn = results[1]?.runsPerSec ?? t1;
    process.stdout.write(`\nspeed-up with ${n} workers: x${(tn / t1).toFixed(2)}\n`);
    process.stdout.write(`memory: peak RSS ${memSmall.maxRssMB.toFixed(0)} MB at ${large / 10} runs vs ${memLarge.maxRssMB.toFixed(0)} MB at ${large} runs; live heap after the sweep ${memSmall.heapMB.toFixed(1)} vs ${memLarge.heapMB.toFixed(1)} MB\n`);
    process.stdout.write('(heap MB: live heap of the main thread after the sweep and a full GC; results stream to SQLite, so it does not grow with runs)\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], Number(process.argv[4]), process.argv[5]).catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
    process.exit(1);
  });
} else {
  main();
}
