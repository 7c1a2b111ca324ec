/**
 * What `run` and `explain` print is safe for a terminal and fits 80 columns when piped:
 * control sequences in any string field of a scenario (clear screen, window title,
 * hyperlinks, the 8-bit CSI, carriage return, backspace) come out as visible escapes; lines
 * wrap by whole words; plurals agree with their numbers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';
import { injectEveryString, terminalPayload } from '../helpers/injection';
import { ROOT } from '../helpers/scenarios';

// Any C0 control but newline, DEL, C1, or a bidi override.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('terminal output', () => {
  const dir = tempDir('coalsim-terminal-');

  it('escapes control sequences from every string field in run, run --json, explain and explain --json', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')) as unknown;
    const { scenario, fields } = injectEveryString(doc, [terminalPayload]);
    expect(fields.size).toBeGreaterThanOrEqual(10);
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(scenario));
    const outputs = [
      coalsim(['run', file, '--out', join(dir, 'o1'), '--no-charts']),
      coalsim(['run', file, '--out', join(dir, 'o2'), '--no-charts', '--json']),
      coalsim(['explain', file]),
      coalsim(['explain', file, '--json']),
      coalsim(['explain', join(dir, 'o1'), '--round', '5']),
    ];
    for (const r of outputs) {
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(UNSAFE);
      // Shown, not swallowed: the escape is visible.
      expect(r.stdout).toMatch(/\\u001b\[2J|\\\\u001b\[2J/);
    }
    // The names themselves are still there, and the JSON still parses to the original text.
    const summary = JSON.parse(outputs[1]!.stdout) as { scenario: { title: string } };
    expect(summary.scenario.title).toBe(scenario.meta.title);
  });

  const ids = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  it.each(ids)('%s: run fits 80 columns when piped, wraps whole words, and counts with correct plurals', (id) => {
    const r = coalsim(['run', id, '--out', join(dir, `fit-${id}`), '--no-charts']);
    expect(r.status).toBe(0);
    for (const line of r.stdout.split('\n')) {
      // A line over 80 columns is only allowed when it is one unbreakable word (a long path).
      if (line.length > 80) expect(line.trim()).not.toMatch(/\s/);
    }
    expect(r.stdout).not.toMatch(/\(s\)|\b1 (reversals|agreements|deals|flags|scarce rounds)\b|\b(0|[2-9]|\d\d+) (reversal|agreement|deal|flag|scarce round)\b(?!s)/);
    expect(r.stdout).toMatch(/\d+ reversals?\b/);
    // Each member with its final and peak troops.
    expect(r.stdout).toMatch(/troops [\d,]+ at the end, peak [\d,]+/);
  });
});

describe('a reader that goes away', () => {
  it.each([['list'], ['schema'], ['sweep', '--list-metrics'], ['calibrate', '--list-measures']])('coalsim %s | head -c 20: exit 0, no stack trace', (...args: string[]) => {
    const bin = join(ROOT, 'bin', 'coalsim.js');
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(bin)} ${args.join(' ')} | head -c 20 >/dev/null`], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
