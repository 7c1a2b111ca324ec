/**
 * Everything `run` and `report` add to an output directory besides the data: charts/*.png
 * and report.html, built from the run's parsed files, so both commands write the same bytes.
 */
import { buildCharts } from '../charts/index';
import { pngRenderer, renderPngs, type RendererResult } from '../charts/render';
import type { RenderPool } from '../charts/renderPool';
import { reportAssets } from './assets';
import { buildReportHtml } from './html';
import type { RunOutputs } from './loadOutputs';
import { buildNarrative } from './narrative';

export interface ReportBuild {
  /** charts/<id>.png (in chart order) then report.html. */
  readonly files: Map<string, string | Uint8Array>;
  /** One line for stderr when the PNGs could not be made; null otherwise. */
  readonly notice: string | null;
}

export function buildReportFiles(outputs: RunOutputs, options: { readonly charts: boolean; readonly renderer?: () => RendererResult }): ReportBuild {
  const specs = buildCharts(outputs);
  const narrative = buildNarrative({ scenario: outputs.scenario, events: outputs.events, summary: outputs.summary });
  const files = new Map<string, string | Uint8Array>();
  let notice: string | null = null;
  let pngs = false;
  if (options.charts) {
    const r = (options.renderer ?? pngRenderer)();
    if (r.ok) for (const [name, png] of renderPngs(r.renderer, specs)) files.set(name, png);
    else notice = pngNotice(r.reason);
    pngs = r.ok;
  }
  files.set('report.html', buildReportHtml({ outputs, narrative, charts: specs, assets: reportAssets(), pngs }));
  return { files, notice };
}

/**
 * The same files as buildReportFiles, with the PNGs rendered on a pool of worker threads
 * (renderPool.ts) while this thread builds report.html; `pool` null means no PNGs (--no-charts).
 * `keptPngs`: PNGs already beside the report stay there (`report --no-charts`), so its captions
 * name them. The caller owns the pool and closes it.
 */
export async function buildReportFilesParallel(outputs: RunOutputs, pool: RenderPool | null, keptPngs = false): Promise<ReportBuild> {
  const specs = buildCharts(outputs);
  const pngs = pool?.render(specs) ?? null;
  const narrative = buildNarrative({ scenario: outputs.scenario, events: outputs.events, summary: outputs.summary });
  const files = new Map<string, string | Uint8Array>();
  let notice: string | null = null;
  const r = await pngs;
  if (r !== null) {
    if (r.ok) for (const [name, png] of r.files) files.set(name, png);
    else notice = pngNotice(r.reason);
  }
  // The captions name the PNGs only when they were made (--no-charts, or no canvas: none).
  files.set('report.html', buildReportHtml({ outputs, narrative, charts: specs, assets: reportAssets(), pngs: (r !== null && r.ok) || keptPngs }));
  return { files, notice };
}

function pngNotice(reason: string): string {
  return `PNG charts skipped: ${reason}. report.html and the data files are written as usual.`;
}
