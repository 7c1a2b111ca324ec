/** Checks that need the whole experiment document (the scenario is checked in load.ts). */
import type { InputIssue } from '../scenario/issues';
import { MAX_DESIGN_POINTS } from '../scenario/limits';
import { designSize, gridValues } from './designs';
import { MAX_RUNS, RESERVED_COLUMNS, type Experiment } from './schema';
import { canonicalJson } from './seeds';

export function checkExperiment(e: Experiment): InputIssue[] {
  const issues: InputIssue[] = [];
  const names = new Map<string, number>();
  const sampled = e.design.type !== 'grid';
  e.parameters.forEach((p, i) => {
    const at = ['parameters', i];
    const first = names.get(p.name);
    if (first !== undefined) issues.push({ code: 'duplicate-name', path: [...at, 'name'], message: `name "${p.name}" is already used by parameters[${first}]`, fix: 'give every parameter its own name' });
    else names.set(p.name, i);
    if ((RESERVED_COLUMNS as readonly string[]).includes(p.name) || (e.metrics as readonly string[]).includes(p.name)) {
      issues.push({ code: 'reserved-name', path: [...at, 'name'], message: `"${p.name}" is already a column of runs.csv or aggregate.csv`, fix: `rename it, e.g. "${p.name}Value"` });
    }
    const hasRange = p.min !== undefined || p.max !== undefined;
    if (p.values !== undefined && hasRange) {
      issues.push({ code: 'invalid-value', path: at, message: 'give either "values" or a range ("min" and "max"), not both', fix: 'e.g. { "name": "w", "path": "engine.pricing.thirdPartyWeight", "min": 0.1, "max": 0.9, "levels": 5 }' });
      return;
    }
    if (p.values === undefined && !hasRange) {
      issues.push({ code: 'missing-field', path: at, message: 'a parameter needs "values" or a range ("min" and "max")', fix: 'e.g. "values": [0.3, 0.5, 0.7]' });
      return;
    }
    if (p.values !== undefined) {
      if (p.levels !== undefined) issues.push({ code: 'invalid-value', path: [...at, 'levels'], message: '"levels" applies to a range (min/max), not to a list of values', fix: 'remove "levels"' });
      const seen = new Map<string, number>();
      p.values.forEach((v, j) => {
        const key = canonicalJson(v);
        const k = seen.get(key);
        if (k !== undefined) issues.push({ code: 'duplicate-value', path: [...at, 'values', j], message: `repeats values[${k}] (${key})`, fix: 'list each value once; use "replicates" for repeated runs' });
        else seen.set(key, j);
      });
      return;
    }
    if (p.min === undefined || p.max === undefined) {
      issues.push({ code: 'missing-field', path: [...at, p.min === undefined ? 'min' : 'max'], message: 'a range needs both "min" and "max"', fix: `add "${p.min === undefined ? 'min' : 'max'}"` });
      return;
    }
    if (!(p.min < p.max)) issues.push({ code: 'out-of-range', path: [...at, 'max'], message: `must be greater than min (${p.min}), got ${p.max}`, fix: 'for a single value, use "values": [x]' });
    if (p.scale === 'log' && p.min <= 0) issues.push({ code: 'out-of-range', path: [...at, 'min'], message: `a "log" scale needs min > 0, got ${p.min}`, fix: 'raise min, or use "scale": "linear"' });
    if (p.integer && (!Number.isInteger(p.min) || !Number.isInteger(p.max))) issues.push({ code: 'invalid-value', path: [...at, p.integer && !Number.isInteger(p.min) ? 'min' : 'max'], message: 'an integer range needs whole-number min and max' });
    if (!sampled && p.levels === undefined) {
      issues.push({ code: 'missing-field', path: [...at, 'levels'], message: 'a grid needs "levels" for a range (how many evenly spaced values)', fix: 'add e.g. "levels": 5, or use "design": { "type": "lhs", "points": 100 }' });
    }
    if (sampled && p.levels !== undefined) issues.push({ code: 'invalid-value', path: [...at, 'levels'], message: `"levels" applies to a grid; a ${e.design.type} design samples the range`, fix: 'remove "levels"' });
  });
  if (e.parameters.length === 0 && e.design.type !== 'grid') {
    const size = e.design.type === 'saltelli' ? '"samples"' : e.design.type === 'morris' ? '"trajectories"' : '"points"';
    issues.push({
      code: 'invalid-value',
      path: ['design'],
      message: `a ${e.design.type} design samples the parameters, but there are none: its ${size} would be ignored`,
      fix: 'add "parameters" to vary, or remove "design" to run only replicates of the base scenario',
    });
  }
  const seenMetric = new Set<string>();
  e.metrics.forEach((m, i) => {
    if (seenMetric.has(m)) issues.push({ code: 'duplicate-value', path: ['metrics', i], message: `"${m}" is listed twice`, fix: 'list each metric once' });
    seenMetric.add(m);
  });
  if (issues.length === 0) {
    const points = designSize(e.parameters, e.design);
    const runs = points * e.replicates;
    if (points > MAX_DESIGN_POINTS) {
      const sizes = e.design.type === 'grid' ? ` (${e.parameters.map((p) => `${p.name}: ${gridValues(p).length}`).join(' x ')})` : '';
      issues.push({ code: 'too-big', path: ['design'], message: `the design has ${fmt(points)} points${sizes}, over the limit of ${fmt(MAX_DESIGN_POINTS)} design points`, fix: 'use fewer values or levels, or a sampled design ("design": { "type": "lhs", "points": 1000 }); see "Limits" in the README' });
    } else if (runs > MAX_RUNS) issues.push({ code: 'too-big', path: ['replicates'], message: `the design makes ${runs.toLocaleString('en-US')} runs, over the limit of ${MAX_RUNS.toLocaleString('en-US')}`, fix: 'use fewer levels, points or replicates, or split the experiment' });
  }
  return issues;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US') : 'more than 1e308';
}
