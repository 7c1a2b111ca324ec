/**
 * The sweep's store: one SQLite file (sweep.sqlite) per output directory. Results are
 * written as they arrive, one transaction per batch, in WAL mode, so a crash (Ctrl-C,
 * kill -9, power loss) loses at most the batches not yet committed and never corrupts what
 * is there; --resume skips every run already stored. The CSVs are derived from it, ordered
 * by run number, so they do not depend on completion order or worker count.
 *
 * Tables: meta(key, value); points(point, point_key, <parameters>); runs(run, point,
 * replicate, seed, status, error, <metrics>); and a view `results` joining the two.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Point } from './designs';
import type { RunOutcome, RunTask } from './runner';
import { canonicalJson } from './seeds';

export const STORE_FILE = 'sweep.sqlite';
const FORMAT = 'coalsim-sweep-1';

export interface StoreMeta {
  readonly format: string;
  readonly hash: string;
  readonly version: string;
  /** The validated experiment and base scenario, as canonical JSON: enough to rebuild the sweep. */
  readonly experiment: string;
  readonly scenario: string;
  readonly parameters: readonly string[];
  readonly metrics: readonly string[];
  readonly totalRuns: number;
  readonly shardIndex: number;
  readonly shardCount: number;
}

export interface StoredRun {
  readonly run: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
  readonly status: 'ok' | 'failed';
  readonly error: string | null;
  readonly metrics: readonly (number | null)[];
}

/** A parameter value as a table cell: numbers and strings as they are, anything else as JSON. */
export function cell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return canonicalJson(value);
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The directory holds results that this sweep must not mix with, or a store it must not open. */
export class SweepDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepDirError';
  }
}

/**
 * Refuses a store file (or its journal, WAL or shared-memory companion) that is a symbolic link:
 * opened through it, SQLite writes to the link's target, outside --out, and coalsim never writes
 * through a link (a security review found a resumed sweep writing to another folder's store).
 */
export function refuseLinkedStore(path: string): void {
  for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    let link = false;
    try {
      link = lstatSync(f).isSymbolicLink();
    } catch {
      continue;
    }
    if (link) {
      let target = '?';
      try {
        target = readlinkSync(f);
      } catch {
        // Unreadable link: its target is not needed to refuse it.
      }
      throw new SweepDirError(`${f} is a symbolic link (to ${target}); coalsim never opens a sweep store through a link, which would write to a file outside the sweep's folder. Replace the link with the file itself, or use another --out`);
    }
  }
}

export class SweepStore {
  private readonly insertRun: Database.Statement;
  readonly meta: StoreMeta;

