/**
 * Parameter addressing: a path into the scenario such as "engine.pricing.thirdPartyWeight",
 * "pivotal.demand[1].troops" or "thirdParties[id=TUR].criticality". A path is parsed once,
 * resolved once against the base scenario into concrete keys and indices, and then used to
 * set a value in a copy of the scenario for each point. Pure: no I/O.
 */
import { closest, distance } from 'fastest-levenshtein';
import { ownField } from '../scenario/ownKeys';

export type Segment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'match'; readonly field: string; readonly value: string };

export type ConcretePath = readonly (string | number)[];

export type PathResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly fix?: string };

const EXAMPLE = 'e.g. "engine.pricing.thirdPartyWeight", "pivotal.demand[0].troops" or "thirdParties[id=TUR].criticality"';
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*/;

export function parsePath(text: string): PathResult<Segment[]> {
  const segments: Segment[] = [];
  let i = 0;
  const fail = (what: string): PathResult<Segment[]> => ({ ok: false, message: `cannot read the path at character ${i + 1}: ${what}`, fix: `write a path ${EXAMPLE}` });
  while (i < text.length) {
    if (segments.length > 0 || i > 0) {
      const c = text[i];
      if (c === '.') i++;
      else if (c !== '[') return fail(`expected "." or "[" but found ${JSON.stringify(c)}`);
    }
    if (text[i] === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) return fail('a "[" is not closed by "]"');
      const inner = text.slice(i + 1, end);
      if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
      else {
        const m = /^([A-Za-z_$][A-Za-z0-9_$]*)=(.+)$/.exec(inner);
        if (!m) return fail(`inside [ ] write an index like [0] or a selector like [id=TUR], not [${inner}]`);
        segments.push({ kind: 'match', field: m[1]!, value: m[2]! });
      }
      i = end + 1;
      continue;
    }
    const m = IDENT.exec(text.slice(i));
    if (!m) return fail(text[i] === undefined ? 'the path ends with "."' : `expected a field name but found ${JSON.stringify(text[i])}`);
    segments.push({ kind: 'key', key: m[0] });
    i += m[0].length;
  }
  if (segments.length === 0) return { ok: false, message: 'the path is empty', fix: `write a path ${EXAMPLE}` };
  return { ok: true, value: segments };
}

export function formatConcrete(path: ConcretePath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/**
 * Resolve against a document (the validated base scenario): selectors become indices, and
 * every step must exist except the last key, which may name an optional field not yet set.
 */
export function resolvePath(doc: unknown, segments: readonly Segment[]): PathResult<ConcretePath> {
  const out: (string | number)[] = [];
  let cur: unknown = doc;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    const last = s === segments.length - 1;
    const here = out.length === 0 ? 'the scenario' : formatConcrete(out);
    if (seg.kind === 'key') {
      if (Array.isArray(cur)) return { ok: false, message: `${here} is a list: address an item with [index] or [id=...] before ".${seg.key}"`, fix: `e.g. ${here}[0].${seg.key}` };
      if (cur === null || typeof cur !== 'object') return { ok: false, message: `${here} is ${describe(cur)}, not an object, so it has no field "${seg.key}"` };
      const obj = cur as Record<string, unknown>;
      if (!Object.prototype.hasOwnProperty.call(obj, seg.key)) {
        if (last) {
          // An optional field the base scenario leaves unset; validating each point catches a misspelling.
          out.push(seg.key);
          return { ok: true, value: out };
        }
        return missingKey(here, seg.key, Object.keys(obj));
      }
      out.push(seg.key);
      cur = obj[seg.key];
    } else {
      if (!Array.isArray(cur)) return { ok: false, message: `${here} is ${describe(cur)}, not a list, so [${seg.kind === 'index' ? seg.index : `${seg.field}=${seg.value}`}] cannot apply` };
      if (seg.kind === 'index') {
        if (seg.index >= cur.length) return { ok: false, message: `${here} has ${cur.length} item(s), so index [${seg.index}] does not exist`, fix: cur.length > 0 ? `use an index from 0 to ${cur.length - 1}` : 'add items to the base scenario first' };
        out.push(seg.index);
        cur = cur[seg.index];
      } else {
        const hits: number[] = [];
        cur.forEach((item, k) => {
          const v = ownField(item, seg.field);
          if (v !== undefined && String(v) === seg.value) hits.push(k);
        });
        if (hits.length !== 1) {
          const have = cur.map((item) => ownField(item, seg.field)).filter((v) => v !== undefined).map(String);
          if (hits.length > 1) return { ok: false, message: `${hits.length} items of ${here} have ${seg.field}=${seg.value}`, fix: 'select by a unique field, or by index' };
          // Every value as near as the nearest, up to three: one guess among ties pointed a user
          // who meant Turkey (TUR) at Thailand (THA) for "TRK", both two edits away.
          const guesses = nearest(seg.value, have);
          return {
            ok: false,
            message: `no item of ${here} has ${seg.field}=${seg.value}${guesses.length > 0 ? `; did you mean ${guesses.map((g) => `${seg.field}=${g}`).join(' or ')}?` : ''}`,
            fix: have.length > 0 ? `use one of: ${have.map((v) => `[${seg.field}=${v}]`).join(', ')}` : `the items of ${here} have no field "${seg.field}"`,
          };
        }
        out.push(hits[0]!);
        cur = cur[hits[0]!];
      }
    }
  }
  return { ok: true, value: out };
}

