/** How the popup's corpus list is sorted and filtered (by date, source and who added a report). Pure. */
import type { Report, ReportOrigin } from '.';

/** What listing a report needs of it: nothing of its text. */
export type Listed = Pick<Report, 'id' | 'title' | 'source' | 'date' | 'origin'>;

export type SortOrder = 'newest' | 'oldest' | 'source' | 'title';

export interface ListFilter {
  sort: SortOrder;
  /** exact source name; '' for every source */
  source: string;
  /** 'user' for the reader's own reports only, 'read' for remembered articles, 'feed' for feed items */
  origin: '' | Report['origin'];
  /** yyyy-mm-dd bounds, inclusive; '' for none. Reports that state no date are left out when a bound is set. */
  from: string;
  to: string;
}

export const DEFAULT_FILTER: ListFilter = { sort: 'newest', source: '', origin: '', from: '', to: '' };

/** The list as it opens: newest first, nothing filtered. */
export const isDefaultFilter = (f: ListFilter) => f.sort === 'newest' && !f.source && !f.origin && !f.from && !f.to;

const SORTS: readonly SortOrder[] = ['newest', 'oldest', 'source', 'title'];
/** Every origin a report can have. */
export const REPORT_ORIGINS: readonly ReportOrigin[] = ['seed', 'user', 'read', 'feed'];
const ORIGINS: readonly ListFilter['origin'][] = ['', ...REPORT_ORIGINS];
const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A filter as a request carries it: anything unknown falls back to the default. */
export function asListFilter(x: unknown): ListFilter {
  const f = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    sort: SORTS.includes(f.sort as SortOrder) ? (f.sort as SortOrder) : DEFAULT_FILTER.sort,
    source: text(f.source),
    origin: ORIGINS.includes(f.origin as ListFilter['origin']) ? (f.origin as ListFilter['origin']) : '',
    from: DAY.test(text(f.from)) ? text(f.from) : '',
    to: DAY.test(text(f.to)) ? text(f.to) : '',
  };
}

/** Every source named in the corpus, A–Z, for the filter menu. */
export function sourcesOf(reports: readonly Listed[]): string[] {
  return sourceNames(reports.map((r) => r.source));
}

/** Named sources once each, A–Z. */
export function sourceNames(names: Iterable<string | null>): string[] {
  return [...new Set([...names].filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b));
}

/** Strings in IndexedDB's key order (code units), not the locale's. */
export const keyOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b));

/** Reports kept by the filter, in its order; undated reports go last whichever way dates sort. */
export function listReports<T extends Listed>(reports: readonly T[], f: ListFilter): T[] {
  const kept = reports.filter(
    (r) =>
      (!f.source || r.source === f.source) &&
      (!f.origin || r.origin === f.origin) &&
      (!f.from || (r.date !== null && r.date >= f.from)) &&
      (!f.to || (r.date !== null && r.date.slice(0, f.to.length) <= f.to)),
  );
  const newest = (a: Listed, b: Listed) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date));
  const compare: Record<SortOrder, (a: Listed, b: Listed) => number> = {
    newest,
    oldest: (a, b) => byText(a.date, b.date),
    source: (a, b) => byText(a.source, b.source) || newest(a, b),
    title: (a, b) => byText(a.title, b.title),
  };
  // ties in the database's key order (newest first: the last key first), as a page read from its date index has them
  return kept.sort((a, b) => compare[f.sort](a, b) || (f.sort === 'newest' ? keyOrder(b.id, a.id) : keyOrder(a.id, b.id)));
}
