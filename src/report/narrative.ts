/**
 * The story of a run in plain language, round by round, told from the event log. Pure:
 * scenario, events and summary in; structured paragraphs out. `coalsim explain` prints it
 * and report.html embeds it.
 *
 * Every event type is narrated in one exhaustive switch (see `narrate`), so a new event
 * type in core/events.ts does not compile until it has a narration here.
 */
import type { EventOf, SimEvent } from '../core/events';
import type { RunSummary } from '../core/metrics/summary';
import { accessBudgetWords } from './format';
import { contingentChoice, deployableOf } from '../core/engine/phases/contingents';
import { demandPath } from '../scenario/crossChecks';
import type { Scenario } from '../scenario/schema';
import { capitalise, dollars, list, money, percent, plural, troops } from './format';
import { possessive, TheName, theName } from './names';
import { STAYED_OUT_WORDS, stayedOutReason } from './stayedOut';
import { ACCESS_WORDS, whoPaidSentences } from './whoPaid';
import { meanShareAtEnd } from './shares';

export interface RoundStory {
  readonly round: number;
  /** Nothing happened but the usual payments: the text view folds runs of quiet rounds together. */
  readonly quiet: boolean;
  /** Beats: each a sentence or two about one thing (a shock, a deal, an offer and its answer). */
  readonly sentences: readonly string[];
  /** Indices into sentences of the key beats (shocks, reversals, hold-ups, withdrawals, deals signed under scarcity): shown highlighted. */
  readonly highlights: readonly number[];
}

export interface Narrative {
  readonly title: string;
  /** The scenario in a paragraph. */
  readonly scenario: readonly string[];
  readonly rounds: readonly RoundStory[];
  /** How it ended, from the summary. */
  readonly ending: readonly string[];
  /** Who paid what to whom (whoPaid.ts): payers' lines, pass-through, access deals; empty when the pivotal paid every partner directly for troops. */
  readonly whoPaid: readonly string[];
  /** What one round is on the scenario's clock ("month"), for headings: "Month 9", not "Round 9", beside sentences that say "this month". */
  readonly roundLabel: string;
}

export interface NarrativeInput {
  readonly scenario: Scenario;
  readonly events: readonly SimEvent[];
  readonly summary: RunSummary;
}

interface Context {
  readonly scenario: Scenario;
  /** Mid-sentence name: "the United States", "Poland". */
  name(id: string): string;
  /** The pivotal state mid-sentence and at the start of one. */
  readonly p: string;
  readonly P: string;
  readonly per: string;
  sideDeal(item: string): string;
  market(round: number): EventOf<'market'> | undefined;
  /** Set once the story has explained why the pivotal's ceiling can sit below what troops are worth to it. */
  ceilingExplained: boolean;
  /** The ceiling each partner's talks opened at, so a deal struck above it can say why the limit rose. */
  readonly openedCeiling: Map<string, number>;
  /** Partners paid in a hold-up so far, whose next casualty line has not yet said the concession raised what their public will bear. */
  readonly concededUntold: Set<string>;
  /** Partners whose refused hold-up was already told with the troops they withdrew (this round). */
  readonly refusalTold: Set<string>;
  /** Partners that took all their troops home, with when and why, until talks with them reopen. */
  readonly wentHome: Map<string, { round: number; reason: EventOf<'contingent-released'>['reason'] }>;
  /** The reservation each partner's last talks opened at, so a return can say what its losses added. */
  readonly openedReservation: Map<string, number>;
  /** Whether the story has said once what counts as a reversal. */
  reversalDefined: boolean;
  /** Whether the story has said what tightness is (first market line only). */
  tightnessDefined: boolean;
  /** Partners taken off the market by an availability event and not yet back. */
  readonly unavailable: Set<string>;
  /** The last belief mean told, by `holder:party`. */
  readonly beliefMean: Map<string, number>;
  /** Side deals handed over to pay a hold-up, by `party:round` (their payment events, cause hold-up). */
  readonly concessionItems: ReadonlyMap<string, readonly { item: string; cost: number; value: number }[]>;
}

/** A sentence, or a part of one that joins an earlier offer ("; Poland refuses."). */
type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly key?: boolean }
  | { readonly kind: 'offer'; readonly party: string; readonly text: string }
  | { readonly kind: 'response'; readonly party: string; readonly text: string; readonly accepted: boolean }
  | { readonly kind: 'belief'; readonly party: string; readonly text: string }
  | { readonly kind: 'none' };

const NONE: Piece = { kind: 'none' };

const accessWords = (kind: EventOf<'access-signed'>['kind']): string => ACCESS_WORDS[kind];
const text = (t: string): Piece => ({ kind: 'text', text: t });
/** A key beat: highlighted in the report and by `explain`. */
const key = (t: string): Piece => ({ kind: 'text', text: t, key: true });

