/**
 * Merging sweep directories (Slurm shards, or parts run on several machines) into one:
 * every run is copied once into the destination store, which may already hold some (so
 * merging again, or merging a shard twice, changes nothing), then the CSVs and manifest
 * are derived as for a single-machine sweep, byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { OutputExistsError } from '../output/atomic';
import { assertNoLinkBelow, assertReplaceable, assertUnedited, claimOutDir, sweepViewHashes, requireOutPath } from '../output/outDir';
import { migrateValue } from '../scenario/migrate';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { compileExperiment, experimentHash, type CompiledExperiment } from './load';
import { SWEEP_CSVS, writeSweepOutputs, type SweepFiles } from './outputs';
import { ExperimentSchema } from './schema';
import { WHOLE } from './shards';
import { STORE_FILE, SweepStore, type StoredRun } from './store';
import { SweepDirError } from './sweep';

/** The directories hold different experiments (or versions): invalid input, not a busy --out. */
export class SweepMismatchError extends SweepDirError {
  constructor(message: string) {
    super(message);
    this.name = 'SweepMismatchError';
  }
}

export interface MergeReport extends SweepFiles {
  readonly sources: number;
  readonly added: number;
}

/** The experiment a store was made for, rebuilt from the copy it keeps. */
export function experimentOfStore(store: SweepStore, where: string): CompiledExperiment {
  const exp = ExperimentSchema.safeParse(JSON.parse(store.meta.experiment));
  const stored: unknown = JSON.parse(store.meta.scenario);
  // A store made before a scenario format bump keeps its scenario in the older version: read it
  // migrated (as a scenario file of that version would be), but identify the sweep by what was
  // stored, so its runs still merge with stores of the same sweep.
  const migrated = migrateValue(stored);
  const base = ScenarioSchema.safeParse(migrated === null ? stored : migrated.value);
  if (!exp.success || !base.success) throw new SweepDirError(`${where}: its stored experiment no longer validates with this coalsim (${store.meta.version}?)`);
  const c = compileExperiment(exp.data, base.data, { checkPoints: false });
  const hash = migrated === null ? (c.ok ? c.value.hash : null) : experimentHash(exp.data, stored as Scenario);
  if (!c.ok || hash !== store.meta.hash) throw new SweepDirError(`${where}: its stored experiment does not rebuild to the same sweep (made by coalsim ${store.meta.version})`);
  return { ...c.value, hash: store.meta.hash };
}

function openSource(dir: string): SweepStore {
  const path = join(dir, STORE_FILE);
  if (!existsSync(path)) throw new SweepDirError(`${dir} holds no sweep (no ${STORE_FILE}); give the --out directories of \`coalsim sweep\``);
  const store = SweepStore.open(path, { readonly: true });
  if (!store) throw new SweepDirError(`${path} is not a coalsim sweep store`);
  return store;
}

export function mergeSweeps(dirs: readonly string[], out: string, options: { force: boolean; version: string }): MergeReport {
  if (dirs.length === 0) throw new SweepDirError('name at least one sweep directory to merge');
  // Held until the merge is written: a second merge or sweep into the same --out exits 4.
  const claim = claimOutDir(requireOutPath(out));
  try {
    // Merging into a folder that already holds a merge rewrites its CSVs: never over a user's edit.
    if (!options.force && existsSync(out)) {
      assertUnedited(out, [...SWEEP_CSVS, ...sweepViewHashes(out).keys()], 'the merged CSVs, charts and report');
      // Before the CSVs are rewritten: the charts would not go through a link planted in the folder.
      assertNoLinkBelow(out, join(out, 'charts', 'chart.png'));
    }
    return mergeClaimed(dirs, out, options);
  } finally {
    claim.release();
  }
}

function mergeClaimed(dirs: readonly string[], out: string, options: { force: boolean; version: string }): MergeReport {
  const outReal = existsSync(out) ? realpathSync(out) : resolve(out);
  const sources = [...new Set(dirs.map((d) => (existsSync(d) ? realpathSync(d) : resolve(d))))].filter((d) => d !== outReal);
  const stores: SweepStore[] = [];
  let dest: SweepStore | null = null;
  try {
    for (const d of sources) stores.push(openSource(d));
    const first = stores[0];
    const reference = first ?? null;
    const mismatch = stores.findIndex((s) => s.meta.hash !== first?.meta.hash || s.meta.version !== first?.meta.version);
    if (mismatch >= 0) {
      throw new SweepMismatchError(`${sources[mismatch]} holds a different experiment or coalsim version than ${sources[0]} (experiment ${stores[mismatch]!.meta.hash.slice(0, 12)} vs ${first!.meta.hash.slice(0, 12)}); merge only shards of one sweep`);
    }

    const storePath = join(out, STORE_FILE);
    if (existsSync(storePath) && SweepStore.isUnfinished(storePath)) {
      // A merge killed while creating its store: nothing was merged yet, start afresh.
      for (const f of [storePath, `${storePath}-wal`, `${storePath}-shm`]) rmSync(f, { force: true });
    }
    const nonEmpty = existsSync(out) && readdirSync(out).length > 0;
    if (nonEmpty && existsSync(storePath) && !options.force) {
      dest = SweepStore.open(storePath);
      if (!dest) throw new SweepDirError(`${storePath} is not a coalsim sweep store; choose another --out`);
      if ((reference && dest.meta.hash !== reference.meta.hash) || dest.meta.shardCount !== 1) {
        throw new SweepDirError(`${out} already holds ${dest.meta.shardCount !== 1 ? `shard ${dest.meta.shardIndex}/${dest.meta.shardCount}` : 'the merge of a different experiment'}; choose another --out, or --force to replace it`);
      }
    } else {
      if (nonEmpty && !options.force) throw new OutputExistsError(out);
      if (!reference) throw new SweepDirError('nothing to merge: every directory named is the --out directory');
      if (reference.meta.version !== options.version) throw new SweepDirError(`${sources[0]} was made by coalsim ${reference.meta.version}; merge it with that version (this is ${options.version})`);
      const c = experimentOfStore(reference, sources[0]!);
      if (nonEmpty) {
        const inside = sources.find((d) => d.startsWith(outReal + sep));
        if (inside) throw new SweepDirError(`--force would delete ${inside}, which lies inside --out ${out}; choose another --out`);
        assertReplaceable(out, true);
        rmSync(out, { recursive: true, force: true });
      }
      mkdirSync(out, { recursive: true });
      dest = SweepStore.create(storePath, { ...withoutFormat(reference.meta), shardIndex: WHOLE.index, shardCount: WHOLE.count }, c.points, c.keys);
    }
    const compiled = experimentOfStore(dest, out);

    const before = dest.counts();
    stores.forEach((s, i) => {
      const bad = dest!.conflicts(s);
      if (bad.length > 0) throw new SweepDirError(`${sources[i]} disagrees with runs already merged (run ${bad.join(', ')}): were they made by different builds of coalsim?`);
      let batch: StoredRun[] = [];
      for (const r of s.runs()) {
        batch.push(r);
        if (batch.length >= 5000) {
          dest!.writeStored(batch);
          batch = [];
        }
      }
      dest!.writeStored(batch);
    });
    const after = dest.counts();
    const files = writeSweepOutputs(out, compiled, dest, options.version);
    return { ...files, sources: stores.length, added: after.ok + after.failed - before.ok - before.failed };
  } finally {
    for (const s of stores) s.close();
    dest?.close();
  }
}

function withoutFormat<T extends { format: string }>(m: T): Omit<T, 'format'> {
  const { format: _f, ...rest } = m;
  return rest;
}
