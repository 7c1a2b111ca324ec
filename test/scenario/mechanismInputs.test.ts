/** Issue 12's scenario fields: optional, validated, defaults that leave today's behaviour unchanged. */
import { defencePact, domesticOpposition, missionStance, urgencyOf } from '../../src/scenario/mechanismInputs';
import { parseScenario } from '../../src/scenario/load';
import { defaultScenario, defaultScenarioText, tinyScenario, valid } from '../helpers/scenarios';

describe('fields for the coming mechanisms', () => {
  it('omitted: defaults reproduce today (neutral stance, no opposition, no pact, no duty, no urgency) and add no keys to the parsed scenario', () => {
    const s = defaultScenario();
    const t = s.thirdParties[0]!;
    expect([missionStance(t), domesticOpposition(t), defencePact(t)]).toEqual([0, 0, false]);
    expect(urgencyOf(s.pivotal)).toEqual({ deadlineRound: null, deadlineUrgency: 0, casualtyUrgency: 0 });
    const json = JSON.stringify(s);
    for (const k of ['missionStance', 'domesticOpposition', 'defencePact', 'deadlineRound', 'deadlineUrgency', 'casualtyUrgency']) expect(json).not.toContain(k);
    expect(defaultScenarioText().length).toBeGreaterThan(0);
  });

  it('given: read back through the accessors', () => {
    const input = tinyScenario();
    const tp = { ...(input.thirdParties[0] as object), missionStance: -1, domesticOpposition: 0.6, defencePact: true };
    const s = valid({ ...input, thirdParties: [tp], pivotal: { ...input.pivotal, bargaining: { deadlineRound: 2, deadlineUrgency: 0.4, casualtyUrgency: 0.2 } } });
    expect([missionStance(s.thirdParties[0]!), domesticOpposition(s.thirdParties[0]!), defencePact(s.thirdParties[0]!)]).toEqual([-1, 0.6, true]);
    expect(urgencyOf(s.pivotal)).toEqual({ deadlineRound: 2, deadlineUrgency: 0.4, casualtyUrgency: 0.2 });
  });

  it('bad values: a clear issue with the field path', () => {
    const input = tinyScenario();
    const bad = (patch: object) => {
      const r = parseScenario(JSON.stringify({ ...input, ...patch }));
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    };
    expect(bad({ thirdParties: [{ ...(input.thirdParties[0] as object), missionStance: 2 }] })).toMatch(/thirdParties\.0\.missionStance/);
    expect(bad({ thirdParties: [{ ...(input.thirdParties[0] as object), domesticOpposition: -0.1 }] })).toMatch(/thirdParties\.0\.domesticOpposition/);
    expect(bad({ pivotal: { ...input.pivotal, bargaining: { deadlineRound: 99 } } })).toMatch(/pivotal\.bargaining\.deadlineRound: round 99 is after the last round/);
    expect(bad({ pivotal: { ...input.pivotal, bargaining: { deadlineUrgency: 0.5 } } })).toMatch(/pivotal\.bargaining\.deadlineUrgency: deadlineUrgency is set but there is no deadlineRound/);
  });

  it('the fixed-rate strategy under negotiation needs its posted rate: without it the pivotal offered 0 and no paying partner ever signed', () => {
    const input = tinyScenario();
    const negotiation = { ...(input.engine as object), pricing: { rule: 'negotiation', protocol: 'alternating-offers', deadline: 4 } };
    const r = parseScenario(JSON.stringify({ ...input, engine: negotiation, pivotal: { ...input.pivotal, bargaining: { strategy: 'fixed-rate' } } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(/pivotal\.bargaining\.fixedRatePerSoldierPerRound: the fixed-rate strategy posts this rate, and it is missing/);
    expect(parseScenario(JSON.stringify({ ...input, engine: negotiation, pivotal: { ...input.pivotal, bargaining: { strategy: 'fixed-rate', fixedRatePerSoldierPerRound: 1410 } } })).ok).toBe(true);
  });
});
