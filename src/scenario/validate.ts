/**
 * Turns the text of a JSON document into a typed value or a complete list of issues:
 * syntax errors with line and column, schema errors with path, value and what is allowed,
 * unknown fields with a did-you-mean, then cross-field checks. Shared by scenarios and
 * experiment files, so both get errors of the same quality.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { InputIssue, IssuePath, Result } from './issues';
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
}

export function validateText<T>(text: string, kind: DocumentKind<T>): Result<T> {
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length > 0 || tree === undefined) {
    const issues = syntax.map((e) => syntaxIssue(text, e));
    return { ok: false, issues: issues.length > 0 ? issues : [{ code: 'invalid-json', path: [], message: 'the file is empty', fix: 'write a JSON object' }] };
  }
  const data: unknown = JSON.parse(text);
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => describeZodIssue(i, data, kind.jsonSchema));
    return { ok: false, issues: locate(text, tree, issues) };
  }
  const cross = kind.crossCheck ? kind.crossCheck(parsed.data) : [];
  if (cross.length > 0) return { ok: false, issues: locate(text, tree, cross) };
  return { ok: true, value: parsed.data };
}

function syntaxIssue(text: string, e: ParseError): InputIssue {
  const { line, column } = lineColumn(text, e.offset);
  const what = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const atEnd = e.offset >= text.trimEnd().length;
  return {
    code: 'invalid-json',
    path: [],
    message: atEnd ? `invalid JSON: ${what} (the file ends early: is it truncated?)` : `invalid JSON: ${what}`,
    fix: 'check for a missing comma, quote or bracket just before this position',
    line,
    column,
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function locate(text: string, tree: Node, issues: InputIssue[]): InputIssue[] {
  return issues.map((issue) => {
    const node = nearestNode(tree, issue.path);
    if (!node) return issue;
    return { ...issue, ...lineColumn(text, node.offset) };
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
      if (value === undefined) {
        return [{ code: 'missing-field', path, message: `required field is missing (expected ${issue.expected})`, fix: `add "${String(path[path.length - 1] ?? '')}"` }];
      }
      return [{ code: 'wrong-type', path, message: `expected ${issue.expected}, got ${typeName(value)} ${show(value)}` }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'array') {
        return [{ code: 'out-of-range', path, message: `needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item(s), got ${show(value)}` }];
      }
      if (issue.origin === 'string') {
        return [{ code: 'out-of-range', path, message: `length must be ${op} ${String(bound)}, got ${show(value)}` }];
      }
      return [{ code: 'out-of-range', path, message: `must be ${op} ${String(bound)}, got ${show(value)}` }];
    }
    case 'not_multiple_of':
      return [{ code: 'out-of-range', path, message: `must be a whole number, got ${show(value)}` }];
    case 'invalid_value':
      return [{ code: 'invalid-value', path, message: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(value)}` }];
    case 'invalid_format':
      return [{ code: 'invalid-format', path, message: `must be ${issue.message}, got ${show(value)}` }];
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (disc && options) {
        return [{ code: 'invalid-value', path, message: `must be ${options.map((o) => JSON.stringify(o)).join(' or ')}, got ${show(value)}` }];
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
