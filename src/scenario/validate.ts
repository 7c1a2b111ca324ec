/**
 * Turns the text of a JSONC document (JSON with comments and trailing commas) into a typed
 * value or a list of issues (capped at MAX_ISSUES): limits, syntax errors with line and column,
 * duplicate keys, schema errors with path, value and what is allowed,
 * unknown fields with a did-you-mean, then cross-field checks. Shared by scenarios and
 * experiment files, so both get errors of the same quality.
 */
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type SyntaxKind, type ParseError } from 'jsonc-parser';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { InputIssue, IssuePath, Result } from './issues';
import { MAX_ISSUES, MAX_NESTING_DEPTH, MAX_STRING_CHARS, MAX_SYNTAX_ISSUES } from './limits';
import { ownField } from './ownKeys';

type JsonSchemaNode = {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  additionalProperties?: boolean | JsonSchemaNode;
};

export interface DocumentKind<T> {
  readonly schema: z.ZodType<T>;
  /** The exported JSON Schema, used to suggest field names. */
  readonly jsonSchema: object;
  /** Checks that need the whole document (references, ordering); run only when the shape is valid. */
  readonly crossCheck?: (value: T) => InputIssue[];
  /**
   * Takes a document of an older format version to the current one before validation, with
   * notices saying so (scenario/migrate.ts); null when it needs none. Paths in later issues
   * refer to the same fields, since a migration only sets values.
   */
  readonly migrate?: (value: unknown) => { value: unknown; notices: readonly string[] } | null;
}

export function validateText<T>(text: string, kind: DocumentKind<T>): Result<T> {
  const doc = parseDocument(text);
  if (!doc.ok) return doc;
  const { tree, lines } = doc;
  const migrated = kind.migrate ? kind.migrate(doc.value) : null;
  const data = migrated ? migrated.value : doc.value;
  const controls = controlCharacterIssues(data);
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) {
    const issues = dropSafeIntegerEchoes(parsed.error.issues).flatMap((i) => describeZodIssue(i, data, kind.jsonSchema));
    const located = cap(locate(lines, tree, [...issues, ...controls]));
    return { ok: false, issues: kind.crossCheck ? located.map((i) => ({ ...i, crossChecksPending: true as const })) : located };
  }
  if (controls.length > 0) return { ok: false, issues: cap(locate(lines, tree, controls)) };
  const cross = kind.crossCheck ? kind.crossCheck(parsed.data) : [];
  if (cross.length > 0) return { ok: false, issues: cap(locate(lines, tree, cross)) };
  return migrated && migrated.notices.length > 0 ? { ok: true, value: parsed.data, notices: migrated.notices } : { ok: true, value: parsed.data };
}

/**
 * Control characters other than tab and line feed (C0, DEL, C1: escape sequences that clear a
 * terminal, retitle it or hide text, a carriage return that overwrites a line) have no place in
 * the text of a scenario, experiment or fit file, and its names and labels reach the terminal,
 * the CSVs and the report: one issue per string that holds one, with the first character's code
 * point and position. The terminal output escapes them too (output/terminalSafe.ts), for text
 * from elsewhere (a folder's name, a data file); `cat rounds.csv` does not.
 */
