/**
 * Whether the UN Security Council authorised the use of force for a US-led war, and what that
 * means for a state's stance on the mission (issue 12, item 4: "each state has a stance on this
 * particular mission (an input, e.g. from a UN mandate ...)").
 *
 * The rule (docs/replication.md, "How data becomes parameters"): without a mandate, a state with
 * no defence pact with the United States opposes the mission (missionStance -0.5: the stance cost
 * c_i o / (1 - o) of core/politics/stance.ts is then c_i, so joining costs it its deployment cost
 * again, and only a state whose interest, signal and threat cover that joins). A mandate is the "seal of
 * approval" that lets a government without a treaty tie join a US war at a bearable domestic and
 * international cost (Voeten 2005, "The Political Origins of the UN Security Council's Ability to
 * Legitimize the Use of Force", International Organization 59(3); Chapman & Reiter 2004, JCR
 * 48(6)); without one, the alliance is what compels a state to join (Tago 2007, "Why do states
 * join US-led military coalitions? The compulsion of the alliance and domestic politics",
 * International Relations of the Asia-Pacific 7(2)). The record shows the split within one
 * conflict: the 1999 air war over Kosovo, unauthorised, was fought by NATO members alone, and
 * the non-members (Sweden, Finland, Austria, Ireland, Russia) came with KFOR under Resolution
 * 1244; in Iraq the 2003 invasion was fought by US allies, and the non-allied contingents
 * (Georgia, Ukraine, Mongolia, El Salvador) came after Resolutions 1483 and 1511.
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
  151: { mandate: true, source: 'Korean War: UNSC Resolutions 83 (27 June 1950) and 84 (7 July 1950)' },
  163: { mandate: false, source: 'Vietnam War: no Security Council resolution' },
  211: { mandate: true, source: 'Gulf War: UNSC Resolution 678 (29 November 1990)' },
  221: { mandate: false, source: 'War for Kosovo: no authorisation of force; Resolution 1244 of 10 June 1999 followed the bombing' },
  225: { mandate: false, source: 'Invasion of Afghanistan: no authorisation of force; Resolutions 1368 and 1373 recognised self-defence, and 1386 authorised ISAF after the Taliban fell' },
  227: { mandate: false, source: 'Invasion of Iraq: no authorisation of force; Resolution 1441 did not give one, and 1483 and 1511 followed the invasion' },
};

/**
 * The mission stance of a state with no defence pact with the US in a war without a mandate:
 * opposed, not openly (-1 would keep it out at any price). Opposition o = 0.5 is the point at
 * which the political cost of joining equals the cost of the deployment itself. -1 was tried
 * (docs/replication.md): the same scores on the wars measured, but it would keep out every
 * non-ally whatever its motives, as New Zealand, outside ANZUS since 1986, in Afghanistan 2001.
 */
export const NO_MANDATE_STANCE = -0.5;

/**
 * A state's mission stance under the rule, in [-1, 1]; undefined where the rule sets none (a
 * mandate, or a defence pact with the US: `usAlly`, atop_milsup_us, 1 for a pact).
 */
export function mandateStance(mandate: boolean, usAlly: number, stance = NO_MANDATE_STANCE): number | undefined {
  return !mandate && usAlly < 1 ? stance : undefined;
}
