/**
 * One memoised start-up per service-worker life (install, update and the first message share it):
 * reopen a corrupt database empty, seed the bundled corpus, restore the user's reports from the
 * backup if the database lost them, and resume the indexing that a restart cut short.
 */
import type { CompiledCorpus } from '../corpus';
import { getMeta, type CrosscheckDB } from '../db';
import { restoreFromBackup, resumeIndexing, seedCorpus, type SeedResult } from './store';
import { STORAGE_MESSAGES, storageError } from './storage-errors';

/** Open the database; one that cannot be opened (corrupt, wrong version) is deleted and created again. */
export async function openOrReset(db: CrosscheckDB): Promise<void> {
  try {
    await db.open();
  } catch (e) {
    if (storageError(e).message !== STORAGE_MESSAGES.broken) throw storageError(e);
    console.warn('[crosscheck] the corpus database could not be opened; starting it afresh from the bundle and the backup', e);
    db.close();
    await db.delete();
    await db.open();
  }
}

export function createSeeder(db: CrosscheckDB, bundled: CompiledCorpus): () => Promise<SeedResult | null> {
  let seeding: Promise<SeedResult | null> | null = null;
  return () =>
    (seeding ??= (async () => {
      await openOrReset(db);
      const result = (await getMeta(db, 'seedVersion')) === bundled.version ? null : await seedCorpus(db, bundled);
      // a wiped or reset database has no seed version: seeding ran, and the backup is read only then
      if (result) await restoreFromBackup(db);
      // Reports without index rows and a stale evidence index are taken up in the background; the
      // corpus index itself loads on the first write. Without an index version (an upgrade) the
      // dictionary is rebuilt first.
      const resumed = resumeIndexing(db);
      if (!(await getMeta(db, 'indexVersion'))) await resumed;
      else void resumed.catch((e: unknown) => console.error('[crosscheck] indexing not resumed', e));
      return result;
    })().catch((e: unknown) => {
      seeding = null; // let the next request try again
      throw storageError(e);
    }));
}
