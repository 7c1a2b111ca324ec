/**
 * The terminal view of a run summary. It fits the terminal: a table when there are at least
 * WIDE columns, otherwise two lines per member; prose wrapped by whole words at the width
 * (80 when not a terminal). Every name and title is passed through safeField first, so a
 * scenario cannot send control sequences to the terminal.
 */
import Table from 'cli-table3';
import type { SimEvent } from '../../core/events';
import type { RunSummary } from '../../core/metrics/summary';
import { accessBudgetWords, soldAccessOnly } from '../../report/format';
import { wrap } from '../../report/text';
import { STAYED_OUT_WORDS, stayedOutReason } from '../../report/stayedOut';
import { bold, fmtInt, fmtMoney, fmtShare } from './format';
import { count } from './plural';
import { safeField } from '../../output/terminalSafe';
import { invocation } from '../invocation';

/** Below this many columns the members table becomes two lines per member. */
export const WIDE = 110;

const plain = { head: [] as string[], border: [] as string[] };
// No rule between body rows: compact enough for a terminal.
const chars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export interface SummaryView {
  readonly color: boolean;
  /** Terminal width in columns (80 when not a terminal). */
  readonly width: number;
  /** The run's events: the reason each non-member stayed out. Without them the summary's last refusal is used. */
  readonly events?: readonly SimEvent[];
}

function membersTable(s: RunSummary): string {
  const t = new Table({ head: ['member', 'type (labels)', 'joined', 'troops end', 'peak', 'accepts/yr', 'price/yr', 'paid', 'share'], style: plain, chars, colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] });
  for (const m of s.coalition.members) {
    const access = soldAccessOnly(m);
    t.push([`${safeField(m.name)} (${safeField(m.id)})`, memberType(m), String(m.joinedRound), fmtInt(m.troopsFinal), fmtInt(m.troopsMax), access ? 'access' : fmtMoney(m.reservationPerSoldierYear), access ? '-' : fmtMoney(m.pricePerSoldierYear), fmtMoney(m.paymentsTotal), fmtShare(m.surplusShare)]);
  }
  return t.toString();
}

function membersCompact(s: RunSummary, width: number): string {
  return s.coalition.members
    .map((m) => {
      const head = `${safeField(m.name)} (${safeField(m.id)}), ${memberType(m)}`;
      const terms = soldAccessOnly(m) ? `no troops, sold access (${(m.access ?? []).map((a) => a.kind).join(', ')})` : `troops ${fmtInt(m.troopsFinal)} at the end, peak ${fmtInt(m.troopsMax)}; accepts ${fmtMoney(m.reservationPerSoldierYear)}/yr, price ${fmtMoney(m.pricePerSoldierYear)}/yr`;
      const detail = `joined ${safeField(s.roundLabel)} ${m.joinedRound}; ${terms}; paid ${fmtMoney(m.paymentsTotal)}${m.sideDealItems.length > 0 ? ` (${sideDealCount(m.sideDealItems)})` : ''}; surplus share ${fmtShare(m.surplusShare)}`;
      return `${wrap(head, width, '')}\n${wrap(detail, width, '    ')}`;
    })
    .join('\n');
}

