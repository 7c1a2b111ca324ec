/** The browser builds of Chart.js and its annotation plugin, inlined into report.html (no network). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ReportAssets {
  readonly chartJs: string;
  readonly annotationPlugin: string;
}

let cached: ReportAssets | undefined;

export function reportAssets(): ReportAssets {
  // The packages' export maps hide dist/, so find it from the entry point each one resolves to.
  cached ??= {
    chartJs: readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8'),
    annotationPlugin: readFileSync(join(dirname(require.resolve('chartjs-plugin-annotation')), 'chartjs-plugin-annotation.min.js'), 'utf8'),
  };
  return cached;
}