/** Deaths per 1,000 a round: "0.5", "2". */
function rate(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** A label mid-sentence: "Debt relief" -> "debt relief", but a label that starts with a name keeps its capital. */
function lowerFirst(s: string, names: readonly string[] = []): string {
  if (names.some((n) => n !== '' && s.startsWith(n))) return s;
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function context(scenario: Scenario, events: readonly SimEvent[]): Context {
  const names = new Map<string, string>();
  names.set(scenario.pivotal.id, scenario.pivotal.name);
  for (const p of scenario.thirdParties) names.set(p.id, p.name);
  for (const d of scenario.donors) names.set(d.id, d.name);
  for (const pay of scenario.payers ?? []) names.set(pay.id, pay.name);
  const deals = new Map(scenario.sideDeals.map((s) => [s.id, lowerFirst(s.label, [...names.values()])]));
  const markets = new Map<number, EventOf<'market'>>();
  const concessionItems = new Map<string, { item: string; cost: number; value: number }[]>();
  for (const e of events) {
    if (e.type === 'market') markets.set(e.round, e);
    else if (e.type === 'payment' && e.cause === 'hold-up' && e.kind === 'side-deal') {
      const k = `${e.recipient}:${e.round}`;
      concessionItems.set(k, [...(concessionItems.get(k) ?? []), { item: e.item, cost: e.amount, value: e.value }]);
    }
  }
  return {
    scenario,
    name: (id) => theName(names.get(id) ?? id),
    p: theName(scenario.pivotal.name),
    P: TheName(scenario.pivotal.name),
    per: scenario.clock.roundLabel,
    sideDeal: (item) => deals.get(item) ?? item,
    market: (round) => markets.get(round),
    ceilingExplained: false,
    openedCeiling: new Map<string, number>(),
    concededUntold: new Set<string>(),
    refusalTold: new Set<string>(),
    wentHome: new Map(),
    reversalDefined: false,
    tightnessDefined: false,
    unavailable: new Set<string>(),
    beliefMean: new Map<string, number>(),
    concessionItems,
    openedReservation: new Map<string, number>(),
  };
}

function scarce(m: EventOf<'market'> | undefined): boolean {
  return m !== undefined && m.demand > 0 && (m.tightness === null || m.tightness > 1);
}

function sideDealWords(c: Context, grants: EventOf<'deal-signed'>['sideDeals']): string {
  const cost = grants.reduce((a, g) => a + g.cost, 0);
  const value = grants.reduce((a, g) => a + g.value, 0);
  return `${list(grants.map((g) => c.sideDeal(g.item)))} (worth ${money(value)} to the recipient, costing ${c.p} ${money(cost)})`;
}

/**
 * Side-deal items cannot be split (docs/model.md, "Packages"): when the items given are worth
 * more to the partner than the agreed price leaves after the subsidy, over the contract (the
 * rounds left, at the troops agreed), the partner gets more than the agreed price, and the story
 * says how much (teacher's audit: Colombia's $122,676 was about $197,000 with its aircraft). The
 * surplus share is reckoned on the agreed price. '' when the package is within 1% of it.
 */
function lumpyWords(c: Context, e: EventOf<'deal-signed'>): string {
  if (e.sideDeals.length === 0 || e.troops <= 0) return '';
  const roundsLeft = c.scenario.clock.rounds - e.round + 1;
  const years = roundsLeft / c.scenario.clock.roundsPerYear;
  if (years <= 0) return '';
  const value = e.sideDeals.reduce((a, g) => a + g.value, 0);
  const perSoldierYear = e.subsidyPerSoldierYear + value / (e.troops * years);
  if (perSoldierYear <= e.pricePerSoldierYear * 1.01) return '';
  return ` The items cannot be split: over the ${plural(roundsLeft, c.scenario.clock.roundLabel)} the contract runs, the package is worth about ${dollars(perSoldierYear)} per soldier-year to ${c.name(e.party)}, more than the agreed price (on which its share below is reckoned).`;
}

/**
 * Who funds a deal's subsidy when payers have lines of their own (issue 16 item 2): each line's
 * part per soldier-year, in the order funded (highest value first), and the pivotal's rest.
 */
function linesWords(c: Context, e: EventOf<'deal-signed'>): string {
  if (!e.lines?.length) return '';
  const parts = e.lines.map((l, i) => `${c.name(l.payer)}${i === 0 ? ' pays' : ''} ${dollars(l.perSoldierYear)}${i === 0 ? ' per soldier-year' : ''} for ${l.item}`);
  const rest = Math.round((e.subsidyPerSoldierYear - e.lines.reduce((a, l) => a + l.perSoldierYear, 0)) * 100) / 100;
  return ` Of the subsidy, ${list(parts)}, from ${e.lines.length === 1 ? 'its' : 'their'} own lines (the payer valuing the troops most funds first); ${c.p} pays the rest, ${dollars(Math.max(0, rest))}.`;
}

/** One event in words. Payments, market figures and round starts are summed up per round instead. */
function narrate(e: SimEvent, c: Context): Piece {
  switch (e.type) {
    case 'round-started':
    case 'payment':
    case 'market':
      return NONE;
    case 'demand-changed': {
      const change = e.from === 0 ? `${c.P} seeks ${troops(e.to)} foreign troops.` : e.to === e.from ? `${c.P} still seeks ${troops(e.to)} foreign troops.` : `${c.P} now seeks ${troops(e.to)} foreign troops, ${e.to > e.from ? 'up' : 'down'} from ${troops(e.from)}.`;
      // A labelled event that changes nothing (the classroom's slack pane holds demand) is told, not
      // starred; a label that already gives the new level is not followed by the same figure again.
      const said = e.label !== undefined && e.to !== e.from && e.from !== 0 && e.label.includes(troops(e.to)) ? `${e.label} (${e.to > e.from ? 'up' : 'down'} from ${troops(e.from)}).` : null;
      const sentence = said ?? (e.label ? `${e.label}. ${change}` : change);
      return e.label && e.to !== e.from ? key(sentence) : text(sentence);
    }
    case 'budget-changed': {
      const who = e.source === 'scenario-event' ? (e.label ?? 'A budget decision') : capitalise(c.name(e.source));
      const verb = e.amount >= 0 ? `adds ${money(e.amount)} to` : `cuts ${money(-e.amount)} from`;
      return text(`${who} ${verb} ${possessive(c.p)} payment budget, which now totals ${money(e.budgetTotal)}.`);
    }
    case 'availability-changed': {
      // Starred when it changes something: a partner leaves the market, or one that had left comes back.
      const changes = !e.available || c.unavailable.delete(e.party);
      if (!e.available) c.unavailable.add(e.party);
      const sentence = e.label ? `${e.label}.` : `${capitalise(c.name(e.party))} ${e.available ? 'can be recruited again' : 'can no longer be recruited'}.`;
      return changes ? key(sentence) : text(sentence);
    }
    case 'volunteered':
      return text(`${capitalise(c.name(e.party))} volunteers ${troops(e.troops)} troops and pays its own way.`);
    case 'deal-signed': {
      const who = c.name(e.party);
      const shortOf = scarce(c.market(e.round)) ? `${c.P}, short of partners, agrees` : `${c.P} agrees`;
      const terms =
        e.sideDeals.length === 0
          ? `to pay ${who} ${dollars(e.pricePerSoldierYear)} per soldier-year for ${troops(e.troops)} troops.`
          : `to give ${who} the equivalent of ${dollars(e.pricePerSoldierYear)} per soldier-year for ${troops(e.troops)} troops: ${e.subsidyPerSoldierYear > 0 ? `a subsidy of ${dollars(e.subsidyPerSoldierYear)} per soldier-year plus ` : ''}${sideDealWords(c, e.sideDeals)}.`;
      const share =
        e.share === null
          ? ''
          : ` ${capitalise(who)} would have come for ${dollars(e.reservation)}, and the troops were worth ${dollars(e.pivotalReservation)} a soldier-year to ${c.p}; of that gap (the surplus) ${who} takes ${percent(e.share)}.`;
      // The ceiling is recomputed at every exchange (the substitutes still free, the budget): a deal
      // above the limit the talks opened at says why the limit rose, or the story contradicts itself.
      const opened = c.openedCeiling.get(e.party);
      const rose = opened !== undefined && e.ceiling > opened + 0.5 ? ` ${possessive(capitalise(c.p))} limit had risen from ${dollars(opened)} to ${dollars(e.ceiling)} since the talks opened: ${e.ceiling >= e.pivotalReservation - 0.5 ? `the partners still free could no longer fill what it sought this ${c.per} without ${who}, so only what the troops are worth to it bounded it` : 'the partners still free to replace them had become dearer'}.` : '';
      // A partner's minimum is re-read every round; a deal signed at a minimum other than the one
      // the talks opened at says so, or "raised what it would accept to $2,754" then "would have
      // come for $2,265" reads as a contradiction (a teacher's trial, teaching-holdup seed 4).
      const openedAt = c.openedReservation.get(e.party);
      const moved = e.share !== null && openedAt !== undefined && Math.abs(openedAt - e.reservation) > 0.5 ? ` (Its minimum had ${e.reservation < openedAt ? 'fallen' : 'risen'} from ${dollars(openedAt)} when the talks opened: it is re-read each ${c.per}, with its costs, the casualties it expects over the ${c.per}s left and its alliance motives.)` : '';
      const sentence = `${shortOf} ${terms}${lumpyWords(c, e)}${rose}${share}${moved}${notReversalWords(c, e)}${linesWords(c, e)}`;
      return scarce(c.market(e.round)) ? key(sentence) : text(sentence);
    }
    case 'access-signed': {
      // Access without troops (issue 16): the same terms as a troop deal, per year of access.
      const who = c.name(e.party);
      const what = `${accessWords(e.kind)}${e.label ? ` (${e.label})` : ''}`;
      const terms =
        e.sideDeals.length === 0
          ? `${dollars(e.pricePerYear)} a year`
          : `the equivalent of ${dollars(e.pricePerYear)} a year: ${e.subsidyPerYear > 0 ? `${dollars(e.subsidyPerYear)} a year in cash plus ` : ''}${sideDealWords(c, e.sideDeals)}`;
      const share = e.share === null ? '' : ` ${capitalise(who)} would have granted it for ${dollars(e.reservation)} a year, and it was worth ${dollars(e.pivotalReservation)} a year to ${c.p}; ${who} takes ${percent(e.share)} of the surplus.`;
      return key(`${c.P} buys ${what} from ${who}, without troops, for ${terms}.${share}`);
    }
    case 'access-no-deal': {
      const who = capitalise(c.name(e.party));
      const what = accessWords(e.kind);
      switch (e.reason) {
        case 'above-ceiling':
          return text(`${who} will not sell ${what}: it wants at least ${dollars(e.reservation)} a year, more than the ${dollars(e.pivotalReservation)} it is worth to ${c.p}.`);
        case 'budget':
          return text(`${c.P} cannot afford to buy ${what} from ${c.name(e.party)}: the money to the end of the operation is not in ${c.scenario.pivotal.accessBudget !== undefined ? 'what it set aside for access' : 'the budget'}.`);
        case 'ratification-failed':
          return key(`${who}'s parliament refuses the deal for ${what}.`);
        default:
          return text(`${who} does not sell ${what}: the talks failed.`);
      }
    }
    case 'access-ended':
      return key(`Paid less than half of what was due, ${c.name(e.party)} withdraws ${accessWords(e.kind)} in retaliation.`);
    case 'no-deal': {
      const who = capitalise(c.name(e.party));
      switch (e.reason) {
        case 'above-ceiling':
          return text(`${who} stays out: it wants at least ${dollars(e.reservation)} per soldier-year, more than the ${dollars(e.ceiling)} ${c.p} would pay for it.`);
        case 'budget':
          return text(`${c.P} cannot afford ${c.name(e.party)}: the money for its troops to the end of the operation is not in the budget.`);
        case 'negotiation-failed':
          return text(`${who} stays out: the talks failed.`);
        case 'rate-below-reservation':
          return text(`${who} turns down the posted rate: it wants at least ${dollars(e.reservation)} per soldier-year.`);
        case 'ratification-failed':
          return text(`${who} stays out for now: its parliament did not ratify the deal.`);
      }
      return text(`${who} stays out.`);
    }
    case 'ratification-failed': {
      const who = capitalise(c.name(e.party));
      const next = e.followUpTroops > 0 ? `${c.P} may come back with a smaller deal, for ${e.followUpTroops.toLocaleString('en-US')} troops.` : `${c.P} gives up on it.`;
      return text(`${who}'s parliament rejects the deal for ${e.troops.toLocaleString('en-US')} troops (it had a ${percent(e.probability)} chance of passing). ${next}`);
    }
    case 'contingent-released': {
      const who = c.name(e.party);
      if (e.remaining === 0) c.wentHome.set(e.party, { round: e.round, reason: e.reason });
      const rest = e.remaining === 0 ? '' : `; ${troops(e.remaining)} stay`;
      const all = e.remaining === 0 ? 'all ' : '';
      const count = troops(e.troops);
      switch (e.reason) {
        case 'demand-fell':
          return text(`${c.P} sends home ${all}${troops(e.troops)} of ${possessive(who)} troops${rest}.`);
        case 'unavailable':
          return key(`${capitalise(who)} can no longer take part and brings home ${all}${troops(e.troops)} troops${rest}.`);
        case 'casualties':
          return key(`After its losses, ${who} withdraws ${all}${troops(e.troops)} troops${rest}.`);
        case 'hold-up':
          // One sentence for the refusal and the withdrawal (holdup-resolved 'refused-withdrew',
          // logged after this release, adds nothing): it read twice, in reverse order.
          c.refusalTold.add(e.party);
          return key(`${c.P} refuses ${possessive(who)} demand, and ${who} withdraws ${all}${troops(e.troops)} troops${rest}.`);
        case 'retaliation':
          return key(`In retaliation, ${who} withdraws ${all}${troops(e.troops)} troops${rest}.`);
      }
      return text(`${capitalise(who)} withdraws ${count} troops${rest}.`);
    }
    case 'risk-changed': {
      const change = `The risk to deployed troops ${e.to > e.from ? 'rises' : 'falls'} from ${rate(e.from)} to ${rate(e.to)} deaths per 1,000 soldiers a ${c.per}.`;
      return text(e.label ? `${e.label}. ${change}` : change);
    }
    case 'casualties': {
      const who = c.name(e.party);
      // A paid hold-up raises what its government can justify at home (dynamics/credibility.ts): say why the figure jumped, once.
      const raised = e.tolerance !== null && c.concededUntold.delete(e.party) ? ', more since the concession' : '';
      const tolerance = e.tolerance === null ? '' : `; its public will bear about ${troops(e.tolerance)}${raised}`;
      return text(`${capitalise(who)} loses ${plural(e.deaths, 'soldier')} (${troops(e.cumulative)} so far${tolerance}).`);
    }
    case 'holdup-threat': {
      const who = c.name(e.party);
      const scarcity = e.tightness !== null && e.tightness > 1 ? `, and partners are scarce (tightness ${e.tightness.toFixed(2)})` : '';
      return key(
        `A hold-up: ${who} threatens to cut or withdraw its forces unless it gets ${dollars(e.demandPerSoldierYear)} more per soldier-year (${money(e.demandTotal)} over the rest of the operation). ` +
          `Losing it would cost ${c.p} ${dollars(e.replacementPremium)} a soldier-year more than it pays now, to fill the gap with other partners or its own soldiers${scarcity}. ` +
          credibility(e, c.P, who),
      );
    }
    case 'holdup-resolved': {
      const who = c.name(e.party);
      switch (e.outcome) {
        case 'paid':
          c.concededUntold.add(e.party);
          return key(`${c.P} gives in to ${possessive(who)} hold-up, at a cost of ${money(e.concessionCost)}${concessionWords(c, e)}${e.share === null ? '' : `; ${who} now takes ${percent(e.share)} of the surplus`}.`);
        case 'refused-withdrew':
          // Told with the troops it withdrew (contingent-released, reason 'hold-up', just before).
          if (c.refusalTold.delete(e.party)) return NONE;
          return key(`${c.P} refuses ${possessive(who)} demand, and ${who} pulls its troops out.`);
        case 'bluff-called':
          return key(`${c.P} refuses ${possessive(who)} demand and calls its bluff: ${who} stays.`);
      }
      return text(`${possessive(capitalise(who))} hold-up ends.`);
    }
    case 'effort-changed': {
      const who = possessive(capitalise(c.name(e.party)));
      const [from, to] = [percent(e.from), percent(e.to)];
      switch (e.reason) {
        case 'deployed':
          return text(`${who} troops deploy at ${percent(e.to)} effort: paid contingents tend to hold back (caveats, risk-averse tactics).`);
        case 'retaliation':
          return text(`${who} troops cut their effort from ${percent(e.from)} to ${percent(e.to)} in retaliation.`);
        case 'restored':
          return text(`${who} troops return to ${percent(e.to)} effort.`);
      }
      return text(`${who} effort changes from ${from} to ${to}.`);
    }
    case 'payment-cut':
      return text(`${c.P} pays ${c.name(e.party)} only ${money(e.paid)} of the ${money(e.due)} due.`);
    case 'reneging-perceived': {
      const who = c.name(e.party);
      const seen = e.actual ? `${capitalise(who)} sees ${c.p} reneging on its deal` : `${capitalise(who)} believes, wrongly, that ${c.p} has reneged`;
      return text(`${seen} and retaliates by cutting its ${e.response === 'effort' ? 'effort' : 'troops'}.`);
    }
    case 'alliance-deepened': {
      // A reward may come every month in steps too small for 2 decimals: those are told plainly,
      // with 3 decimals, not starred as a key event each month (teacher's audit, teaching-signalling).
      const small = e.to.toFixed(2) === e.from.toFixed(2);
      const digits = small ? 3 : 2;
      const sentence = `${c.P} rewards ${possessive(c.name(e.party))} contribution (${percent(e.shareOfForces)} of its armed forces) with a closer alliance: depth from ${e.from.toFixed(digits)} to ${e.to.toFixed(digits)}.`;
      return small ? text(sentence) : key(sentence);
    }
    case 'negotiation-opened': {
      const who = c.name(e.party);
      c.openedCeiling.set(e.party, e.ceiling);
      // What the troops are worth to the pivotal (its reservation) and the most it will pay (its
      // ceiling) differ when another partner would cost less: then it never pays more than that.
      let limit: string;
      if (e.ceiling < e.pivotalReservation - 0.5) {
        limit = c.ceilingExplained
          ? `${dollars(e.ceiling)} (its ceiling; the troops are worth ${dollars(e.pivotalReservation)} to it)`
          : `${dollars(e.ceiling)}: the troops are worth ${dollars(e.pivotalReservation)} a soldier-year to it, but it never pays more than another partner would cost (its ceiling)`;
        c.ceilingExplained = true;
      } else limit = `${dollars(e.ceiling)}, what the troops are worth to it`;
      // A partner that went home is asked back: say so, and what its losses added to its price.
      const home = c.wentHome.get(e.party);
      const before = c.openedReservation.get(e.party);
      c.wentHome.delete(e.party);
      c.openedReservation.set(e.party, e.reservation);
      c.beliefMean.set(`pivotal:${e.party}`, e.pivotalBelief.mean);
      c.beliefMean.set(`third-party:${e.party}`, e.partyBelief.mean);
      const back = home === undefined ? '' : ` ${capitalise(who)} went home in ${c.per} ${home.round}${RETURN_WHY[home.reason]}, so this is its return.`;
      const accepts =
        home !== undefined && before !== undefined && e.reservation > before + 0.5
          ? `Its losses have raised what it would accept from ${dollars(before)} to ${dollars(e.reservation)} per soldier-year (its government weighs the deaths it expects by the end)`
          : `${capitalise(who)} would accept ${dollars(e.reservation)} per soldier-year`;
      return text(
        `${c.P} opens talks with ${who} for ${troops(e.troops)} troops (up to ${plural(e.deadline, 'exchange')} of offers).${back} ` +
          `${accepts} and ${c.p} would pay up to ${limit}. Neither knows the other's limit: ` +
          `${c.p} guesses ${possessive(who)} is about ${dollars(e.pivotalBelief.mean)}, and ${who} guesses ${possessive(c.p)} is about ${dollars(e.partyBelief.mean)}.`,
      );
    }
    case 'offer':
      return {
        kind: 'offer',
        party: e.party,
        text: e.by === 'pivotal' ? `${c.P} offers ${c.name(e.party)} ${dollars(e.price)} per soldier-year` : `${capitalise(c.name(e.party))} asks for ${dollars(e.price)} per soldier-year`,
      };
    case 'response': {
      const who = e.by === 'pivotal' ? c.p : c.name(e.party);
      const verb = e.response === 'accept' ? 'accepts' : e.response === 'reject' ? 'refuses' : 'walks away from the table';
      return { kind: 'response', party: e.party, text: `${who} ${verb}`, accepted: e.response === 'accept' };
    }
    case 'belief-updated': {
      // "still" when the offer barely moved the belief (an ask far above it bounds it only from above).
      const k = `${e.holder}:${e.party}`;
      const before = c.beliefMean.get(k);
      c.beliefMean.set(k, e.belief.mean);
      const now = before !== undefined && Math.abs(e.belief.mean - before) <= Math.max(1, 0.005 * Math.abs(before)) ? 'still' : 'now';
      const t =
        e.holder === 'pivotal'
          ? `${c.p} ${now} reckons ${c.name(e.party)} would settle for about ${dollars(e.belief.mean)}`
          : `${c.name(e.party)} ${now} reckons ${c.p} would pay about ${dollars(e.belief.mean)}`;
      return { kind: 'belief', party: e.party, text: t };
    }
    case 'negotiation-ended': {
      const who = c.name(e.party);
      switch (e.outcome) {
        case 'agreement':
          return NONE; // the deal-signed event tells it
        case 'breakdown':
          return text(`Talks with ${who} break down after ${plural(e.exchanges, 'exchange')}.`);
        case 'deadline':
          return text(`Talks with ${who} reach their deadline after ${plural(e.exchanges, 'exchange')} without a deal.`);
        case 'not-needed':
          return text(`${c.P} ends its talks with ${who}: it no longer needs those troops.`);
        case 'error':
          return text(`Talks with ${who} end in an error${e.detail ? ` (${e.detail})` : ''}.`);
      }
      return text(`Talks with ${who} end.`);
    }
    case 'promise-made': {
      // Promises (issue 16): a side deal delivered over time, counted by the recipient at its believed probability.
      const who = c.name(e.party);
      // A loan whose last installment converts to a grant has one delivery more than installments:
      // say which, or "4 of 4" and "3 of 5 deliveries" later read as a contradiction (a teacher's trial).
      const grant = c.scenario.sideDeals.find((d) => d.id === e.item)?.delivery?.finalGrant !== undefined;
      const parts = grant ? ` (${e.deliveries - 1} installments, then the conversion of the last to a grant)` : '';
      const when = e.deliveries === 1 ? `for ${c.per} ${e.firstRound}` : `in ${e.deliveries} deliveries${parts}, ${c.per}s ${e.firstRound} to ${e.lastRound}`;
      // Counted at its believed probability: the deal's words gave that expected worth, so say how the two figures relate.
      const worth = e.believedProbability < 1 ? `worth ${money(e.value)} to it if delivered in full, ${money(e.value * e.believedProbability)} as it counts on it at ${percent(e.believedProbability)}` : `worth ${money(e.value)} to it`;
      return text(`${c.P} promises ${who} ${c.sideDeal(e.item)} ${when} (${worth}; costing ${c.p} ${money(e.cost)} only if delivered).`);
    }
    case 'promise-kept': {
      const what = e.conversion ? `the conversion of ${c.sideDeal(e.item)} to a grant` : e.of === 1 ? c.sideDeal(e.item) : `installment ${e.installment} of ${e.of} of ${c.sideDeal(e.item)}`;
      return text(`${c.P} keeps its promise: it delivers ${what} to ${c.name(e.party)} (${money(e.cost)}; reneging would have cost it about ${money(e.renegingLoss)} in retaliation).`);
    }
    case 'promise-broken': {
      const who = c.name(e.party);
      const what = e.conversion ? `the conversion of ${c.sideDeal(e.item)} to a grant` : e.of === 1 ? c.sideDeal(e.item) : `installment ${e.installment} of ${e.of} of ${c.sideDeal(e.item)}`;
      const why =
        e.reason === 'no-cash'
          ? 'it has no money left to pay it'
          : e.renegingLoss <= 0
            ? `${who} has nothing left to give it`
            : `delivering would cost it ${money(e.keepingCost)}, more than the ${money(e.renegingLoss)} it expects ${who}'s retaliation to cost`;
      return key(`${c.P} breaks its promise to ${who}: ${what} is not delivered (${why}).`);
    }
    case 'retention-offered': {
      // Retention (issue 16 item 4): paid before any threat, to a partner whose dead near its limit.
      const who = c.name(e.party);
      const raise = e.increase < e.perSoldierYear ? `raises its retention payment to ${who} by ${dollars(e.increase)} to ${dollars(e.perSoldierYear)}` : `offers ${who} a retention payment of ${dollars(e.perSoldierYear)}`;
      return key(
        `${c.P} ${raise} per soldier-year: with ${e.deaths} dead of the ${e.baseTolerance} its government can bear, ${who} was expected to stay about ${Math.round(e.roundsBefore)} more ${c.per}s; compensated, it can bear ${Math.floor(e.tolerance)} and is expected to stay ${Math.round(e.roundsAfter)} (losing it would cost ${c.p} ${dollars(e.replacementPremium)} per soldier-year more).`,
      );
    }
    case 'retention-ended':
      return text(`${possessive(capitalise(c.name(e.party)))} retention payment ends (${e.reason === 'no-cash' ? `${c.p} has no cash left for it` : 'its troops have gone home'}).`);
    case 'punishment-weighed': {
      const who = c.name(e.party);
      return e.punished
        ? key(`${c.P} punishes ${possessive(who)} threat: it withholds ${money(e.withheld)} of this ${possessive(c.per)} payment (deterring a repeat is worth about ${money(e.deterrence)} to it; it expects ${who}'s retaliation to cost ${money(e.retaliation)}).`)
        : text(`${c.P} does not punish ${possessive(who)} threat: withholding ${money(e.withheld)} would deter about ${money(e.deterrence)} of future demands but provoke retaliation costing about ${money(e.retaliation)}.`);
    }
    case 'reversal': {
      const who = c.name(e.party);
      const defined = c.reversalDefined ? '' : ` (${reversalDefinition(c)})`;
      c.reversalDefined = true;
      return key(
        `A reversal: ${who}, whose armed forces are ${Math.round(e.capabilityRatio)} times smaller than ${possessive(c.p)}, takes ${percent(e.share)} of the surplus. The much weaker side got the better of the deal${defined}.`,
      );
    }
    default: {
      // Compile-time: every SimEvent type is narrated above. Run time: a log from a newer engine.
      const unknown: never = e;
      const type = (unknown as { type?: unknown }).type;
      return text(`(An event of type "${String(type)}" that this version cannot describe.)`);
    }
  }
}

interface Beat {
  readonly text: string;
  readonly key: boolean;
}

/** Offers, the answers to them and the beliefs they move read as one sentence each. */
function assemble(pieces: readonly Piece[]): Beat[] {
  const out: { text: string; beliefs: string[]; key: boolean; closed: boolean }[] = [];
  const openOffer = new Map<string, { text: string; beliefs: string[]; key: boolean; closed: boolean }>();
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'none':
        break;
      case 'text':
        out.push({ text: piece.text, beliefs: [], key: piece.key === true, closed: false });
        break;
      case 'offer': {
        const entry = { text: piece.text, beliefs: [] as string[], key: false, closed: false };
        out.push(entry);
        openOffer.set(piece.party, entry);
        break;
      }
      case 'response': {
        const entry = openOffer.get(piece.party);
        if (entry) {
          entry.text += `; ${piece.text}`;
          // Once an offer is accepted the talks are over: what either side "now reckons" is moot.
          if (piece.accepted) entry.closed = true;
        } else out.push({ text: capitalise(piece.text), beliefs: [], key: false, closed: piece.accepted });
        break;
      }
      case 'belief': {
        const entry = openOffer.get(piece.party);
        if (entry) {
          if (!entry.closed) entry.beliefs.push(piece.text);
        } else out.push({ text: capitalise(piece.text), beliefs: [], key: false, closed: false });
        break;
      }
    }
  }
  // One beat per offer: the offer, the answer and what each side now believes.
  return out.map((o) => {
    const first = /[.!?)]$/.test(o.text) ? o.text : `${o.text}.`;
    return { text: o.beliefs.length > 0 && !o.closed ? `${first} ${capitalise(o.beliefs.join('; '))}.` : first, key: o.key };
  });
}

