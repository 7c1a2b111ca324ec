/**
 * Generators of malformed and extreme input files, as bytes (what a user's editor or a
 * broken script actually leaves on disk): deep nesting, huge strings and keys, UTF-16/32
 * with and without a byte-order mark, a UTF-8 BOM, duplicate keys, numbers beyond a double
 * or an integer field's range, JSONC comments and trailing commas, truncation, garbling and
 * random bytes. Shared by the fuzz test and the nightly-size fuzz script.
 */
import fc from 'fast-check';

export type Kind = 'scenario' | 'experiment';
export interface Hostile {
  readonly label: string;
  readonly kind: Kind;
  readonly bytes: Buffer;
  /** When known: true if the file must be accepted (a valid document in an editor's dress). */
  readonly mustAccept?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to an object node of a document, for placing edits. */
function objectPaths(node: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(node)) node.forEach((v, i) => objectPaths(v, [...prefix, i], out));
  else if (node !== null && typeof node === 'object') {
    out.push(prefix);
    for (const k of Object.keys(node)) objectPaths(node[k]!, [...prefix, k], out);
  }
  return out;
}

function at(doc: Json, path: (string | number)[]): Record<string, Json> {
  let cur: Json = doc;
  for (const seg of path) cur = (cur as Record<string | number, Json>)[seg]!;
  return cur as Record<string, Json>;
}

const MARK = '\u0000MARK\u0000';

/** The document as JSON text with `insert` placed as the first member of the object at `path`. */
function withMember(doc: Json, path: (string | number)[], insert: string): string {
  const copy = structuredClone(doc);
  const obj = at(copy, path);
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  obj[MARK] = null;
  for (const [k, v] of entries) obj[k] = v;
  return JSON.stringify(copy, null, 2).replace(`"${MARK.replace(/\u0000/g, '\\u0000')}": null`, insert);
}

