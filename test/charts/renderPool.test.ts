/** The parallel renderer used by `coalsim run` (renderPool.ts) must give the one-thread renderer's bytes. */
import { join } from 'node:path';
import { buildCharts } from '../../src/charts/index';
import { pngRenderer, renderPngs } from '../../src/charts/render';
import { defaultPoolSize, poolSizeFor, startRenderPool } from '../../src/charts/renderPool';
import { buildReportFiles, buildReportFilesParallel } from '../../src/report/build';
import { ROOT } from '../helpers/scenarios';
import { HOLDUP_EVENTS, runOutputs, withExtraEvents } from '../report/helpers';

const renderer = pngRenderer();
const describePng = renderer.ok || process.env.CI ? describe : describe.skip;
// The workers are separate node processes: they run the built file (npm test builds dist/ first).
const WORKER = join(ROOT, 'dist', 'charts', 'renderWorker.js');

describePng('PNG charts rendered in parallel', () => {
  const specs = buildCharts(withExtraEvents(runOutputs(), HOLDUP_EVENTS));

  it.each([0, 1, 2])('with %i worker processes: the same files, in the same order, byte for byte', async (size) => {
    if (!renderer.ok) throw new Error(renderer.reason);
    const serial = renderPngs(renderer.renderer, specs);
    const pool = startRenderPool(size, WORKER);
    try {
      const r = await pool.render(specs);
      if (!r.ok) throw new Error(r.reason);
      expect([...r.files.keys()]).toEqual([...serial.keys()]);
      for (const [name, png] of serial) expect(Buffer.compare(r.files.get(name) as Buffer, png)).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('the report files built in parallel equal those built on one thread (PNGs and report.html)', async () => {
    const outputs = withExtraEvents(runOutputs(), HOLDUP_EVENTS);
    const pool = startRenderPool(1, WORKER);
    try {
      const parallel = await buildReportFilesParallel(outputs, pool);
      const serial = buildReportFiles(outputs, { charts: true });
      expect(parallel.notice).toBeNull();
      expect([...parallel.files.keys()]).toEqual([...serial.files.keys()]);
      for (const [name, content] of serial.files) expect(Buffer.compare(Buffer.from(parallel.files.get(name) as Uint8Array), Buffer.from(content))).toBe(0);
      expect((await buildReportFilesParallel(outputs, null)).files).toEqual(buildReportFiles(outputs, { charts: false }).files);
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies is an error, not missing charts', async () => {
    const pool = startRenderPool(1, join(ROOT, 'test', 'charts', 'no-such-worker.js'));
    try {
      await expect(pool.render(specs)).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });

  it('sizes the pool from idle cores, or COALSIM_CHART_WORKERS', () => {
    expect(defaultPoolSize({ COALSIM_CHART_WORKERS: '2' })).toBe(2);
    expect(defaultPoolSize({ COALSIM_CHART_WORKERS: '0' })).toBe(0);
    expect(defaultPoolSize({ COALSIM_CHART_WORKERS: '99' })).toBe(3);
    const auto = defaultPoolSize({});
    expect(auto).toBeGreaterThanOrEqual(0);
    expect(auto).toBeLessThanOrEqual(3);
  });

  it('gives a worker to an idle core besides this thread, none on a busy machine', () => {
    expect(poolSizeFor(2, 0.3)).toBe(1);
    expect(poolSizeFor(2, 0.6)).toBe(0);
    expect(poolSizeFor(2, 5)).toBe(0);
    expect(poolSizeFor(1, 0)).toBe(0);
    expect(poolSizeFor(8, 1.2)).toBe(3);
    expect(poolSizeFor(4, 1.4)).toBe(2);
  });
});
