#!/usr/bin/env node
'use strict';
// Libraries that ship a development build (immer) use the faster production one unless asked.
process.env.NODE_ENV = process.env.NODE_ENV || 'production';
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main/.test(String(err.message))) {
    process.stderr.write('coalsim: not built yet. Run `npm run build` (or the install script in README.md) first.\n');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
