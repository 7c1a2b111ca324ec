#!/usr/bin/env node
// The effectiveness sensitivity of docs/replication.md ("Sensitivity: who the pivotal state
// wants"): `coalsim replicate isaf` with e_i = clamp((c_i / c_P)^elasticity, 0.02, 1) for four
// elasticities (src/replication/isaf.ts, effectivenessElasticity; 1 is the rule used), 10 seeds,
// the model with controls. Prints the doc's Markdown table: the simulated slope in percentage
// points of armed forces per unit of potential with its HC1 95% CI, and Spearman rho of simulated
// against observed shares over all states and over the contributors.
// Usage: npm run build --silent && node scripts/effectiveness-sensitivity.js [seeds]
'use strict';
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { parseIsafCsv } = require('../dist/replication/isafData');
const { replicateIsaf, seedList } = require('../dist/replication/isaf');

const seeds = Number(process.argv[2] ?? 10);
if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`seeds must be a whole number >= 1, got ${process.argv[2]}`);
const rows = parseIsafCsv(readFileSync(join(resolve(__dirname, '..'), 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
const pp = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;
const rules = [
  [0.5, '`(c_i / c_P)^0.5`'],
  [0.75, '`(c_i / c_P)^0.75`'],
  [1, '`c_i / c_P` (used)'],
  [1.25, '`(c_i / c_P)^1.25`'],
];
const lines = ['| effectiveness rule | simulated coef (pp) [95% CI] | rho (all) | rho (contributors) |', '|---|---|---|---|'];
for (const [elasticity, label] of rules) {
  const r = replicateIsaf(rows, seedList(seeds), { effectivenessElasticity: elasticity });
  const s = r.controls.simulated;
  lines.push(`| ${label} | ${pp(s.coef)} [${pp(s.ciLow)}, ${pp(s.ciHigh)}] | ${r.spearmanAll.rho.toFixed(2)} | ${r.spearmanContributors.rho.toFixed(2)} |`);
}
process.stdout.write(`${seeds} seeds, model with controls\n\n${lines.join('\n')}\n`);
