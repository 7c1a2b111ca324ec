#!/usr/bin/env node
'use strict';
/**
 * Sweep benchmark (`npm run bench`): throughput with 1 worker thread and with N (all cores),
 * as wall time and as CPU time (the whole process: main thread, workers, GC threads), both for
 * the whole sweep and for its parallel phase alone (the runs, then aggregate.csv's statistics,
 * on the workers; the CSV files are then written by the main thread); and peak memory (max RSS, workers included) for a sweep of 1,000 runs
 * against one of 10,000. Each measurement runs in a fresh child process on the bundled
 * experiment experiments/information-by-surge-10k.json (replicates scaled to the run count),
 * twice: on issue 11's 50-party x 60-round benchmark (bench/generated.js, about 0.75 ms a run,
 * the case the goal is set on) and on the default scenario itself (8 parties x 24 rounds,
 * about 0.3 ms a run); 1 and N workers alternate over the repeats and the medians are printed.
 * Each worker thread compiles the engine with V8's optimizing compiler once (about 0.3 s of
 * CPU); a lone worker has that done on the idle core, N workers on N cores pay it on their own
 * cores. The line "a lone worker's sweep keeps x cores busy" shows how much such work there is. On a shared machine
 * a second worker finds a free core only if nobody else is using it: the load average is
 * printed, and on Linux the largest share of the cores other processes used during a
 * measurement (/proc/stat around it, less the child's own CPU); the CPU-time ratio (what
 * parallelism costs in extra work) carries over. After the 50 x 60 table, bench/ceiling.js
 * measures the machine itself: the speed-up N threads of pure arithmetic get over one at that
 * moment, a reference for the sweep's (not a bound: the load and the workload differ). On Linux
 * with taskset, each table also times the 1-worker sweep confined to one core, which gives the
 * speed-up from 1 core to N (a lone unconfined worker borrows part of a second core).
 * On Linux each table also splits the CPU by thread (/proc/self/task, read before the workers
 * end): the engine threads, the main thread (storing results) and V8's background threads (the
 * optimizing compiler, which every worker isolate runs for itself), so the 2-worker figure can be
 * read as what the runs lose to sharing the machine against what is duplicated per worker.
 * `npm run bench` builds first. Timing is read here only, never in results.
 *
 *   node bench/sweep.js [--quick]     --quick: 4,000-run sweeps, fewer repeats, 2,000-run memory sweep
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { availableParallelism, cpus, loadavg, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const EXPERIMENT = join(ROOT, 'experiments', 'information-by-surge-10k.json');
const { generated } = require('./generated.js');

async function child(file, workers, out) {
  const { loadExperimentFile } = require(join(ROOT, 'dist', 'experiment', 'load.js'));
  const { runSweep } = require(join(ROOT, 'dist', 'experiment', 'sweep.js'));
  const loaded = loadExperimentFile(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let runPhase = null;
  // The progress sink's stop() marks the end of the parallel phase (runs and statistics; the CSVs are written after it).
  const progress = { start() {}, update() {}, stop() { const c = process.cpuUsage(c0); runPhase = { secs: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6, threads: threadCpu(workers) }; } };
  const report = await runSweep({ compiled: loaded.value, out, shard: { index: 0, count: 1 }, workers, resume: false, force: true, version: 'bench', progress });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  // Live heap once garbage is collected: what the sweep still holds after its last run.
  global.gc();
  process.stdout.write(JSON.stringify({ runs: report.ok + report.failed, failed: report.failed, secs, cpu: (c.user + c.system) / 1e6, runPhase, maxRssMB: process.resourceUsage().maxRSS / 1024, heapMB: process.memoryUsage().heapUsed / 2 ** 20, processCpu: processCpu() }) + '\n');
}

/**
 * CPU seconds by thread since the process started, read while the workers are still alive
 * (Linux /proc/self/task; null elsewhere): the main thread, the `workers` busiest other threads
 * (the engine workers: nothing else comes near them in a sweep) and the rest, V8's background
 * threads (its optimizing compiler; the bench runs with --single-threaded-gc, so no GC there).
 */
