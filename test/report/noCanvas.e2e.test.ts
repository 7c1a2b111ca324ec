/**
 * `coalsim report` on a machine where the charts cannot be drawn (node-canvas missing: a run folder
 * copied to a laptop without cairo) keeps the charts already in the folder, as --no-charts does. A
 * security review found it deleted all seven PNGs, exit 0, and with --force a hand-annotated one too.
 * The missing canvas is simulated by a preload that makes require('canvas') fail, in this process
 * and in the render workers it forks (NODE_OPTIONS is inherited).
 */
import { cpSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, filesOf, tempDir } from '../helpers/cli';

describe('report where the charts cannot be drawn', () => {
  const dir = tempDir('coalsim-nocanvas-');
  const preload = join(dir, 'nocanvas.js');
  writeFileSync(preload, `const M = require('module'); const load = M._load; M._load = function (id, ...rest) { if (id === 'canvas') { const e = new Error("Cannot find module 'canvas'"); e.code = 'MODULE_NOT_FOUND'; throw e; } return load.call(this, id, ...rest); };\n`);
  const env = { NODE_OPTIONS: `--require ${preload}` };
  const run = join(dir, 'run');
  beforeAll(() => {
    expect(coalsim(['run', 'teaching-holdup', '--out', run]).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pngs = (d: string) => [...filesOf(d)].filter(([name]) => name.startsWith('charts/')).map(([name, bytes]) => [name, bytes.toString('base64')]);

  it('keeps every chart, says so, and still lists them in the manifest', () => {
    const copy = join(dir, 'copy');
    cpSync(run, copy, { recursive: true });
    // report.html edited away from the run's (a stale view), so the rebuild has something to write.
    appendFileSync(join(copy, 'report.html'), ' ');
    const before = pngs(copy);
    expect(before.length).toBeGreaterThanOrEqual(5);
    const r = coalsim(['report', copy, '--force'], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/PNG charts skipped: .*The charts already in the folder are kept as they are\./);
    expect(pngs(copy)).toEqual(before);
    const manifest = readFileSync(join(copy, 'manifest.json'), 'utf8');
    for (const [name] of before) expect(manifest).toContain(`"${name}"`);
  });

  it('with --force, a hand-annotated chart is kept too', () => {
    const copy = join(dir, 'annotated');
    cpSync(run, copy, { recursive: true });
    appendFileSync(join(copy, 'charts', 'bargaining-power.png'), 'teacher note');
    appendFileSync(join(copy, 'report.html'), ' ');
    const before = pngs(copy);
    const r = coalsim(['report', copy, '--force'], { env });
    expect(r.status).toBe(0);
    expect(pngs(copy)).toEqual(before);
  });
});
