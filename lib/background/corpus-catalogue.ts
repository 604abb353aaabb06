/**
 * The corpus's catalogue: each report's origin, source and date (and title, to sort by it), read from
 * the database's indexes (no report is read), kept in memory until the corpus changes. The popup's
 * list is filtered, sorted and paged here, reading only the page it shows (the list as it opens is
 * read by the popup itself: entrypoints/popup/newest.ts).
 */
import type { Report } from '../corpus';
import { listReports, REPORT_ORIGINS, sourcesOf, type ListFilter, type Listed } from '../corpus/listing';
import type { CrosscheckDB } from '../db';
import type { ListReply } from '../messages';

/** Reports one list request may ask for (the popup asks for a page more at a time). */
export const MAX_LISTED = 2_000;

/**
 * Each report's origin, source and date, by distinct value: one request per value an index holds
 * (a handful of origins and sources, a date per day), none per report, and no report read.
 */
async function readCatalogue(db: CrosscheckDB): Promise<Listed[]> {
  return db.transaction('r', db.reports, async () => {
    const byId = new Map<string, Listed>();
    const each = async (field: 'origin' | 'source' | 'date', put: (row: Listed | undefined, id: string, value: string) => void) => {
      // the origins are known; the sources and dates are read as the index's distinct keys
      const values = field === 'origin' ? REPORT_ORIGINS : (await db.reports.orderBy(field).uniqueKeys()).map(String);
      const ids = await Promise.all(values.map((v) => db.reports.where(field).equals(v).primaryKeys()));
      values.forEach((v, j) => {
        for (const id of ids[j]!) put(byId.get(String(id)), String(id), v);
      });
    };
    // every report has an origin; source and date are absent from their index when unknown
    await each('origin', (_, id, origin) => byId.set(id, { id, origin: origin as Report['origin'], title: null, source: null, date: null }));
    await each('source', (row, _, source) => row && (row.source = source));
    await each('date', (row, _, date) => row && (row.date = date));
    return [...byId.values()];
  });
}

/** Each report's title (a key cursor: one step per report), for sorting by title. */
async function readTitles(db: CrosscheckDB): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  await db.reports.orderBy('title').eachKey((title, c) => void titles.set(String(c.primaryKey), String(title)));
  return titles;
}

export class CorpusCatalogue {
  private held: { generation: number; rows: Promise<Listed[]> } | null = null;
  private titled: { generation: number; rows: Promise<Listed[]> } | null = null;

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

  /** The rows with their titles too (read only when a list is sorted by title). */
  private withTitles(): Promise<Listed[]> {
    const generation = this.generation();
    if (this.titled?.generation !== generation) {
      const rows = Promise.all([this.rows(), readTitles(this.db)]).then(([rows, titles]) => rows.map((r) => ({ ...r, title: titles.get(r.id) ?? null })));
      this.titled = { generation, rows };
      rows.catch(() => {
        if (this.titled?.rows === rows) this.titled = null;
      });
    }
    return this.titled!.rows;
  }

  /** The first `limit` reports the filter keeps, in its order, with the counts and sources the list shows. */
  async list(filter: ListFilter, limit: number): Promise<ListReply> {
    limit = Math.max(0, Math.min(limit, MAX_LISTED));
    const rows = await (filter.sort === 'title' ? this.withTitles() : this.rows());
    const kept = listReports(rows, filter);
    const page = kept.slice(0, limit).map((r) => r.id);
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