export function controlCharacterIssues(value: unknown, path: (string | number)[] = []): InputIssue[] {
  if (typeof value === 'string') {
    const at = value.search(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    if (at < 0) return [];
    const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    return [{ code: 'control-character', path, message: `holds the control character U+${code} (at character ${at + 1}); text here reaches the terminal, the CSV files and the report`, fix: 'remove it: names, labels and notes hold printable text (a line break in a description is written \\n)' }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterIssues(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => controlCharacterIssues(v, [...path, k]));
  return [];
}

export interface ParsedDocument {
  readonly ok: true;
  readonly tree: Node;
  readonly value: unknown;
  readonly lines: LineIndex;
}

/**
 * JSONC text (JSON plus comments and trailing commas, as VS Code writes its settings) to a
 * value, or its problems: too deep or too long (checked first, in one linear scan, so no
 * parser recursion can overflow), syntax errors with line and column, duplicate keys and
 * numbers too large for a double. A leading UTF-8 byte-order mark is ignored.
 */
export function parseDocument(text: string): ParsedDocument | { readonly ok: false; readonly issues: readonly InputIssue[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const message = text.length > 2 && nul <= 1 ? 'the text has NUL characters: is the file UTF-16 rather than UTF-8?' : `the text has a NUL character at offset ${nul}: it is not JSON text`;
    return { ok: false, issues: [{ code: 'encoding', path: [], message, fix: 'save the file as UTF-8', ...new LineIndex(text).at(nul) }] };
  }
  const lines = new LineIndex(text);
  const limit = scanLimits(text, lines);
  if (limit) return { ok: false, issues: [limit] };
  const syntax = firstSyntaxErrors(text);
  if (syntax.length > 0) {
    const issues = syntax.map((e) => syntaxIssue(text, lines, e));
    if (syntax.length >= MAX_SYNTAX_ISSUES) issues.push({ code: 'invalid-json', path: [], message: 'more syntax errors may follow; fix these first and check again', ...lines.at(syntax[syntax.length - 1]!.offset) });
    return { ok: false, issues };
  }
  const tree = parseTree(text, [], JSONC);
  if (tree === undefined) return { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'the file is empty', fix: 'write a JSON object' }] };
  const problems = treeProblems(tree, lines);
  if (problems.length > 0) return { ok: false, issues: cap(problems) };
  return { ok: true, tree, value: toValue(tree), lines };
}

/** jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values, as published. */
const Token = { OpenBrace: 1, CloseBrace: 2, OpenBracket: 3, CloseBracket: 4, String: 10, EOF: 17 } as const satisfies Record<string, SyntaxKind>;

/** One pass over the tokens: nesting depth and string length, before anything recurses. */
function scanLimits(text: string, lines: LineIndex): InputIssue | null {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    if (token === Token.OpenBrace || token === Token.OpenBracket) {
      if (++depth > MAX_NESTING_DEPTH) {
        return { code: 'too-deep', path: [], message: `objects and arrays are nested more than ${MAX_NESTING_DEPTH} levels deep (or brackets are left open), over the limit for input files`, fix: 'flatten the structure (scenarios need fewer than 10 levels; see "Limits" in the README)', ...lines.at(scanner.getTokenOffset()) };
      }
    } else if (token === Token.CloseBrace || token === Token.CloseBracket) {
      depth = Math.max(0, depth - 1);
    } else if (token === Token.String && scanner.getTokenLength() > MAX_STRING_CHARS + 2) {
      return { code: 'too-long', path: [], message: `a string of ${(scanner.getTokenLength() - 2).toLocaleString('en-US')} characters, over the limit of ${MAX_STRING_CHARS.toLocaleString('en-US')} for any string in an input file`, fix: 'shorten it (see "Limits" in the README)', ...lines.at(scanner.getTokenOffset()) };
    }
  }
  return null;
}

const JSONC = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false } as const;

/**
 * The first MAX_SYNTAX_ISSUES syntax errors. The parse stops at the last of them: a garbled
 * file yields an error every few characters, and collecting them all costs far more than
 * the parse (37,500 errors in 200 KB took 0.3-0.7 s; stopping early takes milliseconds).
 */
function firstSyntaxErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  const enough = new Error('enough syntax errors');
  try {
    visit(
      text,
      {
        onError: (error, offset, length) => {
          errors.push({ error, offset, length });
          if (errors.length >= MAX_SYNTAX_ISSUES) throw enough;
        },
      },
      JSONC,
    );
  } catch (err) {
    if (err !== enough) throw err;
  }
  return errors;
}

