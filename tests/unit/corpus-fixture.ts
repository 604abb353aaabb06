/** The bundled corpus compiled from corpus/seeds, once per test file. */
import { compileCorpus, type CompiledCorpus } from '../../lib/corpus';
import { expect } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import type { CrosscheckDB } from '../../lib/db';

let compiled: CompiledCorpus | null = null;
export function seedCorpusCompiled(): CompiledCorpus {
  return (compiled ??= compileCorpus(readSeeds()));
}

export const ID = {
  summit: 'seed-c507b99284dd2fd5',
  washington: 'seed-8e2cd3f473f41653',
  kyiv: 'seed-f129f5241f18b62e',
  envoys: 'seed-0a6a0086e9378c6b',
  faceToFace: 'seed-dfc2ead0b60f5cfc',
};

/**
 * The reports whose stored index rows name a term; checks on the way that the term's dictionary
 * count agrees with them.
 */
export async function reportsNaming(db: CrosscheckDB, termId: string): Promise<string[]> {
  const ids = (await db.reportIndex.toArray()).filter((r) => (r.hits[termId] ?? 0) > 0).map((r) => r.reportId);
  expect((await db.terms.get(termId))?.reportCount ?? 0).toBe(ids.length);
  return ids.sort();
}
