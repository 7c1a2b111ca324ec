/**
 * Fuzz: thousands of malformed scenarios made by mutating the bundled default. Each must
 * produce issues that name a path (or a line for syntax errors), never an exception; the
 * ones that happen to stay valid must run without breaking an invariant.
 *
 * Then hostile files (test/helpers/hostileInputs.ts): deep nesting, huge strings, UTF-16,
 * BOMs, duplicate keys, extreme numbers, JSONC, random bytes, oversized designs and
 * parties x rounds. COALSIM_FUZZ_N of them (default 10,000) go through the loader in-process
 * and a few hundred through the built CLI: no crash (exit 1), no stack trace, no input over
 * 10 s, no output or debris directory left by a refused run, and a place (field path or
 * line) in every message. `npm run fuzz -- --n 100000` is the nightly size.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseExperiment } from '../../src/experiment/load';
import { decodeInput } from '../../src/scenario/encoding';
import type { InputIssue } from '../../src/scenario/issues';
import { MAX_INPUT_BYTES } from '../../src/scenario/limits';
import { coalsim, tempDir } from '../helpers/cli';
import { hostileArbitrary, type Hostile } from '../helpers/hostileInputs';
import { baseExperiment } from '../experiment/helpers';
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

const N = Number(process.env.COALSIM_FUZZ_N ?? 10_000);
const CLI_N = Number(process.env.COALSIM_FUZZ_CLI_N ?? 240);
const SEED = Number(process.env.COALSIM_FUZZ_SEED ?? 20261130);
const bases = { scenario: defaultScenarioText(), experiment: JSON.stringify(baseExperiment(), null, 2) };

/** What the loaders return for a file's bytes (readInputFile = size check + decodeInput). */
function load(h: Hostile): { ok: boolean; issues: readonly InputIssue[] } {
  if (h.bytes.length > MAX_INPUT_BYTES) return { ok: false, issues: [{ code: 'too-large', path: [], message: 'too large', line: 1 }] };
  const decoded = decodeInput(h.bytes);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  const r = h.kind === 'scenario' ? parseScenario(decoded.text) : parseExperiment(decoded.text);
  return r.ok ? { ok: true, issues: [] } : { ok: false, issues: r.issues };
}

function expectPlacedIssues(h: Hostile, issues: readonly InputIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    const line = formatIssue('f.json', issue);
    if (!(issue.path.length > 0 || issue.line !== undefined)) throw new Error(`${h.label}: issue without a place: ${line}`);
    // A message quotes at most a snippet of the input, never a 60,000-character string.
    if (line.length > 2000) throw new Error(`${h.label}: message of ${line.length} characters: ${line.slice(0, 200)}`);
    expect(line).not.toMatch(/\n\s+at |RangeError|TypeError|Maximum call stack/);
  }
}

describe('fuzzing with hostile files', () => {
  it(`refuses ${N.toLocaleString('en-US')} malformed and extreme files with placed messages, each in under 10 s`, () => {
    let slowest = 0;
    let slowestLabel = '';
    let accepted = 0;
    fc.assert(
      fc.property(hostileArbitrary(bases), (h) => {
        const t0 = performance.now();
        const r = load(h);
        const ms = performance.now() - t0;
        if (ms > slowest) [slowest, slowestLabel] = [ms, h.label];
        expect(ms).toBeLessThan(10_000);
        if (h.mustAccept === true && !r.ok) throw new Error(`${h.label}: should be accepted, got ${r.issues.map((i) => formatIssue('f', i)).join('; ')}`);
        if (r.ok) accepted++;
        else expectPlacedIssues(h, r.issues);
      }),
      { numRuns: N, seed: SEED },
    );
    process.stdout.write(`fuzz: ${N} files, ${accepted} accepted, slowest ${slowest.toFixed(0)} ms (${slowestLabel})\n`);
  }, 900_000);

  it(`through the built CLI: ${CLI_N} files via validate and run, never exit 1, no stack trace, no debris`, () => {
    const dir = tempDir('coalsim-fuzz-cli-');
    writeFileSync(join(dir, 'scenario.json'), bases.scenario);
    const files = fc.sample(hostileArbitrary(bases), { numRuns: CLI_N, seed: SEED + 1 }).map((h, i) => {
      const file = join(dir, `${String(i).padStart(4, '0')}-${h.kind}.json`);
      writeFileSync(file, h.bytes);
      return { h, file };
    });
    // validate, 12 files a call (its --json report is per file).
    for (let i = 0; i < files.length; i += 12) {
      const batch = files.slice(i, i + 12);
      const r = coalsim(['validate', '--json', ...batch.map((f) => f.file)], { cwd: dir });
      expect(r.stderr).not.toMatch(/\n\s+at |bug/);
      expect([0, 3]).toContain(r.status);
      const reports = JSON.parse(r.stdout) as { file: string; ok: boolean; issues: (InputIssue & { file: string })[] }[];
      expect(reports).toHaveLength(batch.length);
      for (const rep of reports) if (!rep.ok) for (const issue of rep.issues) expect(issue.path.length > 0 || issue.line !== undefined).toBe(true);
    }
    // run: the scenarios, each into its own --out; a refused one leaves no directory and no temp debris.
    const outRoot = join(dir, 'out');
    mkdirSync(outRoot);
    const scenarios = files.filter((f) => f.h.kind === 'scenario').slice(0, 40);
    for (const [i, f] of scenarios.entries()) {
      const out = join(outRoot, `r${i}`);
      const r = coalsim(['run', f.file, '--out', out, '--no-charts', '--json'], { cwd: dir });
      expect({ label: f.h.label, status: r.status, stack: /\n\s+at /.test(r.stderr) }).toEqual({ label: f.h.label, status: r.status === 0 ? 0 : 3, stack: false });
      if (r.status !== 0) {
        // The message names the file and a place in it (file:line:col or a field path).
        expect(r.stderr).toMatch(new RegExp(`${f.file.split('/').pop()!.replace('.', '\\.')}(:\\d+:\\d+)?\\s`));
        expect(readdirSync(outRoot).filter((n) => n.startsWith(`r${i}`) || n.includes('.tmp'))).toEqual([]);
      }
    }
    expect(readdirSync(outRoot).filter((n) => n.includes('tmp'))).toEqual([]);
  }, 600_000);
});
