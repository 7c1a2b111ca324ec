/**
 * Cross-checks of a scenario's calibration targets, once its shape is valid: every measure
 * exists and gets the right number of arguments, every argument names a party, side-deal
 * item or payer of this scenario, the recorded form fits the measure, and target ids are unique.
 */
import { checkScenario } from '../scenario/crossChecks';
import { scenarioJsonSchema } from '../scenario/jsonSchema';
import type { InputIssue, Result } from '../scenario/issues';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { validateText } from '../scenario/validate';
import { migrateScenarioInMemory } from '../scenario/load';
import { MEASURES, parseMeasure, type ArgKind } from './measures';
import { closeCallBand, defaultTolerance } from './score';
import { BEHAVIOUR_LABELS } from '../core/metrics/typology';

const ARG_NOUN: Record<ArgKind, string> = { party: 'a third party of this scenario', item: 'a side-deal item of this scenario', payer: 'a pivotal state, donor or payer of this scenario', access: 'a kind of access offered in this scenario', label: 'a behavioural label' };

export function checkCalibration(s: Scenario): InputIssue[] {
  const issues: InputIssue[] = [];
  const targets = s.meta.calibration ?? [];
  const known: Record<ArgKind, Set<string>> = {
    party: new Set(s.thirdParties.map((t) => t.id)),
    item: new Set(s.sideDeals.map((d) => d.id)),
    payer: new Set([s.pivotal.id, ...s.donors.map((d) => d.id), ...(s.payers ?? []).map((p) => p.id)]),
    access: new Set(s.thirdParties.flatMap((t) => (t.access ?? []).map((a) => a.kind))),
    label: new Set(BEHAVIOUR_LABELS),
  };
  const list = (k: ArgKind): string => [...known[k]].sort().join(', ') || '(none)';
  const ids = new Set<string>();
  targets.forEach((t, i) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['meta', 'calibration', i, ...rest];
    if (ids.has(t.id)) issues.push({ code: 'duplicate-id', path: at('id'), message: `target id "${t.id}" is used twice`, fix: 'give every calibration target its own id' });
    ids.add(t.id);
    const parsed = parseMeasure(t.measure);
    if ('error' in parsed) {
      issues.push({ code: 'unknown-measure', path: at('measure'), message: parsed.error, fix: `use one of: ${MEASURES.map((m) => m.name).join(', ')}` });
      return;
    }
    parsed.def.args.forEach((kind, j) => {
      const arg = parsed.args[j]!;
      if (!known[kind].has(arg)) issues.push({ code: 'unknown-id', path: at('measure'), message: `"${arg}" in "${t.measure}" is not ${ARG_NOUN[kind]}`, fix: `use one of: ${list(kind)}` });
      else if (kind === 'access' && parsed.def.args[j - 1] === 'party') {
        // The kind must be one the named party offers, not merely one some party offers.
        const party = parsed.args[j - 1]!;
        const offers = [...new Set((s.thirdParties.find((p) => p.id === party)?.access ?? []).map((a) => a.kind))].sort();
        if (known.party.has(party) && !offers.includes(arg as (typeof offers)[number])) {
          issues.push({ code: 'unknown-id', path: at('measure'), message: `${party} offers no "${arg}" access (thirdParties[].access)`, fix: offers.length > 0 ? `use one of ${party}'s: ${offers.join(', ')}` : `${party} sells no access: name a party that does, or add the offer to ${party}` });
        }
      }
    });
    const numeric = parsed.def.kind === 'number';
    const r = t.recorded;
    if (numeric && 'equals' in r) issues.push({ code: 'invalid-value', path: at('recorded'), message: `measure "${parsed.def.name}" is a number: record { "value": ... } or { "min": ..., "max": ... }`, fix: 'replace { "equals": ... } with { "value": <number> } or { "min": <number>, "max": <number> }' });
    if (!numeric && !('equals' in r)) issues.push({ code: 'invalid-value', path: at('recorded'), message: `measure "${parsed.def.name}" is a ${parsed.def.kind}: record { "equals": ... }`, fix: parsed.def.kind === 'boolean' ? 'record { "equals": true } or { "equals": false }' : 'record { "equals": "<category>" }' });
    if (parsed.def.kind === 'boolean' && 'equals' in r && typeof r.equals !== 'boolean') issues.push({ code: 'invalid-value', path: at('recorded', 'equals'), message: `measure "${parsed.def.name}" is yes/no: record true or false`, fix: 'write true or false, without quotes' });
    if ('min' in r && r.min > r.max) issues.push({ code: 'invalid-value', path: at('recorded'), message: `min ${r.min} is above max ${r.max}`, fix: 'swap them' });
    const rule = (t.tolerance ?? defaultTolerance(parsed.def.kind)).rule;
    const categorical = rule === 'modal' || rule === 'close-call';
    if (numeric === categorical) issues.push({ code: 'invalid-value', path: at('tolerance', 'rule'), message: numeric ? `a number is judged by "interval" or "median-within", not "${rule}"` : `a ${parsed.def.kind} is judged by "modal" or "close-call"`, fix: numeric ? 'use { "rule": "interval" } or { "rule": "median-within", "relative": 0.25 }, or omit tolerance' : 'use { "rule": "modal" } or { "rule": "close-call", "minShare": 0.25 }, or omit tolerance' });
    const tol = t.tolerance;
    if (tol !== undefined && tol.rule === 'close-call') {
      const [lo, hi] = closeCallBand(tol);
      if (hi < lo) {
        issues.push(
          tol.maxShare !== undefined
            ? { code: 'invalid-value', path: at('tolerance', 'maxShare'), message: `maxShare ${tol.maxShare} is below minShare ${tol.minShare}: no share of runs can pass`, fix: 'swap them, or omit maxShare (1 - minShare)' }
            : { code: 'invalid-value', path: at('tolerance', 'minShare'), message: `minShare ${tol.minShare} is above 0.5, so the default band [minShare, 1 - minShare] is empty: no share of runs can pass`, fix: 'give a minShare of at most 0.5, or a maxShare (1 for no upper end)' },
        );
      }
    }
  });
  return issues;
}

/** Validate a scenario's text with the scenario checks and the calibration checks, with line numbers. */
export function parseCalibratedScenario(text: string): Result<Scenario> {
  return validateText(text, { schema: ScenarioSchema, jsonSchema: scenarioJsonSchema(), crossCheck: (s: Scenario) => [...checkScenario(s), ...checkCalibration(s)], migrate: migrateScenarioInMemory });
}
