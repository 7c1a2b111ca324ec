#!/usr/bin/env node
// Records the git commit the build was made from in dist/build-info.json, so an installed package
// (npm pack ships dist/, not .git) still names its code in every manifest (src/output/source.ts).
// Outside a git checkout, or without git, the commit is recorded as unknown (null).
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
let info = { commit: null, modified: null };
if (existsSync(join(root, '.git'))) {
  try {
    const git = (args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git(['rev-parse', 'HEAD']).trim();
    if (/^[0-9a-f]{40}$/.test(commit)) info = { commit, modified: git(['status', '--porcelain', '--untracked-files=no']).trim() !== '' };
  } catch {
    // git missing or refusing the folder: unknown.
  }
}
writeFileSync(join(root, 'dist', 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
