#!/usr/bin/env node
'use strict';
/**
 * Allocation profile of sweep-mode runs (not part of `npm run bench`): V8's sampling heap
 * profiler, objects later collected by the garbage collector included, over 200 runs of the
 * 50-party x 60-round case of bench/engine.js after 200 runs of warm-up. Prints the bytes
 * allocated per run and the functions that allocate most (self size). V8 attributes an inlined
 * function's allocations to the function it was inlined into, so read the table by area, not
 * by exact function. Build first (`npm run build`).
 *
 *   node --single-threaded-gc bench/alloc.js [default] [top]   default: the default scenario instead
 */
const { Session } = require('node:inspector');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const { parseScenario } = require(join(ROOT, 'dist', 'scenario', 'load.js'));
const { runForMetrics } = require(join(ROOT, 'dist', 'core', 'engine', 'run.js'));

const { generated } = require('./generated');

const useDefault = process.argv[2] === 'default';
const top = Number(process.argv[useDefault ? 3 : 2] || 25);
const scenario = useDefault ? parseScenario(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8')).value : generated(50, 60);
for (let i = 0; i < 200; i++) runForMetrics(scenario, 10000 + i);

const session = new Session();
session.connect();
const post = (method, params) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));

(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const N = 200;
  for (let i = 0; i < N; i++) runForMetrics(scenario, i + 1);
  const { profile } = await post('HeapProfiler.stopSampling');
  const self = new Map();
  let total = 0;
  const walk = (node) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}`;
    total += node.selfSize;
    self.set(name, (self.get(name) || 0) + node.selfSize);
    for (const c of node.children) walk(c);
  };
  walk(profile.head);
  process.stdout.write(`${useDefault ? 'default scenario' : '50 x 60'}: about ${(total / N / 1024).toFixed(0)} KB allocated per run (sampled)\n`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(v / N / 1024).toFixed(1).padStart(8)} KB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}\n`);
  }
})();
