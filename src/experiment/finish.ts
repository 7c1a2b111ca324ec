/**
 * What follows a complete sweep (after `sweep`, `merge` or `analyze`): the PNG charts of the
 * aggregate, the sensitivity analysis when the design is saltelli or morris, and
 * sweep-report.html gathering both. Every file through writeFileAtomically.
 */
import { join } from 'node:path';
import { reportAssets } from '../report/assets';
import { writeFileAtomically } from '../output/atomic';
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

/** Charts, sensitivity (for saltelli and morris designs) and sweep-report.html of a complete sweep in dir. */
export function finishSweep(dir: string, c: CompiledExperiment, store: SweepStore, o: FinishOptions): FinishResult {
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
  return { files, charts: pngs.length + sensitivityPngs, sensitivity };
}
