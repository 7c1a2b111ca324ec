/**
 * The classroom's sliders: which numbers of a scenario a class can move, where each lives in
 * the scenario (a path, as in experiment files), and the two settings the side-by-side panes
 * start from. Pure: a scenario in, plain data out; the same code runs in the command (to
 * write the page), in the page (bundled), and in the tests (to build the scenario the CLI runs).
 */
import type { ConcretePath } from '../experiment/paths';
import { setAt } from '../experiment/paths';
import { demandBeforeEvent } from '../scenario/crossChecks';
import type { Scenario } from '../scenario/schema';
import { capitalise } from '../report/format';
import { TheName, theName } from '../report/names';

interface ControlBase {
  /** Stable key, also the element id suffix in the page. */
  readonly id: string;
  readonly label: string;
  /** What moving it means, with its unit. */
  readonly help: string;
  readonly path: ConcretePath;
}

export interface NumberControl extends ControlBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
}

export interface ChoiceControl extends ControlBase {
  readonly kind: 'choice';
  readonly options: readonly string[];
  /**
   * What each option writes into the scenario, where that is not the option's text (a supply
   * shock's choice writes `available`, a boolean). Omitted: the option's text itself.
   */
  readonly values?: Readonly<Record<string, string | number | boolean>>;
}

export type Control = NumberControl | ChoiceControl;

export type Settings = Readonly<Record<string, number | string>>;

export interface Preset {
  readonly label: string;
  readonly settings: Settings;
}

const STRATEGIES = ['equilibrium', 'screening', 'boulware', 'conceder', 'fixed-rate'] as const;

/** A slider range around a value: from 0 to a round number at least twice it (and at least `floor`). */
function upTo(value: number, floor: number): number {
  const target = Math.max(floor, value * 2);
  const mag = 10 ** Math.floor(Math.log10(target));
  return Math.ceil(target / mag) * mag;
}

function stepFor(max: number): number {
  return Math.max(1, 10 ** Math.floor(Math.log10(max)) / 20);
}

