/**
 * The popup's list as it opens (newest first, nothing filtered), read straight from the database:
 * a page from the date index and three counts, no report past the page. A filtered or re-sorted
 * list is asked of the read side (lib/background/corpus-catalogue.ts), which lists alike.
 */
import type { CrosscheckDB } from '../../lib/db';
import { sourceNames } from '../../lib/corpus/listing';
import type { ListReply } from '../../lib/messages';

/** The newest `limit` dated reports, then undated ones (last key first), as listReports orders them. */
export async function newestPage(db: CrosscheckDB, limit: number): Promise<ListReply> {
  return db.transaction('r', db.reports, async () => {
    const [dated, total, read, sources] = await Promise.all([
      db.reports.orderBy('date').reverse().limit(limit).toArray(),
      // counted over an index (every report has a text key), not the store: Chromium steps over
      // whole stored reports to count the store (~0.1 s at 10,000), over small index entries here
      db.reports.orderBy('textKey').count(),
      db.reports.where('origin').equals('read').count(),
      db.reports.orderBy('source').uniqueKeys(),
    ]);
    // fewer dated reports than a page: every dated one is here, and undated ones follow, last key
    // first. The last `limit` reports hold at most `dated.length` dated ones, so the rest of the page
    // is among them: one read of `limit` reports, not of every key (~0.2 s at 10,000 reports).
    let undated: typeof dated = [];
    if (dated.length < limit) {
      const hasDate = new Set(dated.map((r) => r.id));
      const last = await db.reports.toCollection().reverse().limit(limit).toArray();
      undated = last.filter((r) => !hasDate.has(r.id)).slice(0, limit - dated.length);
    }
    return { reports: [...dated, ...undated], matched: total, total, read, sources: sourceNames(sources.map(String)) };
  });
}
