/**
 * What follows a complete sweep (after `sweep`, `merge` or `analyze`): the PNG charts of the
 * aggregate, the sensitivity analysis when the design is saltelli or morris, and
 * sweep-report.html gathering both. Every file through writeFileAtomically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportAssets } from '../report/assets';
import { writeFileAtomically } from '../output/atomic';
import { assertNoLinkBelow, assertUnedited, SWEEP_VIEWS_FILE, sweepViewHashes } from '../output/outDir';
import { sha256 } from '../output/manifest';
import { renderChartFiles, sweepChartsOf } from './charts';
import type { CompiledExperiment } from './load';
import { analyzeSweep, isSensitivityDesign, type AnalyzeOptions, type SensitivityReport } from './sensitivity';
import { sensitivityChartSpecs, writeSensitivityOutputs } from './sensitivityOutputs';
import type { SweepStore } from './store';
import { buildSweepReportHtml, SWEEP_REPORT_FILE } from './sweepReport';

export interface FinishOptions extends AnalyzeOptions {
  readonly charts: boolean;
  readonly warn: (message: string) => void;
}

export interface FinishResult {
  readonly files: readonly string[];
  readonly charts: number;
  readonly sensitivity: SensitivityReport | null;
}

/**
 * Charts, sensitivity (for saltelli and morris designs) and sweep-report.html of a complete sweep
 * in dir, recorded with their hashes in SWEEP_VIEWS_FILE. Throws OutDirError (exit 4) before
 * writing anything if a view recorded there was edited since: it is the user's now.
 */
export function finishSweep(dir: string, c: CompiledExperiment, store: SweepStore, o: FinishOptions): FinishResult {
  assertUnedited(dir, sweepViewHashes(dir).keys(), 'the charts and report');
  // Before anything is written: charts/ planted as a link would send the PNGs to its target.
  assertNoLinkBelow(dir, join(dir, 'charts', 'chart.png'));
  const files: string[] = [];
  const specs = sweepChartsOf(dir, c, o.warn);
  const pngs = o.charts ? renderChartFiles(dir, specs, o.warn) : [];
  let sensitivity: SensitivityReport | null = null;
  let sensitivityPngs = 0;
  if (isSensitivityDesign(c.experiment.design)) {
    sensitivity = analyzeSweep(c, store, o);
    const written = writeSensitivityOutputs(dir, sensitivity, { charts: o.charts, warn: o.warn });
    sensitivityPngs = written.filter((f) => f.endsWith('.png')).length;
    files.push(...written);
  }
  const { ok, failed } = store.counts();
  const html = buildSweepReportHtml({
    compiled: c,
    counts: { ok, failed, missing: store.meta.totalRuns - ok - failed },
    charts: [...(sensitivity ? sensitivityChartSpecs(sensitivity) : []), ...specs],
    sensitivity,
    chartJs: reportAssets().chartJs,
  });
  writeFileAtomically(join(dir, SWEEP_REPORT_FILE), html);
  files.push(SWEEP_REPORT_FILE, ...pngs);
  recordViews(dir, files);
  return { files, charts: pngs.length + sensitivityPngs, sensitivity };
}

/**
 * Adds the views just written to SWEEP_VIEWS_FILE with the sha256 of their bytes (views written
 * before and not rewritten now keep their entries), sorted by name. Written last: a view written
 * but not yet recorded is coalsim's (its name is one a sweep writes), never mistaken for an edit.
 */
function recordViews(dir: string, written: readonly string[]): void {
  const views = sweepViewHashes(dir);
  for (const name of written) views.set(name, sha256(readFileSync(join(dir, name))));
  const files = [...views].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, sha256]) => ({ name, sha256 }));
  writeFileAtomically(join(dir, SWEEP_VIEWS_FILE), JSON.stringify({ note: 'The report, charts and sensitivity files coalsim wrote here, with the sha256 of their bytes: one edited since is yours, and coalsim will not overwrite it.', files }, null, 2) + '\n');
}