function threadCpu(workers) {
  const dir = '/proc/self/task';
  if (!existsSync(dir)) return null;
  const hz = 100; // USER_HZ
  const byTid = [];
  for (const tid of readdirSync(dir)) {
    let stat;
    try {
      stat = readFileSync(`${dir}/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // Fields after the parenthesised name: state is 3rd, utime 14th, stime 15th (proc(5)).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byTid.push({ tid: Number(tid), cpu: (Number(f[11]) + Number(f[12])) / hz });
  }
  const main = byTid.find((t) => t.tid === process.pid)?.cpu ?? 0;
  const others = byTid.filter((t) => t.tid !== process.pid).sort((a, b) => b.cpu - a.cpu);
  return { main, workers: others.slice(0, workers).map((t) => t.cpu), background: others.slice(workers).reduce((a, t) => a + t.cpu, 0) };
}

/** This process's CPU seconds since it started (start-up and module loading included). */
function processCpu() {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

/**
 * CPU seconds the whole machine has spent busy so far (Linux /proc/stat, in USER_HZ = 1/100 s
 * ticks), or null elsewhere. Read around a measurement, less the child's own CPU, it tells how
 * much other processes ran meanwhile: this VM schedules each session as a group, so another
 * session's busy process takes a core from a 2-worker sweep whatever its `nice`.
 */
function machineBusy() {
  if (!existsSync('/proc/stat')) return null;
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user, nice, system, irq, softirq, steal
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
}

/** `taskset` (util-linux) when this is Linux and it is installed: it confines a process to chosen cores. */
const TASKSET = process.platform === 'linux' ? ['/usr/bin/taskset', '/bin/taskset'].find((f) => existsSync(f)) ?? null : null;

/** One sweep in a fresh child process; `oneCore`: confined to core 0 with taskset (main thread, worker, V8's threads all on it). */
function measure(file, workers, tmp, oneCore = false) {
  const out = join(tmp, `out-${workers}-${Date.now()}`);
  const busy0 = machineBusy();
  const t0 = process.hrtime.bigint();
  const argv = [process.execPath, '--expose-gc', '--single-threaded-gc', __filename, '--child', file, String(workers), out];
  if (oneCore) argv.unshift(TASKSET, '-c', '0');
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: '', SLURM_CPUS_PER_TASK: '' } });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  rmSync(out, { recursive: true, force: true });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const busy1 = machineBusy();
  const m = JSON.parse(r.stdout.trim().split('\n').pop());
  // The share of the machine's cores other processes used while the child ran (null: unknown).
  m.others = busy0 === null || busy1 === null ? null : Math.max(0, busy1 - busy0 - m.processCpu) / (wall * availableParallelism());
  return m;
}

/** The experiment on `scenario` (a path; default: the bundled experiment's own) with about `runs` runs. */
function experimentWithRuns(tmp, runs, scenario) {
  const e = JSON.parse(readFileSync(EXPERIMENT, 'utf8'));
  const points = 100; // 10 x 10 grid
  e.replicates = Math.max(1, Math.round(runs / points));
  e.id = `bench-${runs}`;
  e.scenario = scenario ?? resolve(ROOT, 'experiments', e.scenario);
  const file = join(tmp, `bench-${runs}-${scenario ? 'g' : 'd'}.json`);
  writeFileSync(file, JSON.stringify(e));
  return file;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  const quick = process.argv.includes('--quick');
  const n = availableParallelism();
  const tmp = mkdtempSync(join(tmpdir(), 'coalsim-bench-'));
  try {
    // Long enough that a worker's fixed start-up (modules, JIT compilation: about 0.35 s of CPU) is not most of it.
    const repeats = quick ? 2 : 3;
    const large = quick ? 2000 : 10000;
    const bench = join(tmp, 'generated-50x60.json');
    writeFileSync(bench, JSON.stringify(generated(50, 60)));
    process.stdout.write(`\ncoalsim sweep benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, ${n} core(s), node ${process.version}; median of ${repeats} interleaved repeats\n`);
    scaling(tmp, n, repeats, quick ? 4000 : 10000, bench, "issue 11's benchmark: 50 parties x 60 rounds");
    if (n > 1) machineCeiling(n, quick);
    scaling(tmp, n, repeats, quick ? 4000 : 10000, undefined, 'the default scenario: 8 parties x 24 rounds');
    const memSmall = measure(experimentWithRuns(tmp, large / 10), n, tmp);
    const memLarge = measure(experimentWithRuns(tmp, large), n, tmp);
    process.stdout.write(`memory (default scenario, ${n} workers): peak RSS ${memSmall.maxRssMB.toFixed(0)} MB at ${large / 10} runs vs ${memLarge.maxRssMB.toFixed(0)} MB at ${large} runs (x${(memLarge.maxRssMB / memSmall.maxRssMB).toFixed(2)}, goal <= 1.2); live heap after the sweep ${memSmall.heapMB.toFixed(1)} vs ${memLarge.heapMB.toFixed(1)} MB (results stream to SQLite)\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** What N threads of pure arithmetic gain over one on this machine just now (bench/ceiling.js): a reference for the sweep's speed-up. */
function machineCeiling(n, quick) {
  const r = spawnSync(process.execPath, [join(__dirname, 'ceiling.js'), String(quick ? 4e8 : 8e8)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/ceiling.js failed: ${r.stderr}`);
  const c = JSON.parse(r.stdout);
  process.stdout.write(`the machine, just now: ${n} threads of pure arithmetic (no allocation, nothing shared; bench/ceiling.js) ran x${c.speedup.toFixed(2)} faster than one (median of 5 paired ratios; median times ${c.secs1.toFixed(2)} s and ${c.secsN.toFixed(2)} s): read the sweep's speed-up against it\n`);
}

/** 1 worker against N on one sweep of `runs` runs of `scenario`, printed as a table. */
function scaling(tmp, n, repeats, runs, scenario, label) {
  const file = experimentWithRuns(tmp, runs, scenario);
  const load0 = loadavg()[0];
  const by = { 1: [], [n]: [] };
  // A lone worker also uses a second core (V8 compiles there, the main thread stores results), so
  // 1 worker against N is not 1 core against N: the same sweep confined to one core (taskset) is.
  const pinned = n > 1 && TASKSET !== null ? [] : null;
  // Interleaved: 1 worker, N workers, 1 on one core, 1, N, ... so drift in the machine's load hits all alike.
  for (let k = 0; k < repeats; k++) {
    for (const w of n > 1 ? [1, n] : [1]) by[w].push(measure(file, w, tmp));
    if (pinned) pinned.push(measure(file, 1, tmp, true));
  }
  const med = (w, f) => median(by[w].map(f));
  process.stdout.write(`\n${label}: ${runs}-run sweeps (${runs / 100} replicates x 100 points); load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}\n`);
  const others = Object.keys(by).flatMap((w) => by[w].map((m) => m.others)).filter((x) => x !== null);
  if (others.length > 0) {
    const most = Math.max(...others);
    process.stdout.write(`other processes used up to ${(100 * most).toFixed(0)}% of the machine's cores during these sweeps${most > 0.05 ? ': the 2-worker figures then measure them too, not coalsim alone (another session takes a core whatever its nice)' : ''}\n`);
  }
  process.stdout.write(`${'workers'.padEnd(8)} ${'sweep wall s'.padStart(13)} ${'CPU s'.padStart(7)} ${'runs/s'.padStart(7)} ${'runs+stats wall s'.padStart(17)} ${'CPU s'.padStart(7)} ${'runs/s'.padStart(7)}\n`);
  for (const w of Object.keys(by).map(Number)) {
    if (by[w].length === 0) continue;
    const secs = med(w, (m) => m.secs);
    const rp = med(w, (m) => m.runPhase.secs);
    process.stdout.write(`${String(w).padEnd(8)} ${secs.toFixed(2).padStart(13)} ${med(w, (m) => m.cpu).toFixed(2).padStart(7)} ${(runs / secs).toFixed(0).padStart(7)} ${rp.toFixed(2).padStart(17)} ${med(w, (m) => m.runPhase.cpu).toFixed(2).padStart(7)} ${(runs / rp).toFixed(0).padStart(7)}\n`);
  }
  if (n > 1) {
    const sp = (f) => (med(1, f) / med(n, f)).toFixed(2);
    const lone = med(1, (m) => m.runPhase.cpu / m.runPhase.secs);
    process.stdout.write(`speed-up with ${n} workers against 1 (goal >= 1.9): x${sp((m) => m.secs)} whole sweep, x${sp((m) => m.runPhase.secs)} runs + statistics (wall); CPU time of that phase x${(med(n, (m) => m.runPhase.cpu) / med(1, (m) => m.runPhase.cpu)).toFixed(2)} of one worker's (1.00 = parallelism costs no extra work)\n`);
    process.stdout.write(`a lone worker's sweep keeps ${lone.toFixed(2)} cores busy (V8 compiles on the idle core and the main thread stores results there); ${n} workers have no idle core for that work (x${(n / lone).toFixed(2)} if all of it were on the critical path)\n`);
    const th = (w) => by[w].map((m) => m.runPhase.threads).filter((t) => t !== null && t !== undefined);
    if (th(1).length > 0 && th(n).length > 0) {
      const m = (w, f) => median(th(w).map(f));
      const sum = (xs) => xs.reduce((a, b) => a + b, 0);
      const one = m(1, (t) => sum(t.workers));
      const many = m(n, (t) => sum(t.workers));
      process.stdout.write(
        `CPU by thread, whole process to the end of the statistics (Linux /proc): 1 worker: engine thread ${one.toFixed(2)} s, main ${m(1, (t) => t.main).toFixed(2)} s, V8 background (optimizing compiler) ${m(1, (t) => t.background).toFixed(2)} s; ` +
          `${n} workers: engine threads ${many.toFixed(2)} s in all (x${(many / one).toFixed(2)} of one: what the runs themselves lose to sharing the machine), main ${m(n, (t) => t.main).toFixed(2)} s, V8 background ${m(n, (t) => t.background).toFixed(2)} s (each worker compiles the engine for itself)\n`,
      );
    }
    if (pinned) {
      const one = median(pinned.map((m) => m.secs));
      process.stdout.write(`1 core against ${n}: the 1-worker sweep confined to one core (taskset -c 0) took ${one.toFixed(2)} s (${(runs / one).toFixed(0)} runs/s), so ${n} workers on ${n} cores are x${(one / med(n, (m) => m.secs)).toFixed(2)} faster than one core (whole sweep)\n`);
    }
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
