/**
 * Behavioural labels read from the run against a counterfactual (issue 12 item 9), not from a
 * threshold on an input:
 *   - signaller: with a signalling motive, the state over-contributed (deployed a larger share of
 *     its forces than the leader asked of every state: the alliance review's test), or without
 *     the motive it would have asked more than it got for the troops it sent;
 *   - critical: a partner the pivotal valued in particular was paid more than the marginal
 *     substitute's troops would have cost (its ceiling less its criticality premium).
 * Hand-checkable numbers first, then the engine on the bundled default scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { reservationWithoutSignal } from '../../src/core/engine/phases/contingents';
import { summarize } from '../../src/core/metrics/summary';
import { behaviourLabels, type BehaviourInput } from '../../src/core/metrics/typology';
import { ROOT, valid } from '../helpers/scenarios';

const base = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8')));
const spec = (id: string) => base.thirdParties.find((t) => t.id === id)!;

function input(over: Partial<BehaviourInput> & Pick<BehaviourInput, 'spec'>): BehaviourInput {
  return {
    pivotal: base.pivotal, costPerYear: over.spec.deploymentCostPerYear, liquidityNeed: 0, reservation: over.spec.deploymentCostPerYear,
    volunteeredRound: null, deals: [], subsidyReceived: 0, sideDealValueReceived: 0, soldierYears: 1, holdUpThreatRounds: [],
    allianceDeepenedRound: null, troopsMax: 0, ...over,
  };
}
const labelsOf = (x: BehaviourInput) => behaviourLabels(x).map((l) => l.label);

describe('signaller: over-contribution or a decisive signal', () => {
  it('with fixed contingents, the reservation without the signal is max(c_i - u_i + m_i, (1 - f_i) c_i): the signal lowers the net cost, not the liquidity need', () => {
    // Georgia in the default scenario: u = 3,000, f = 0.3, S = 20,000, similarity 0.7, depth 0 => s_i = 14,000.
    const geo = spec('GEO');
    const at = { costPerYear: 12_000, allianceDepth: geo.allianceDepth, deployedBefore: 0, troops: 900, demand: 30_000 };
    // With the signal: max(12,000 - 3,000 - 14,000, 0.7 x 12,000) = 8,400; without: max(9,000, 8,400) = 9,000.
    expect(reservationWithoutSignal(geo, base, 1_000_000, at)).toBeCloseTo(9_000, 6);
    // Able to fund only a tenth (f = 0.1), its liquidity need (10,800) binds with or without the signal: never decisive.
    expect(reservationWithoutSignal({ ...geo, selfFundedShare: 0.1 }, base, 1_000_000, at)).toBeCloseTo(10_800, 6);
    // A volunteer whose interest alone covers its cost (u = 13,000, f = 1) still asks nothing without the signal: max(-1,000, 0) = 0.
    expect(reservationWithoutSignal({ ...geo, selfFundedShare: 1, intrinsicValuePerYear: 13_000 }, base, 1_000_000, at)).toBe(0);
  });

  it('is given with the evidence of each kind, and not without any', () => {
    const geo = spec('GEO');
    const decisive = { kind: 'decisive' as const, round: 3, troops: 900, price: 10_000, withoutSignal: 19_000 };
    const over = { kind: 'over-contributed' as const, round: 4, troops: 900, shareDeployed: 0.03, ask: 0.0117, signal: 14_000 };
    const a = behaviourLabels(input({ spec: geo, signalEvidence: [decisive] })).find((l) => l.label === 'signaller')!;
    expect(a.evidence[0]).toBe('without its signalling motive it would have asked $19,000 per soldier-year for the 900 troops it sent in round 3, above the $10,000 it got: the signal made the deployment');
    expect(a.events).toEqual([{ type: 'deal-signed', round: 3 }]);
    const b = behaviourLabels(input({ spec: geo, signalEvidence: [over] })).find((l) => l.label === 'signaller')!;
    expect(b.evidence[0]).toMatch(/^deployed 3\.00% of its forces in round 4 \(900 troops\), above the 1\.17% the leader asked of every state, with a signal worth \$14,000/);
    expect(labelsOf(input({ spec: geo, signalEvidence: [] }))).not.toContain('signaller');
  });

  it('in the default scenario, Georgia and Poland (signalling motives, over-contributing) are labelled signallers and nobody without a motive is', () => {
    for (const seed of [1, 2, 3]) {
      const members = summarize(runScenario(base, seed)).coalition.members;
      for (const m of members) {
        const t = spec(m.id);
        const motive = t.signallingValuePerYear > 0 && t.preferenceSimilarity > t.allianceDepth;
        const label = m.labels.find((l) => l.label === 'signaller');
        if (!motive) expect(label).toBeUndefined();
        if (m.id === 'GEO' || m.id === 'POL') expect(label?.evidence.join(' ')).toMatch(/above the [\d.]+% the leader asked of every state/);
      }
    }
  });
});

describe('critical: a premium over the marginal substitute', () => {
  it('a partner valued in particular, paid above its ceiling less its criticality premium, is critical; the same price without criticality is not', () => {
    // Turkey in the default scenario: criticality 1, V = 300M => premium 300M / 3,700 = 81,081 per soldier-year.
    const tur = spec('TUR');
    const deal = { round: 2, troops: 3_700, pricePerSoldierYear: 78_541.46, ceiling: 95_782.57 };
    const l = behaviourLabels(input({ spec: tur, deals: [deal] })).find((x) => x.label === 'critical')!;
    // Benchmark: 95,782.57 - 300,000,000 / 3,700 = 14,701.49.
    expect(l.evidence[0]).toBe('paid $78,541 per soldier-year in round 2, above the $14,701 the same troops would have cost from the marginal substitute: a premium of $63,840 for it in particular');
    expect(labelsOf(input({ spec: { ...tur, criticality: 0 }, deals: [deal] }))).not.toContain('critical');
  });

  it('in the default scenario Turkey (criticality 1) is labelled critical in every seed it joins', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const tur = summarize(runScenario(base, seed)).coalition.members.find((m) => m.id === 'TUR');
      if (tur) expect(tur.labels.map((l) => l.label)).toContain('critical');
    }
  });
});

describe('opportunist: a threat beyond what casualties justify', () => {
  const eth = spec('ETH');
  it('a threat asking more than the gap r + z - p is opportunism; one asking only its gap is not; a bluff (gap 0) is', () => {
    const genuine = { round: 6, demand: 2_000, justified: 2_000 };
    const beyond = { round: 7, demand: 2_600, justified: 2_000 };
    const bluff = { round: 8, demand: 30, justified: 0 };
    const base = { spec: eth, reservation: eth.deploymentCostPerYear - eth.intrinsicValuePerYear, holdUpThreatRounds: [6] };
    expect(labelsOf(input({ ...base, holdUpThreats: [genuine] }))).not.toContain('opportunist');
    const l = behaviourLabels(input({ ...base, holdUpThreatRounds: [7, 8], holdUpThreats: [beyond, bluff] })).find((x) => x.label === 'opportunist')!;
    expect(l.evidence).toEqual(['threatened to withdraw unless paid more, more than its casualties justified, in rounds 7, 8']);
    expect(l.events).toEqual([{ type: 'holdup-threat', round: 7 }, { type: 'holdup-threat', round: 8 }]);
  });
});

/**
 * opportunist: asked more than its costs justify, judged against what it would ask for the same
 * contingent without a markup (engine/phases/contingents.ts reservationWithoutMarkup). With chosen
 * contingents the political cost of the contingent's size is a cost: a teacher's trial found Brazil
 * in teaching-signalling, with no markup, called an opportunist for asking $27,416 a soldier-year
 * for 4,861 troops against $22,913 of net cost, where the scenario says it "sends only what it is
 * paid for".
 */
