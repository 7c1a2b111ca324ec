/**
 * What editors and users really write, and inputs meant to exhaust memory or time: each is
 * accepted (BOM, JSONC) or refused with the limit or problem named and a place in the file.
 * The limits asserted here are the ones the README's "Limits" section lists.
 */
import { stringify } from 'csv-stringify/sync';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { parseExperiment } from '../../src/experiment/load';
import { CSV_OPTIONS, restoreFormulaText, toCsv } from '../../src/output/csv';
import { runDataFiles } from '../../src/output/runFiles';
import { outputsFromFiles } from '../../src/report/loadOutputs';
import { decodeInput } from '../../src/scenario/encoding';
import { formatIssue, type InputIssue } from '../../src/scenario/issues';
import { MAX_DESIGN_POINTS, MAX_INPUT_BYTES, MAX_NESTING_DEPTH, MAX_PARTY_ROUNDS, MAX_STRING_CHARS, MAX_SYNTAX_ISSUES, MAX_THIRD_PARTIES } from '../../src/scenario/limits';
import { parseScenario } from '../../src/scenario/load';
import { baseExperiment } from '../experiment/helpers';
import { defaultScenarioText } from '../helpers/scenarios';

const text = defaultScenarioText();
const doc = (): Record<string, any> => JSON.parse(text) as Record<string, any>;
function issues(r: { ok: boolean; issues?: readonly InputIssue[] }): string[] {
  expect(r.ok).toBe(false);
  return (r.issues ?? []).map((i) => formatIssue('f.json', i));
}

