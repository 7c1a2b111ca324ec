/**
 * A package with side-deal items worth more than the agreed price leaves (items cannot be split,
 * docs/model.md "Packages") is told as what it is worth to the partner per soldier-year over the
 * contract. Default scenario, seed 1: Colombia's deal is "the equivalent of $122,676" (subsidy
 * $18,550 plus aircraft worth $180 million to it) for 1,100 troops over 11 months; the package
 * is worth 18,550 + 180,000,000 / (1,100 x 11/12) = $197,062 per soldier-year (teacher's audit,
 * checked by hand). A deal without items, or within 1% of its price, gets no such sentence.
 */
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { buildNarrative } from '../../src/report/narrative';
import { defaultScenario } from '../helpers/scenarios';

it('default, seed 1: Colombia and Ethiopia are told what their packages are worth; cash-only deals are not', () => {
  const s = defaultScenario();
  const run = runScenario(s, 1);
  const text = JSON.stringify(buildNarrative({ scenario: s, events: run.events, summary: summarize(run) })).replace(/\s+/g, ' ');
  const colombia = run.events.find((e) => e.type === 'deal-signed' && e.party === 'COL')!;
  expect(colombia).toMatchObject({ round: 14, troops: 1100, subsidyPerSoldierYear: 18549.57 });
  expect(18549.57 + 180_000_000 / (1100 * (11 / 12))).toBeCloseTo(197_061.97, 1);
  expect(text).toContain('over the 11 months the contract runs, the package is worth about $197,062 per soldier-year to Colombia');
  expect(text).toContain('per soldier-year to Ethiopia');
  // One such sentence per deal with items, none for the others.
  const withItems = run.events.filter((e) => e.type === 'deal-signed' && e.sideDeals.length > 0).length;
  expect((text.match(/cannot be split/g) ?? []).length).toBeLessThanOrEqual(withItems);
});