export function hostileArbitrary(bases: Record<Kind, string>): fc.Arbitrary<Hostile> {
  const docs = { scenario: JSON.parse(bases.scenario) as Json, experiment: JSON.parse(bases.experiment) as Json };
  const paths = { scenario: objectPaths(docs.scenario), experiment: objectPaths(docs.experiment) };
  const kind = fc.constantFrom<Kind>('scenario', 'experiment');
  const place = (k: Kind): fc.Arbitrary<(string | number)[]> => fc.nat(paths[k].length - 1).map((i) => paths[k][i]!);
  const utf8 = (label: string, k: Kind, text: string, mustAccept?: boolean): Hostile => ({ label, kind: k, bytes: Buffer.from(text, 'utf8'), ...(mustAccept !== undefined ? { mustAccept } : {}) });

  const deep = fc.tuple(kind, fc.integer({ min: 60, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.boolean()).chain(([k, depth, open, closed]) =>
    place(k).map((p) => {
      const close = open === '[' ? ']' : '}';
      const nest = open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '');
      return utf8(`deep ${depth}${closed ? '' : ' unclosed'}`, k, withMember(docs[k], p, `"deep": ${nest}`));
    }),
  );
  const hugeString = fc.tuple(kind, fc.integer({ min: 200, max: 60_000 }), fc.constantFrom('a', 'é', '\u202e', '"', '\n', '😀', '='), fc.boolean()).chain(([k, n, ch, asKey]) =>
    place(k).map((p) => {
      const s = JSON.stringify(ch.repeat(n));
      return utf8(`huge ${asKey ? 'key' : 'string'} ${n}`, k, withMember(docs[k], p, asKey ? `${s}: 1` : `"name": ${s}`));
    }),
  );
  const hugeValue = fc.tuple(kind, fc.integer({ min: 150, max: 60_000 })).map(([k, n]) => {
    const copy = structuredClone(docs[k]) as Record<string, Json>;
    if (k === 'scenario') (copy.meta as Record<string, Json>).title = 'x'.repeat(n);
    else copy.title = 'x'.repeat(n);
    return utf8(`huge title ${n}`, k, JSON.stringify(copy));
  });
  const encodings = fc.tuple(kind, fc.constantFrom('utf16le', 'utf16le+bom', 'utf16be', 'utf16be+bom', 'utf32le+bom', 'latin1')).map(([k, enc]) => {
    const text = bases[k];
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const bytes =
      enc === 'utf16le' ? le
      : enc === 'utf16le+bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
      : enc === 'utf16be' ? be
      : enc === 'utf16be+bom' ? Buffer.concat([Buffer.from([0xfe, 0xff]), be])
      : enc === 'utf32le+bom' ? Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(Array.from(text).flatMap((c) => [c.codePointAt(0)! & 0xff, (c.codePointAt(0)! >> 8) & 0xff, c.codePointAt(0)! >> 16, 0]))])
      : Buffer.from(text.replace(/"title": "/, '"title": "Côte d\'Ivoire '), 'latin1');
    return { label: `encoding ${enc}`, kind: k, bytes };
  });
  const bom = kind.map((k) => ({ label: 'utf-8 bom', kind: k, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bases[k])]), mustAccept: k === 'scenario' }));
  const duplicate = kind.chain((k) =>
    place(k).map((p) => {
      const obj = at(docs[k], p);
      const key = Object.keys(obj)[0] ?? 'x';
      return utf8(`duplicate key ${key}`, k, withMember(docs[k], p, `${JSON.stringify(key)}: ${JSON.stringify(obj[key] ?? 1)}`));
    }),
  );
  const numbers = fc.tuple(kind, fc.constantFrom('1e400', '-1e400', '1e20', '-1e20', '123456789012345678901234567890', '1e-400', '-0', '0x10', 'NaN', 'Infinity', '01', '1.', '.5', '+1'), fc.nat(200)).map(([k, lit, which]) => {
    const text = JSON.stringify(docs[k], null, 2);
    const nums = [...text.matchAll(/(?<=: )-?\d+(\.\d+)?(?=,?\n)/g)];
    const m = nums[which % Math.max(1, nums.length)];
    if (m === undefined) return utf8(`number ${lit}`, k, text);
    return utf8(`number ${lit}`, k, text.slice(0, m.index) + lit + text.slice(m.index! + m[0].length));
  });
  // Comments and trailing commas at token boundaries: the same document in JSONC, which must be accepted.
  const jsonc = fc.tuple(kind, fc.array(fc.nat(), { minLength: 1, maxLength: 8 })).map(([k, spots]) => {
    let text = JSON.stringify(docs[k], null, 2);
    const lines = text.split('\n');
    for (const s of spots) {
      const i = s % lines.length;
      lines[i] = /[^,{[]$/.test(lines[i]!) && /^\s*[}\]]/.test(lines[i + 1] ?? '') ? `${lines[i]!}, // trailing comma` : `${lines[i]!} /* c${s} */`;
    }
    text = `// ${k} in JSONC\n${lines.join('\n')}\n// end`;
    return utf8('jsonc', k, text, k === 'scenario');
  });
  const truncated = fc.tuple(kind, fc.nat(), fc.nat(255)).map(([k, cut, byte]) => {
    const b = Buffer.from(bases[k]);
    const c = cut % b.length;
    return byte % 2 === 0 ? { label: `truncated at ${c}`, kind: k, bytes: b.subarray(0, c) } : { label: `byte ${byte} at ${c}`, kind: k, bytes: Buffer.concat([b.subarray(0, c), Buffer.from([byte]), b.subarray(c + 1)]) };
  });
  const randomBytes = fc.tuple(kind, fc.uint8Array({ maxLength: 3000 })).map(([k, a]) => ({ label: 'random bytes', kind: k, bytes: Buffer.from(a) }));
  const randomJson = fc.tuple(kind, fc.jsonValue({ maxDepth: 6 })).map(([k, v]) => utf8('random json', k, JSON.stringify(v)));
  const bigDesign = fc.integer({ min: 2, max: 20_000 }).map((levels) => {
    const copy = structuredClone(docs.experiment) as Record<string, Json>;
    copy.parameters = [
      { name: 'a', path: 'engine.costUncertainty', min: 0, max: 0.4, levels },
      { name: 'b', path: 'engine.pricing.thirdPartyWeight', min: 0.1, max: 0.9, levels },
    ];
    copy.design = { type: 'grid' };
    return utf8(`grid ${levels}^2`, 'experiment', JSON.stringify(copy));
  });
  const manyParties = fc.tuple(fc.integer({ min: 150, max: 100_000 }), fc.integer({ min: 200, max: 1200 })).map(([n, rounds]) => {
    const copy = structuredClone(docs.scenario) as Record<string, Json>;
    const tp = (copy.thirdParties as Json[])[0] as Record<string, Json>;
    const parties = Array.from({ length: Math.min(n, 1200) }, (_, i) => ({ ...tp, id: `P${i}`, name: `Party ${i}` }));
    copy.thirdParties = parties;
    (copy.clock as Record<string, Json>).rounds = rounds;
    return utf8(`${parties.length} parties x ${rounds} rounds`, 'scenario', JSON.stringify(copy));
  });
  // Oversized designs and scenarios cost 0.1-2 s each to refuse (the schema walks every party), so they are rarer.
  return fc.oneof(
    { arbitrary: deep, weight: 16 },
    { arbitrary: hugeString, weight: 16 },
    { arbitrary: hugeValue, weight: 8 },
    { arbitrary: encodings, weight: 16 },
    { arbitrary: bom, weight: 8 },
    { arbitrary: duplicate, weight: 16 },
    { arbitrary: numbers, weight: 16 },
    { arbitrary: jsonc, weight: 16 },
    { arbitrary: truncated, weight: 24 },
    { arbitrary: randomBytes, weight: 8 },
    { arbitrary: randomJson, weight: 8 },
    { arbitrary: bigDesign, weight: 1 },
    { arbitrary: manyParties, weight: 1 },
  );
}
