/**
 * The case literature's classification of named coalition recipients (recorded_types.csv:
 * Henke 2019, International Security 43(4)) checked against the engine's behavioural labels:
 * for each recorded state that appears in a bundled scenario, the share of seeds in which its
 * recorded type is among its labels. Pure: the caller reads the files.
 */
import { parse } from 'csv-parse/sync';
import { CSV_READ_OPTIONS } from '../output/csv';
import { runScenario } from '../core/engine/run';
import { summarize } from '../core/metrics/summary';
import type { Scenario } from '../scenario/schema';

export interface RecordedType {
  readonly case: string;
  readonly iso3: string;
  readonly country: string;
  readonly recordedType: string;
}

export function parseRecordedTypes(text: string): RecordedType[] {
  const rows = parse(text, { ...CSV_READ_OPTIONS, columns: true }) as Record<string, string>[];
  const need = ['case', 'iso3', 'country', 'recorded_type'];
  const missing = need.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) throw new Error(`recorded_types.csv: missing column(s) ${missing.join(', ')}`);
  return rows.map((r) => ({ case: r.case!, iso3: r.iso3!, country: r.country!, recordedType: r.recorded_type!.trim() }));
}

export interface TypeAgreement {
  readonly case: string;
  readonly iso3: string;
  readonly country: string;
  readonly recordedType: string;
  readonly seeds: number;
  /** Seeds in which the recorded type was among its labels (a member's, or those of a state that stayed out). */
  readonly hits: number;
  /** Seeds in which it joined at all. */
  readonly joined: number;
  /** How often each label was given, over the seeds. */
  readonly labelCounts: Readonly<Record<string, number>>;
}

/** Recorded states whose case is a scenario given (by meta.id) and which are third parties in it. */
export function typeAgreement(recorded: readonly RecordedType[], scenarios: readonly Scenario[], seeds: readonly number[]): TypeAgreement[] {
  const out: TypeAgreement[] = [];
  for (const sc of scenarios) {
    const rows = recorded.filter((r) => r.case === sc.meta.id && sc.thirdParties.some((t) => t.id === r.iso3));
    if (rows.length === 0) continue;
    const acc = rows.map((r) => ({ r, hits: 0, joined: 0, labelCounts: {} as Record<string, number> }));
    for (const seed of seeds) {
      const { members, neverJoined } = summarize(runScenario(sc, seed)).coalition;
      for (const a of acc) {
        const m = members.find((x) => x.id === a.r.iso3);
        // A state that stayed out keeps the labels its behaviour showed (a critical partner that
        // refused: Turkey in 2003), so it is checked in every seed, not only those it joined in.
        const labels = m?.labels ?? neverJoined.find((x) => x.id === a.r.iso3)?.labels ?? [];
        if (m) a.joined++;
        for (const l of labels) a.labelCounts[l.label] = (a.labelCounts[l.label] ?? 0) + 1;
        if (labels.some((l) => l.label === a.r.recordedType)) a.hits++;
      }
    }
    for (const a of acc) out.push({ case: a.r.case, iso3: a.r.iso3, country: a.r.country, recordedType: a.r.recordedType, seeds: seeds.length, hits: a.hits, joined: a.joined, labelCounts: a.labelCounts });
  }
  return out;
}
