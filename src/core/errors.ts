/**
 * The catalogue of broken invariants. Domain outcomes (no deal, breakdown) are values;
 * bad input is a list of issues with paths (see scenario/issues.ts); only a bug in the
 * model itself throws, and it throws one of these.
 */
export type InvariantCode =
  | 'budget-overdrawn'
  | 'troops-out-of-range'
  | 'unknown-agent'
  | 'payment-without-recipient'
  | 'ledger-mismatch';

export class InvariantError extends Error {
  constructor(
    readonly code: InvariantCode,
    detail: string,
  ) {
    super(`invariant broken (${code}): ${detail}`);
    this.name = 'InvariantError';
  }
}

export function invariant(condition: boolean, code: InvariantCode, detail: () => string): asserts condition {
  if (!condition) throw new InvariantError(code, detail());
}
