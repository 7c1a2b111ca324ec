/**
 * Input files must be UTF-8 (RFC 8259 section 8.1). Editors also write a UTF-8 byte-order
 * mark (Windows Notepad, PowerShell's Out-File), which is dropped, and sometimes UTF-16 or a
 * legacy 8-bit code page, which would otherwise surface as hundreds of "invalid symbol"
 * errors: those are recognised from their byte patterns and named in one plain message.
 */
import type { InputIssue } from './issues';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: InputIssue };

const SAVE_AS_UTF8 = 'save the file as UTF-8 (in Notepad: Save as > Encoding: UTF-8; in PowerShell: Out-File -Encoding utf8)';

function refuse(message: string): Decoded {
  return { ok: false, issue: { code: 'encoding', path: [], message, fix: SAVE_AS_UTF8, line: 1, column: 1 } };
}

/** The text of a UTF-8 file (without its BOM), or why the bytes are not UTF-8 text. */
export function decodeInput(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return refuse('the file is UTF-32 (little-endian byte-order mark FF FE 00 00), not UTF-8');
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return refuse('the file is UTF-32 (big-endian byte-order mark 00 00 FE FF), not UTF-8');
  if (b[0] === 0xff && b[1] === 0xfe) return refuse('the file is UTF-16 (little-endian byte-order mark FF FE), not UTF-8');
  if (b[0] === 0xfe && b[1] === 0xff) return refuse('the file is UTF-16 (big-endian byte-order mark FE FF), not UTF-8');
  const utf16 = utf16WithoutBom(b);
  if (utf16 !== null) return refuse(`the file looks like UTF-16 (${utf16}) without a byte-order mark: every other byte is zero`);
  const nul = b.indexOf(0);
  if (nul >= 0) return refuse(`the file holds a NUL byte at offset ${nul}: it is binary, not JSON text`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
    return { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(b);
    const { line, column } = lineOfByte(b, at);
    return {
      ok: false,
      issue: {
        code: 'encoding',
        path: [],
        message: `the file is not UTF-8: byte 0x${b[at]!.toString(16).toUpperCase().padStart(2, '0')} at line ${line} cannot start or continue a UTF-8 character (a Latin-1 or Windows-1252 file?)`,
        fix: SAVE_AS_UTF8,
        line,
        column,
      },
    };
  }
}

/** ASCII-heavy UTF-16 has zero bytes in alternate positions; JSON text is mostly ASCII. */
function utf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'little-endian';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'big-endian';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 section 4), for the message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF (RFC 3629 section 4, second byte ranges).
    const second = b[i + 1] ?? 0;
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return Math.max(0, b.length - 1);
}

function lineOfByte(b: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (b[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}
