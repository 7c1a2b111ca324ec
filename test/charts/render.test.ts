import { buildCharts } from '../../src/charts/index';
import { pngRenderer, renderPngs } from '../../src/charts/render';
import { buildReportFiles } from '../../src/report/build';
import { HOLDUP_EVENTS, runOutputs, withExtraEvents } from '../report/helpers';

const renderer = pngRenderer();
// canvas is an optional dependency: CI installs it, so there a missing canvas is a failure.
const describePng = renderer.ok || process.env.CI ? describe : describe.skip;
if (!renderer.ok && !process.env.CI) console.warn(`PNG tests skipped: ${renderer.reason}`);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describePng('PNG rendering', () => {
  const specs = buildCharts(withExtraEvents(runOutputs(), HOLDUP_EVENTS));

  it('renders every chart as a 1600x900 PNG of a plausible size', () => {
    if (!renderer.ok) throw new Error(renderer.reason);
    const pngs = renderPngs(renderer.renderer, specs);
    expect([...pngs.keys()]).toEqual(specs.map((s) => `charts/${s.id}.png`));
    for (const png of pngs.values()) {
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
      // A blank white 1600x900 PNG is a few kB; a drawn chart is tens of kB.
      expect(png.byteLength).toBeGreaterThan(30_000);
      expect(png.byteLength).toBeLessThan(1_000_000);
    }
  });

  it('is deterministic: the same spec renders to the same bytes, also after other charts', () => {
    if (!renderer.ok) throw new Error(renderer.reason);
    const first = renderPngs(renderer.renderer, specs);
    const again = renderPngs(renderer.renderer, [...specs].reverse());
    for (const [name, png] of first) expect(again.get(name)!.equals(png)).toBe(true);
  });
});

describe('without canvas', () => {
  const failing = (id: string): never => {
    const err = new Error(`Cannot find module '${id}'`) as NodeJS.ErrnoException;
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  };

  it('says why there is no renderer instead of throwing', () => {
    const r = pngRenderer(failing);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/canvas.*cannot be loaded \(Cannot find module 'canvas'\)/);
  });

  it('still builds report.html, with a one-line notice and no PNGs', () => {
    const build = buildReportFiles(runOutputs(), { charts: true, renderer: () => pngRenderer(failing) });
    expect([...build.files.keys()]).toEqual(['report.html']);
    expect(build.notice).toMatch(/^PNG charts skipped: .*report\.html and the data files are written as usual\.$/);
    expect(build.notice).not.toContain('\n');
  });

  it('writes no notice when charts are not asked for', () => {
    const build = buildReportFiles(runOutputs(), { charts: false, renderer: () => pngRenderer(failing) });
    expect(build.notice).toBeNull();
    expect([...build.files.keys()]).toEqual(['report.html']);
  });
});