describe('the opportunist label counts a chosen contingent\'s political cost as a cost', () => {
  const signalling = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-signalling.json'), 'utf8')));
  it.each([1, 2, 3, 4, 5])('teaching-signalling seed %d: Brazil, with no markup, is paid and under-resourced, never an opportunist', (seed) => {
    const bra = summarize(runScenario(signalling, seed)).coalition.members.find((m) => m.id === 'BRA');
    expect(bra).toBeDefined();
    const labels = bra!.labels.map((l) => l.label);
    expect(labels).toContain('under-resourced');
    expect(labels).not.toContain('opportunist');
  });

  it('a markup on the same contingent still makes an opportunist, by the markup', () => {
    const marked = { ...signalling, thirdParties: signalling.thirdParties.map((t) => (t.id === 'BRA' ? { ...t, opportunismMarkupPerYear: 6000 } : t)) };
    const bra = summarize(runScenario(valid(marked), 1)).coalition.members.find((m) => m.id === 'BRA')!;
    const opp = bra.labels.find((l) => l.label === 'opportunist');
    expect(opp).toBeDefined();
    // What it asked above the benchmark is the markup (to the cent, rounding aside).
    const above = Number(/\$([\d,]+) above what/.exec(opp!.evidence[0]!)![1]!.replace(/,/g, ''));
    expect(Math.abs(above - 6000)).toBeLessThanOrEqual(1);
  });
});
