/**
 * The corpus's catalogue: each report's title, source, date and origin, read from the database's
 * indexes with key cursors (no report is read), kept in memory until the corpus changes. The popup's
 * list is filtered, sorted and paged here, so that a corpus of 10,000 reports shows its first page
 * having read only that page; the search ranks titles from it (corpus-search.ts).
 */
import type { Report } from '../corpus';
import { listReports, sourcesOf, type ListFilter, type Listed } from '../corpus/listing';
import type { CrosscheckDB } from '../db';
import type { ListReply } from '../messages';

/** Reports one list request may ask for (the popup asks for a page more at a time). */
export const MAX_LISTED = 2_000;

async function readCatalogue(db: CrosscheckDB): Promise<Listed[]> {
  return db.transaction('r', db.reports, async () => {
    const byId = new Map<string, Listed>();
    // every report has an origin; the other fields are absent from their index when unknown
    await db.reports.orderBy('origin').eachKey((origin, c) => {
      const id = String(c.primaryKey);
      byId.set(id, { id, origin: origin as Report['origin'], title: null, source: null, date: null });
    });
    const fill = (field: 'title' | 'source' | 'date') =>
      db.reports.orderBy(field).eachKey((value, c) => {
        const row = byId.get(String(c.primaryKey));
        if (row) row[field] = String(value);
      });
    await fill('title');
    await fill('source');
    await fill('date');
    return [...byId.values()];
  });
}

export class CorpusCatalogue {
  private held: { generation: number; rows: Promise<Listed[]> } | null = null;

  constructor(
    private db: CrosscheckDB,
    /** changes whenever a write changed the corpus */
    private generation: () => number,
  ) {}

  /** Every report's listed fields, as of the last write. */
  rows(): Promise<Listed[]> {
    const generation = this.generation();
    if (this.held?.generation !== generation) {
      const rows = readCatalogue(this.db);
      this.held = { generation, rows };
      rows.catch(() => {
        if (this.held?.rows === rows) this.held = null; // read again on the next request
      });
    }
    return this.held!.rows;
  }

  /** The first `limit` reports the filter keeps, in its order, with the counts and sources the list shows. */
  async list(filter: ListFilter, limit: number): Promise<ListReply> {
    const rows = await this.rows();
    const kept = listReports(rows, filter);
    const page = kept.slice(0, Math.max(0, Math.min(limit, MAX_LISTED))).map((r) => r.id);
    const reports: Report[] = (await this.db.reports.bulkGet(page)).filter((r) => r !== undefined);
    return {
      reports,
      matched: kept.length,
      total: rows.length,
      read: rows.filter((r) => r.origin === 'read').length,
      sources: sourcesOf(rows),
    };
  }
}
