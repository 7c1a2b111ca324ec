/**
 * coalsim used from any folder, as README's "Install and use from any folder" says: `npm pack`
 * (which builds dist/), then `npm install <tarball>` into an empty folder (every dependency
 * resolved and installed by npm, the native ones' install scripts run), then `npx coalsim run`
 * and `npx coalsim sweep` from that folder. Their outputs must equal the checkout's byte for byte.
 *
 * Bounded and offline-safe: npm reads packages from its cache first (--prefer-offline), and the
 * native modules' install step (prebuild-install) is given this machine's own builds of
 * better-sqlite3 and canvas as "local prebuilds" (its documented npm_config_<pkg>_local_prebuilds
 * option) instead of compiling them again for minutes. COALSIM_PACK_E2E_COMPILE=1 skips that and
 * compiles them from source, as a machine without prebuilds would (slow: tens of minutes here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { baseExperiment } from '../experiment/helpers';

const work = tempDir('coalsim-pack-');
const app = join(work, 'app');
const compile = process.env.COALSIM_PACK_E2E_COMPILE === '1';

/** A prebuild-install tarball (build/Release/<name>.node) of a native module built in this checkout. */
function localPrebuild(pkg: string, file: string, tag: string, into: string): void {
  const dir = join(ROOT, 'node_modules', pkg);
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (!existsSync(join(dir, 'build', 'Release', file))) throw new Error(`${pkg} is not built in this checkout (run scripts/install.sh first)`);
  execFileSync('tar', ['czf', join(into, `${pkg}-v${version}-${tag}-${process.platform}-${process.arch}.tar.gz`), join('build', 'Release', file)], { cwd: dir });
}

function npx(args: string[], cwd = app): { status: number | null; stdout: string; stderr: string } {
  // --no-install: the installed copy or nothing; never a download of some other "coalsim".
  const r = spawnSync('npx', ['--no-install', 'coalsim', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '' }, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 });
  const tarball = readdirSync(work).find((f) => /^coalsim-.*\.tgz$/.test(f));
  if (tarball === undefined) throw new Error('npm pack wrote no coalsim-*.tgz');
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!compile) {
    const prebuilds = join(work, 'prebuilds');
    mkdirSync(prebuilds);
    localPrebuild('better-sqlite3', 'better_sqlite3.node', `node-v${process.versions.modules}`, prebuilds);
    localPrebuild('canvas', 'canvas.node', 'napi-v7', prebuilds);
    env.npm_config_better_sqlite3_local_prebuilds = prebuilds;
    env.npm_config_canvas_local_prebuilds = prebuilds;
  }
  mkdirSync(app);
  execFileSync('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, env, stdio: 'ignore', timeout: compile ? 3_600_000 : 900_000 });
}, compile ? 3_700_000 : 1_000_000);

describe('npm pack, install the tarball into an empty folder, npx coalsim there', () => {
  it('installs the packed copy, with its native dependencies working', () => {
    expect(realpathSync(join(app, 'node_modules', '.bin', 'coalsim'))).toBe(join(realpathSync(app), 'node_modules', 'coalsim', 'bin', 'coalsim.js'));
    const probe = spawnSync(process.execPath, ['-e', 'new (require("better-sqlite3"))(":memory:").close(); require("canvas").createCanvas(2, 2).toBuffer("image/png")'], { cwd: app, encoding: 'utf8' });
    expect({ status: probe.status, stderr: probe.stderr }).toEqual({ status: 0, stderr: '' });
    const version = npx(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('npx coalsim run works from there, byte-identical to the checkout, charts included', () => {
    const r = npx(['run', '--seed', '3', '--out', 'o']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const here = join(work, 'checkout-run');
    expect(coalsim(['run', '--seed', '3', '--out', here]).status).toBe(0);
    for (const f of ['summary.json', 'rounds.csv', 'payments.csv', 'events.ndjson', 'report.html']) {
      expect(`${f}: ${readFileSync(join(app, 'o', f), 'utf8')}`).toBe(`${f}: ${readFileSync(join(here, f), 'utf8')}`);
    }
    expect(readdirSync(join(app, 'o', 'charts')).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    // The installed copy has no .git: its manifest names the commit it was packed from (dist/build-info.json).
    const source = (JSON.parse(readFileSync(join(app, 'o', 'manifest.json'), 'utf8')) as { source: unknown }).source;
    expect(source).toEqual((JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8')) as { source: unknown }).source);
    expect(source).toMatchObject({ commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
  }, 300_000);

  it('npx coalsim sweep works from there (worker threads, SQLite store), byte-identical to the checkout', () => {
    copyFileSync(join(app, 'node_modules', 'coalsim', 'scenarios', 'default.json'), join(app, 'scenario.json'));
    writeFileSync(join(app, 'exp.json'), JSON.stringify({ ...baseExperiment(), replicates: 2 }, null, 2));
    const r = npx(['sweep', 'exp.json', '--out', 's', '--workers', '2', '--quiet', '--no-charts']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const here = join(work, 'checkout-sweep');
    expect(coalsim(['sweep', join(app, 'exp.json'), '--out', here, '--workers', '1', '--quiet', '--no-charts'], { env: { SLURM_ARRAY_TASK_ID: '' } }).status).toBe(0);
    for (const f of ['runs.csv', 'aggregate.csv', 'manifest.json']) {
      expect(`${f}: ${readFileSync(join(app, 's', f), 'utf8')}`).toBe(`${f}: ${readFileSync(join(here, f), 'utf8')}`);
    }
  }, 300_000);
});