/** `note`: said after the outputs' path (e.g. that a re-run wrote nothing), never inside the commands it suggests. */
export function renderSummary(s: RunSummary, outDir: string, view: SummaryView, note = ''): string {
  const { width, color } = view;
  const para = (text: string): string => wrap(text, width);
  const lines: string[] = [];
  lines.push(bold(para(`${safeField(s.scenario.title)} (seed ${s.seed}, ${safeField(count(s.rounds, s.roundLabel))})`), color));
  lines.push(width >= WIDE ? membersTable(s) : membersCompact(s, width));
  if (s.coalition.neverJoined.length > 0) {
    const why = (n: RunSummary['coalition']['neverJoined'][number]): string =>
      view.events ? STAYED_OUT_WORDS[stayedOutReason(n.id, view.events)] : n.lastReason === null ? STAYED_OUT_WORDS['not-needed'] : n.lastReason.replace(/-/g, ' ');
    // A state that stayed out can still carry a label (a critical partner that refused).
    const labelled = (n: RunSummary['coalition']['neverJoined'][number]): string => (n.labels?.length ? `; ${n.labels.map((l) => l.label).join(', ')}` : '');
    lines.push(para('Stayed out: ' + s.coalition.neverJoined.map((n) => `${safeField(n.name)} (${why(n)}${labelled(n)})`).join(', ') + '.'));
  }
  const c = s.costs;
  const co = s.coalition;
  const outcomes = Object.entries(s.negotiations.outcomes).filter(([, v]) => v > 0);
  const outcomeWords: Record<string, [string, string]> = {
    agreement: ['agreement', 'agreements'],
    breakdown: ['breakdown', 'breakdowns'],
    deadline: ['deadline reached', 'deadlines reached'],
    'not-needed': ['ended as not needed', 'ended as not needed'],
    error: ['error', 'errors'],
  };
  lines.push(
    para(`Troops: ${fmtInt(co.troopsFinal)} of ${fmtInt(co.demandFinal)} sought at the end; peak ${fmtInt(co.peakTroops)} of ${fmtInt(co.peakDemand)}; mean fill ${co.meanFillRate === null ? '-' : Math.round(co.meanFillRate * 100) + '%'}; ${count(co.flags, 'flag')}.`),
    para(`Paid ${fmtMoney(s.payments.total)} (subsidies ${fmtMoney(s.payments.byKind.subsidy)}, side deals ${fmtMoney(s.payments.byKind['side-deal'])}) of a budget of ${fmtMoney(s.budget.total)}${accessBudgetWords(s, fmtMoney)}.`),
    para(`A foreign soldier-year cost ${fmtMoney(c.costPerForeignSoldierYear)} (paid ones ${fmtMoney(c.costPerPaidSoldierYear)}) against ${fmtMoney(c.ownSoldierCostPerYear)} for one of the pivotal state's own.`),
    para(
      `Market tightness mean ${fmtShare(s.market.meanTightness)}, max ${fmtShare(s.market.maxTightness)}; ${count(s.market.scarceRounds, `scarce ${safeField(s.roundLabel)}`)}. Mean third-party surplus share ${fmtShare(s.power.meanShare)} over ${count(s.power.deals, 'deal')} as signed (each member above shows its contract at the end, after any troops it added and any hold-up payment); ${count(s.power.reversals, 'reversal')}${s.power.reversalsBy.length > 0 ? ': ' + s.power.reversalsBy.map((r) => `${safeField(r.party)} in ${safeField(s.roundLabel)} ${r.round} (${fmtShare(r.share)})`).join(', ') : ''}.`,
    ),
    ...(s.promises
      ? [para(`Promises: ${count(s.promises.made, 'made', 'made')}, ${s.promises.kept} kept, ${s.promises.broken} broken, ${s.promises.outstanding} outstanding; delivered ${fmtMoney(s.promises.deliveredCost)} of ${fmtMoney(s.promises.promisedCost)} promised.`)]
      : []),
    ...(s.operation.holdUps.threats > 0
      ? [para(`Hold-ups: ${count(s.operation.holdUps.threats, 'threat')}; ${s.operation.holdUps.paid} paid (concessions ${fmtMoney(s.operation.holdUps.concessionCost)}), ${s.operation.holdUps.refusedWithdrew} refused and withdrawn, ${count(s.operation.holdUps.bluffCalled, 'bluff called', 'bluffs called')}; \`${invocation()} explain ${safeField(outDir)}\` tells each one.`)]
      : []),
    ...(s.negotiations.opened > 0
      ? [para(`Negotiations: ${count(s.negotiations.opened, 'opened', 'opened')}, ${count(s.negotiations.offers, 'offer')}; ${outcomes.map(([k, v]) => { const w = outcomeWords[k] ?? [k, k]; return count(v, w[0], w[1]); }).join(', ')}.`)]
      : []),
    para(`Outputs: ${safeField(outDir)}${note}`),
  );
  return lines.join('\n');
}

/**
 * A member's type (what drove its reservation and the pivotal's: core/metrics/typology.ts
 * `classify`), then in brackets its behavioural labels in this run when they say more or
 * otherwise (several may apply: `behaviourLabels`): "critical (under-resourced)" is a state the
 * pivotal valued in particular that was paid mainly in subsidies here.
 */
function memberType(m: RunSummary['coalition']['members'][number]): string {
  const labels = m.labels.map((l) => l.label);
  return labels.length === 0 || (labels.length === 1 && labels[0] === m.type) ? m.type : `${m.type} (${labels.join(' + ')})`;
}

/** "2 side deals", or "1 side deal in 3 deliveries" when an item came in installments (a promised loan). */
function sideDealCount(items: readonly string[]): string {
  const distinct = new Set(items).size;
  return distinct === items.length ? count(distinct, 'side deal') : `${count(distinct, 'side deal')} in ${items.length} deliveries`;
}