function paymentSentence(c: Context, payments: readonly EventOf<'payment'>[], quiet: boolean): string | null {
  const subsidies = payments.filter((p) => p.kind === 'subsidy');
  const sides = payments.filter((p) => p.kind === 'side-deal');
  const subTotal = subsidies.reduce((a, p) => a + p.amount, 0);
  const partners = new Set(subsidies.map((p) => p.recipient)).size;
  const parts: string[] = [];
  if (subsidies.length > 0) parts.push(`${money(subTotal)} in deployment subsidies to ${plural(partners, 'partner')}`);
  if (sides.length > 0) {
    const items = sides.map((s) => `${s.item === '' ? 'a side deal' : c.sideDeal(s.item)} to ${c.name(s.recipient)}`);
    const cost = sides.reduce((a, p) => a + p.amount, 0);
    const value = sides.reduce((a, p) => a + p.value, 0);
    parts.push(`side deals costing ${money(cost)} and worth ${money(value)} to their recipients (${list(items)})`);
  }
  if (parts.length === 0) return null;
  const payers = [...new Set(payments.map((p) => p.payer))];
  const via = payments.filter((p) => p.via !== undefined);
  if (payers.length > 1 || via.length > 0) {
    // Several payers, or money passed through a lead nation (issue 16 item 2): say who paid what.
    const sum = (ps: readonly EventOf<'payment'>[]): number => Math.round(ps.reduce((a, p) => a + p.amount, 0) * 100) / 100;
    const by = payers.map((id) => `${c.name(id)} ${money(sum(payments.filter((p) => p.payer === id)))}`);
    const leads = [...new Set(via.map((p) => p.via!))].map((lead) => {
      const through = via.filter((p) => p.via === lead);
      return `${money(sum(through))} of it passes through ${c.name(lead)} to ${list([...new Set(through.map((p) => c.name(p.recipient)))])}`;
    });
    const recipients = new Set(payments.map((p) => p.recipient)).size;
    const sideCost = sum(sides);
    const detail = `${payers.length > 1 ? list(by) : `all from ${c.name(payers[0]!)}`}${sideCost > 0 ? `, side deals costing ${money(sideCost)} included` : ''}${leads.length > 0 ? `; ${list(leads)}` : ''}`;
    return quiet ? `${money(sum(payments))} a ${c.per} keeps going to ${plural(recipients, 'partner')} (${detail})` : `This ${c.per} ${plural(recipients, 'partner')} receive${recipients === 1 ? 's' : ''} ${money(sum(payments))}: ${detail}.`;
  }
  return quiet ? `${c.P} keeps paying ${parts.join(' and ')} a ${c.per}` : `This ${c.per} ${c.p} pays ${parts.join(', and hands over ')}.`;
}

