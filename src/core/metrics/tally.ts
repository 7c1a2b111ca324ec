/**
 * Sweep mode's metrics, accumulated while the run goes: the running totals behind the
 * figures a sweep collects, with no event log and no per-round states kept. Each figure is
 * computed exactly as `summarize` computes it from a full run (same sums in the same order,
 * same rounding), so a sweep reports the same numbers as `coalsim run`; a test checks this on
 * every bundled scenario and on random ones.
 */
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';
import type { SimEvent } from '../events';
import { cents } from '../money';
import { PayerBook, PromiseBook, round4, type RunSummary } from './summary';
import { RetentionBook, reportsRetention } from './retentionBook';

/** The part of a run's summary that a sweep can collect (a full summary is one too). */
export interface RunMetrics {
  readonly coalition: Pick<RunSummary['coalition'], 'flags' | 'peakTroops' | 'meanFillRate' | 'shortfallSoldierRounds'>;
  readonly payments: Pick<RunSummary['payments'], 'total' | 'byKind'>;
  readonly costs: Pick<
    RunSummary['costs'],
    'foreignSoldierYears' | 'paidSoldierYears' | 'costPerForeignSoldierYear' | 'costPerPaidSoldierYear' | 'ratioToOwnSoldier' | 'effectiveSoldierYears' | 'costPerEffectiveSoldierYear'
  >;
  readonly operation: Pick<RunSummary['operation'], 'deaths' | 'withdrawals' | 'holdUps' | 'meanEffort'>;
  readonly budget: Pick<RunSummary['budget'], 'unspent'>;
  readonly market: Pick<RunSummary['market'], 'meanTightness' | 'maxTightness' | 'scarceRounds'>;
  readonly power: Pick<RunSummary['power'], 'deals' | 'meanShare' | 'meanPowerIndex' | 'reversals'>;
  /** Present only when some side deal was promised (issue 16 item 3); the items are in the full summary only. */
  readonly promises?: Omit<NonNullable<RunSummary['promises']>, 'items'>;
  /** Present only when the scenario sets pivotal.retention or pivotal.punishment (issue 16 item 4). */
  readonly retention?: RunSummary['retention'];
  /** Present only when the scenario has payers with lines of their own (issue 16 item 2). */
  readonly payers?: RunSummary['payers'];
}

export class Tally implements EventSink {
  /** Negotiation detail events are not built in sweep mode. */
  readonly detailed = false;
  // Payments by kind as two fields, not a record indexed by the kind: a keyed store of a double
  // boxed a new heap number for every payment.
  private subsidyPaid = 0;
  private sideDealPaid = 0;
  /** Paid for access deals (issue 16): in the total, not in the costs per soldier-year. */
  private accessPaid = 0;
  private shareSum = 0;
  private shares = 0;
  private deals = 0;
  private reversals = 0;
  private deaths = 0;
  private readonly withdrawals: Record<string, number> = {};
  private readonly holdUps = { threats: 0, paid: 0, refusedWithdrew: 0, bluffCalled: 0, concessionCost: 0 };
  // From each round's market event.
  private peakTroops = 0;
  private shortfall = 0;
  private fillSum = 0;
  private fillN = 0;
  private tightSum = 0;
  private tightN = 0;
  private tightMax = -Infinity;
  private scarce = 0;
  private powerSum = 0;
  private powerN = 0;
  // From each round's end state.
  private soldierRounds = 0;
  private paidSoldierRounds = 0;
  private effectiveRounds = 0;
  private effortSum = 0;
  private effortN = 0;

  private readonly promises = new PromiseBook();
  private readonly retention = new RetentionBook();
  private readonly payers: PayerBook;

  constructor(private readonly model: Model) {
    this.payers = new PayerBook(model.scenario);
  }

