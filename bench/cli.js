#!/usr/bin/env node
'use strict';
/**
 * CLI benchmark (`npm run bench`, last part): wall time of whole `coalsim` processes, as a user
 * sees it, against bare `node -e 0` measured in the same rounds. Prints the median of
 * interleaved repeats (each round runs every case once, in turn, so load drifts hit all cases
 * alike) and each median's ratio to bare node, plus the load average, since on a shared machine
 * the ratios are what carries over; and the median CPU time of each process with its children
 * (chart render workers included), read from this process's reaped-children times in
 * /proc/self/stat (Linux; 10 ms ticks), which other sessions' load does not stretch.
 *
 *   - `coalsim --help` and `--version` (fast path, no yargs);
 *   - `coalsim run` on the default scenario: with PNG charts as the machine chooses (render
 *     workers only on idle cores, src/charts/renderPool.ts), with charts forced to one thread
 *     (COALSIM_CHART_WORKERS=0) and to one worker process (=1), and --no-charts.
 *
 *   node bench/cli.js [--quick] [--repeats N]
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { loadavg, tmpdir, availableParallelism } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'coalsim.js');
const argRepeats = process.argv.indexOf('--repeats');
const repeats = argRepeats > 0 ? Number(process.argv[argRepeats + 1]) : process.argv.includes('--quick') ? 3 : 7;

/** CPU seconds of reaped children (cutime + cstime), or null off Linux. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from the state field (3) after the command name.
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}

const cpuTimes = new Map();
function wall(args, env) {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const c1 = childrenCpu();
  const key = args.filter((a) => !a.includes(tmp)).join(' ') + JSON.stringify(env ?? {});
  if (c0 !== null && c1 !== null) cpuTimes.set(key, [...(cpuTimes.get(key) ?? []), c1 - c0]);
  lastKey = key;
  return s;
}
let lastKey = '';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const tmp = mkdtempSync(join(tmpdir(), 'coalsim-bench-cli-'));
const cases = [
  ['bare node (node -e 0)', () => wall(['-e', '0'])],
  ['coalsim --help', () => wall([BIN, '--help'])],
  ['coalsim --version', () => wall([BIN, '--version'])],
  ['run, charts (workers: auto)', (k) => wall([BIN, 'run', '--out', join(tmp, `a${k}`)])],
  ['run, charts on one thread', (k) => wall([BIN, 'run', '--out', join(tmp, `s${k}`)], { COALSIM_CHART_WORKERS: '0' })],
  ['run, charts + 1 worker process', (k) => wall([BIN, 'run', '--out', join(tmp, `w${k}`)], { COALSIM_CHART_WORKERS: '1' })],
  ['run --no-charts', (k) => wall([BIN, 'run', '--no-charts', '--out', join(tmp, `n${k}`)])],
];
const times = cases.map(() => []);
const cpuKeys = cases.map(() => '');
const loadBefore = loadavg()[0];
try {
  for (let k = 0; k < repeats; k++)
    cases.forEach(([, fn], i) => {
      times[i].push(fn(k));
      cpuKeys[i] = lastKey;
    });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const bare = median(times[0]);
console.log(`\ncoalsim CLI, wall time, median of ${repeats} interleaved repeats (${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}):`);
cases.forEach(([name], i) => {
  const m = median(times[i]);
  const cpu = cpuTimes.get(cpuKeys[i]);
  console.log(`  ${name.padEnd(32)} ${m.toFixed(3)} s  x${(m / bare).toFixed(2)} bare node  (range ${Math.min(...times[i]).toFixed(2)}-${Math.max(...times[i]).toFixed(2)})${cpu ? `  CPU ${median(cpu).toFixed(2)} s` : ''}`);
});
const charts = median(times[3]);
const noCharts = median(times[6]);
console.log(`  charts' share of a run: ${(((charts - noCharts) / charts) * 100).toFixed(0)}%; goals: run with charts <= 0.8 s, --help <= 0.15 s (on an idle machine)`);
