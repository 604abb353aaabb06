/**
 * Writes to the corpus database: seeding the bundled corpus (upsert seeds, never delete the
 * user's reports), adding/deleting user reports, and rebuilding the derived dictionary.
 */
import { indexMentions, toReport, type CompiledCorpus, type RawReport, type Report } from '../corpus';
import { extractTerms } from '../corpus/terms';
import type { CrosscheckDB } from '../db';
import { parseNewReport, type NewReportInput } from '../corpus/schema';
import { fold, hash32 } from '../text';

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


/** Same text for duplicate detection: case, quotes, punctuation and spacing do not count. */
function textKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The existing report that `input` would duplicate (same URL or same text), if any. */
async function duplicateOf(db: CrosscheckDB, input: NewReportInput, exceptId?: string): Promise<Report | undefined> {
  const key = textKey(input.text);
  return db.reports
    .filter((r) => r.id !== exceptId && ((!!input.url && r.url === input.url) || textKey(r.text) === key))
    .first();
}

function duplicateMessage(r: Report): string {
  return `Your corpus already has this report (${r.title ? `“${r.title}”` : 'same text'}${r.url ? `, ${r.url}` : ''}).`;
}

function userRaw(input: NewReportInput, id: string): RawReport {
  return {
    id,
    origin: 'user',
    text: input.text.trim(),
    meta: {
      title: input.title?.trim() || undefined,
      source: input.source?.trim() || undefined,
      author: input.author?.trim() || undefined,
      date: input.date?.trim() || undefined,
      url: input.url?.trim() || undefined,
    },
  };
}

function newUserId(text: string): string {
  return `user-${hash32(text).toString(16)}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Add a report the user gave (validated by the schema); a duplicate is refused; the dictionary is rebuilt. */
export async function addUserReport(db: CrosscheckDB, input: unknown): Promise<Report> {
  const valid = parseNewReport(input);
  const dup = await duplicateOf(db, valid);
  if (dup) throw new Error(duplicateMessage(dup));
  const report = toReport(userRaw(valid, newUserId(valid.text)));
  await db.reports.put(report);
  await rebuildIndex(db);
  return report;
}

/** Replace a user report's text and metadata (validated); seed reports cannot be edited. */
export async function updateUserReport(db: CrosscheckDB, id: string, input: unknown): Promise<Report> {
  const valid = parseNewReport(input);
  const old = await db.reports.get(id);
  if (!old || old.origin !== 'user') throw new Error('Only reports you added can be edited.');
  const dup = await duplicateOf(db, valid, id);
  if (dup) throw new Error(duplicateMessage(dup));
  const report = toReport(userRaw(valid, id));
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

export interface ImportOptions {
  /** delete the user's reports first (seed reports stay) */
  replace?: boolean;
  onProgress?(done: number, total: number): void;
}

/**
 * Import reports as the user's own, in one transaction: every input is validated first (the first
 * bad one refuses the whole import, nothing written); duplicates of stored or earlier reports are skipped and counted.
 */
export async function importReports(db: CrosscheckDB, inputs: unknown[], opts: ImportOptions = {}): Promise<{ added: number; skipped: number }> {
  const valid = inputs.map((input, i) => {
    try {
      return parseNewReport(input);
    } catch (e) {
      throw new Error(`report ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  let added = 0;
  let skipped = 0;
  await db.transaction('rw', db.reports, async () => {
    if (opts.replace) await db.reports.where('origin').equals('user').delete();
    const texts = new Set<string>();
    const urls = new Set<string>();
    await db.reports.each((r) => {
      texts.add(textKey(r.text));
      if (r.url) urls.add(r.url);
    });
    const batch: Report[] = [];
    valid.forEach((input, i) => {
      const key = textKey(input.text);
      if (texts.has(key) || (input.url && urls.has(input.url))) skipped++;
      else {
        texts.add(key);
        if (input.url) urls.add(input.url);
        batch.push(toReport(userRaw(input, newUserId(input.text + i))));
        added++;
      }
      if ((i + 1) % 200 === 0) opts.onProgress?.(i + 1, valid.length);
    });
    await db.reports.bulkPut(batch);
  });
  await rebuildIndex(db);
  opts.onProgress?.(valid.length, valid.length);
  return { added, skipped };
}

/** Every report, seed and user, for the export file. */
export async function exportReports(db: CrosscheckDB): Promise<Report[]> {
  return db.reports.toArray();
}