/** Duplicate keys (JSON leaves their meaning open: RFC 8259 section 4) and numbers beyond a double. */
function treeProblems(tree: Node, lines: LineIndex): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'number' && !Number.isFinite(node.value)) {
      const literal = lines.text.slice(node.offset, node.offset + Math.min(node.length, 40));
      issues.push({ code: 'number-too-large', path, message: `the number ${literal} is too large (beyond ±1.8e308, the largest a double holds)`, fix: 'use a smaller number', ...lines.at(node.offset) });
    } else if (node.type === 'object') {
      const first = new Map<string, Node>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const valueNode = prop.children?.[1];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const earlier = first.get(key);
        if (earlier) {
          const at = lines.at(earlier.offset);
          issues.push({ code: 'duplicate-key', path: [...path, key], message: `duplicate key: "${short(key)}" is also at line ${at.line}, column ${at.column}; JSON readers disagree on which one counts`, fix: 'keep one of them', ...lines.at(keyNode.offset) });
        } else first.set(key, keyNode);
        if (valueNode) stack.push({ node: valueNode, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The value of a parse tree. Keys become own properties even when named like Object.prototype's ("__proto__"). */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        Object.defineProperty(out, String(k.value), { value: toValue(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value as unknown;
  }
}

/** Keep the first MAX_ISSUES problems and say how many more there are. */
function cap(issues: InputIssue[]): InputIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const last = issues[MAX_ISSUES - 1]!;
  return [...issues.slice(0, MAX_ISSUES), { code: 'more', path: last.path, message: `${issues.length - MAX_ISSUES} more problem(s) after this one not shown; fix these and check again`, ...(last.line !== undefined ? { line: last.line, column: last.column ?? 1 } : {}) }];
}

function syntaxIssue(text: string, lines: LineIndex, e: ParseError): InputIssue {
  const what = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const atEnd = e.offset >= text.trimEnd().length;
  return {
    code: 'invalid-json',
    path: [],
    message: atEnd ? `invalid JSON: ${what} (the file ends early: is it truncated?)` : `invalid JSON: ${what}`,
    fix: 'check for a missing comma, quote or bracket just before this position',
    ...lines.at(e.offset),
  };
}

/** Line and column of any offset in O(log n), after one pass over the text. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}
  at(offset: number): { line: number; column: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }
}

function locate(lines: LineIndex, tree: Node, issues: InputIssue[]): InputIssue[] {
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    const node = nearestNode(tree, issue.path);
    if (!node) return issue;
    return { ...issue, ...lines.at(node.offset) };
  });
}

/** The node at the path, or its closest existing ancestor (a missing field points at its parent). */
function nearestNode(tree: Node, path: IssuePath): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (node) {
      // For a property, point at its key rather than its value.
      return n === path.length && node.parent?.type === 'property' ? node.parent : node;
    }
  }
  return undefined;
}

/**
 * zod's .int() also checks the safe-integer range and reports it as a bound of 2^53 - 1,
 * next to the field's own bound; users need only the real one. Dropped when the same path
 * has another issue (every integer field of the formats has its own bound).
 */
function dropSafeIntegerEchoes(issues: readonly ZodIssue[]): ZodIssue[] {
  const isEcho = (i: ZodIssue): boolean =>
    (i.code === 'too_big' && Number(i.maximum) === Number.MAX_SAFE_INTEGER) || (i.code === 'too_small' && Number(i.minimum) === Number.MIN_SAFE_INTEGER);
  const key = (i: ZodIssue): string => JSON.stringify(i.path.map(String));
  const others = new Set(issues.filter((i) => !isEcho(i)).map(key));
  return issues.filter((i) => !isEcho(i) || !others.has(key(i)));
}

/** The allowed string closest in spelling to a wrong one (e.g. "negotation"), when it is close. */
function didYouMean(value: unknown, allowed: readonly unknown[]): string | undefined {
  const options = allowed.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string' || options.length === 0 || value.length > 200) return undefined;
  const guess = closest(value, options);
  return distance(value.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(value.length / 3)) ? guess : undefined;
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = ownField(cur, seg);
  }
  return cur;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  return String(value);
}

/** What a wrong-typed value was, for "expected number, got ...": `string "lots"`, `an array of 2 items`, `an object`, `null`. */
function gotValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return `${typeName(value)} ${show(value)}`;
}

/** zod's type names as a reader says them: "int" is a whole number. */
function typeWord(expected: string): string {
  return expected === 'int' ? 'whole number' : expected;
}