function marketSentence(c: Context, m: EventOf<'market'>): string {
  if (m.demand === 0) return `No foreign troops are sought; ${troops(m.deployed)} are deployed.`;
  const fill = m.shortfall > 0 ? `${troops(m.deployed)} of the ${troops(m.demand)} troops sought are deployed, ${troops(m.shortfall)} short` : m.demand === 0 ? 'no foreign troops are sought' : `all ${troops(m.demand)} troops sought are deployed`;
  // "Tightness" is said once in words a class can follow, at its first appearance.
  const tight = (x: number): string => {
    if (c.tightnessDefined) return `tightness ${x.toFixed(2)}`;
    c.tightnessDefined = true;
    return `tightness ${x.toFixed(2)}: the troops sought divided by those on offer, above 1 partners are scarce`;
  };
  const market =
    m.tightness === null
      ? 'no partner is on offer at any price it would pay'
      : m.tightness > 1
        ? `partners are scarce (${troops(m.supply)} troops on offer, ${tight(m.tightness)})`
        : m.tightness > 0.8
          ? `partners are barely enough (${troops(m.supply)} troops on offer, ${tight(m.tightness)}; most of them are needed)`
          : `partners are plentiful (${troops(m.supply)} troops on offer, ${tight(m.tightness)})`;
  return `At the end of the ${c.per}, ${fill}; ${market}.`;
}

