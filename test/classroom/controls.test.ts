/**
 * The classroom's controls for a scenario: a demand shock written as a change of demand
 * (`delta`, as teaching-holdup's enemy entry and the default scenario's surge) gets its own
 * slider, and the panes open on slack against scarce, the hold-up lesson the README tells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySettings, contrastPresets, controlsFor } from '../../src/classroom/controls';
import { ROOT, valid } from '../helpers/scenarios';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import type { Scenario } from '../../src/scenario/schema';

const bundled = (id: string) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));

describe('classroom controls', () => {
  it('teaching-holdup: the enemy entry (+3,000 troops in month 5) is a slider, and the panes are slack (0) against as written', () => {
    const s = bundled('teaching-holdup');
    const controls = controlsFor(s);
    const shift = controls.find((c) => c.id.startsWith('shift'));
    expect(shift).toMatchObject({ path: ['events', expect.any(Number), 'delta'], label: 'Extra troops sought from month 5 (shock)' });
    const [a, b] = contrastPresets(s, controls);
    expect(a.label).toMatch(/^Slack/);
    expect(a.settings[shift!.id]).toBe(0);
    expect(b.settings[shift!.id]).toBe(3000);
    // The slack pane's scenario really holds demand at its first level.
    const slack = applySettings(s, controls, a.settings) as { events: { type: string; delta?: number; label?: string }[] };
    const event = slack.events[(shift!.path as (string | number)[])[1] as number]!;
    // Its label loses the size it stated ("seeks 3,000 more"), which the slider has changed.
    expect(event).toMatchObject({ type: 'demand', delta: 0, label: 'A great power enters the war' });
    const asWritten = applySettings(s, controls, b.settings) as { events: { label?: string }[] };
    expect(asWritten.events[(shift!.path as (string | number)[])[1] as number]!.label).toBe('A great power enters the war: the pivotal state seeks 3,000 more foreign troops');
    // The slider cannot cut the demand below zero (validation would refuse the page's scenario):
    // its least value is minus the demand just before the shock.
    expect(shift).toMatchObject({ kind: 'number', min: -s.pivotal.demand[0]!.troops });
  });

  it("teaching-holdup: Thailand's hesitation is a supply-shock choice; the slack pane keeps it on the market, so South Africa's threat is refused on seed 1", () => {
    const s = bundled('teaching-holdup');
    const controls = controlsFor(s);
    const supply = controls.find((c) => c.id.startsWith('supply'));
    expect(supply).toMatchObject({ kind: 'choice', label: 'Thailand (supply shock)', options: ['leaves in month 5', 'stays available'] });
    const [a, b] = contrastPresets(s, controls);
    expect(a.label).toBe('Slack: demand stays at 2,000 and every partner stays on the market');
    expect(b.settings[supply!.id]).toBe('leaves in month 5');
    const at = (supply!.path as (string | number)[])[1] as number;
    const slack = valid(applySettings(s, controls, a.settings)) as Scenario;
    expect(slack.events[at]).toMatchObject({ type: 'availability', party: 'THA', available: true, label: 'Thailand stays available' });
    const scarce = valid(applySettings(s, controls, b.settings)) as Scenario;
    expect(scarce).toEqual(s);
    // Mechanism (core/dynamics/threat.ts): with Thailand still on offer the replacement premium
    // ($260 a soldier-year) is below South Africa's demand ($735), so the pivotal refuses and
    // the partner, whose casualties made the threat genuine, goes home.
    const events = runScenario(slack, 1).events;
    const first = events.find((e) => e.type === 'holdup-resolved');
    expect(first).toMatchObject({ party: 'ZAF', outcome: 'refused-withdrew', round: 5 });
    // Over seeds 1-50 a hold-up is paid in far fewer slack runs than scarce ones.
    const paidIn = (sc: Scenario) => Array.from({ length: 50 }, (_, i) => runScenario(sc, i + 1).events.some((e) => e.type === 'holdup-resolved' && e.outcome === 'paid')).filter(Boolean).length;
    const [slackPaid, scarcePaid] = [paidIn(slack), paidIn(scarce)];
    expect(slackPaid).toBeLessThanOrEqual(10);
    expect(scarcePaid).toBeGreaterThanOrEqual(40);
  });
});

describe('classroom lessons beyond scarcity', () => {
  const shareOf = (sc: Scenario, id: string, seeds: number) => {
    const t = sc.thirdParties.find((x) => x.id === id)!;
    let sum = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      sum += (summarize(runScenario(sc, seed)).coalition.members.find((m) => m.id === id)?.troopsMax ?? 0) / t.armedForces;
    }
    return sum / seeds;
  };

  it("teaching-signalling: a signalling switch and each signaller's alliance depth; the panes close the alliance gap, and New Zealand's over-contribution goes", () => {
    const s = bundled('teaching-signalling');
    const controls = controlsFor(s);
    expect(controls.find((c) => c.id === 'signalling')).toMatchObject({ kind: 'choice', options: ['on', 'off'], values: { on: true, off: false }, path: ['engine', 'operation', 'signalling'] });
    const depths = controls.filter((c) => c.id.startsWith('depth'));
    expect(depths).toHaveLength(6);
    expect(depths[0]).toMatchObject({ label: 'Alliance depth: Georgia', path: ['thirdParties', 0, 'allianceDepth'], min: 0, max: 1 });
    const [a, b] = contrastPresets(s, controls);
    expect(a.label).toMatch(/^As written/);
    expect(b.label).toBe('Alliances as deep as shared interests: nothing left to signal');
    const closed = valid(applySettings(s, controls, b.settings)) as Scenario;
    for (const t of closed.thirdParties) expect(t.allianceDepth).toBeGreaterThanOrEqual(t.preferenceSimilarity);
    // Mechanism (market/contingent.ts): a state's contingent share rises with its signalling
    // value times its unrealized potential max(0, similarity - depth); close the gap and New
    // Zealand (similarity 0.8, depth 0.1) sends only its alliance duty.
    const asWritten = valid(applySettings(s, controls, a.settings)) as Scenario;
    expect(asWritten).toEqual(s);
    expect(shareOf(asWritten, 'NZL', 10)).toBeGreaterThan(0.02);
    expect(shareOf(closed, 'NZL', 10)).toBeLessThan(0.01);
    const off = valid(applySettings(s, controls, { ...a.settings, signalling: 'off' })) as Scenario;
    expect(off.engine.operation.signalling).toBe(false);
  });

  it('teaching-promises: a slider for when each promise falls due; due by mid-operation the visa waiver is kept, due in the last month it is broken (seed 1)', () => {
    const s = bundled('teaching-promises');
    const controls = controlsFor(s);
    const visa = controls.find((c) => c.label.startsWith('A visa waiver'));
    expect(visa).toMatchObject({ kind: 'number', label: 'A visa waiver for Polish citizens: due after (months)', path: ['sideDeals', 1, 'delivery', 'firstAfterRounds'], min: 0, max: 12 });
    const [a, b] = contrastPresets(s, controls);
    expect(a.label).toBe('Promises as written');
    expect(b.label).toBe('Promises due sooner: at most 6 months after the deal');
    expect(b.settings[visa!.id]).toBe(6);
    // Mechanism (engine/phases/promises.ts): a promise is kept while breaking it would cost the
    // pivotal more (the partner's retaliation over the months left) than keeping it.
    const fate = (sc: Scenario) => runScenario(sc, 1).events.filter((e) => (e.type === 'promise-kept' || e.type === 'promise-broken') && e.item === 'visa').map((e) => e.type);
    expect(fate(valid(applySettings(s, controls, a.settings)) as Scenario)).toEqual(['promise-broken']);
    expect(fate(valid(applySettings(s, controls, b.settings)) as Scenario)).toEqual(['promise-kept']);
  });
});
