/** The compact terminal view of a run summary. */
import Table from 'cli-table3';
import type { RunSummary } from '../../core/metrics/summary';
import { bold, fmtInt, fmtMoney, fmtShare } from './format';

const plain = { head: [] as string[], border: [] as string[] };
// No rule between body rows: compact enough for a terminal.
const chars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function renderSummary(s: RunSummary, outDir: string, color: boolean): string {
  const lines: string[] = [];
  lines.push(bold(`${s.scenario.title}`, color) + `  (seed ${s.seed}, ${s.rounds} ${s.roundLabel}s)`);
  const members = new Table({ head: ['member', 'type (labels)', 'joined', 'troops', 'max', 'reservation/yr', 'price/yr', 'paid', 'share'], style: plain, chars, colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] });
  for (const m of s.coalition.members) {
    members.push([`${m.name} (${m.id})`, m.labels.length > 0 ? m.labels.map((l) => l.label).join(' + ') : m.type, String(m.joinedRound), fmtInt(m.troopsFinal), fmtInt(m.troopsMax), fmtMoney(m.reservationPerSoldierYear), fmtMoney(m.pricePerSoldierYear), fmtMoney(m.paymentsTotal) + (m.sideDealItems.length > 0 ? ` (${m.sideDealItems.length} side deal${m.sideDealItems.length > 1 ? 's' : ''})` : ''), fmtShare(m.surplusShare)]);
  }
  lines.push(members.toString());
  if (s.coalition.neverJoined.length > 0) {
    lines.push('Stayed out: ' + s.coalition.neverJoined.map((n) => `${n.name} (${n.lastReason ?? 'not needed'})`).join(', '));
  }
  const c = s.costs;
  lines.push(
    `Troops ${fmtInt(s.coalition.troopsFinal)} of ${fmtInt(s.coalition.demandFinal)} sought at the end (peak ${fmtInt(s.coalition.peakTroops)} of ${fmtInt(s.coalition.peakDemand)}); mean fill ${s.coalition.meanFillRate === null ? '-' : Math.round(s.coalition.meanFillRate * 100) + '%'}; ${s.coalition.flags} flags.`,
    `Paid ${fmtMoney(s.payments.total)} (subsidies ${fmtMoney(s.payments.byKind.subsidy)}, side deals ${fmtMoney(s.payments.byKind['side-deal'])}) of a budget of ${fmtMoney(s.budget.total)}.`,
    `A foreign soldier-year cost ${fmtMoney(c.costPerForeignSoldierYear)} (paid ones ${fmtMoney(c.costPerPaidSoldierYear)}) against ${fmtMoney(c.ownSoldierCostPerYear)} for one of the pivotal state's own.`,
    `Market tightness mean ${fmtShare(s.market.meanTightness)}, max ${fmtShare(s.market.maxTightness)}; ${s.market.scarceRounds} scarce round(s). Mean third-party surplus share ${fmtShare(s.power.meanShare)} over ${s.power.deals} deal(s); ${s.power.reversals} reversal(s)${s.power.reversalsBy.length > 0 ? ': ' + s.power.reversalsBy.map((r) => `${r.party} in round ${r.round} (${fmtShare(r.share)})`).join(', ') : ''}.`,
    ...(s.negotiations.opened > 0 ? [`Negotiations: ${s.negotiations.opened} opened, ${s.negotiations.offers} offers; ${Object.entries(s.negotiations.outcomes).map(([k, v]) => `${v} ${k}`).join(', ')}.`] : []),
    `Outputs: ${outDir}`,
  );
  return lines.join('\n');
}