/** "a number", "an object", "an array". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type ZodIssue = z.core.$ZodIssue;

function describeZodIssue(issue: ZodIssue, data: unknown, jsonSchema: object): InputIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeWord(String(issue.expected));
      if (value === undefined) {
        return [{ code: 'missing-field', path, message: `required field is missing (expected ${issue.expected === 'int' ? withArticle(expected) : expected})`, fix: `add "${String(path[path.length - 1] ?? '')}"` }];
      }
      const rounded = issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value) ? `, e.g. ${Math.round(value)}` : '';
      return [{ code: 'wrong-type', path, message: `expected ${issue.expected === 'int' ? withArticle(expected) : expected}, got ${gotValue(value)}`, fix: `give ${withArticle(expected)}${rounded}${value === null ? ', or remove the field to use its default' : ''}` }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'array') {
        const n = Number(bound);
        const items = `${n} item${n === 1 ? '' : 's'}`;
        return [{ code: 'out-of-range', path, message: `needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${items}, got ${Array.isArray(value) ? gotValue(value) : show(value)}`, fix: issue.code === 'too_small' ? `give at least ${items}` : `keep at most ${items}` }];
      }
      if (issue.origin === 'string') {
        return [{ code: 'out-of-range', path, message: `length must be ${op} ${String(bound)}, got ${show(value)}`, fix: issue.code === 'too_small' ? (Number(bound) === 1 ? 'give a non-empty text' : `give at least ${String(bound)} characters`) : `shorten it to ${String(bound)} characters or fewer` }];
      }
      return [{ code: 'out-of-range', path, message: `must be ${op} ${String(bound)}, got ${show(value)}`, fix: `use a value ${op} ${String(bound)} (\`coalsim schema --markdown\` lists every field's range)` }];
    }
    case 'not_multiple_of':
      return [{ code: 'out-of-range', path, message: `must be a whole number, got ${show(value)}`, fix: 'round it to a whole number' }];
    case 'invalid_value': {
      const guess = didYouMean(value, issue.values);
      const only = issue.values.length === 1 ? JSON.stringify(issue.values[0]) : undefined;
      const fix = guess !== undefined ? `write "${guess}"` : only !== undefined ? (value === undefined ? `add "${String(path[path.length - 1] ?? '')}": ${only}` : `write ${only}`) : undefined;
      return [{ code: 'invalid-value', path, message: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(value)}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`, ...(fix !== undefined ? { fix } : {}) }];
    }
    case 'invalid_format':
      return [{ code: 'invalid-format', path, message: `must be ${issue.message}, got ${show(value)}` }];
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (disc && options) {
        const guess = didYouMean(value, options);
        return [{ code: 'invalid-value', path, message: `must be ${options.map((o) => JSON.stringify(o)).join(' or ')}, got ${show(value)}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`, ...(guess !== undefined ? { fix: `write "${guess}"` } : {}) }];
      }
      return [{ code: 'invalid-value', path, message: `does not match any allowed form (${issue.message})` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(jsonSchema as JsonSchemaNode, path);
        const guess = known.length > 0 ? closest(key, known) : undefined;
        const near = guess !== undefined && distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3));
        return {
          code: 'unknown-field',
          path: [...path, key],
          message: near ? `unknown field; did you mean "${guess}"?` : `unknown field`,
          fix: near ? `rename it to "${guess}"` : known.length > 0 ? `remove it; allowed here: ${known.join(', ')}` : 'remove it',
        };
      });
    default:
      return [{ code: issue.code, path, message: issue.message }];
  }
}

/** Field names the JSON Schema allows for the object at `path` (all branches of a union). */
function knownKeys(root: JsonSchemaNode, path: IssuePath): string[] {
  let nodes: JsonSchemaNode[] = [root];
  for (const seg of path) {
    const next: JsonSchemaNode[] = [];
    for (const n of expand(nodes)) {
      if (typeof seg === 'number' && n.items) next.push(n.items);
      else if (typeof seg === 'string' && n.properties?.[seg]) next.push(n.properties[seg]);
      else if (typeof seg === 'string' && typeof n.additionalProperties === 'object') next.push(n.additionalProperties);
    }
    nodes = next;
  }
  const keys = new Set<string>();
  for (const n of expand(nodes)) for (const k of Object.keys(n.properties ?? {})) keys.add(k);
  return [...keys].sort();
}

function expand(nodes: JsonSchemaNode[]): JsonSchemaNode[] {
  const out: JsonSchemaNode[] = [];
  const visit = (n: JsonSchemaNode): void => {
    out.push(n);
    for (const b of [...(n.oneOf ?? []), ...(n.anyOf ?? [])]) visit(b);
  };
  nodes.forEach(visit);
  return out;
}
