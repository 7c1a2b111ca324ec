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
import { terminalPayload } from '../helpers/injection';
import { ROOT } from '../helpers/scenarios';

// Any C0 control but newline, DEL, C1, or a bidi override.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('terminal output', () => {
  const dir = tempDir('coalsim-terminal-');

  it('refuses control sequences in every string field of a scenario, naming each field, and run writes nothing', () => {
    // They used to be accepted and escaped on the terminal only: rounds.csv and report.html kept
    // the raw bytes, and `cat rounds.csv` cleared the screen (scenario/validate.ts controlCharacterIssues).
    const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')) as { meta: { title: string }; pivotal: { name: string }; thirdParties: { name: string }[]; events: { label?: string }[] };
    doc.meta.title = terminalPayload(1);
    doc.pivotal.name = terminalPayload(2);
    doc.thirdParties[0]!.name = terminalPayload(3);
    doc.events[0]!.label = terminalPayload(4);
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(doc));
    const checked = coalsim(['validate', file]);
    expect(checked.status).toBe(3);
    for (const field of ['meta.title', 'pivotal.name', 'thirdParties[0].name', 'events[0].label']) expect(checked.stderr).toContain(`${field}: holds the control character U+001B (at character 3)`);
    const ran = coalsim(['run', file, '--out', join(dir, 'o1'), '--no-charts']);
    expect(ran.status).toBe(3);
    expect(ran.stderr).toContain('U+001B');
    expect(readdirSync(dir)).not.toContain('o1');
    // The messages themselves are safe to print: they name the character, never echo it.
    for (const r of [checked, ran]) expect(r.stderr).not.toMatch(UNSAFE);
  });

  it('a tab or a line break in a description is still fine', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')) as { meta: { description: string } };
    doc.meta.description = 'First line.\nSecond line,\tindented.';
    const file = join(dir, 'multiline.json');
    writeFileSync(file, JSON.stringify(doc));
    expect(coalsim(['validate', file]).status).toBe(0);
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
