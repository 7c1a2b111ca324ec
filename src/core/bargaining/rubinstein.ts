/**
 * Alternating offers with discounting (Rubinstein 1982; Ståhl's finite horizon).
 *
 * With `remaining` exchanges left (the current one included), the proposer's subgame-
 * perfect share of the pie is s_1 = 1 (the last proposer takes all) and
 * s_n = 1 - d_responder * s'_{n-1}, where s' is the next proposer's share. As the horizon
 * grows this converges to the closed form (1 - d_responder) / (1 - d_proposer d_responder).
 */
export function rubinsteinProposerShare(dProposer: number, dResponder: number): number {
  const denom = 1 - dProposer * dResponder;
  return denom <= 0 ? 0.5 : (1 - dResponder) / denom;
}

/** Proposer's share with `remaining` exchanges left (>= 1), alternating proposers. */
export function finiteHorizonProposerShare(dProposer: number, dResponder: number, remaining: number): number {
  // Iterate from the last exchange backwards; proposer roles alternate each step.
  let share = 1; // share of whoever proposes at the last exchange
  let proposerIsCurrent = remaining % 2 === 1; // does the current proposer also propose last?
  for (let n = 2; n <= remaining; n++) {
    // One step earlier the other side proposes; its responder is the one who proposes next.
    proposerIsCurrent = !proposerIsCurrent;
    const dResp = proposerIsCurrent ? dResponder : dProposer;
    share = 1 - dResp * share;
  }
  return share;
}
