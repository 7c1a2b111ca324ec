'use strict';
/**
 * The benchmark cases of issue 11: the default scenario's parties repeated `n` times with a
 * quarter of their troops, `rounds` rounds, negotiation pricing, operation dynamics on
 * (casualties). Shared by bench/engine.js and bench/alloc.js so both measure the same runs.
 */
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const { parseScenario } = require(join(ROOT, 'dist', 'scenario', 'load.js'));

/** n parties x `rounds` rounds, as a validated scenario. Throws with the issues if it does not validate. */
function generated(n, rounds) {
  const base = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8'));
  const parties = [];
  for (let i = 0; i < n; i++) {
    const t = base.thirdParties[i % base.thirdParties.length];
    parties.push({ ...t, id: `${t.id}${i}`, name: `${t.name} ${i}`, maxTroops: Math.round(t.maxTroops / 4) });
  }
  const input = { ...base, clock: { ...base.clock, rounds }, thirdParties: parties, events: base.events.filter((e) => e.type !== 'availability'),
    sideDeals: base.sideDeals.map(({ recipients, ...d }) => d), engine: { ...base.engine, operation: { deathsPerThousandPerRound: 1 } } };
  const r = parseScenario(JSON.stringify(input));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

module.exports = { generated };
