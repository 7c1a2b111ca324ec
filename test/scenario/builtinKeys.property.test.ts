/**
 * Names that are also JavaScript's built-in object keys (`__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`, ...) are plain data everywhere user data picks a key outside
 * the engine: experiment paths and selectors, parameter points and their seeds, error
 * messages' "received" values, and CSV columns read back by `coalsim report`.
 */
import fc from 'fast-check';
import { parsePath, resolvePath, setAt } from '../../src/experiment/paths';
import { canonicalJson, pointKey } from '../../src/experiment/seeds';
import { dataRecord, ownField } from '../../src/scenario/ownKeys';

const BUILTINS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__'];
const builtin = fc.constantFrom(...BUILTINS);
const anyKey = fc.oneof(builtin, fc.string({ maxLength: 12 }));
const value = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }));

afterEach(() => {
  // No test may have polluted Object.prototype.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('keys that are built-in property names', () => {
  it('a parameter point keyed by any path keeps its value (so distinct values never share seeds)', () => {
    fc.assert(
      fc.property(anyKey, value, value, (key, a, b) => {
        const ka = pointKey([key], [a]);
        expect(ka).toBe(`{${JSON.stringify(key)}:${canonicalJson(a)}}`);
        if (canonicalJson(a) !== canonicalJson(b)) expect(pointKey([key], [b])).not.toBe(ka);
      }),
      { numRuns: 500 },
    );
  });

  it('a selector on a built-in field name matches no item (it is not in the data)', () => {
    fc.assert(
      fc.property(builtin, fc.constantFrom('A', 'B', 'Object'), (field, wanted) => {
        const doc = { parties: [{ id: 'A' }, { id: 'B' }] };
        const parsed = parsePath(`parties[${field}=${wanted}]`);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const r = resolvePath(doc, parsed.value);
        expect(r.ok).toBe(false);
        // The suggestions list the items' own values only, never a built-in function's text.
        if (!r.ok) expect(`${r.message} ${r.fix ?? ''}`).not.toMatch(/native code|\[object/);
      }),
    );
  });

  it('a path through a built-in name is "no field", and setting it makes an own data field', () => {
    fc.assert(
      fc.property(builtin, value, (key, v) => {
        const parsed = parsePath(`engine.${key}.rate`);
        if (!parsed.ok) return; // __proto__ and friends are valid identifiers; nothing else to check
        const r = resolvePath({ engine: {} }, parsed.value);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toContain(`has no field "${key}"`);
        const set = setAt({ engine: {} }, ['engine', key], v) as { engine: object };
        expect(Object.getPrototypeOf(set.engine)).toBe(Object.prototype);
        expect(Object.prototype.hasOwnProperty.call(set.engine, key)).toBe(true);
        expect(ownField(set.engine, key)).toEqual(v);
      }),
    );
  });

  it('ownField reads only own data; dataRecord stores every key as data', () => {
    fc.assert(
      fc.property(anyKey, value, (key, v) => {
        expect(ownField({}, key)).toBeUndefined();
        expect(ownField(JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(v)}}`), key)).toEqual(JSON.parse(JSON.stringify(v)));
        const rec = dataRecord<unknown>();
        rec[key] = v;
        expect(Object.keys(rec)).toEqual([key]);
        expect(rec[key]).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });
});
