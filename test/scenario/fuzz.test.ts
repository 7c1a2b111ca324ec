/**
 * Fuzz: thousands of malformed scenarios made by mutating the bundled default. Each must
 * produce issues that name a path (or a line for syntax errors), never an exception; the
 * ones that happen to stay valid must run without breaking an invariant.
 */
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/load';
import { formatIssue } from '../../src/scenario/issues';
import { runScenario } from '../../src/core/engine/run';
import { defaultScenarioText } from '../helpers/scenarios';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const base = JSON.parse(defaultScenarioText()) as Json;

function paths(node: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(node)) node.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (node !== null && typeof node === 'object') for (const k of Object.keys(node)) paths(node[k]!, [...prefix, k], out);
  return out;
}
const allPaths = paths(base).filter((p) => p.length > 0);

const weird: Json[] = ['', 'x', '-1', 'NaN', 1e308, -1e308, -1, 0, 0.5, 1.5, 99999999999, true, false, null, [], {}, [1, 'a'], { id: 'Q' }, '1bad id!', 'Ünïcode'];

type Mutation = { kind: 'set'; path: number; value: number } | { kind: 'delete'; path: number } | { kind: 'unknown'; path: number; key: string };
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.nat(allPaths.length - 1), value: fc.nat(weird.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat(allPaths.length - 1) }),
  fc.record({ kind: fc.constant('unknown' as const), path: fc.nat(allPaths.length - 1), key: fc.string({ minLength: 1, maxLength: 12 }) }),
);

function apply(doc: Json, m: Mutation): Json {
  const copy = structuredClone(doc);
  const path = allPaths[m.path]!;
  const parentPath = path.slice(0, -1);
  let parent: Json = copy;
  for (const seg of parentPath) {
    if (parent === null || typeof parent !== 'object') return copy;
    parent = (parent as Record<string | number, Json>)[seg] ?? null;
  }
  if (parent === null || typeof parent !== 'object') return copy;
  const last = path[path.length - 1]!;
  const p = parent as Record<string | number, Json>;
  if (m.kind === 'set') p[last] = weird[m.value]!;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete p[last];
  } else {
    const target = p[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[m.key] = 1;
  }
  return copy;
}

function checkText(text: string): void {
  const r = parseScenario(text);
  if (r.ok) {
    const result = runScenario(r.value, 3);
    expect(result.states).toHaveLength(r.value.clock.rounds + 1);
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
    const line = formatIssue('f.json', issue);
    // Either a path into the document or a line:column for syntax errors.
    expect(issue.path.length > 0 || issue.line !== undefined).toBe(true);
    expect(line).not.toMatch(/\n\s+at /);
  }
}

describe('fuzzing the scenario loader', () => {
  it('turns 3,000 mutated scenarios into issues with paths, never exceptions', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const doc = ms.reduce(apply, base);
        checkText(JSON.stringify(doc, null, 2));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });

  it('reports truncated and garbled files as syntax errors with a position', () => {
    const text = defaultScenarioText();
    fc.assert(
      fc.property(fc.nat(text.length - 2), fc.nat(255), (cut, byte) => {
        checkText(text.slice(0, cut));
        checkText(text.slice(0, cut) + String.fromCharCode(byte) + text.slice(cut + 1));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
