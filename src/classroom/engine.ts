/**
 * What the classroom page runs (bundled by esbuild into classroom.html): apply a pane's
 * settings to the scenario, validate it as a scenario file is validated, run the engine
 * through its public entry points (runScenario, summarize), and return the headline numbers
 * and the chart specs. The numbers are summary.json's, so they equal `coalsim run`'s for the
 * same scenario and seed. Pure: no DOM, no clock.
 */
import { chartData } from '../charts/data';
import type { ChartSpec } from '../charts/index';
import { forcesChart } from '../charts/specs/forces';
import { holdupsChart } from '../charts/specs/holdups';
import { powerChart } from '../charts/specs/power';
import { troopsChart } from '../charts/specs/troops';
import { runScenario } from '../core/engine/run';
import { summarize } from '../core/metrics/summary';
import { paymentRows, roundRows } from '../output/tidy';
import { holdupStories } from '../report/holdups';
import { meanShareAtEnd } from '../report/shares';
import type { PaymentRow } from '../report/loadOutputs';
import { checkScenario } from '../scenario/crossChecks';
import { formatPath } from '../scenario/issues';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { applySettings, type Control, type Settings } from './controls';

export { contrastPresets, controlsFor, applySettings, settingsOf } from './controls';

/** The numbers a pane shows; every one is read from summary.json (or counted from events.ndjson). */
export interface Headline {
  readonly troopsFinal: number;
  readonly demandFinal: number;
  readonly peakTroops: number;
  readonly peakDemand: number;
  /** US$ per foreign soldier-year, null when none served. */
  readonly costPerForeignSoldierYear: number | null;
  /** Mean share of the surplus to partners over deals as signed (0-1), null without paid deals. */
  readonly meanShare: number | null;
  /** The same in the members' contracts at the end, hold-up concessions counted (report/shares.ts), null without any. */
  readonly meanShareAtEnd: number | null;
  readonly reversals: number;
  readonly reversalsBy: readonly { readonly name: string; readonly round: number; readonly share: number }[];
  readonly paymentsTotal: number;
  readonly flags: number;
  readonly holdups: { readonly threats: number; readonly paid: number; readonly refusedWithdrew: number; readonly bluffCalled: number; readonly amountPaid: number };
  /** Side deals promised rather than paid at signing (summary.json `promises`), each with what became of it; null when none was promised. */
  readonly promises: {
    readonly made: number;
    readonly kept: number;
    readonly broken: number;
    readonly outstanding: number;
    readonly items: readonly { readonly name: string; readonly item: string; readonly status: 'kept' | 'broken' | 'outstanding'; readonly round: number | null }[];
  } | null;
}

export type PaneResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly headline: Headline; readonly charts: readonly ChartSpec[] }
  | { readonly ok: false; readonly errors: readonly string[] };

export function validScenario(doc: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const parsed = ScenarioSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path as (string | number)[])}: ${i.message}`) };
  const issues = checkScenario(parsed.data);
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  return { ok: true, scenario: parsed.data };
}

export function headlineOf(scenario: Scenario, summary: ReturnType<typeof summarize>, events: Parameters<typeof holdupStories>[0]): Headline {
  const names = new Map(scenario.thirdParties.map((t) => [t.id, t.name]));
  const h = holdupStories(events);
  return {
    troopsFinal: summary.coalition.troopsFinal,
    demandFinal: summary.coalition.demandFinal,
    peakTroops: summary.coalition.peakTroops,
    peakDemand: summary.coalition.peakDemand,
    costPerForeignSoldierYear: summary.costs.costPerForeignSoldierYear,
    meanShare: summary.power.meanShare,
    meanShareAtEnd: meanShareAtEnd(summary),
    reversals: summary.power.reversals,
    reversalsBy: summary.power.reversalsBy.map((r) => ({ name: names.get(r.party) ?? r.party, round: r.round, share: r.share })),
    paymentsTotal: summary.payments.total,
    flags: summary.coalition.flags,
    holdups: {
      threats: h.length,
      paid: h.filter((x) => x.outcome === 'paid').length,
      refusedWithdrew: h.filter((x) => x.outcome === 'refused-withdrew').length,
      bluffCalled: h.filter((x) => x.outcome === 'bluff-called').length,
      amountPaid: Math.round(h.reduce((a, x) => a + x.amount, 0) * 100) / 100,
    },
    promises: summary.promises
      ? {
          made: summary.promises.made,
          kept: summary.promises.kept,
          broken: summary.promises.broken,
          outstanding: summary.promises.outstanding,
          items: summary.promises.items.map((r) => ({ name: names.get(r.party) ?? r.party, item: scenario.sideDeals.find((d) => d.id === r.item)?.label ?? r.item, status: r.status, round: r.brokenRound })),
        }
      : null,
  };
}

export function runPane(base: Scenario, controls: readonly Control[], settings: Settings, seed: number): PaneResult {
  const v = validScenario(applySettings(base, controls, settings));
  if (!v.ok) return v;
  const result = runScenario(v.scenario, seed);
  const summary = summarize(result);
  const outputs = { scenario: v.scenario, summary, rounds: roundRows(result), payments: paymentRows(result) as PaymentRow[], events: result.events };
  // Only the pane's charts, built by the same spec functions as the report's PNGs.
  const d = chartData(outputs);
  const charts = [powerChart(d), forcesChart(d), holdupsChart(d), troopsChart(d)].filter((c): c is ChartSpec => c !== null);
  return { ok: true, scenario: v.scenario, headline: headlineOf(v.scenario, summary, result.events), charts };
}
