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
      db.reports.count(),
      db.reports.where('origin').equals('read').count(),
      db.reports.orderBy('source').uniqueKeys(),
    ]);
    // fewer dated reports than a page: every dated one is here, and undated ones follow. They are
    // found by their keys (every key, less the date index's), not by a cursor over whole reports,
    // which steps once per report read (at 10,000 undated reports: 100 steps, ~0.2 s before the list shows).
    let undated: typeof dated = [];
    if (dated.length < limit) {
      const [all, withDate] = await Promise.all([db.reports.toCollection().primaryKeys(), db.reports.orderBy('date').primaryKeys()]);
      const hasDate = new Set(withDate.map(String));
      // (read in key order and turned here: a reversed key read steps a cursor once per key)
      const ids = all.map(String).reverse().filter((id) => !hasDate.has(id)).slice(0, limit - dated.length);
      undated = (await db.reports.bulkGet(ids)).filter((r) => r !== undefined);
    }
    return { reports: [...dated, ...undated], matched: total, total, read, sources: sourceNames(sources.map(String)) };
  });
}