  push(e: SimEvent): void {
    this.promises.read(e);
    this.retention.read(e);
    this.payers.read(e);
    switch (e.type) {
      case 'payment':
        if (e.kind === 'subsidy') this.subsidyPaid = cents(this.subsidyPaid + e.amount);
        else this.sideDealPaid = cents(this.sideDealPaid + e.amount);
        if (e.cause === 'access') this.accessPaid = cents(this.accessPaid + e.amount);
        break;
      case 'access-signed':
      case 'deal-signed':
        this.deals++;
        if (e.share !== null) {
          this.shareSum += e.share;
          this.shares++;
        }
        break;
      case 'reversal':
        this.reversals++;
        break;
      case 'casualties':
        this.deaths += e.deaths;
        break;
      case 'contingent-released':
        if (e.reason !== 'demand-fell') this.withdrawals[e.reason] = (this.withdrawals[e.reason] ?? 0) + 1;
        break;
      case 'holdup-threat':
        this.holdUps.threats++;
        break;
      case 'holdup-resolved':
        if (e.outcome === 'paid') this.holdUps.paid++;
        else if (e.outcome === 'refused-withdrew') this.holdUps.refusedWithdrew++;
        else this.holdUps.bluffCalled++;
        this.holdUps.concessionCost = cents(this.holdUps.concessionCost + e.concessionCost);
        break;
      case 'market':
        this.peakTroops = Math.max(this.peakTroops, e.deployed);
        this.shortfall += e.shortfall;
        if (e.powerIndex !== null) {
          this.powerSum += e.powerIndex;
          this.powerN++;
        }
        if (e.demand > 0) {
          this.fillSum += Math.min(1, e.deployed / e.demand);
          this.fillN++;
          if (e.tightness === null || e.tightness > 1) this.scarce++;
          if (e.tightness !== null) {
            this.tightSum += e.tightness;
            this.tightN++;
            this.tightMax = Math.max(this.tightMax, e.tightness);
          }
        }
        break;
      default:
        break;
    }
  }

  /** Soldier-rounds, paid and effective, and effort, from the state at the end of a round. */
  endRound(s: RunState): void {
    const specs = this.model.specs;
    for (let i = 0; i < s.parties.length; i++) {
      const p = s.parties[i]!;
      if (p.troops <= 0) continue;
      this.soldierRounds += p.troops;
      if (p.deal && p.deal.pricePerSoldierYear > 0) this.paidSoldierRounds += p.troops;
      this.effectiveRounds += p.troops * specs[i]!.effectiveness * p.effort;
      this.effortSum += p.effort * p.troops;
      this.effortN += p.troops;
    }
  }

  finish(s: RunState): RunMetrics {
    const scenario = this.model.scenario;
    const rpy = scenario.clock.roundsPerYear;
    const own = scenario.pivotal.ownSoldierCostPerYear;
    let flags = 0;
    for (const p of s.parties) if (p.joinedRound !== null) flags++;
    const total = cents(this.subsidyPaid + this.sideDealPaid);
    const foreignYears = this.soldierRounds / rpy;
    const effectiveYears = this.effectiveRounds / rpy;
    const troopTotal = this.accessPaid > 0 ? cents(total - this.accessPaid) : total;
    const perForeign = foreignYears > 0 ? cents(troopTotal / foreignYears) : null;
    return {
      coalition: { flags, peakTroops: this.peakTroops, meanFillRate: this.fillN > 0 ? round4(this.fillSum / this.fillN) : null, shortfallSoldierRounds: this.shortfall },
      payments: { total, byKind: { subsidy: this.subsidyPaid, 'side-deal': this.sideDealPaid } },
      costs: {
        foreignSoldierYears: round4(foreignYears),
        paidSoldierYears: round4(this.paidSoldierRounds / rpy),
        costPerForeignSoldierYear: perForeign,
        costPerPaidSoldierYear: this.paidSoldierRounds > 0 ? cents(troopTotal / (this.paidSoldierRounds / rpy)) : null,
        ratioToOwnSoldier: perForeign !== null && own > 0 ? round4(perForeign / own) : null,
        effectiveSoldierYears: round4(effectiveYears),
        costPerEffectiveSoldierYear: effectiveYears > 0 ? cents(troopTotal / effectiveYears) : null,
      },
      operation: { deaths: this.deaths, withdrawals: { ...this.withdrawals }, holdUps: { ...this.holdUps }, meanEffort: this.effortN > 0 ? round4(this.effortSum / this.effortN) : null },
      budget: { unspent: cents(s.pivotal.budgetTotal - s.pivotal.spent) },
      market: {
        meanTightness: this.tightN > 0 ? round4(this.tightSum / this.tightN) : null,
        maxTightness: this.tightN > 0 ? round4(this.tightMax) : null,
        scarceRounds: this.scarce,
      },
      power: { deals: this.deals, meanShare: this.shares > 0 ? round4(this.shareSum / this.shares) : null, meanPowerIndex: this.powerN > 0 ? round4(this.powerSum / this.powerN) : null, reversals: this.reversals },
      ...(this.promises.made > 0 ? { promises: this.promises.counts() } : {}),
      ...(reportsRetention(this.model.scenario.pivotal) ? { retention: this.retention.summary() } : {}),
      ...(this.model.payers.length > 0 ? { payers: this.payers.accounts() } : {}),
    };
  }
}