/** A copy of doc with value at path; only the objects along the path are copied. */
export function setAt(doc: unknown, path: ConcretePath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = doc.slice();
    copy[head as number] = setAt(doc[head as number], rest, value);
    return copy;
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  return { ...obj, [head as string]: setAt(ownField(obj, head as string), rest, value) };
}

function missingKey(here: string, key: string, known: string[]): PathResult<ConcretePath> {
  const guess = known.length > 0 ? closest(key, known) : undefined;
  if (guess !== undefined && near(key, guess)) return { ok: false, message: `${here} has no field "${key}"; did you mean "${guess}"?`, fix: `write "${guess}"` };
  return { ok: false, message: `${here} has no field "${key}"`, fix: known.length > 0 ? `fields here: ${[...known].sort().join(', ')}` : 'check the path against the scenario' };
}

/** The values nearest to `value` (ties kept, in the items' order, at most three), if near enough to be a typo. */
function nearest(value: string, have: readonly string[]): string[] {
  const d = have.map((h) => distance(value.toLowerCase(), h.toLowerCase()));
  const best = Math.min(...d);
  const hits = have.filter((h, k) => d[k] === best && near(value, h));
  return hits.length <= 3 ? hits : [];
}

function near(a: string, b: string): boolean {
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(a.length / 3));
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'not set';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

/**
 * Parameters that set the same place of the scenario, or one inside the other (`pivotal.demand`
 * and `pivotal.demand[0].troops`; `thirdParties[0].x` and `thirdParties[id=A].x` once resolved):
 * the later value overwrites the earlier, so the earlier's column would label values that never
 * reached the model. One issue per such parameter, at its path, naming the first it collides
 * with. `paths` are the resolved paths, in parameter order (null where a path did not resolve).
 */
export function overlappingPaths(paths: readonly (ConcretePath | null)[], names: readonly string[]): { index: number; message: string; fix: string }[] {
  const out: { index: number; message: string; fix: string }[] = [];
  const within = (a: ConcretePath, b: ConcretePath) => a.length <= b.length && a.every((seg, k) => seg === b[k]);
  paths.forEach((p, j) => {
    if (p === null) return;
    const i = paths.findIndex((q, k) => k < j && q !== null && (within(q, p) || within(p, q)));
    if (i < 0) return;
    const q = paths[i]!;
    const how = q.length === p.length ? 'sets the same place in the scenario as' : within(q, p) ? 'sets a place inside what is set by' : 'contains the place set by';
    out.push({ index: j, message: `${how} parameters[${i}] ("${names[i]}", ${formatConcrete(q)}): one value would overwrite the other, so a column would label values that never reached the model`, fix: `vary ${formatConcrete(p)} with one parameter only` });
  });
  return out;
}
