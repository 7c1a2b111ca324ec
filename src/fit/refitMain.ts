/**
 * `npm run refit [-- --only korea-1950,iraq-2003] [-- --apply] [-- --workers N]`: refit the
 * bundled historical scenarios, one `coalsim fit` per scenarios/fits/<case>.fit.json, into
 * out/fits/<case>/. Each fit's summary is kept as scenarios/fits/<case>.result.json (what
 * docs/calibration.md shows: fitted parameters, intervals, target and check pass rates).
 * With --apply, the posterior medians are also written into scenarios/<case>.json at the
 * parameters' paths, its layout kept (jsonc-parser edits), with a meta.sources entry
 * "coalsim-fit" recording the fit. Then regenerate the docs with
 * `npm run --silent validate -- --markdown > docs/calibration.md`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { BUNDLED_SCENARIOS, PACKAGE_ROOT } from '../cli/paths';
import { duration } from '../cli/progress';
import { writeFileAtomically } from '../output/atomic';
import { loadFitFile } from './load';
import type { FitResults } from './results';
import { ENGINE_NODE_FLAGS } from '../experiment/nodeFlags';

export const FITS_DIR = join(BUNDLED_SCENARIOS, 'fits');

export function resultFile(id: string): string {
  return join(FITS_DIR, `${id}.result.json`);
}

/** The scenario text with the fitted values at their paths and the fit recorded as a source. */
export function applyFit(text: string, at: readonly (readonly (string | number)[])[], results: FitResults): string {
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  let out = text;
  results.parameters.forEach((p, k) => (out = applyEdits(out, modify(out, [...at[k]!], p.median, fmt))));
  const doc = parse(out) as { meta: { sources?: { id?: string }[] } };
  const sources = doc.meta.sources ?? [];
  const i = sources.findIndex((s) => s.id === 'coalsim-fit');
  const entry = {
    id: 'coalsim-fit',
    citation: `coalsim fit ${results.fit.id} (${results.method.reference}), ${results.date}; fit hash ${results.fit.hash.slice(0, 16)}`,
    note: `Fitted: ${results.parameters.map((p) => `${p.path} = ${p.median} (90% interval ${p.q05} to ${p.q95})`).join('; ')}. Targets pass ${results.targets.passed}/${results.targets.total}, held-out checks ${results.checks.passed}/${results.checks.total} (${results.checkSeeds} seeds).`,
  };
  return applyEdits(out, modify(out, ['meta', 'sources', i >= 0 ? i : sources.length], entry, { ...fmt, isArrayInsertion: i < 0 }));
}

function main(argv: string[]): number {
  const onlyArg = argv.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',')) : null;
  const apply = argv.includes('--apply');
  const workersArg = argv.indexOf('--workers');
  const extra = workersArg >= 0 ? ['--workers', argv[workersArg + 1] ?? ''] : [];
  const files = readdirSync(FITS_DIR).filter((f) => f.endsWith('.fit.json')).sort();
  for (const f of files) {
    const id = f.replace(/\.fit\.json$/, '');
    if (only && !only.has(id)) continue;
    const file = join(FITS_DIR, f);
    const loaded = loadFitFile(file);
    if (!loaded.ok) {
      process.stderr.write(`refit: ${file} is invalid; run coalsim fit ${file} to see why\n`);
      return 3;
    }
    const started = performance.now();
    const r = spawnSync(process.execPath, [...ENGINE_NODE_FLAGS, join(PACKAGE_ROOT, 'bin', 'coalsim.js'), 'fit', file, '--out', join(PACKAGE_ROOT, 'out', 'fits', id), '--force', '--json', ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) {
      process.stderr.write(`refit: coalsim fit ${f} exited ${r.status}\n`);
      return r.status ?? 1;
    }
    const results = JSON.parse(r.stdout) as FitResults;
    writeFileAtomically(resultFile(id), JSON.stringify(results, null, 2) + '\n');
    const secs = (performance.now() - started) / 1000;
    process.stdout.write(`${id}: targets ${results.targets.passed}/${results.targets.total}, checks ${results.checks.passed}/${results.checks.total}, ${results.simulations} evaluations, ${duration(secs)} wall\n`);
    if (apply) {
      const scenarioFile = join(BUNDLED_SCENARIOS, `${id}.json`);
      writeFileAtomically(scenarioFile, applyFit(readFileSync(scenarioFile, 'utf8'), loaded.value.spec.params.map((p) => p.at), results));
      process.stdout.write(`  applied to scenarios/${id}.json\n`);
    }
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
