import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { stanceCost } from '../../src/core/politics/stance';
import { buildIsafScenario, validIsafScenario, DEFAULT_ISAF_OPTIONS } from '../../src/replication/isaf';
import { parseIsafCsv } from '../../src/replication/isafData';
import { mandateStance, NO_MANDATE_STANCE, UN_MANDATE_BY_WAR } from '../../src/replication/mandate';

const rows = parseIsafCsv(readFileSync(join(__dirname, '..', '..', 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
const usAlly = new Map(rows.map((r) => [r.iso3, r.usAlly]));

describe('a UN mandate and the stance of states without a US pact (replication/mandate.ts)', () => {
  it('records the Security Council for each of the six US-led COW wars: Korea and the Gulf authorised, the other four not', () => {
    const mandated = Object.entries(UN_MANDATE_BY_WAR).filter(([, m]) => m.mandate).map(([war]) => Number(war));
    expect(mandated).toEqual([151, 211]);
    expect(Object.keys(UN_MANDATE_BY_WAR).map(Number)).toEqual([151, 163, 211, 221, 225, 227]);
    expect(UN_MANDATE_BY_WAR[211]!.source).toContain('678 (29 November 1990)');
  });

  it('dates the resolutions each record cites, and does not call a resolution a mandate where it was none', () => {
    expect(UN_MANDATE_BY_WAR[151]!.source).toMatch(/83 \(27 June 1950.*84 \(7 July 1950/);
    expect(UN_MANDATE_BY_WAR[221]!.source).toContain('1244 of 10 June 1999');
    expect(UN_MANDATE_BY_WAR[225]!.source).toMatch(/1368 \(12 September 2001\).*1373 \(28 September 2001\).*1386 \(20 December 2001\)/);
    // Iraq: 1441 gave no express authorisation; 1483 (May) and 1511 (October) came after the invasion.
    expect(UN_MANDATE_BY_WAR[227]!.source).toMatch(/no express authorisation.*1441 \(8 November 2002\).*1483 \(22 May 2003\).*1511 \(16 October 2003\)/);
    // Vietnam: the Council adopted nothing on the war (the US put it on the agenda in 1966).
    expect(UN_MANDATE_BY_WAR[163]!.source).toMatch(/^Vietnam War: no authorisation of force/);
  });

  it('without a mandate a state with no US defence pact opposes the mission; an ally, or any state under a mandate, has no stance set', () => {
    expect(mandateStance(false, 0)).toBe(NO_MANDATE_STANCE);
    expect(mandateStance(false, 1)).toBeUndefined();
    expect(mandateStance(true, 0)).toBeUndefined();
    // Opposed, not openly: joining costs it its deployment cost once more (c o / (1 - o) at o = 0.5), not every price.
    expect(NO_MANDATE_STANCE).toBe(-0.5);
    expect(stanceCost(NO_MANDATE_STANCE, 100_000)).toBeCloseTo(100_000, 6);
  });

  it('ISAF had a mandate: by default no third party gets a stance, so the replication scenario is as before', () => {
    expect(DEFAULT_ISAF_OPTIONS.mandate).toBe(true);
    expect(buildIsafScenario(rows).thirdParties.filter((t) => 'missionStance' in t)).toEqual([]);
    const without = buildIsafScenario(rows, { mandate: false }).thirdParties;
    expect(without.find((t) => t.id === 'SWE')!.missionStance).toBe(NO_MANDATE_STANCE);
    expect(without.find((t) => t.id === 'DEU')!.missionStance).toBeUndefined();
    // Any US pact exempts, not only NATO's (the mission's, which carries the duty): Japan and Argentina too.
    expect(without.find((t) => t.id === 'JPN')!.missionStance).toBeUndefined();
    expect(without.find((t) => t.id === 'ARG')!.missionStance).toBeUndefined();
  });

  it('the engine keeps out the non-allies the stance costs more than their motives are worth (ISAF rules, seed 1: 21 non-allies join with a mandate, none without)', () => {
    const nonAllies = (mandate: boolean) => {
      const sc = validIsafScenario(rows, { ...DEFAULT_ISAF_OPTIONS, mandate });
      return summarize(runScenario(sc, 1)).coalition.members.filter((m) => usAlly.get(m.id) !== 1).map((m) => m.id);
    };
    const withMandate = nonAllies(true);
    expect(withMandate).toEqual(expect.arrayContaining(['IRL', 'AUT', 'ISR', 'MNG']));
    expect(withMandate).toHaveLength(21);
    expect(nonAllies(false)).toEqual([]);
  });
});
