/**
 * The files of a finished fit, beside its store in --out: fitted-scenario.json (valid,
 * runnable), posterior.csv (the last generation's weighted particles), summary.json,
 * fit-report.html (self-contained: tables, and the PNGs inlined as data URIs, nothing
 * fetched), charts/*.png and manifest.json. Each written with writeFileAtomically, the manifest
 * last. No clock, no paths, no command line and no worker count in any of them: the same fit seed gives the same bytes on any
 * machine, worker count, resume or shard layout.
 */
import { codeSource } from '../output/source';
import { assertNoLinkBelow, assertUnedited } from '../output/outDir';
import { join } from 'node:path';
import { formatRecorded, formatSimulated } from '../calibration/render';
import { pngRenderer } from '../charts/render';
import type { ChartSpec } from '../charts/types';
import { writeFileAtomically } from '../output/atomic';
import { toCsv } from '../output/csv';
import { sha256 } from '../output/manifest';
import { escapeHtml } from '../report/html';
import type { Scenario } from '../scenario/schema';
import { fitChartSpecs } from './charts';
import type { LoadedFit } from './load';
import { posteriorSamples, type FigureResult, type FitResults } from './results';
import type { FinishedGeneration } from './store';

export const FIT_OUTPUT_FILES = { scenario: 'fitted-scenario.json', posterior: 'posterior.csv', summary: 'summary.json', report: 'fit-report.html', manifest: 'manifest.json' } as const;

export interface FitFiles {
  readonly files: Map<string, string | Uint8Array>;
  /** Why the PNGs are missing, if they are. */
  readonly chartNote: string | null;
}

export function posteriorCsv(l: LoadedFit, last: FinishedGeneration): string {
  const { values, weights } = posteriorSamples(l, last);
  const names = l.spec.params.map((p) => p.name);
  const rows = values.map((v, i) => {
    const row: Record<string, string | number | null> = { particle: i, weight: weights[i]!, distance: last.particles[i]!.distance };
    names.forEach((n, k) => (row[n] = v[k]!));
    return row;
  });
  return toCsv(['particle', 'weight', ...names, 'distance'], rows);
}

export function fitFiles(l: LoadedFit, gens: readonly FinishedGeneration[], results: FitResults, fitted: Scenario, provenance: { version: string }): FitFiles {
  const last = gens[gens.length - 1]!;
  const files = new Map<string, string | Uint8Array>();
  files.set(FIT_OUTPUT_FILES.scenario, JSON.stringify(fitted, null, 2) + '\n');
  files.set(FIT_OUTPUT_FILES.posterior, posteriorCsv(l, last));
  files.set(FIT_OUTPUT_FILES.summary, JSON.stringify(results, null, 2) + '\n');
  const specs = fitChartSpecs(results, posteriorSamples(l, last));
  const r = pngRenderer();
  const pngs: { spec: ChartSpec; png: Buffer }[] = [];
  if (r.ok) for (const spec of specs) pngs.push({ spec, png: r.renderer.render(spec) });
  for (const { spec, png } of pngs) files.set(`charts/${spec.id}.png`, png);
  files.set(FIT_OUTPUT_FILES.report, reportHtml(results, pngs, r.ok ? null : r.reason));
  const manifest = {
    tool: 'coalsim',
    version: provenance.version,
    source: codeSource(),
    fit: { id: l.fit.id, hash: l.hash, fileSha256: sha256(l.text), seed: l.fit.method.seed },
    scenario: { id: l.spec.base.meta.id, fileSha256: sha256(l.scenarioText) },
    files: [...files.entries()].map(([name, content]) => ({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength, sha256: sha256(content) })),
  };
  files.set(FIT_OUTPUT_FILES.manifest, JSON.stringify(manifest, null, 2) + '\n');
  return { files, chartNote: r.ok ? null : r.reason };
}

/** Write every file atomically, the manifest last (a directory with a manifest is complete). */
export function writeFitFiles(out: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  // A result the user edited since the last fit wrote it (fitted-scenario.json, taken and run) is theirs now.
  assertUnedited(out, files.keys());
  // Before any is written: none goes through a link planted in the folder (charts -> elsewhere).
  for (const name of files.keys()) assertNoLinkBelow(out, join(out, name));
  for (const [name, content] of files) if (name !== FIT_OUTPUT_FILES.manifest) writeFileAtomically(join(out, name), content, out);
  const manifest = files.get(FIT_OUTPUT_FILES.manifest);
  if (manifest !== undefined) writeFileAtomically(join(out, FIT_OUTPUT_FILES.manifest), manifest);
}

const e = escapeHtml;
const num = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000));

function figureRows(figs: readonly FigureResult[]): string {
  return figs
    .map((f) => `<tr class="${f.score.pass ? 'pass' : 'miss'}"><td>${e(f.id)}</td><td>${e(f.label)}</td><td><code>${e(f.measure)}</code></td><td>${e(formatRecorded(f.recorded, f.unit))}</td><td>${e(formatSimulated(f))}</td><td>${f.discrepancy.toFixed(2)}</td><td>${f.score.pass ? 'pass' : '<strong>miss</strong>'}</td><td>${e(f.score.reason)}</td></tr>`)
    .join('\n');
}

