/**
 * Escape by construction: the one way report.html, compare.html and the classroom page put
 * text into markup. `html` is a tagged template whose every interpolation is escaped unless
 * it is itself the result of `html` (or `raw`, reserved for trusted, constant markup such as
 * inlined library code). A value from a scenario (a name, a label, a round label) therefore
 * cannot open a tag or an attribute, whatever it contains.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Text for an element body or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof SafeHtml) return p.text;
  if (Array.isArray(p)) return (p as readonly Part[]).map(render).join('');
  return escapeHtml(String(p));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup or code that must not be escaped (constant strings of this program, inlined libraries). */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** JSON safe inside a <script> element: no "</script", no line separators that end a JS string. */
export function scriptJson(value: unknown): SafeHtml {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}

/** Library code safe inside a <script> element. */
export function scriptCode(code: string): SafeHtml {
  return raw(code.replace(/<\/script/gi, '<\\/script'));
}
