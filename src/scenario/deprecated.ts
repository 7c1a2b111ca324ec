/**
 * Scenario fields still accepted but no longer read (so that old files load), and why. Pure: reads
 * the parsed JSON document, so that `coalsim validate` can name each by its path in the file.
 */

export interface DeprecatedField {
  /** Path in the file, e.g. `thirdParties[id=ZAF].holdUpPropensity`. */
  readonly path: string;
  readonly reason: string;
}

const STRATEGIC = 'hold-ups are strategic since issue 12 item 5 (docs/model.md §5)';
const PARTY_FIELDS: Readonly<Record<string, string>> = {
  holdUpPropensity: `ignored: ${STRATEGIC}; a deployed partner threatens when its expected gain beats the cost of a called bluff, not on a per-round draw`,
  holdUpResolve: `ignored: ${STRATEGIC}; refused, a partner leaves iff leaving really beats staying at its price (its reservation now, casualty pressure included)`,
};
const PIVOTAL_FIELDS: Readonly<Record<string, string>> = {
  firmness: `ignored: ${STRATEGIC}; the pivotal pays a demand iff it is at most its belief that the partner would really leave times what replacing it costs, with no discount for resolve`,
};
const OPERATION_FIELDS: Readonly<Record<string, string>> = {
  holdUpAggressiveness: `ignored: ${STRATEGIC}; a threatening partner demands what maximises its expected gain`,
};

function record(x: unknown): Record<string, unknown> | null {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

/** The deprecated fields a scenario document sets, in file order. */
export function deprecatedFields(doc: unknown): DeprecatedField[] {
  const out: DeprecatedField[] = [];
  const root = record(doc);
  if (!root) return out;
  const pivotal = record(root.pivotal);
  if (pivotal) for (const [field, reason] of Object.entries(PIVOTAL_FIELDS)) if (field in pivotal) out.push({ path: `pivotal.${field}`, reason });
  const parties = Array.isArray(root.thirdParties) ? root.thirdParties : [];
  parties.forEach((p, i) => {
    const party = record(p);
    if (!party) return;
    const at = typeof party.id === 'string' ? `thirdParties[id=${party.id}]` : `thirdParties[${i}]`;
    for (const [field, reason] of Object.entries(PARTY_FIELDS)) if (field in party) out.push({ path: `${at}.${field}`, reason });
  });
  const operation = record(record(root.engine)?.operation);
  if (operation) for (const [field, reason] of Object.entries(OPERATION_FIELDS)) if (field in operation) out.push({ path: `engine.operation.${field}`, reason });
  return out;
}