export function valueAt(doc: unknown, path: ConcretePath): unknown {
  let here: unknown = doc;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/**
 * The controls for a scenario: the pivotal's bargaining (openness, intelligence, patience,
 * urgency, strategy), the value of a flag, and the scenario's own key numbers: every level of
 * demand (the schedule and each demand shock, where scarcity comes from) and the budget.
 */
export function controlsFor(s: Scenario): Control[] {
  const totalOffer = s.thirdParties.reduce((a, t) => a + (t.maxTroops ?? Math.floor(t.armedForces * t.deployableShare)), 0);
  const out: Control[] = [];
  // In the clock's unit, as the story and the charts' x axis speak: "from month 5", not "from round 5".
  const per = s.clock.roundLabel;
  s.pivotal.demand.forEach((d, i) => {
    const max = upTo(Math.max(d.troops, totalOffer), 1000);
    out.push({ kind: 'number', id: `demand${i}`, label: `Troops sought from ${per} ${d.fromRound}`, help: `Foreign troops ${theName(s.pivotal.name)} seeks. At most ${totalOffer.toLocaleString('en-US')} are on offer, with every partner available (fewer while one is not yet available or after one leaves): above what is on offer, partners are scarce.`, path: ['pivotal', 'demand', i, 'troops'], min: 0, max, step: stepFor(max), unit: 'troops' });
  });
  s.events.forEach((e, i) => {
    if (e.type !== 'demand') return;
    if (e.troops !== undefined) {
      const max = upTo(Math.max(e.troops, totalOffer), 1000);
      out.push({ kind: 'number', id: `event${i}`, label: `Troops sought from ${per} ${e.round} (shock)`, help: `${e.label ?? 'A demand shock'}. Scarcity: move it above the troops on offer then (at most ${totalOffer.toLocaleString('en-US')}, fewer once partners have left; the story's market line gives the figure each ${per}).`, path: ['events', i, 'troops'], min: 0, max, step: stepFor(max), unit: 'troops' });
    } else if (e.delta !== undefined) {
      // A shock written as a change of demand (teaching-holdup, default): the slider sets the change.
      const max = upTo(Math.max(Math.abs(e.delta), totalOffer), 1000);
      // No lower than the demand it changes: a cut below zero is refused by validation (scenario/crossChecks).
      const min = -Math.min(max, demandBeforeEvent(s, i));
      out.push({ kind: 'number', id: `shift${i}`, label: `Extra troops sought from ${per} ${e.round} (shock)`, help: `${e.label ?? 'A demand shock'}. Scarcity: raise it until demand passes the troops on offer then (at most ${totalOffer.toLocaleString('en-US')}, fewer once partners have left; the story's market line gives the figure each ${per}); 0 keeps demand where it was.`, path: ['events', i, 'delta'], min, max, step: stepFor(max), unit: 'troops' });
    }
  });
  // A supply shock that takes a partner off the market (teaching-holdup: Thailand hesitates after
  // the enemy's entry) is the other source of scarcity: a choice keeps the partner available.
  s.events.forEach((e, i) => {
    if (e.type !== 'availability' || e.available) return;
    const party = s.thirdParties.find((t) => t.id === e.party);
    const name = theName(party?.name ?? e.party);
    const leaves = `leaves in ${per} ${e.round}`;
    const stays = 'stays available';
    out.push({ kind: 'choice', id: `supply${i}`, label: `${capitalise(name)} (supply shock)`, help: `${e.label ?? `${name} is no longer available`}. Scarcity: as written ${name} leaves the market in ${per} ${e.round}, one substitute fewer; "${stays}" keeps it on offer.`, path: ['events', i, 'available'], options: [leaves, stays], values: { [leaves]: false, [stays]: true } });
  });
  // The signalling lesson (teaching-signalling): whether states choose their contingents to
  // signal, and each signaller's alliance depth, the lever of its unrealized potential
  // max(0, similarity - depth) (BRIEF §1).
  if (s.engine.operation.signalling) {
    out.push({ kind: 'choice', id: 'signalling', label: 'Signalling by contingent size', help: 'On: each state sizes its contingent by its motives, and the share of its forces it offers rises with its unrealized alliance potential (preference similarity minus alliance depth). Off: contingents are their fixed size, and nobody over-contributes to earn a closer alliance.', path: ['engine', 'operation', 'signalling'], options: ['on', 'off'], values: { on: true, off: false } });
    s.thirdParties.forEach((t, i) => {
      if (t.signallingValuePerYear <= 0) return;
      const name = theName(t.name);
      out.push({ kind: 'number', id: `depth${i}`, label: `Alliance depth: ${name}`, help: `How deep ${name}'s formal alliance with ${theName(s.pivotal.name)} already is (0 none, 1 integrated). Its unrealized potential is its preference similarity (${t.preferenceSimilarity}) minus this: the deeper the alliance, the less it has to signal.`, path: ['thirdParties', i, 'allianceDepth'], min: 0, max: 1, step: 0.05, unit: '0–1' });
    });
  }
  // The promises lesson (teaching-promises): when each promised side deal falls due. A promise is
  // kept while reneging would cost the pivotal more (the partner's retaliation over the rounds
  // left) than delivering, so one due near the end is broken.
  s.sideDeals.forEach((d, i) => {
    if (d.delivery === undefined || (d.kind !== 'promise' && d.kind !== 'loan')) return;
    const unit = s.clock.roundLabel;
    out.push({ kind: 'number', id: `due${i}`, label: `${d.label}: due after (${unit}s)`, help: `${capitalise(unit)}s from the deal to ${d.delivery.installments > 1 ? 'its first installment' : 'its delivery'}. ${TheName(s.pivotal.name)} keeps a promise while breaking it would cost more (the partner's retaliation over the ${unit}s left) than keeping it: due late, with little left to lose, it is broken.`, path: ['sideDeals', i, 'delivery', 'firstAfterRounds'], min: 0, max: s.clock.rounds, step: 1, unit: `${unit}s` });
  });
  const b = s.pivotal.bargaining;
  out.push(
    { kind: 'number', id: 'openness', label: 'Openness of recruitment', help: 'How much of its limit the pivotal state shows partners (0 discreet, 1 open).', path: ['pivotal', 'bargaining', 'openness'], min: 0, max: 1, step: 0.05, unit: '0–1' },
    { kind: 'number', id: 'intelligence', label: 'Intelligence', help: "How well the pivotal state knows partners' reservations (0 not at all, 1 exactly).", path: ['pivotal', 'bargaining', 'intelligence'], min: 0, max: 1, step: 0.05, unit: '0–1' },
    { kind: 'number', id: 'patience', label: "Pivotal's patience", help: `Discount factor per ${per}: the value of a deal one ${per} later (higher: more patient).`, path: ['pivotal', 'bargaining', 'patience'], min: 0.5, max: 0.99, step: 0.01, unit: `per ${per}` },
    { kind: 'number', id: 'urgency', label: "Pivotal's urgency", help: 'How much a shortfall of troops makes it impatient: d(t) = patience × (1 − urgency × shortfall / demand).', path: ['pivotal', 'bargaining', 'urgency'], min: 0, max: 1, step: 0.05, unit: '0–1' },
    { kind: 'choice', id: 'strategy', label: "Pivotal's strategy", help: 'How it makes offers.', path: ['pivotal', 'bargaining', 'strategy'], options: b.strategy === 'fixed-rate' || b.fixedRatePerSoldierPerRound !== undefined ? STRATEGIES : STRATEGIES.filter((x) => x !== 'fixed-rate') },
  );
  const flagMax = upTo(s.pivotal.flagValuePerYear, 10_000_000);
  out.push({ kind: 'number', id: 'flagValue', label: 'Value of one more flag', help: 'US$ a year the pivotal state gains from each extra flag in the coalition (legitimacy).', path: ['pivotal', 'flagValuePerYear'], min: 0, max: flagMax, step: stepFor(flagMax), unit: 'US$ a year' });
  const budgetMax = upTo(s.pivotal.budget, 1_000_000);
  out.push({ kind: 'number', id: 'budget', label: 'Budget for partners', help: 'US$ for payments to partners over the whole operation.', path: ['pivotal', 'budget'], min: 0, max: budgetMax, step: stepFor(budgetMax), unit: 'US$' });
  return out;
}

/** The settings of a scenario as it stands. */
export function settingsOf(s: Scenario, controls: readonly Control[]): Settings {
  const out: Record<string, number | string> = {};
  for (const c of controls) {
    const v = valueAt(s, c.path);
    const option = c.kind === 'choice' && c.values !== undefined ? c.options.find((o) => c.values![o] === v) : undefined;
    out[c.id] = option ?? (v as number | string);
  }
  return out;
}

/** A copy of the scenario with the settings applied (still to be validated). */
export function applySettings(base: Scenario, controls: readonly Control[], settings: Settings): unknown {
  let doc: unknown = base;
  for (const c of controls) {
    const v = settings[c.id];
    if (v === undefined) continue;
    const value = c.kind === 'number' ? Number(v) : c.values !== undefined && String(v) in c.values ? c.values[String(v)]! : String(v);
    doc = setAt(doc, c.path, value);
    // A demand shock's label often states its size ("... seeks 3,000 more foreign troops"): once a
    // slider changes the size, keep only the label's headline before the colon, so the story does
    // not contradict the figure it prints next.
    const [root, index] = c.path;
    const event = root === 'events' && typeof index === 'number' ? base.events[index] : undefined;
    if (event !== undefined && event.type === 'demand' && event.label !== undefined && value !== valueAt(base, c.path) && /\d/.test(event.label)) {
      doc = setAt(doc, ['events', index!, 'label'], event.label.includes(':') ? event.label.split(':')[0]!.trim() : 'A demand shock');
    }
    // A partner a choice keeps on the market: the shock's label ("... hesitates") no longer happens.
    if (event !== undefined && event.type === 'availability' && value !== valueAt(base, c.path) && event.label !== undefined) {
      const party = base.thirdParties.find((t) => t.id === event.party);
      const name = theName(party?.name ?? event.party);
      doc = setAt(doc, ['events', index!, 'label'], `${capitalise(name)} stays available`);
    }
  }
  return doc;
}

/**
 * The two settings the panes open with, each scenario's own lesson:
 * - a demand shock that raises demand: slack (every shock held at the first level of demand,
 *   every rise set to 0, and every partner a supply shock takes off the market kept available:
 *   both are where scarcity comes from) against scarce (as written);
 * - else signalling on: as written against every alliance as deep as the preference similarity
 *   behind it (no unrealized potential, so nothing to signal);
 * - else a promise due after the operation's midpoint: as written against every promise due by
 *   the midpoint;
 * - otherwise: open recruitment (openness 0.9) against discreet (0.1), the information pair.
 */
export function contrastPresets(s: Scenario, controls: readonly Control[]): readonly [Preset, Preset] {
  const asIs = settingsOf(s, controls);
  const shocks = controls.filter((c) => c.id.startsWith('event'));
  const shifts = controls.filter((c) => c.id.startsWith('shift'));
  const first = s.pivotal.demand[0]!.troops;
  if (shocks.some((c) => (asIs[c.id] as number) > first) || shifts.some((c) => (asIs[c.id] as number) > 0)) {
    const slack: Record<string, number | string> = { ...asIs };
    for (const c of shocks) slack[c.id] = Math.min(asIs[c.id] as number, first);
    for (const c of shifts) slack[c.id] = Math.min(asIs[c.id] as number, 0);
    const supply = controls.filter((c): c is ChoiceControl => c.id.startsWith('supply') && c.kind === 'choice');
    for (const c of supply) slack[c.id] = c.options[1]!;
    return [
      { label: `Slack: demand stays at ${first.toLocaleString('en-US')}${supply.length > 0 ? ' and every partner stays on the market' : ''}`, settings: slack },
      { label: 'Scarce: the demand shock as written', settings: asIs },
    ];
  }
  const depths = controls.filter((c) => c.id.startsWith('depth'));
  if (depths.length > 0 && asIs.signalling === 'on') {
    // The counterfactual of the ISAF finding: every alliance as deep as the shared interests
    // behind it, so nobody has unrealized potential left to signal.
    const closed: Record<string, number | string> = { ...asIs };
    for (const c of depths) {
      const t = s.thirdParties[(c.path as (string | number)[])[1] as number]!;
      closed[c.id] = Math.max(asIs[c.id] as number, t.preferenceSimilarity);
    }
    return [
      { label: 'As written: alliances shallower than shared interests', settings: asIs },
      { label: 'Alliances as deep as shared interests: nothing left to signal', settings: closed },
    ];
  }
  const dues = controls.filter((c) => c.id.startsWith('due'));
  const soon = Math.max(1, Math.floor(s.clock.rounds / 2));
  if (dues.some((c) => (asIs[c.id] as number) > soon)) {
    const sooner: Record<string, number | string> = { ...asIs };
    for (const c of dues) sooner[c.id] = Math.min(asIs[c.id] as number, soon);
    return [
      { label: 'Promises as written', settings: asIs },
      { label: `Promises due sooner: at most ${soon} ${s.clock.roundLabel}s after the deal`, settings: sooner },
    ];
  }
  return [
    { label: 'Open recruitment (openness 0.9)', settings: { ...asIs, openness: 0.9 } },
    { label: 'Discreet recruitment (openness 0.1)', settings: { ...asIs, openness: 0.1 } },
  ];
}
