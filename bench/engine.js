#!/usr/bin/env node
'use strict';
/**
 * Engine benchmark (`npm run bench`, first part): time per run of single scenarios, and what
 * immer costs. Runs each case in-process after a warm-up and reports the median of several
 * timed batches. Timing is read here only, never in results.
 *
 *   node bench/engine.js [--quick]
 *
 * Cases: the bundled default and teaching scenarios, and a generated 150-state, 36-round case
 * (ISAF-sized) to show how a round scales with the number of third parties. For each, immer's
 * auto-freeze on (the library default, which deep-freezes every new state) and off.
 */
// Match the CLI: the production build of immer (see bin/coalsim.js).
process.env.NODE_ENV = process.env.NODE_ENV || 'production';
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const immer = require('immer');

const ROOT = resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const { parseScenario } = require(join(ROOT, 'dist', 'scenario', 'load.js'));
const { runScenario } = require(join(ROOT, 'dist', 'core', 'engine', 'run.js'));

function load(text) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function large() {
  const base = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8'));
  const parties = [];
  for (let i = 0; i < 150; i++) {
    const t = base.thirdParties[i % base.thirdParties.length];
    parties.push({ ...t, id: `${t.id}${i}`, name: `${t.name} ${i}`, maxTroops: Math.round(t.maxTroops / 4) });
  }
  return { ...base, clock: { ...base.clock, rounds: 36 }, thirdParties: parties, events: base.events.filter((e) => e.type !== 'availability'),
    sideDeals: base.sideDeals.map(({ recipients, ...d }) => d), engine: { ...base.engine, operation: { deathsPerThousandPerRound: 1 } } };
}

const cases = [
  ['default (8 states, 24 rounds)', load(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8'))],
  ['teaching-holdup (4 states, 14 rounds)', load(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8'))],
  ['generated (150 states, 36 rounds)', load(JSON.stringify(large()))],
];

/** ms per run of one batch. */
function batch(scenario, runs, seed) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) runScenario(scenario, seed + i);
  return Number(process.hrtime.bigint() - t0) / 1e6 / runs;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Frozen and unfrozen batches alternate, so drift in the machine's speed (a shared VM) hits
// both alike; each figure is the median of its batches.
console.log(`coalsim engine benchmark: node ${process.version}, immer ${require('immer/package.json').version}, median of 9 alternating batches`);
console.log('case'.padEnd(42) + 'ms/run frozen'.padStart(15) + 'ms/run unfrozen'.padStart(17) + 'freeze cost'.padStart(13));
for (const [name, scenario] of cases) {
  const runs = name.startsWith('generated') ? (quick ? 2 : 5) : quick ? 20 : 60;
  for (let i = 0; i < 10; i++) runScenario(scenario, 1000 + i); // warm-up
  const frozen = [];
  const unfrozen = [];
  for (let b = 0; b < 9; b++) {
    immer.setAutoFreeze(true);
    frozen.push(batch(scenario, runs, b * runs));
    immer.setAutoFreeze(false);
    unfrozen.push(batch(scenario, runs, b * runs));
  }
  immer.setAutoFreeze(true);
  const f = median(frozen);
  const u = median(unfrozen);
  console.log(name.padEnd(42) + f.toFixed(2).padStart(15) + u.toFixed(2).padStart(17) + `${Math.round((f / u - 1) * 100)}%`.padStart(13));
}
