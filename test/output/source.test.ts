/**
 * Manifests name the code that made them (output/source.ts): the git commit of a source
 * checkout, the build's record in an installed package, and never the commit of a git
 * repository the package merely sits in.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeSource } from '../../src/output/source';
import { ROOT } from '../helpers/scenarios';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coalsim-source-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function repoWithCommit(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'a.txt'), 'one\n');
  git(dir, 'add', 'a.txt');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'one');
  return git(dir, 'rev-parse', 'HEAD');
}

it('a source checkout: its HEAD commit, and whether tracked files were changed', () => {
  const commit = repoWithCommit(tmp);
  expect(codeSource(tmp)).toEqual({ commit, modified: false });
  writeFileSync(join(tmp, 'a.txt'), 'two\n');
  expect(codeSource(tmp)).toEqual({ commit, modified: true });
});

it('this checkout names its own HEAD', () => {
  const s = codeSource();
  expect(s.commit).toBe(git(ROOT, 'rev-parse', 'HEAD'));
});

it("an installed package reads the build's record, not the commit of a repository it sits in", () => {
  repoWithCommit(tmp);
  const pkg = join(tmp, 'node_modules', 'coalsim');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  expect(codeSource(pkg)).toEqual({ commit: null, modified: null });
  const built = 'a'.repeat(40);
  writeFileSync(join(pkg, 'dist', 'build-info.json'), JSON.stringify({ commit: built, modified: false }));
  expect(codeSource(pkg)).toEqual({ commit: built, modified: false });
});

it('a malformed build record reads as unknown', () => {
  mkdirSync(join(tmp, 'dist'));
  writeFileSync(join(tmp, 'dist', 'build-info.json'), JSON.stringify({ commit: 'not-a-commit; rm -rf /', modified: 'yes' }));
  expect(codeSource(tmp)).toEqual({ commit: null, modified: null });
});
