/**
 * The lesson of a scenario, read from its description: the case, and the sentences after
 * "What to look for:" that tell a class where to look. Pure.
 */
export interface Lesson {
  /** The description up to "What to look for" (the whole description when there is none). */
  readonly context: string;
  /** What to look for, one clause per item (split on "; " and sentence ends); empty when the description has no such part. */
  readonly lookFor: readonly string[];
  /** A closing remark after the list, such as "Numbers are illustrative ...". */
  readonly note: string;
}

export function lessonOf(description: string): Lesson {
  const text = description.trim();
  const m = /what to look for\s*:?\s*/i.exec(text);
  if (!m) return { context: text, lookFor: [], note: '' };
  const context = text.slice(0, m.index).trim();
  let rest = text.slice(m.index + m[0].length).trim();
  // A trailing caveat about the numbers is not something to look for.
  let note = '';
  const caveat = /\s(Numbers|All numbers|Figures) (are|is) [^.]*\.?\s*$/i.exec(rest);
  if (caveat) {
    note = caveat[0].trim();
    rest = rest.slice(0, caveat.index).trim();
  }
  const items = rest
    .split(/;\s+(?=in the |the |and |then )|(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim().replace(/[.;]$/, ''))
    .filter((s) => s !== '')
    .map((s) => s[0]!.toUpperCase() + s.slice(1));
  return { context, lookFor: items, note };
}
