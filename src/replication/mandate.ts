/**
 * Whether the UN Security Council authorised the use of force for a US-led war, and what that
 * means for a state's stance on the mission (issue 12, item 4: "each state has a stance on this
 * particular mission (an input, e.g. from a UN mandate ...)").
 *
 * The rule (docs/replication.md, "How data becomes parameters"): without a mandate, a state with
 * no defence pact with the United States (atop_milsup_us = 0; any US pact exempts, whichever
 * alliance runs the mission) opposes the mission (missionStance -0.5: the stance cost
 * c_i o / (1 - o) of core/politics/stance.ts is then c_i, so joining costs it its deployment cost
 * again, and only a state whose interest, signal and threat cover that joins). The premise: a
 * Council authorisation is the political reassurance that lets governments and publics accept a
 * US use of force (Voeten 2005, "The Political Origins of the UN Security Council's Ability to
 * Legitimize the Use of Force", International Organization 59(3): 527-557); Council support
 * enlarges the American public's rally behind the president (Chapman & Reiter 2004, "The United
 * Nations Security Council and the Rally 'Round the Flag Effect", Journal of Conflict Resolution
 * 48(6): 886-909; evidence on the US public, carried over here to partners' publics by
 * assumption); and UN authorisation draws more partners into US-led coalitions, 1950-1999
 * (Tago 2007, "Why do states join US-led military coalitions? The compulsion of the coalition's
 * missions and legitimacy", International Relations of the Asia-Pacific 7(2)). That a US pact
 * offsets the missing mandate is this rule's assumption, not a finding of these papers. The
 * record fits it in two conflicts: the 1999 air war over Kosovo, unauthorised, was fought by
 * NATO members, and non-members (Sweden, Finland, Austria, Ireland, Russia) came with KFOR under
 * Resolution 1244, which authorised it; the 2003 invasion of Iraq was fought by the US, Britain,
 * Australia and Poland, all US allies, and contingents from states without a US pact (Georgia,
 * Ukraine, Mongolia, Kazakhstan) came from August 2003, after Resolution 1483 (22 May 2003) had
 * recognised the occupation and welcomed contributions. 1483 did not authorise force (1511 of
 * 16 October 2003 did, after they had arrived), so Iraq shows Council endorsement short of a
 * mandate, not a mandate.
 *
 * Pure data and one pure function.
 */

export interface WarMandate {
  /** The Security Council authorised force for this war. */
  readonly mandate: boolean;
  /** The resolutions, or why there was none. */
  readonly source: string;
}

/**
 * The US-led inter-state wars of COW's war list (Sarkees & Wayman 2010) since 1946, by COW war
 * number: every war the participants file could hold with the US on one side.
 */
export const UN_MANDATE_BY_WAR: Readonly<Record<number, WarMandate>> = {
  151: { mandate: true, source: 'Korean War: UNSC Resolutions 83 (27 June 1950: members to help repel the attack) and 84 (7 July 1950: a unified command under the US), adopted while the Soviet Union boycotted the Council' },
  163: { mandate: false, source: 'Vietnam War: no authorisation of force; the Council adopted no resolution on the war (the US put it on the agenda in February 1966, without result)' },
  211: { mandate: true, source: 'Gulf War: UNSC Resolution 678 (29 November 1990)' },
  221: { mandate: false, source: 'War for Kosovo: no authorisation of force; Resolution 1244 of 10 June 1999 followed the bombing' },
  225: { mandate: false, source: 'Invasion of Afghanistan: no authorisation of force; Resolutions 1368 (12 September 2001) and 1373 (28 September 2001) recognised the right of self-defence, and 1386 (20 December 2001) authorised ISAF after the Taliban fell' },
  227: { mandate: false, source: 'Invasion of Iraq: no express authorisation of force; the US and Britain held that 678, 687 and 1441 (8 November 2002) sufficed, a reading France, Russia and China rejected; 1483 (22 May 2003) and 1511 (16 October 2003) followed the invasion' },
};

/**
 * The mission stance of a state with no defence pact with the US in a war without a mandate:
 * opposed, not openly (-1 would keep it out at any price). Opposition o = 0.5 is the point at
 * which the political cost of joining equals the cost of the deployment itself. -1 was tried
 * (docs/replication.md): the same scores on the wars measured, but it would keep out every
 * non-ally whatever its motives. -0.5 was kept over -1 after adding New Zealand to Afghanistan
 * 2001 by hand (its SAS deployed in 2001; the US suspended its ANZUS obligations to New Zealand
 * in 1986, and ATOP codes no US pact from 1987): a choice made with that result in view.
 */
export const NO_MANDATE_STANCE = -0.5;

/**
 * A state's mission stance under the rule, in [-1, 1]; undefined where the rule sets none (a
 * mandate, or a defence pact with the US: `usAlly`, atop_milsup_us, 1 for a pact).
 */
export function mandateStance(mandate: boolean, usAlly: number, stance = NO_MANDATE_STANCE): number | undefined {
  return !mandate && usAlly < 1 ? stance : undefined;
}