function scenarioParagraph(s: Scenario): string[] {
  const P = TheName(s.pivotal.name);
  const out: string[] = [s.meta.description.trim()];
  out.push(
    `${P} has ${money(s.pivotal.budget)} for payments to partners; one of its own soldiers costs ${dollars(s.pivotal.ownSoldierCostPerYear)} a year, what an effective foreign soldier saves it${s.pivotal.flagValuePerYear > 0 ? ` (a partner's flag, worth ${money(s.pivotal.flagValuePerYear)} a year to it, adds to that, so a partner can be worth more)` : ''}.`,
  );
  // The level as the engine walks it: a demand event's surge lasts until the schedule's next step
  // sets the level anew (a drawdown when it is lower), which the steps alone did not say.
  const steps = demandPath(s).map((d, k) => {
    const e = d.eventIndex === null ? null : s.events[d.eventIndex]!;
    const why = e !== null ? ` (${e.label ?? 'a demand shock'})` : k > 0 ? ` (scheduled, ${d.troops < d.before ? 'down' : 'up'} from ${troops(d.before)})` : '';
    return `${troops(d.troops)} from ${s.clock.roundLabel} ${d.round}${why}`;
  });
  out.push(`It seeks foreign troops over ${plural(s.clock.rounds, s.clock.roundLabel)}: ${steps.length > 1 ? steps.join('; ') : list(steps)}.`);
  if (contingentChoice(s)) {
    // Contingent choice: what a state offers follows its motives and the price, so only its hard cap is a fixed figure.
    const candidates = s.thirdParties.map((t) => `${theName(t.name)} (${offerWords(t, `at most ${troops(deployableOf(t, s.engine.operation))}`)})`);
    out.push(`${plural(s.thirdParties.length, 'state')} could join, each choosing its contingent from its motives (interest, signalling, alliance duty) and the price it is paid, below a hard cap: ${list(candidates)}.`);
  } else {
    const candidates = s.thirdParties.map((t) => `${theName(t.name)} (${offerWords(t, `up to ${troops(t.maxTroops ?? Math.floor(t.armedForces * t.deployableShare))}`)})`);
    out.push(`${plural(s.thirdParties.length, 'state')} could join: ${list(candidates)}.`);
  }
  for (const d of s.donors) {
    out.push(`${TheName(d.name)} adds ${list(d.contributions.map((k) => `${money(k.amount)} in ${s.clock.roundLabel} ${k.round}`))}.`);
  }
  for (const pay of s.payers ?? []) {
    // Payers with their own lines (issue 16 item 2): what they pay, to whom, and what the troops are worth to them.
    const lines = pay.lines.map((l) => `${l.label ?? l.kind} at ${dollars(l.ratePerSoldierPerRound)} per soldier a ${s.clock.roundLabel}${l.recipients ? ` to ${list(l.recipients.map((id) => theName(s.thirdParties.find((t) => t.id === id)?.name ?? id)))}` : ' to every contingent'}`);
    out.push(`${TheName(pay.name)} pays lines of its own from a budget of ${money(pay.budget)}: ${list(lines)}. A partner's soldier-year is worth ${dollars(pay.valuePerSoldierYear)} to it, the most it pays for one across its lines.`);
  }
  if ((s.payers ?? []).length > 0) out.push(`${P} negotiates each package; the payers who value the troops most fund it first, and ${theName(s.pivotal.name)} pays what their lines leave.`);
  const leads = new Map<string, string[]>();
  for (const t of s.thirdParties) if (t.leadNation !== undefined) leads.set(t.leadNation, [...(leads.get(t.leadNation) ?? []), theName(t.name)]);
  for (const [lead, under] of leads) {
    const leadName = theName(s.thirdParties.find((t) => t.id === lead)?.name ?? lead);
    out.push(`${capitalise(list(under))} would serve under ${possessive(leadName)} command: while ${leadName} is deployed, ${possessive(theName(s.pivotal.name))} money to them passes through it.`);
  }
  if (s.sideDeals.length > 0) out.push(`Side deals on offer: ${list(s.sideDeals.map((d) => lowerFirst(d.label)))}.`);
  const labelled = s.events.filter((e) => e.label !== undefined);
  if (labelled.length > 0) out.push(`Scheduled events: ${labelled.map((e) => `${e.label!.replace(/[.]$/, '')} (${s.clock.roundLabel} ${e.round})`).join('; ')}.`);
  return out;
}

/** When a shortfall makes the pivotal impatient enough to matter (its discount at least 0.02 below its patience). */
function urgencySentence(c: Context, m: EventOf<'market'> | undefined): string | null {
  const patience = c.scenario.pivotal.bargaining.patience;
  if (m === undefined || m.pivotalDiscount > patience - 0.02) return null;
  return `Short of troops, ${c.p} is impatient: a deal a ${c.per} later is worth only ${m.pivotalDiscount.toFixed(2)} of one now to it (${patience.toFixed(2)} when it has all it seeks), and this urgency drives it to offer more.`;
}

/**
 * What a paid hold-up handed over, when side deals were part of it: the items, and the rest as
 * subsidies over the rest of the operation. A side deal is worth more to its recipient than it
 * costs the giver, so without this the concession's cost and the demand it met did not match
 * (teacher's audit: "$7.28 million" demanded, "$7.16 million" paid). '' without side deals.
 */
function concessionWords(c: Context, e: EventOf<'holdup-resolved'>): string {
  const items = c.concessionItems.get(`${e.party}:${e.round}`) ?? [];
  if (items.length === 0) return '';
  const cost = items.reduce((a, g) => a + g.cost, 0);
  const value = items.reduce((a, g) => a + g.value, 0);
  const subsidies = e.concessionCost - cost;
  return `: ${list(items.map((g) => c.sideDeal(g.item)))} (worth ${money(value)} to ${c.name(e.party)}, costing ${c.p} ${money(cost)})${subsidies >= 0.5 ? ` and ${money(subsidies)} of subsidies over the rest of the operation` : ''}`;
}

/** What coalsim counts as a bargaining power reversal (metrics/power.ts isReversal), in words. */
function reversalDefinition(c: Context): string {
  return `coalsim counts a reversal when a state whose armed forces are at least ${c.scenario.engine.reversalCapabilityRatio} times smaller than ${possessive(c.p)} takes more than half of the surplus`;
}

/**
 * A partner that takes most of the surplus without being much weaker than the pivotal: say, once,
 * why it is not a reversal (teacher's audit: Colombia took 92% in teaching-scarcity and no
 * reversal was told, while Poland's 74% was one). '' otherwise.
 */
function notReversalWords(c: Context, e: EventOf<'deal-signed'>): string {
  if (c.reversalDefined || e.share === null || e.share <= 0.5) return '';
  const spec = c.scenario.thirdParties.find((t) => t.id === e.party);
  if (!spec) return '';
  const ratio = c.scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (ratio >= c.scenario.engine.reversalCapabilityRatio) return '';
  c.reversalDefined = true;
  return ` That is not a reversal: ${reversalDefinition(c)}, and ${possessive(c.name(e.party))} armed forces are only ${Math.round(ratio)} times smaller.`;
}

/** Why a partner that went home left, as a clause after "went home in month 5". */
const RETURN_WHY: Readonly<Record<EventOf<'contingent-released'>['reason'], string>> = {
  'demand-fell': ', sent home as demand fell',
  unavailable: ', no longer able to take part',
  casualties: ' after its losses',
  'hold-up': ' when its hold-up was refused',
  retaliation: ' in retaliation',
};

const RELEASE_WHY: Readonly<Record<EventOf<'contingent-released'>['reason'], string>> = {
  'demand-fell': 'sent home as demand fell',
  unavailable: 'no longer able to take part',
  casualties: 'after casualties',
  'hold-up': 'after a refused hold-up',
  retaliation: 'in retaliation',
};

/** Hold-ups, withdrawals and alliances deepened over the whole run, for the ending. */
function endingEvents(events: readonly SimEvent[], name: (id: string) => string, P: string): string[] {
  const out: string[] = [];
  const threats = events.filter((e): e is EventOf<'holdup-threat'> => e.type === 'holdup-threat');
  const resolved = events.filter((e): e is EventOf<'holdup-resolved'> => e.type === 'holdup-resolved');
  if (threats.length > 0) {
    const paid = resolved.filter((e) => e.outcome === 'paid');
    const withdrew = resolved.filter((e) => e.outcome === 'refused-withdrew');
    const called = resolved.filter((e) => e.outcome === 'bluff-called');
    const parts: string[] = [];
    // By partner, in order of first appearance: "South Africa 3 times, $116,197 in all", not the same name three times.
    const byParty = (rs: readonly EventOf<'holdup-resolved'>[], withCost: boolean): string =>
      list(
        [...new Set(rs.map((e) => e.party))].map((id) => {
          const mine = rs.filter((e) => e.party === id);
          const cost = mine.reduce((a, e) => a + e.concessionCost, 0);
          if (mine.length === 1) return withCost ? `${name(id)}, ${money(cost)}` : name(id);
          return `${name(id)} ${mine.length} times${withCost ? `, ${money(cost)} in all` : ''}`;
        }),
      );
    if (paid.length > 0) parts.push(`${plural(paid.length, 'was', 'were')} paid (${byParty(paid, true)})`);
    if (withdrew.length > 0) parts.push(`${withdrew.length} refused, and the partner left (${byParty(withdrew, false)})`);
    // "Staying" is said of the moment the bluff was called: a partner that withdrew later (its dead, a cut) is said to have left after.
    const leftLater = new Set(events.filter((e): e is EventOf<'contingent-released'> => e.type === 'contingent-released' && e.remaining === 0 && e.reason !== 'demand-fell' && called.some((c) => c.party === e.party && c.round < e.round)).map((e) => e.party));
    if (called.length > 0) parts.push(`${called.length} refused as a bluff that was called, the partner staying then (${byParty(called, false)})${leftLater.size > 0 ? `, though ${list([...leftLater].map(name))} left later` : ''}`);
    const open = threats.length - resolved.length;
    if (open > 0) parts.push(`${open} still open at the end`);
    out.push(`There ${threats.length === 1 ? 'was' : 'were'} ${plural(threats.length, 'hold-up')}: ${list(parts)}.`);
  }
  const releases = events.filter((e): e is EventOf<'contingent-released'> => e.type === 'contingent-released');
  if (releases.length > 0) {
    // Grouped by reason ("the UK and Germany (4,000 troops, sent home as demand fell)"), in order
    // of first release; a partner that withdrew for several reasons (it left, came back and left
    // again) is told once, its withdrawals in order.
    const why = (r: EventOf<'contingent-released'>) => RELEASE_WHY[r.reason] ?? r.reason;
    const reasonsOf = new Map<string, Set<string>>();
    for (const r of releases) reasonsOf.set(r.party, (reasonsOf.get(r.party) ?? new Set()).add(r.reason));
    const groups = new Map<string, EventOf<'contingent-released'>[]>();
    for (const r of releases) {
      const k = reasonsOf.get(r.party)!.size === 1 ? `reason:${r.reason}` : `party:${r.party}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const parts = [...groups].map(([k, rs]) =>
      k.startsWith('party:')
        ? `${name(rs[0]!.party)} (${rs.map((x, i) => `${troops(x.troops)}${i === 0 ? ' troops' : ''} ${why(x)}`).join(', then ')})`
        : `${list([...new Set(rs.map((r) => name(r.party)))])} (${troops(rs.reduce((a, r) => a + r.troops, 0))} troops, ${why(rs[0]!)})`,
    );
    out.push(`Troops withdrawn: ${list(parts)}.`);
  }
  // Once per state, from its first depth to its last (a reward may come every month); steps too small to show at 2 decimals are left out.
  const deepened = new Map<string, { from: number; to: number; share: number; times: number }>();
  for (const e of events) {
    if (e.type !== 'alliance-deepened') continue;
    const d = deepened.get(e.party);
    deepened.set(e.party, d ? { from: d.from, to: e.to, share: Math.max(d.share, e.shareOfForces), times: d.times + 1 } : { from: e.from, to: e.to, share: e.shareOfForces, times: 1 });
  }
  const shown = [...deepened.entries()].filter(([, d]) => d.to.toFixed(2) !== d.from.toFixed(2));
  if (shown.length > 0) {
    out.push(`${P} deepened its alliance with ${list(shown.map(([party, d]) => `${name(party)} (depth ${d.from.toFixed(2)} to ${d.to.toFixed(2)}${d.times > 1 ? ` over ${d.times} rewards` : ''}, for up to ${percent(d.share)} of its forces)`))}.`);
  }
  return out;
}

function endingParagraph(sum: RunSummary, s: Scenario, events: readonly SimEvent[]): string[] {
  const P = TheName(s.pivotal.name);
  const members = sum.coalition.members.map((m) => `${theName(m.name)}${m.paid ? '' : ' (volunteer)'}`);
  const out: string[] = [];
  out.push(`Over the operation ${plural(members.length, 'state')} joined: ${list(members)}.`);
  if (sum.coalition.neverJoined.length > 0) {
    out.push(`${capitalise(list(sum.coalition.neverJoined.map((n) => `${theName(n.name)} (${STAYED_OUT_WORDS[stayedOutReason(n.id, events)]})`)))} stayed out.`);
  }
  const c = sum.coalition;
  out.push(
    `The coalition finished with ${troops(c.troopsFinal)} of the ${troops(c.demandFinal)} troops sought (peak ${troops(c.peakTroops)} against a peak demand of ${troops(c.peakDemand)})${c.meanFillRate === null ? '' : `, filling ${percent(c.meanFillRate)} of demand on average`}.`,
  );
  if (sum.payers?.length) {
    // Payers with their own lines paid part of it (issue 16 item 2): the pivotal's budget bore only its own part.
    const own = sum.costs.byPayer.find((b) => b.id === s.pivotal.id)?.cost ?? 0;
    out.push(
      `Partners were paid ${money(sum.payments.total)}: ${money(sum.payments.byKind.subsidy)} in subsidies and ${money(sum.payments.byKind['side-deal'])} in side deals. ${P} itself paid ${money(own)} of it, out of a budget of ${money(sum.budget.total)}${accessBudgetWords(sum, money)}; the other payers' shares are told under who paid whom.`,
    );
  } else {
    out.push(
      `${P} paid ${money(sum.payments.total)}: ${money(sum.payments.byKind.subsidy)} in subsidies and ${money(sum.payments.byKind['side-deal'])} in side deals, out of a budget of ${money(sum.budget.total)}${accessBudgetWords(sum, money)}.`,
    );
  }
  if (sum.costs.costPerForeignSoldierYear !== null) {
    out.push(`A foreign soldier-year cost ${sum.payers?.length ? 'the payers together' : 'it'} ${dollars(sum.costs.costPerForeignSoldierYear)} on average, against ${dollars(sum.costs.ownSoldierCostPerYear)} for one of ${sum.payers?.length ? possessive(theName(s.pivotal.name)) : 'its'} own.`);
  }
  if (sum.power.meanShare !== null) {
    const end = meanShareAtEnd(sum);
    const after = end !== null && sum.operation.holdUps.paid > 0 && Math.round(end * 100) !== Math.round(sum.power.meanShare * 100) ? ` as signed, and ${percent(end)} by the end, once the hold-up concessions are counted` : '';
    out.push(
      `Across ${plural(sum.power.deals, 'paid deal')}, third parties took ${percent(sum.power.meanShare)} of the surplus on average${after}; ${sum.power.reversals === 0 ? 'there was no reversal' : `${plural(sum.power.reversals, 'reversal')}, where a much weaker state took the larger share`}.`,
    );
  }
  const names = new Map<string, string>([[s.pivotal.id, s.pivotal.name], ...s.thirdParties.map((t) => [t.id, t.name] as [string, string])]);
  const pr = sum.promises;
  if (pr) {
    // A promise in installments is kept only if every delivery is made: one that broke after some
    // says how many came (the story had told each delivered installment as a promise kept).
    const label = (item: string) => lowerFirst(s.sideDeals.find((d) => d.id === item)?.label ?? item, [...names.values()]);
    const broken = pr.items.filter((r) => r.status === 'broken').map((r) => `${label(r.item)} to ${theName(names.get(r.party) ?? r.party)}${r.delivered > 0 ? ` after ${r.delivered} of ${r.deliveries} deliveries${s.sideDeals.find((d) => d.id === r.item)?.delivery?.finalGrant !== undefined ? ` (${r.deliveries - 1} installments and the conversion to a grant)` : ''}` : ''}, in ${s.clock.roundLabel} ${r.brokenRound}`);
    out.push(
      `${P} promised ${plural(pr.made, 'side deal')} rather than paying at signing: ${pr.kept} kept in full, ${pr.broken} broken${broken.length > 0 ? ` (${broken.join('; ')})` : ''}${pr.outstanding > 0 ? `, ${pr.outstanding} still outstanding` : ''}; it delivered ${money(pr.deliveredCost)} of the ${money(pr.promisedCost)} promised.`,
    );
  }
  const rt = sum.retention;
  if (rt) {
    // Issue 16 item 4: what keeping partners in cost, and how often a threat was punished.
    const kept = rt.partners.length > 0 ? `${P} paid ${money(rt.paid)} to keep ${list(rt.partners.map((id) => theName(names.get(id) ?? id)))} in as their dead mounted (${plural(rt.offers, 'retention offer')})` : `${P} paid no retention`;
    const pu = rt.punishment;
    const punished = pu.weighed === 0 ? 'no threat gave it occasion to punish' : `it punished ${pu.punished} of the ${plural(pu.weighed, 'threat')} it weighed punishing${pu.punished > 0 ? `, withholding ${money(pu.withheld)}` : ''}`;
    out.push(`${kept}; ${punished}.`);
  }
  out.push(...endingEvents(events, (id) => theName(names.get(id) ?? id), P));
  return out;
}

export function buildNarrative(input: NarrativeInput): Narrative {
  const { scenario, events, summary } = input;
  const c = context(scenario, events);
  const byRound = new Map<number, SimEvent[]>();
  for (const e of events) {
    const list = byRound.get(e.round) ?? [];
    list.push(e);
    byRound.set(e.round, list);
  }
  const rounds: RoundStory[] = [];
  let prevPaid: number | null = null;
  let prevMarket: EventOf<'market'> | undefined;
  for (let t = 1; t <= scenario.clock.rounds; t++) {
    const es = byRound.get(t) ?? [];
    const payments = es.filter((e): e is EventOf<'payment'> => e.type === 'payment');
    const market = c.market(t);
    const paid = payments.reduce((a, p) => a + p.amount, 0);
    const eventful = es.some((e) => e.type !== 'round-started' && e.type !== 'payment' && e.type !== 'market');
    const quiet =
      !eventful &&
      payments.every((p) => p.kind === 'subsidy') &&
      prevPaid !== null &&
      Math.abs(paid - prevPaid) < 0.005 &&
      market !== undefined &&
      prevMarket !== undefined &&
      market.demand === prevMarket.demand &&
      market.deployed === prevMarket.deployed &&
      // A partner becoming available (or no longer) moves the supply and the tightness: that is news.
      market.supply === prevMarket.supply;
    let sentences: string[];
    const highlights: number[] = [];
    if (quiet) {
      const pay = paymentSentence(c, payments, true);
      const fill = market!.shortfall > 0 ? `${troops(market!.deployed)} of the ${troops(market!.demand)} troops sought are deployed (${troops(market!.shortfall)} short)` : market!.demand === 0 ? 'no foreign troops are sought' : `all ${troops(market!.demand)} troops sought are deployed`;
      // Mid-sentence after the colon: "the United States keeps paying", not "The United States".
      const payMid = pay !== null && pay.startsWith(c.P) ? c.p + pay.slice(c.P.length) : pay;
      sentences = [`No change: ${payMid === null ? '' : `${payMid}, and `}${fill}.`];
    } else {
      const pieces: Piece[] = [];
      for (const e of es) {
        // Before the first talks of a round in which a shortfall made the pivotal impatient, say so:
        // it is why its offers are generous (d_P(t) = patience x (1 - urgency x shortfall / demand)).
        if (e.type === 'negotiation-opened' && !pieces.some((p) => p.kind === 'text' && p.text.startsWith('Short of troops'))) {
          const u = urgencySentence(c, market);
          if (u !== null) pieces.push(key(u));
        }
        pieces.push(narrate(e, c));
      }
      const beats = assemble(pieces);
      sentences = beats.map((b) => b.text);
      beats.forEach((b, i) => {
        if (b.key) highlights.push(i);
      });
      const pay = paymentSentence(c, payments, false);
      if (pay !== null) sentences.push(pay);
      if (market) sentences.push(marketSentence(c, market));
    }
    rounds.push({ round: t, quiet, sentences, highlights });
    prevPaid = paid;
    prevMarket = market;
  }
  return { title: scenario.meta.title, scenario: scenarioParagraph(scenario), rounds, ending: endingParagraph(summary, scenario, events), whoPaid: whoPaidSentences(summary, scenario, events), roundLabel: scenario.clock.roundLabel };
}

export interface StoryBlock {
  readonly from: number;
  readonly to: number;
  readonly sentences: readonly string[];
  /** Indices of key beats in sentences. */
  readonly highlights: readonly number[];
}

/** Runs of quiet rounds folded into one block ("Rounds 4-8: No change ..."); every other round is its own block. */
export function foldQuiet(rounds: readonly RoundStory[]): StoryBlock[] {
  const blocks: { from: number; to: number; sentences: readonly string[]; highlights: readonly number[]; quiet: boolean }[] = [];
  for (const r of rounds) {
    const last = blocks[blocks.length - 1];
    if (r.quiet && last && last.quiet && last.to === r.round - 1 && last.sentences.join(' ') === r.sentences.join(' ')) last.to = r.round;
    else blocks.push({ from: r.round, to: r.round, sentences: r.sentences, highlights: r.highlights, quiet: r.quiet });
  }
  return blocks.map(({ from, to, sentences, highlights }) => ({ from, to, sentences, highlights }));
}

/**
 * In the clock's own unit, as the sentences under it speak ("At the end of the month"):
 * "Month 9", "Months 4–8"; with the number of rounds, "Month 9 of 18".
 */
export function blockHeading(b: Pick<StoryBlock, 'from' | 'to'>, roundLabel: string, total?: number): string {
  const of = total === undefined ? '' : ` of ${total}`;
  const unit = capitalise(roundLabel);
  return b.from === b.to ? `${unit} ${b.from}${of}` : `${unit}s ${b.from}–${b.to}${of}`;
}

/** Why the threat is believed or not (dynamics/credibility.ts): casualty pressure, and the pivotal's belief that the partner would really leave. */
function credibility(e: EventOf<'holdup-threat'>, pivotal: string, who: string): string {
  const pressure =
    e.casualtyPremium === null
      ? `Its losses are more than its government can bear at any price. `
      : e.casualtyPremium > 0
        ? `Its losses have raised its cost of staying by about ${dollars(e.casualtyPremium)} per soldier-year. `
        : `It accepted its price and nothing has raised its costs since. `;
  return `${pressure}${pivotal} believes ${who} would really leave with probability ${percent(e.leaveProbability)}.`;
}

/** What a candidate offers: its troops (`cap`, in words), its access, or both ("access only: transit, airspace" when it has no troops to offer). */
function offerWords(t: Scenario['thirdParties'][number], cap: string): string {
  const access = [...new Set((t.access ?? []).map((a) => a.kind))];
  if (access.length === 0) return cap;
  return t.maxTroops === 0 ? `access only: ${access.join(', ')}` : `${cap}, and access: ${access.join(', ')}`;
}
