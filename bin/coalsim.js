#!/usr/bin/env -S node --single-threaded-gc
'use strict';
// --single-threaded-gc (the shebang): each thread collects its own garbage, about 20% faster sweeps and fits (src/experiment/nodeFlags.ts).
// Libraries that ship a development build (immer) use the faster production one unless asked.
process.env.NODE_ENV = process.env.NODE_ENV || 'production';
// The reader went away (`coalsim list | head -1`): stop quietly, as Unix tools do, instead of an
// unhandled EPIPE stack trace and exit 1 (which the README reserves for bugs).
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});
const args = process.argv.slice(2);
let cli;
try {
  // Top-level --help and --version print without loading yargs (dist/cli/fastHelp.js).
  const text = args.length === 1 ? require('../dist/cli/fastHelp.js').fastOutput(args, process.stdout.columns) : null;
  if (text !== null) {
    process.stdout.write(text);
    return;
  }
  cli = require('../dist/cli/main.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/](main|fastHelp)/.test(String(err.message))) {
    process.stderr.write('coalsim: not built yet. Run `npm run build` (or the install script in README.md) first.\n');
    process.exit(1);
  }
  throw err;
}
cli.main(args).then((code) => {
  process.exitCode = code;
});
