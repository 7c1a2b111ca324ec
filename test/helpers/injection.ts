/**
 * Hostile text in every string field of a scenario: markup that runs script if inserted
 * unescaped (an <img onerror>, a closing </script>), and terminal control sequences. Each
 * field gets its own number, so a failure names the field.
 */
import { parseScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';

/** Markup that records `n` in window.__xss if it ever runs. */
export function htmlPayload(n: number): string {
  return `"'><img src=x onerror="(window.__xss=window.__xss||[]).push(${n})"></script><script>(window.__xss=window.__xss||[]).push(${n})</script>`;
}
/** Short enough for length-limited fields. */
export function shortHtmlPayload(n: number): string {
  return `<img src=x onerror=__xss.push(${n})>`;
}

/** Clear screen, set window title, a hyperlink, a CSI in its 8-bit form, and a carriage return. */
export function terminalPayload(n: number): string {
  return `T${n}\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\u009b31m\r\x08`;
}

export interface Injected {
  readonly scenario: Scenario;
  /** Field path (indices as []) -> the number its payload carries. */
  readonly fields: ReadonlyMap<string, number>;
}

function normal(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? '[]' : `.${p}`)).join('');
}

/**
 * Put a payload into every string leaf of `doc` that still validates with it (ids and enum
 * values cannot hold one and keep their value). One field at a time, so a field that rejects
 * the long payload can take the short one.
 */
export function injectEveryString(doc: unknown, payloads: readonly ((n: number) => string)[]): Injected {
  let current = JSON.parse(JSON.stringify(doc)) as unknown;
  const fields = new Map<string, number>();
  const leaves: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') leaves.push(path);
    else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== '$schema') walk(v, [...path, k]);
  };
  walk(current, []);
  let n = 0;
  for (const path of leaves) {
    n++;
    for (const payload of payloads) {
      const copy = JSON.parse(JSON.stringify(current)) as Record<string | number, unknown>;
      let here = copy as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) here = here[k] as Record<string | number, unknown>;
      here[path[path.length - 1]!] = payload(n);
      if (parseScenario(JSON.stringify(copy)).ok) {
        current = copy;
        fields.set(normal(path), n);
        break;
      }
    }
  }
  const r = parseScenario(JSON.stringify(current));
  if (!r.ok) throw new Error('injected scenario invalid');
  return { scenario: r.value, fields };
}
