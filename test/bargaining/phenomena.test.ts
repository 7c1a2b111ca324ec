/**
 * The phenomena of BRIEF §1, emerging from the mechanism over many seeds. Assertions are on
 * direction and a minimum effect size, not exact numbers. Each seed draws a new synthetic
 * population (test/helpers/bargainingScenarios.ts) and a new engine seed.
 */
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import type { EventOf } from '../../src/core/events';
import { valid } from '../helpers/scenarios';
import { population, type PopulationOptions } from '../helpers/bargainingScenarios';

const SEEDS = 30;

interface Stats {
  meanShare: number;
  deals: number;
  reversals: number;
  costPerPaidSoldierYear: number;
}

function measure(o: Omit<PopulationOptions, 'populationSeed'>): Stats {
  let shareSum = 0;
  let deals = 0;
  let reversals = 0;
  let cost = 0;
  for (let i = 0; i < SEEDS; i++) {
    const r = runScenario(valid(population({ ...o, populationSeed: i })), 1000 + i);
    for (const e of r.events) {
      if (e.type === 'deal-signed' && e.share !== null) {
        shareSum += e.share;
        deals++;
      } else if (e.type === 'reversal') reversals++;
    }
    cost += summarize(r).costs.costPerPaidSoldierYear ?? 0;
  }
  return { meanShare: shareSum / deals, deals, reversals, costPerPaidSoldierYear: cost / SEEDS };
}

const generic = { generic: 10 };

describe('bargaining phenomena over many seeds', () => {
  it('scarcity: raising demand relative to supply raises third parties\' mean share (by at least 0.15)', () => {
    const abundant = measure({ ...generic, demandFactor: 0.4, openness: 0.5, intelligence: 0.5 });
    const scarce = measure({ ...generic, demandFactor: 1.2, openness: 0.5, intelligence: 0.5 });
    expect(abundant.deals).toBeGreaterThan(50);
    expect(scarce.meanShare - abundant.meanShare).toBeGreaterThanOrEqual(0.15);
  });

  it('information: more open recruitment makes the pivotal pay more (share +0.1, cost per paid soldier-year +20%)', () => {
    const discreet = measure({ ...generic, demandFactor: 0.8, openness: 0.1, intelligence: 0.5 });
    const open = measure({ ...generic, demandFactor: 0.8, openness: 0.9, intelligence: 0.5 });
    expect(open.meanShare - discreet.meanShare).toBeGreaterThanOrEqual(0.1);
    expect(open.costPerPaidSoldierYear).toBeGreaterThan(1.2 * discreet.costPerPaidSoldierYear);
  });

  it('information asymmetry: the better-informed pivotal takes the larger share; the reverse produces reversals', () => {
    const pivotalKnows = measure({ ...generic, demandFactor: 1.2, openness: 0.05, intelligence: 0.95 });
    const partiesKnow = measure({ ...generic, demandFactor: 1.2, openness: 0.95, intelligence: 0.05 });
    expect(pivotalKnows.meanShare).toBeLessThan(0.4);
    expect(partiesKnow.meanShare).toBeGreaterThan(0.5);
    // Reversals: deals where a state with a tenth of the pivotal's forces took more than half.
    expect(partiesKnow.reversals / partiesKnow.deals).toBeGreaterThan(0.3);
    expect(partiesKnow.reversals).toBeGreaterThan(5 * Math.max(1, pivotalKnows.reversals));
  });

  it('an impatient pivotal under scarcity concedes: urgency turns the tables', () => {
    const calm = measure({ ...generic, demandFactor: 1.2, openness: 0.9, intelligence: 0.9, urgency: 0 });
    const urgent = measure({ ...generic, demandFactor: 1.2, openness: 0.9, intelligence: 0.9, urgency: 0.9 });
    expect(urgent.meanShare - calm.meanShare).toBeGreaterThanOrEqual(0.1);
    expect(urgent.reversals).toBeGreaterThan(calm.reversals);
  });

  it('critical partners end up with side deals far more often than under-resourced ones, who get subsidies', () => {
    const counts = { critical: 0, criticalWithSideDeals: 0, poor: 0, poorWithSideDeals: 0, poorSubsidy: 0, poorSideDealValue: 0 };
    for (let i = 0; i < SEEDS; i++) {
      const r = runScenario(valid(population({ critical: 4, underResourced: 4, generic: 2, demandFactor: 0.6, openness: 0.5, intelligence: 0.5, populationSeed: i })), 2000 + i);
      for (const e of r.events) {
        if (e.type !== 'deal-signed') continue;
        const d = e as EventOf<'deal-signed'>;
        if (d.party.startsWith('CRIT')) {
          counts.critical++;
          if (d.sideDeals.length > 0) counts.criticalWithSideDeals++;
        } else if (d.party.startsWith('POOR')) {
          counts.poor++;
          if (d.sideDeals.length > 0) counts.poorWithSideDeals++;
        }
      }
      for (const m of summarize(r).coalition.members) {
        if (!m.id.startsWith('POOR')) continue;
        counts.poorSubsidy += m.paymentsByKind.subsidy;
        counts.poorSideDealValue += m.sideDealValue;
      }
    }
    expect(counts.critical).toBeGreaterThan(30);
    expect(counts.poor).toBeGreaterThan(30);
    const critRate = counts.criticalWithSideDeals / counts.critical;
    const poorRate = counts.poorWithSideDeals / counts.poor;
    expect(critRate).toBeGreaterThan(0.7);
    expect(critRate - poorRate).toBeGreaterThan(0.5);
    expect(counts.poorSubsidy).toBeGreaterThan(4 * counts.poorSideDealValue);
  });

  it('the typology reads the mechanism: built-in critical and under-resourced states are classified as such', () => {
    let agree = 0;
    let total = 0;
    for (let i = 0; i < SEEDS; i++) {
      const r = runScenario(valid(population({ critical: 3, underResourced: 3, generic: 0, demandFactor: 0.9, openness: 0.5, intelligence: 0.5, populationSeed: i })), 3000 + i);
      for (const m of summarize(r).coalition.members) {
        total++;
        if ((m.id.startsWith('CRIT') && m.type === 'critical') || (m.id.startsWith('POOR') && m.type === 'under-resourced')) agree++;
      }
    }
    expect(total).toBeGreaterThan(60);
    expect(agree / total).toBeGreaterThan(0.9);
  });
});