describe('editors\' files', () => {
  it('accepts a UTF-8 byte-order mark, from a file and in text', () => {
    const decoded = decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(decoded.ok && parseScenario(decoded.text).ok).toBe(true);
    expect(parseScenario('\uFEFF' + text).ok).toBe(true);
  });

  it('accepts JSONC: line and block comments and trailing commas', () => {
    const jsonc = `// my scenario\n${text.replace('"formatVersion": 2,', '"formatVersion": 2, /* read by coalsim 0.1 */').replace(/\n}\s*$/, ',\n}\n')}`;
    expect(parseScenario(jsonc).ok).toBe(true);
  });

  it('reports a duplicate key with both places', () => {
    const dup = text.replace('"formatVersion": 2,', '"formatVersion": 2,\n  "formatVersion": 2,');
    const [msg] = issues(parseScenario(dup));
    const m = /^f\.json:(\d+):3 {2}formatVersion: duplicate key: "formatVersion" is also at line (\d+), column 3/.exec(msg!);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(Number(m![2]) + 1);
  });

  it('1e400 is "too large", and integer fields cite their own bound', () => {
    const huge = issues(parseScenario(text.replace(/"rounds": \d+/, '"rounds": 1e400')));
    expect(huge.join('\n')).toMatch(/clock\.rounds: the number 1e400 is too large/);
    const d = doc();
    d.clock.rounds = 1e20;
    const big = issues(parseScenario(JSON.stringify(d))).join('\n');
    expect(big).toMatch(/clock\.rounds: must be <= 1200, got 100000000000000000000/);
    expect(big).not.toMatch(/9007199254740991/);
  });

  it('UTF-16 (with or without BOM), UTF-32 and Latin-1 get one plain message', () => {
    const le = Buffer.from(text, 'utf16le');
    const msg = (b: Buffer): string => {
      const d = decodeInput(b);
      expect(d.ok).toBe(false);
      return d.ok ? '' : d.issue.message;
    };
    expect(msg(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('the file is UTF-16 (little-endian byte-order mark FF FE), not UTF-8');
    expect(msg(le)).toMatch(/looks like UTF-16 \(little-endian\) without a byte-order mark/);
    expect(msg(Buffer.from(le).swap16())).toMatch(/UTF-16 \(big-endian\)/);
    expect(msg(Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toMatch(/UTF-32/);
    expect(msg(Buffer.from('{"title": "Côte"}', 'latin1'))).toMatch(/not UTF-8: byte 0xF4 at line 1/);
  });
});

describe('limits', () => {
  it(`nesting deeper than ${MAX_NESTING_DEPTH} levels (5,000 in 10 KB) is refused, not a stack overflow`, () => {
    const deep = `{"formatVersion": 2, "meta": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(issues(parseScenario(deep))[0]).toMatch(/f\.json:1:\d+ {2}\(root\): objects and arrays are nested more than 64 levels deep/);
  });

  it(`strings over ${MAX_STRING_CHARS.toLocaleString('en-US')} characters (a 1 MB name) are refused, names over 200`, () => {
    const d = doc();
    d.pivotal.name = 'x'.repeat(1_000_000);
    expect(issues(parseScenario(JSON.stringify(d)))[0]).toMatch(/a string of 1,000,000 characters, over the limit of 20,000/);
    d.pivotal.name = 'x'.repeat(201);
    expect(issues(parseScenario(JSON.stringify(d)))[0]).toMatch(/pivotal\.name: length must be <= 200/);
  });

  it(`more than ${MAX_THIRD_PARTIES} third parties (10^5) or ${MAX_PARTY_ROUNDS.toLocaleString('en-US')} party-rounds is refused`, () => {
    const d = doc();
    const tp = d.thirdParties[0];
    // 10^5 parties are tens of MB: the file-size limit refuses them before they are parsed.
    d.thirdParties = Array.from({ length: 100_000 }, (_, i) => ({ ...tp, id: `P${i}`, name: `P${i}` }));
    expect(Buffer.byteLength(JSON.stringify(d))).toBeGreaterThan(MAX_INPUT_BYTES);
    d.thirdParties = d.thirdParties.slice(0, 1001);
    expect(issues(parseScenario(JSON.stringify(d))).join('\n')).toMatch(/thirdParties: needs at most 1000 items, got an array of 1001 items. Fix: keep at most 1000 items/);
    d.thirdParties = d.thirdParties.slice(0, 300);
    d.clock.rounds = 1200;
    d.events = [];
    d.sideDeals = [];
    expect(issues(parseScenario(JSON.stringify(d))).join('\n')).toMatch(/clock\.rounds: 300 third parties x 1,200 rounds = 360,000 party-rounds, over the limit of 250,000/);
  });

  it(`a grid of 10^8 points is refused before any point is made (limit ${MAX_DESIGN_POINTS.toLocaleString('en-US')})`, () => {
    const e = { ...baseExperiment(), parameters: [{ name: 'a', path: 'engine.costUncertainty', min: 0, max: 0.4, levels: 10_000 }, { name: 'b', path: 'engine.pricing.thirdPartyWeight', min: 0.1, max: 0.9, levels: 10_000 }] };
    const t0 = performance.now();
    const msg = issues(parseExperiment(JSON.stringify(e))).join('\n');
    expect(msg).toMatch(/design: the design has 100,000,000 points \(a: 10000 x b: 10000\), over the limit of 100,000 design points/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('syntax errors', () => {
  it(`200 KB of bad input: at most ${MAX_SYNTAX_ISSUES} errors, in well under a second`, () => {
    const bad = '{' + '"a": 1 "b" 2 x, '.repeat(12_500) + '}';
    let best = Infinity;
    let out: string[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      out = issues(parseScenario(bad));
      best = Math.min(best, performance.now() - t0);
    }
    expect(out.length).toBe(MAX_SYNTAX_ISSUES + 1);
    expect(out[MAX_SYNTAX_ISSUES]).toMatch(/more syntax errors may follow/);
    expect(best).toBeLessThan(500);
  });

  it('line and column are right after many lines', () => {
    const t = '{\n' + '  "a": 1,\n'.repeat(5000) + '  "b" 2\n}';
    expect(issues(parseScenario(t))[0]).toMatch(/^f\.json:5002:7 {2}\(root\): invalid JSON: colon expected/);
  });
});

describe('did you mean', () => {
  it('enum values', () => {
    const d = doc();
    d.engine = { ...(d.engine ?? {}), pricing: { ...(d.engine?.pricing ?? {}), rule: 'negotation' } };
    expect(issues(parseScenario(JSON.stringify(d))).join('\n')).toMatch(/engine\.pricing\.rule: must be .*got "negotation"; did you mean "negotiation"\?/);
  });
});

describe('CSV formula injection (OWASP)', () => {
  it('text cells starting with = + - @ tab CR get an apostrophe; numbers stay numbers', () => {
    const csv = stringify([['=1+1', '+SUM(A1)', '-x', '@cmd', '\tx', '\rx', "'=x", 'plain', -3.5, 0, '\uFF1Dx']], CSV_OPTIONS);
    expect(csv).toBe(`'=1+1,'+SUM(A1),'-x,'@cmd,'\tx,"'\rx",''=x,plain,-3.5,0,'\uFF1Dx\n`);
    for (const s of ['=1+1', "'=x", "''@y", 'plain', "'plain", '-']) expect(restoreFormulaText(stringify([[s]], CSV_OPTIONS).trim().replace(/^"|"$/g, ''))).toBe(s);
  });

  it('a run with hostile names writes neutralised CSVs and its report reads the names back', () => {
    const d = doc();
    d.pivotal.name = '=HYPERLINK("http://x","click")';
    d.thirdParties[0].name = '@SUM(1+1)*cmd|/C calc';
    const r = parseScenario(JSON.stringify(d));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const result = runScenario(r.value, 1);
    const files = runDataFiles(result, summarize(result));
    const rounds = String(files.get('rounds.csv'));
    expect(rounds).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(rounds).toContain(`'@SUM(1+1)*cmd|/C calc`);
    expect(rounds.split('\n').some((line) => /,=|,@|,\+/.test(line))).toBe(false);
    files.set('scenario.json', JSON.stringify(r.value));
    const outputs = outputsFromFiles(files);
    expect(outputs.rounds.some((row) => row.agent_name === '=HYPERLINK("http://x","click")')).toBe(true);
    expect(toCsv(['v'], [{ v: -3.5 }])).toBe('v\n-3.5\n');
  });
});