function figureTable(title: string, figs: readonly FigureResult[], note: string): string {
  if (figs.length === 0) return `<h2>${e(title)}</h2><p>None.</p>`;
  const passed = figs.filter((f) => f.score.pass).length;
  return `<h2>${e(title)}: ${passed} of ${figs.length} pass</h2><p>${e(note)}</p>
<table><thead><tr><th>id</th><th>figure</th><th>measure</th><th>recorded</th><th>simulated median [90%] or modal share</th><th>discrepancy</th><th>result</th><th>why</th></tr></thead><tbody>
${figureRows(figs)}
</tbody></table>`;
}

export function reportHtml(r: FitResults, pngs: readonly { spec: ChartSpec; png: Buffer }[], chartNote: string | null): string {
  const params = r.parameters
    .map((p) => `<tr><td>${e(p.name)}</td><td><code>${e(p.path)}</code></td><td>${e(priorText(p.prior))}${p.integer ? ', integer' : ''}</td><td>${e(JSON.stringify(p.before))}</td><td><strong>${num(p.median)}</strong></td><td>${num(p.q05)} to ${num(p.q95)}</td></tr>`)
    .join('\n');
  const gens = r.generations.map((g) => `<tr><td>${g.generation}</td><td>${g.epsilon === null ? 'prior (all accepted)' : g.epsilon.toFixed(4)}</td><td>${g.simulations}</td><td>${(g.acceptance * 100).toFixed(1)}%</td><td>${g.ess.toFixed(1)}</td><td>${g.medianDistance.toFixed(4)}</td></tr>`).join('\n');
  const figure = (s: ChartSpec, png: Buffer): string => `<figure><img alt="${e(s.title)}. ${e(s.caption)}" src="data:image/png;base64,${png.toString('base64')}" width="${s.width / 2}"><figcaption>${e(s.caption)}</figcaption></figure>`;
  const charts = (prefix: string): string => pngs.filter(({ spec }) => spec.id.startsWith(prefix)).map(({ spec, png }) => figure(spec, png)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(r.fit.title)}</title>
<style>
body { font-family: 'DejaVu Sans', Verdana, sans-serif; color: #1a1a1a; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; } th, td { border-bottom: 1px solid #d0d0d0; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
tr.miss td { background: #fff1e8; } code { font-size: 0.85rem; } figure { margin: 1rem 0; } figcaption { color: #555; font-size: 0.9rem; max-width: 50rem; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; } .card { background: #f4f4f1; padding: 0.6rem 1rem; } .card b { display: block; font-size: 1.4rem; }
</style></head><body>
<h1>${e(r.fit.title)}</h1>
<p>Scenario <strong>${e(r.scenario.title)}</strong> (<code>${e(r.scenario.id)}</code>), fitted ${e(r.date)} by ${e(r.method.reference)}: population ${r.method.population}, ${r.generations.length} generations, tolerance at the ${r.method.quantile} quantile of the previous generation's distances, Gaussian kernel with ${r.method.kernelScale} x the weighted covariance, ${r.method.seedsPerEvaluation} seeded runs per evaluation, fit seed ${r.method.seed}. ${r.simulations.toLocaleString('en-US')} evaluations in all.</p>
<div class="cards"><div class="card"><b>${r.targets.passed} / ${r.targets.total}</b>targets pass</div><div class="card"><b>${r.checks.passed} / ${r.checks.total}</b>held-out checks pass</div><div class="card"><b>${r.parameters.length}</b>parameters estimated</div></div>
<h2>Parameters</h2>
<p>Posterior median and 90% interval (weighted 5th and 95th percentiles of the last generation). The fitted scenario uses the medians.</p>
<table><thead><tr><th>name</th><th>path</th><th>prior</th><th>before</th><th>median</th><th>90% interval</th></tr></thead><tbody>
${params}
</tbody></table>
${charts('marginal-')}
<h2>Generations</h2>
<table><thead><tr><th>generation</th><th>tolerance</th><th>evaluations</th><th>acceptance</th><th>effective sample size</th><th>median distance</th></tr></thead><tbody>
${gens}
</tbody></table>
<p>The fitted scenario, run for seeds 1 to ${r.checkSeeds} and scored by the calibration rules (<code>coalsim calibrate fitted-scenario.json --seeds ${r.checkSeeds}</code> gives the same numbers). Discrepancy: distance from the record in error scales (1 = one error scale; categories: 1 = the modal rule's edge).</p>
${figureTable('Targets (used to fit)', r.figures.filter((f) => f.role === 'target'), 'These figures drove the fit, so passing them is expected; they show how well the model can be made to fit.')}
${charts('figures-targets')}
${figureTable('Held-out checks (not used to fit)', r.figures.filter((f) => f.role === 'check'), 'Chosen before fitting and never seen by the fit: the out-of-sample test of the fitted model.')}
${charts('figures-checks')}
${chartNote !== null ? `<p><em>Charts not rendered: ${e(chartNote)}</em></p>` : ''}
</body></html>
`;
}

export function priorText(p: FitResults['parameters'][number]['prior']): string {
  if (p.type === 'normal') return `normal(${num(p.mean)}, sd ${num(p.sd)})${p.min !== undefined || p.max !== undefined ? ` on [${p.min ?? '-inf'}, ${p.max ?? 'inf'}]` : ''}`;
  return `${p.type} [${num(p.min)}, ${num(p.max)}]`;
}
