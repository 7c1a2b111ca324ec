#!/usr/bin/env node
// Records the git commit the build was made from in dist/build-info.json, so an installed package
// (npm pack ships dist/, not .git) still names its code in every manifest (src/output/source.ts,
// whose git reading this calls: the build has just compiled it). Outside a git checkout, or
// without git, the commit is recorded as unknown (null).
'use strict';
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { fromGit } = require('../dist/output/source');

const root = resolve(__dirname, '..');
const info = fromGit(root) ?? { commit: null, modified: null };
writeFileSync(join(root, 'dist', 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
