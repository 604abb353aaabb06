/**
 * Writes to the corpus database: seeding the bundled corpus (upsert seeds, never delete the
 * user's reports), adding/deleting user reports, and rebuilding the derived dictionary.
 */
import { indexMentions, toReport, type CompiledCorpus, type RawReport, type Report } from '../corpus';
import { extractTerms } from '../corpus/terms';
import type { CrosscheckDB, NewReport } from '../db';
import { hash32 } from '../text';

/** Recompute terms and mentions from every stored report (seed and user). */
export async function rebuildIndex(db: CrosscheckDB, precomputed?: CompiledCorpus): Promise<void> {
  const reports = await db.reports.toArray();
  const onlySeeds = precomputed && reports.every((r) => r.origin === 'seed') && reports.length === precomputed.reports.length;
  const { terms, mentions } = onlySeeds
    ? { terms: precomputed.terms, mentions: precomputed.mentions }
    : indexMentions(reports, extractTerms(reports.map((r) => [r.title ?? '', r.text].join('\n\n'))));
  await db.transaction('rw', db.terms, db.mentions, db.meta, async () => {
    await db.terms.clear();
    await db.mentions.clear();
    await db.terms.bulkPut(terms);
    await db.mentions.bulkPut(mentions);
    await db.meta.put({ key: 'indexVersion', value: hash32(reports.map((r) => r.id).join('|') + terms.length).toString(16) + Date.now().toString(36) });
  });
}

export interface SeedResult {
  added: number;
  updated: number;
  removed: number;
  kept: number;
}

/**
 * Put the bundled corpus into the database. Seed reports no longer bundled are removed; reports
 * the user added are never deleted or changed.
 */
export async function seedCorpus(db: CrosscheckDB, corpus: CompiledCorpus): Promise<SeedResult> {
  const result: SeedResult = { added: 0, updated: 0, removed: 0, kept: 0 };
  await db.transaction('rw', db.reports, db.meta, async () => {
    const existing = await db.reports.where('origin').equals('seed').primaryKeys();
    const bundled = new Set(corpus.reports.map((r) => r.id));
    const stale = existing.filter((id) => !bundled.has(id));
    await db.reports.bulkDelete(stale);
    result.removed = stale.length;
    const had = new Set(existing);
    for (const r of corpus.reports) {
      const user = await db.reports.get(r.id);
      if (user && user.origin === 'user') continue; // never overwrite a user's report
      if (had.has(r.id)) result.updated++;
      else result.added++;
      await db.reports.put({ ...r, origin: 'seed' });
    }
    result.kept = await db.reports.where('origin').equals('user').count();
    await db.meta.put({ key: 'seedVersion', value: corpus.version });
  });
  await rebuildIndex(db, corpus);
  return result;
}


/** Add a report the user pasted in; the dictionary is rebuilt to include its terms. */
export async function addUserReport(db: CrosscheckDB, input: NewReport): Promise<Report> {
  const text = input.text.trim();
  if (text.split(/\s+/).length < 5) throw new Error('A report needs some text (at least a sentence).');
  const raw: RawReport = {
    id: 'user-' + hash32(text).toString(16) + '-' + Date.now().toString(36),
    origin: 'user',
    text,
    meta: {
      title: input.title?.trim() || undefined,
      source: input.source?.trim() || undefined,
      author: input.author?.trim() || undefined,
      date: input.date?.trim() || undefined,
      url: input.url?.trim() || undefined,
    },
  };
  const report = toReport(raw);
  await db.reports.put(report);
  await rebuildIndex(db);
  return report;
}

export async function deleteUserReport(db: CrosscheckDB, id: string): Promise<void> {
  const r = await db.reports.get(id);
  if (!r || r.origin !== 'user') throw new Error('Only reports you added can be deleted.');
  await db.reports.delete(id);
  await rebuildIndex(db);
}
