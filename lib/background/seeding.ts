/** One memoised seeding per service-worker life: install, update and the first message share it. */
import type { CompiledCorpus } from '../corpus';
import { getMeta, type CrosscheckDB } from '../db';
import { seedCorpus, type SeedResult } from './store';

export function createSeeder(db: CrosscheckDB, bundled: CompiledCorpus): () => Promise<SeedResult | null> {
  let seeding: Promise<SeedResult | null> | null = null;
  return () =>
    (seeding ??= (async () => {
      if ((await getMeta(db, 'seedVersion')) === bundled.version) return null;
      return seedCorpus(db, bundled);
    })().catch((e: unknown) => {
      seeding = null; // let the next request try again
      throw e;
    }));
}
