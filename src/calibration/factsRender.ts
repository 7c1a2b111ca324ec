/**
 * The stylized-facts section of the validation report (stylizedFacts.ts): plain text or
 * Markdown, one row per fact and condition. Pure.
 */
import type { FactResult } from './stylizedFacts';

const num = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

export function factRows(facts: readonly FactResult[]): string[][] {
  return facts.flatMap((f) => f.conditions.map((c, i) => [i === 0 ? f.fact : '', c.condition, `${num(c.effect)} [${num(c.ciLow)}, ${num(c.ciHigh)}]`, String(c.n), verdict(c), i === 0 ? `${f.measure}. Mechanism: ${f.mechanism}` : '']));
}

/** 'n/a' where theory gives the fact no purchase (the reason is listed below the table). */
/**
 * holds: the interval is on the fact's side; FAILS: it is wholly on the other side (the evidence
 * goes against the fact); not shown: it spans the threshold, too few runs to tell either way.
 */
const verdict = (c: FactResult['conditions'][number]): string => (c.notApplicable !== undefined ? 'n/a' : c.holds ? 'holds' : c.contradicted ? 'FAILS' : 'not shown');
const factVerdict = (f: FactResult): string => (f.holds ? 'holds' : f.contradicted ? 'FAILS' : 'not shown');

/** "5 of 8 hold ...; 2 not shown at this many seeds (intervals span the threshold); 1 fails". */
function factsHeadline(facts: readonly FactResult[], seeds: number): string {
  const held = facts.filter((f) => f.holds).length;
  const failed = facts.filter((f) => !f.holds && f.contradicted).length;
  const unshown = facts.length - held - failed;
  return `Stylized facts (issue 12): ${held} of ${facts.length} hold in every condition where they apply${unshown > 0 ? `; ${unshown} not shown at ${seeds} seeds (an interval spans the threshold: too few runs to tell, not evidence against; docs/calibration.md runs 100)` : ''}${failed > 0 ? `; ${failed} FAIL${failed === 1 ? 'S' : ''} (an interval wholly against the fact)` : ''}; ${seeds} seeds per condition.`;
}

const HEADER = ['fact', 'condition', 'effect [95% CI]', 'n', 'result', 'measure / mechanism'];

export function factsMarkdown(facts: readonly FactResult[], seeds: number): string {
  const lines = [factsHeadline(facts, seeds), '', `| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`];
  for (const r of factRows(facts)) lines.push(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  for (const f of facts) for (const c of f.conditions) if (c.detail || c.notApplicable) lines.push(`- ${f.id}, ${c.condition}: ${[c.notApplicable ? `not applicable: ${c.notApplicable}` : '', c.detail ?? ''].filter((x) => x !== '').join('; ')}`);
  return lines.join('\n');
}

export function factsText(facts: readonly FactResult[], seeds: number): string {
  const lines = [factsHeadline(facts, seeds), ''];
  for (const f of facts) {
    lines.push(`${factVerdict(f).padEnd(9)}  ${f.fact}`);
    lines.push(`           measure: ${f.measure}`);
    lines.push(`           mechanism: ${f.mechanism}`);
    for (const c of f.conditions) lines.push(`           ${c.notApplicable !== undefined ? 'n/a      ' : c.holds ? 'ok       ' : c.contradicted ? 'FAIL     ' : 'not shown'} ${c.condition}: ${num(c.effect)} [${num(c.ciLow)}, ${num(c.ciHigh)}], n ${c.n}${c.notApplicable ? `; not applicable: ${c.notApplicable}` : ''}${c.detail ? `; ${c.detail}` : ''}`);
  }
  return lines.join('\n');
}
