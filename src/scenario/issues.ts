/**
 * Problems with user input are data: a code, a path into the document, a message and,
 * where we know one, a fix. They are produced by validation and formatted at the edge.
 */
export type IssuePath = readonly (string | number)[];

export interface InputIssue {
  readonly code: string;
  readonly path: IssuePath;
  readonly message: string;
  readonly fix?: string;
  /** 1-based position in the source text, when the path could be located. */
  readonly line?: number;
  readonly column?: number;
  /** Found by the shape checks of a document whose cross-field checks (validate.ts DocumentKind.crossCheck) run only once its shape is valid. */
  readonly crossChecksPending?: true;
}

/**
 * A valid value, with any notices about how it was read (e.g. an older format version
 * migrated in memory), or the list of problems.
 */
export type Result<T> = { readonly ok: true; readonly value: T; readonly notices?: readonly string[] } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** `thirdParties[2].deploymentCostPerYear`, or `(root)` for the document itself. */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const raw of path) {
    // A key can be any string, up to the input limit: show a recognisable start of a long one.
    const part = typeof raw === 'string' && raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Issue codes about the file as a whole rather than a place in it (scenario/readInput.ts, encoding.ts). */
const FILE_LEVEL = new Set(['unreadable', 'too-large', 'encoding']);

/** One line per issue: `file:line:col  path: message. Fix: ...` */
export function formatIssue(file: string, issue: InputIssue): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const fix = issue.fix ? ` Fix: ${issue.fix}` : '';
  // A message ending in its own punctuation (a "did you mean ...?") takes no full stop after it.
  const stop = /[.?!]$/.test(issue.message) ? '' : '.';
  // A problem with the file as a whole (it cannot be read, is too large, or not text) has no place
  // in the document to point at: no "(root):" before it.
  const whole = issue.path.length === 0 && issue.line === undefined && FILE_LEVEL.has(issue.code);
  return `${where}  ${whole ? '' : `${formatPath(issue.path)}: `}${issue.message}${stop}${fix}`;
}

export function formatIssues(file: string, issues: readonly InputIssue[]): string {
  const head = `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`;
  // In the order they appear in the file (those without a place keep theirs, last), so a reader
  // fixing from the top does not jump from line 22 back to line 11.
  const at = (i: InputIssue): number => (i.line === undefined ? Infinity : i.line * 1e6 + (i.column ?? 0));
  const ordered = issues.map((issue, k) => ({ issue, k })).sort((a, b) => at(a.issue) - at(b.issue) || a.k - b.k).map((x) => x.issue);
  // The cross-field checks have not run yet: say so, or fixing these would bring a second list as a surprise.
  const pending = issues.some((i) => i.crossChecksPending) ? ['  (Checks that compare fields with each other, such as ids that refer to other entries and rounds against the clock, run once these are fixed.)'] : [];
  return [head, ...ordered.map((i) => '  ' + formatIssue(file, i)), ...pending].join('\n');
}
