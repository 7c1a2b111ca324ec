/**
 * Sensitivity studies through the built CLI: a Saltelli sweep followed by its analysis (run
 * automatically, and again by `coalsim analyze`), a Morris sweep, and the design checks that
 * keep a design from changing silently.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { coalsim } from '../helpers/cli';
import { workspace } from './helpers';

const ws = workspace();
const env = { SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '' };
const PARAMS = [
  { name: 'surge', path: 'events[0].delta', min: 0, max: 18000, integer: true },
  { name: 'openness', path: 'pivotal.bargaining.openness', min: 0, max: 1 },
];

type Row = Record<string, string>;

describe('a saltelli sweep and coalsim analyze', () => {
  const exp = ws.write('saltelli.json', { id: 'sal', parameters: PARAMS, design: { type: 'saltelli', samples: 8, secondOrder: true }, replicates: 2, metrics: ['meanShare', 'flags'] });
  const out = join(ws.dir, 'sal');
  const r = coalsim(['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '2'], { env });

  it('runs N(2D+2) points and analyses them at the end', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // 8 x (2*2 + 2) = 48 points x 2 replicates.
    expect(r.stdout).toMatch(/96 runs \(0 failed\)/);
    expect(r.stdout).toMatch(/meanShare \(Sobol, 8 blocks; seed noise [\d.]+% of the variance/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { design: { requestedPoints: number; points: number } };
    expect(manifest.design).toMatchObject({ requestedPoints: 48, points: 48 });
    expect(existsSync(join(out, 'sweep-report.html'))).toBe(true);
  });

  it('sensitivity.csv is tidy: S1, ST, S2 per parameter with intervals, and the noise share', () => {
    const rows = parse(readFileSync(join(out, 'sensitivity.csv'), 'utf8'), { columns: true }) as Row[];
    expect(Object.keys(rows[0]!)).toEqual(['metric', 'parameter', 'index', 'value', 'ci_low', 'ci_high', 'below_noise']);
    const share = rows.filter((x) => x.metric === 'meanShare');
    expect(share.map((x) => `${x.parameter}/${x.index}`)).toEqual(['surge/S1', 'surge/ST', 'openness/S1', 'openness/ST', 'surge:openness/S2', '/noise_share']);
    for (const x of share.filter((y) => y.index !== 'noise_share')) {
      expect(Number(x.ci_low)).toBeLessThanOrEqual(Number(x.value) + 1e-9);
      expect(Number(x.ci_high)).toBeGreaterThanOrEqual(Number(x.value) - 1e-9);
    }
    const noise = Number(share.find((x) => x.index === 'noise_share')!.value);
    expect(noise).toBeGreaterThanOrEqual(0);
    expect(noise).toBeLessThanOrEqual(1);
    // The flag is the documented rule: ST's lower bound at or below the noise share.
    // (Compared where rounding to 4 digits cannot decide it.)
    for (const x of share.filter((y) => y.index === 'ST' && Math.abs(Number(y.ci_low) - noise) > 1e-3)) expect(x.below_noise).toBe(String(Number(x.ci_low) <= noise));
    // S1's noise floor is 0 (noise adds nothing to it in expectation): flagged when its interval reaches 0.
    for (const x of share.filter((y) => y.index === 'S1' && Math.abs(Number(y.ci_low)) > 1e-3)) expect(x.below_noise).toBe(String(Number(x.ci_low) <= 0 || Number(x.value) <= 0));
  });

  it('coalsim analyze recomputes the same indices, and --json gives them as data', () => {
    const before = readFileSync(join(out, 'sensitivity.csv'), 'utf8');
    const a = coalsim(['analyze', out, '--no-charts'], { env });
    expect(a.status).toBe(0);
    expect(readFileSync(join(out, 'sensitivity.csv'), 'utf8')).toBe(before);
    const j = coalsim(['analyze', out, '--no-charts', '--json'], { env });
    expect(j.status).toBe(0);
    const report = JSON.parse(j.stdout) as { parameters: string[]; metrics: { metric: string; method: string; units: number }[] };
    expect(report.parameters).toEqual(['surge', 'openness']);
    expect(report.metrics.map((m) => [m.metric, m.method, m.units])).toEqual([['meanShare', 'sobol', 8], ['flags', 'sobol', 8]]);
  });

  it('analyze keeps a sensitivity.csv edited since it was written (exit 4, named; manifest-views.json holds its hash)', () => {
    const file = join(out, 'sensitivity.csv');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original + '# checked by hand\n');
    const a = coalsim(['analyze', out, '--no-charts'], { env });
    expect(a.status).toBe(4);
    expect(a.stderr).toContain('sensitivity.csv');
    expect(readFileSync(file, 'utf8')).toBe(original + '# checked by hand\n');
    writeFileSync(file, original);
    expect(coalsim(['analyze', out, '--no-charts'], { env }).status).toBe(0);
  });

  it('analyze refuses a directory that is not a sensitivity sweep (exit 3) or not a sweep at all', () => {
    const grid = ws.write('grid.json', { id: 'g', replicates: 1 });
    const gout = join(ws.dir, 'grid');
    expect(coalsim(['sweep', grid, '--out', gout, '--quiet', '--no-charts'], { env }).status).toBe(0);
    const a = coalsim(['analyze', gout], { env });
    expect(a.status).toBe(3);
    expect(a.stderr).toMatch(/holds a grid design; sensitivity indices need "design": \{ "type": "saltelli"/);
    expect(coalsim(['analyze', ws.dir], { env }).status).toBe(3);
  });
});

describe('a morris sweep', () => {
  it('runs r(D+1) points and reports mu*, mu and sigma per parameter', () => {
    const exp = ws.write('morris.json', { id: 'mor', parameters: PARAMS, design: { type: 'morris', trajectories: 6, candidates: 30 }, replicates: 2, metrics: ['meanShare'] });
    const out = join(ws.dir, 'mor');
    const r = coalsim(['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '2'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/36 runs/);
    const rows = parse(readFileSync(join(out, 'sensitivity.csv'), 'utf8'), { columns: true }) as Row[];
    expect(rows.map((x) => `${x.parameter}/${x.index}`)).toEqual(['surge/mu_star', 'surge/mu', 'surge/sigma', 'openness/mu_star', 'openness/mu', 'openness/sigma', '/noise_share']);
    for (const x of rows.filter((y) => y.index === 'mu_star')) {
      expect(Number(x.value)).toBeGreaterThanOrEqual(0);
      expect(['true', 'false']).toContain(x.below_noise);
    }
  });
});

describe('no silent change to a design', () => {
  it('a sampled design that loses points to integer rounding says so and records requested vs run', () => {
    const exp = ws.write('lossy.json', { id: 'lossy', parameters: [{ name: 'deadline', path: 'engine.pricing.deadline', min: 2, max: 4, integer: true }], design: { type: 'lhs', points: 12 }, replicates: 1, metrics: ['flags'] });
    const out = join(ws.dir, 'lossy');
    const r = coalsim(['sweep', exp, '--out', out, '--quiet', '--no-charts'], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/the lhs design asked for 12 points but only 3 are distinct after rounding/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { design: { requestedPoints: number; points: number } };
    expect(manifest.design).toMatchObject({ requestedPoints: 12, points: 3 });
  });

  it('"points" with no parameters is an input error with a fix (exit 3)', () => {
    const exp = ws.write('nopoints.json', { id: 'np', parameters: [], design: { type: 'sobol', points: 16 } });
    const r = coalsim(['validate', exp], { env });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/design: a sobol design samples the parameters, but there are none: its "points" would be ignored/);
    expect(r.stderr).toMatch(/Fix: add "parameters" to vary, or remove "design"/);
  });
});
