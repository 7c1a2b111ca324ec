/**
 * Reading a field named by user data (a scenario path, an experiment parameter, a CSV
 * column) without meeting JavaScript's built-in properties: `obj["__proto__"]`,
 * `obj["constructor"]` or `obj["toString"]` on a plain object return Object.prototype's
 * members, not the data. Only own properties count here.
 */
export function ownField(obj: unknown, key: string | number): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined;
}

/** A record keyed by user data: no prototype, so every key (even "__proto__") is plain data. */
export function dataRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
