/**
 * The engine for the browser: src/classroom/engine.ts and everything it imports (the core,
 * the scenario schema, the chart specs) bundled by esbuild into one IIFE that sets the
 * global `coalsimClassroom`. Built when `coalsim classroom` runs, from the same modules the
 * CLI runs (TypeScript sources in a checkout under test, the compiled dist/ otherwise), so
 * the page computes what `coalsim run` computes.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface EsbuildModule {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

/** The bundle's source text. Throws when esbuild is not installed, with the command that installs it. */
export function engineBundle(): string {
  let esbuild: EsbuildModule;
  try {
    esbuild = require('esbuild') as EsbuildModule;
  } catch (err) {
    throw new Error(`the classroom page needs esbuild to bundle the engine (${String((err as Error).message).split('\n')[0]}); install it with: npm install esbuild`);
  }
  const ts = join(__dirname, 'engine.ts');
  const entry = existsSync(ts) ? ts : join(__dirname, 'engine.js');
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'coalsimClassroom',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    // Relative paths in the output: the same bytes from any checkout.
    absWorkingDir: dirname(dirname(__dirname)),
    define: { 'process.env.NODE_ENV': '"production"' },
    // simple-statistics' "browser" export is a UMD build that sets a global instead of exporting:
    // take its ES module build.
    alias: { 'simple-statistics': join(dirname(require.resolve('simple-statistics')), 'simple-statistics.mjs') },
    // Resolve packages where they are linked from, not their real path: a checkout whose
    // node_modules is a symlink must not read package.json files outside it.
    preserveSymlinks: true,
    logLevel: 'silent',
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no output for the classroom engine');
  return text;
}
