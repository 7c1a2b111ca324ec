#!/usr/bin/env node
// Nightly-size fuzz of the input loaders: `npm run fuzz -- --n 100000 [--cli 1000] [--seed 7]`.
// Runs test/scenario/fuzz.test.ts (the hostile-files part) with more inputs; needs `npm run build`
// for the CLI part. Exit status is jest's.
const { spawnSync } = require('node:child_process');
const { parseArgs } = require('node:util');

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, cli: { type: 'string', default: '1000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } } });
for (const [k, v] of Object.entries(values)) {
  if (!/^[0-9]+$/.test(v)) {
    process.stderr.write(`fuzz: --${k} must be a whole number, got ${JSON.stringify(v)}\n`);
    process.exit(2);
  }
}
process.stdout.write(`fuzz: ${values.n} files in-process, ${values.cli} through the CLI, seed ${values.seed} (rerun a failure with --seed ${values.seed})\n`);
const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), 'test/scenario/fuzz.test.ts', '-t', 'hostile'], {
  stdio: 'inherit',
  env: { ...process.env, COALSIM_FUZZ_N: values.n, COALSIM_FUZZ_CLI_N: values.cli, COALSIM_FUZZ_SEED: values.seed },
});
process.exit(r.status ?? 1);
