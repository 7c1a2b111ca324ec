/**
 * Text from a scenario or a run's files, made safe to print: every control character (C0
 * except newline, DEL, C1 such as the 8-bit CSI U+009B) and the bidirectional overrides that
 * can reorder what a reader sees are shown as visible \u escapes, so a name or title cannot
 * clear the screen, retitle the window, plant a hyperlink or move the cursor, whether or not
 * colour is on and whether or not the output is a terminal.
 */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_WITH_NEWLINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One field (a name, a title, a sentence): newlines escaped too. */
export function safeField(s: string): string {
  return s.replace(UNSAFE_WITH_NEWLINE, escape);
}

/** A block of text whose own line breaks are kept. Apply before adding this program's colour codes. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** JSON for stdout: JSON.stringify already escapes C0; this escapes DEL, C1 and the bidi controls as well (still valid JSON). */
export function safeJson(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, escape);
}
