/**
 * A run's scratch buffers: the typed arrays the round loop fills and reads within one phase,
 * allocated once per run (sized by the number of parties) instead of once per round. Every
 * round of a 50-party x 60-round run used to allocate about 2 MB of short-lived arrays and
 * records; that garbage, not the arithmetic, is what kept two sweep workers from scaling on two
 * cores (README, Performance).
 *
 * The buffers belong to one run's state (`RunState.scratch`): nothing here is module-global,
 * and no two runs share them. Their contents mean something only inside the phase that filled
 * them (each says which); no buffer carries information from one round to the next except
 * `order`, which only speeds a sort and never changes its result.
 */
import { approachBuffer, type ApproachBuffer } from '../market/recruitValue';

export interface RunScratch {
  // Negotiation (phases/negotiate.ts), by party index unless said otherwise.
  /** Party indices in the order of the last supply curve (the offered first, cheapest first, then the rest as they were): next round's offers come nearly sorted. */
  readonly order: Int32Array;
  /** The supply curve's party indices, cheapest first (its length is counted by the caller). */
  readonly curve: Int32Array;
  /** Each offer's price per effective soldier-year, fill-in included. */
  readonly price: Float64Array;
  /** The troops each partner would bring (its offer), 0 when it offers none. */
  readonly offered: Float64Array;
  /** 1 once a partner signed this round (no longer a substitute). */
  readonly signed: Uint8Array;
  /** A mark per party (on the curve). */
  readonly mark: Uint8Array;
  /** Each party's rank in the code-unit order of ids (equal ids, equal ranks): the supply curve's tie-break, as `a.id < b.id`. */
  readonly idRank: Int32Array;
  /** Scratch for sortIndices and for the part of `order` left off the curve. */
  readonly sortTmp: Int32Array;
  /** Candidates to approach (party indices), and by candidate position their belief price line and room. */
  readonly candidates: Int32Array;
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
  readonly room: Float64Array;
  // Approaches (phases/approach.ts), by candidate position.
  readonly effectiveness: Float64Array;
  readonly criticality: Float64Array;
  readonly member: Uint8Array;
  readonly delayCost: Float64Array;
  /** The approaches chosen by the last `chooseApproaches`. */
  readonly approaches: ApproachBuffer;
  // Payments (phases/pay.ts), by party index.
  /** What is due this round. */
  readonly due: Float64Array;
  /** The pivotal's part of it (with payers' lines). */
  readonly own: Float64Array;
  // The market survey (phases/market.ts), by party index, as of the last `surveyMarket`.
  /** 0: not available (or asks nothing), 1: volunteers, 2: willing (asks to be paid, r_i <= R_i), 3: unwilling (asks more than R_i). */
  readonly offerClass: Uint8Array;
  /** Its offer (market.ts `offerOf`): troops and the reservation for them. */
  readonly offerTroops: Float64Array;
  readonly offerReservation: Float64Array;
}

/** Buffers for a run of parties with these ids (in engine order). */
export function runScratch(ids: readonly string[]): RunScratch {
  const n = ids.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ranks of ids by `<` (UTF-16 code units, as the default sort orders strings); computed once per run.
  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  const idRank = new Int32Array(n);
  for (let r = 0; r < n; r++) idRank[byId[r]!] = r > 0 && ids[byId[r]!] === ids[byId[r - 1]!] ? idRank[byId[r - 1]!]! : r;
  return {
    order,
    curve: new Int32Array(n),
    price: new Float64Array(n),
    offered: new Float64Array(n),
    signed: new Uint8Array(n),
    mark: new Uint8Array(n),
    idRank,
    sortTmp: new Int32Array(n),
    candidates: new Int32Array(n),
    intercept: new Float64Array(n),
    slope: new Float64Array(n),
    room: new Float64Array(n),
    effectiveness: new Float64Array(n),
    criticality: new Float64Array(n),
    member: new Uint8Array(n),
    delayCost: new Float64Array(n),
    approaches: approachBuffer(n),
    due: new Float64Array(n),
    own: new Float64Array(n),
    offerClass: new Uint8Array(n),
    offerTroops: new Float64Array(n),
    offerReservation: new Float64Array(n),
  };
}
