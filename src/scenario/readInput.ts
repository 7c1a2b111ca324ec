/** Reading an input file (scenario, experiment): its text, or one issue saying why not and what to give instead. */
import { readFileSync } from 'node:fs';
import type { InputIssue } from './issues';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: InputIssue };

export function readInputFile(file: string, kind: string, fix: string): ReadResult {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? `is a directory, not ${kind}` : `cannot read the file (${code ?? String(err)})`;
    return { ok: false, issue: { code: 'unreadable', path: [], message, fix } };
  }
}
