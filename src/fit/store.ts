/**
 * The fit's store: one SQLite file (fit.sqlite) in the output directory. Every accepted
 * particle is committed as it arrives and every finished generation (tolerance, weights) in
 * one transaction, in WAL mode, so a crash or kill -9 loses at most the particles being built;
 * --resume rebuilds only those. Since particle i of generation t depends only on generation
 * t-1, what resume rebuilds is what the lost process would have built: nothing is lost and
 * nothing is counted twice (particles are keyed by generation and index).
 *
 * Tables: meta(key, value); particles(generation, particle, u, distance, attempts,
 * simulations); generations(generation, epsilon, ess, weights).
 */
import Database from 'better-sqlite3';
import type { Particle, Population } from './abc';

export const FIT_STORE_FILE = 'fit.sqlite';
const FORMAT = 'coalsim-fit-1';

export interface FinishedGeneration extends Population {
  readonly generation: number;
  readonly epsilon: number;
  readonly ess: number;
}

export class FitStore {
  private constructor(private readonly db: Database.Database) {}

  static create(path: string, hash: string, version: string): FitStore {
    const db = new Database(path);
    configure(db);
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE particles (generation INTEGER NOT NULL, particle INTEGER NOT NULL, u TEXT NOT NULL, distance REAL NOT NULL,
        attempts INTEGER NOT NULL, simulations INTEGER NOT NULL, PRIMARY KEY (generation, particle));
      CREATE TABLE generations (generation INTEGER PRIMARY KEY, epsilon REAL, ess REAL NOT NULL, weights TEXT NOT NULL);
    `);
    const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      set.run('format', FORMAT);
      set.run('hash', hash);
      set.run('version', version);
    })();
    return new FitStore(db);
  }

  /** Open an existing store, or null when the file is not a fit store. */
  static open(path: string, readonly = false): FitStore | null {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly, fileMustExist: true });
      if (!readonly) configure(db);
      const row = db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined;
      if (row?.value !== FORMAT) {
        db.close();
        return null;
      }
    } catch {
      return null;
    }
    return new FitStore(db);
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  putParticle(generation: number, index: number, p: Particle): void {
    this.db.prepare('INSERT OR IGNORE INTO particles VALUES (?, ?, ?, ?, ?, ?)').run(generation, index, JSON.stringify(p.u), p.distance, p.attempts, p.simulations);
  }

  putParticles(generation: number, particles: readonly (readonly [number, Particle])[]): void {
    this.db.transaction(() => particles.forEach(([i, p]) => this.putParticle(generation, i, p)))();
  }

  /** Stored particles of a generation, by index. */
  particles(generation: number): Map<number, Particle> {
    const rows = this.db.prepare('SELECT particle, u, distance, attempts, simulations FROM particles WHERE generation = ? ORDER BY particle').all(generation) as { particle: number; u: string; distance: number; attempts: number; simulations: number }[];
    return new Map(rows.map((r) => [r.particle, { u: JSON.parse(r.u) as number[], distance: r.distance, attempts: r.attempts, simulations: r.simulations }]));
  }

  finishGeneration(g: FinishedGeneration): void {
    // Generation 0's tolerance is infinite (it accepts every prior draw): stored as NULL.
    this.db.prepare('INSERT OR REPLACE INTO generations VALUES (?, ?, ?, ?)').run(g.generation, Number.isFinite(g.epsilon) ? g.epsilon : null, g.ess, JSON.stringify(g.weights));
  }

  /** Finished generations in order, with their particles (in index order). */
  generations(): FinishedGeneration[] {
    const rows = this.db.prepare('SELECT generation, epsilon, ess, weights FROM generations ORDER BY generation').all() as { generation: number; epsilon: number | null; ess: number; weights: string }[];
    return rows.map((r) => {
      const ps = this.particles(r.generation);
      return { generation: r.generation, epsilon: r.epsilon ?? Infinity, ess: r.ess, weights: JSON.parse(r.weights) as number[], particles: [...ps.keys()].sort((a, b) => a - b).map((k) => ps.get(k)!) };
    });
  }

  close(): void {
    this.db.close();
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}