  private constructor(
    private readonly db: Database.Database,
    meta: StoreMeta,
  ) {
    this.meta = meta;
    const cols = ['run', 'point', 'replicate', 'seed', 'status', 'error', ...meta.metrics];
    this.insertRun = db.prepare(`INSERT OR IGNORE INTO runs (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  }

  static create(path: string, meta: Omit<StoreMeta, 'format'>, points: readonly Point[], keys: readonly string[]): SweepStore {
    refuseLinkedStore(path);
    const db = new Database(path);
    configure(db);
    const full: StoreMeta = { format: FORMAT, ...meta };
    const params = full.parameters;
    // Schema, meta and points in one transaction: a crash (kill -9) while the store is being
    // created leaves a file without tables, which isUnfinished() recognises and a resume
    // recreates, never a half-made store.
    const ddl = `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE points (point INTEGER PRIMARY KEY, point_key TEXT NOT NULL${params.map((p) => `, ${q(p)}`).join('')});
      CREATE TABLE runs (run INTEGER PRIMARY KEY, point INTEGER NOT NULL, replicate INTEGER NOT NULL, seed INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')), error TEXT${full.metrics.map((m) => `, ${q(m)} REAL`).join('')});
      CREATE VIEW results AS SELECT r.run, r.point${params.map((p) => `, p.${q(p)}`).join('')}, r.replicate, r.seed, r.status, r.error${full.metrics.map((m) => `, r.${q(m)}`).join('')}
        FROM runs r JOIN points p ON p.point = r.point;
    `;
    try {
      db.transaction(() => {
        db.exec(ddl);
        const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        const insertPoint = db.prepare(`INSERT INTO points VALUES (?, ?${params.map(() => ', ?').join('')})`);
        for (const [k, v] of Object.entries(full)) setMeta.run(k, JSON.stringify(v));
        points.forEach((p, i) => insertPoint.run(i, keys[i]!, ...p.map(cell)));
      })();
    } catch (err) {
      db.close();
      throw err;
    }
    return new SweepStore(db, full);
  }

  /**
   * A store file whose creation never committed (killed before its one transaction ended):
   * empty, or an SQLite file without tables. Such a file holds no runs and may be recreated.
   */
  static isUnfinished(path: string): boolean {
    refuseLinkedStore(path);
    let db: Database.Database | null = null;
    try {
      db = new Database(path, { fileMustExist: true });
      const n = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      return n === 0;
    } catch {
      return false;
    } finally {
      db?.close();
    }
  }

  /** Open an existing store; null when the file is not a sweep store. */
  static open(path: string, options: { readonly?: boolean } = {}): SweepStore | null {
    refuseLinkedStore(path);
    const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
    try {
      if (!options.readonly) configure(db);
      const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
      const meta = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])) as unknown as StoreMeta;
      if (meta.format !== FORMAT) throw new Error('not a sweep store');
      return new SweepStore(db, meta);
    } catch (err) {
      db.close();
      // Not a store (another database, no meta table, another format): null. A failure to
      // read it (disk full, I/O) is reported as such, never as "not a store".
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code !== 'SQLITE_ERROR' && code !== 'SQLITE_NOTADB') throw err;
      return null;
    }
  }

  /** Store a batch of finished runs in one transaction. */
  write(tasks: readonly RunTask[], outcomes: readonly RunOutcome[]): void {
    const nMetrics = this.meta.metrics.length;
    this.db.transaction(() => {
      outcomes.forEach((o, i) => {
        const t = tasks[i]!;
        if (t.run !== o.run) throw new Error(`batch out of order: task ${t.run}, outcome ${o.run}`);
        const metrics = o.status === 'ok' ? o.metrics : new Array<null>(nMetrics).fill(null);
        this.insertRun.run(t.run, t.point, t.replicate, t.seed, o.status, o.status === 'failed' ? o.error : null, ...metrics);
      });
    })();
  }

  /** Rows as stored elsewhere (merge): inserted unless the run is already there. */
  writeStored(rows: readonly StoredRun[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.insertRun.run(r.run, r.point, r.replicate, r.seed, r.status, r.error, ...r.metrics);
    })();
  }

  /** Forget the failed runs (so a resumed sweep runs them again); returns how many. */
  deleteFailed(): number {
    return this.db.prepare("DELETE FROM runs WHERE status = 'failed'").run().changes;
  }

  /** Run numbers already stored, as a bitmap over 0..totalRuns-1. */
  doneBitmap(): Uint8Array {
    const done = new Uint8Array(this.meta.totalRuns);
    for (const row of this.db.prepare('SELECT run FROM runs').raw().iterate() as IterableIterator<[number]>) done[row[0]] = 1;
    return done;
  }

  counts(): { ok: number; failed: number } {
    const rows = this.db.prepare('SELECT status, count(*) AS n FROM runs GROUP BY status').all() as { status: string; n: number }[];
    return { ok: rows.find((r) => r.status === 'ok')?.n ?? 0, failed: rows.find((r) => r.status === 'failed')?.n ?? 0 };
  }

  /** Every stored run in run order (point by point, replicate by replicate). */
  *runs(): Generator<StoredRun> {
    const cols = ['run', 'point', 'replicate', 'seed', 'status', 'error', ...this.meta.metrics];
    const stmt = this.db.prepare(`SELECT ${cols.map(q).join(', ')} FROM runs ORDER BY run`).raw();
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      yield {
        run: row[0] as number,
        point: row[1] as number,
        replicate: row[2] as number,
        seed: row[3] as number,
        status: row[4] as 'ok' | 'failed',
        error: row[5] as string | null,
        metrics: row.slice(6) as (number | null)[],
      };
    }
  }

  /** Runs stored here and in another store that disagree (same run number, different result). */
  conflicts(other: SweepStore, limit = 5): number[] {
    const mine = this.db.prepare(`SELECT ${['seed', 'status', 'error', ...this.meta.metrics].map(q).join(', ')} FROM runs WHERE run = ?`).raw();
    const out: number[] = [];
    for (const r of other.runs()) {
      const row = mine.get(r.run) as unknown[] | undefined;
      if (!row) continue;
      const same = row[0] === r.seed && row[1] === r.status && row[2] === r.error && r.metrics.every((m, i) => Object.is(m, row[3 + i]));
      if (!same) out.push(r.run);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Close. A writable store leaves WAL mode first: that checkpoints the log into the file and
   * removes sweep.sqlite-wal and -shm, which a read-only connection (the one that writes charts
   * and reports afterwards) could neither checkpoint nor delete, so they stayed beside the
   * results. The next writable open (--resume, merge) turns WAL back on. If another connection
   * still holds the file (busy) or the disk is full, the store closes in WAL mode as before.
   */
  close(): void {
    if (!this.db.readonly) {
      try {
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // Still consistent in WAL mode; the files go with the next clean close.
      }
    }
    this.db.close();
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed batch survives a process crash; after power loss the last
  // batches may be lost but the file stays consistent, and --resume re-runs them.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}
