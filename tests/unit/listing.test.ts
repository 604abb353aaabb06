import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/corpus';
import { asListFilter, DEFAULT_FILTER, listReports, sourcesOf } from '../../lib/corpus/listing';

const r = (id: string, date: string | null, source: string | null, origin: Report['origin'] = 'seed'): Report => ({
  id, origin, title: id, author: null, source, dateline: null, date, url: null, text: '', sentences: [],
});
const all = [r('a', '2025-01-05', 'Post'), r('b', null, 'Wire'), r('c', '2024-12-31', null, 'user'), r('d', '2025-02-01', 'Wire', 'user')];
const ids = (rs: Report[]) => rs.map((x) => x.id);

describe('corpus list order and filters', () => {
  it('sorts by date either way, undated last', () => {
    expect(ids(listReports(all, DEFAULT_FILTER))).toEqual(['d', 'a', 'c', 'b']);
    expect(ids(listReports(all, { ...DEFAULT_FILTER, sort: 'oldest' }))).toEqual(['c', 'a', 'd', 'b']);
  });
  it('sorts by source, unnamed sources last', () => {
    expect(ids(listReports(all, { ...DEFAULT_FILTER, sort: 'source' }))).toEqual(['a', 'd', 'b', 'c']);
  });
  it('filters by source, origin and date range (undated reports drop out of a range)', () => {
    expect(ids(listReports(all, { ...DEFAULT_FILTER, source: 'Wire' }))).toEqual(['d', 'b']);
    expect(ids(listReports(all, { ...DEFAULT_FILTER, origin: 'user' }))).toEqual(['d', 'c']);
    expect(ids(listReports(all, { ...DEFAULT_FILTER, from: '2025-01-01', to: '2025-01-31' }))).toEqual(['a']);
  });
  it('lists each named source once, A–Z', () => {
    expect(sourcesOf(all)).toEqual(['Post', 'Wire']);
  });
  it('does not reorder its input', () => {
    const copy = [...all];
    listReports(all, DEFAULT_FILTER);
    expect(all).toEqual(copy);
  });
});

describe('a filter as a request carries it', () => {
  it('keeps what is valid and drops the rest to the default', () => {
    expect(asListFilter({ sort: 'title', source: 'Wire', origin: 'read', from: '2025-01', to: '2025-02-03' })).toEqual({ sort: 'title', source: 'Wire', origin: 'read', from: '2025-01', to: '2025-02-03' });
    expect(asListFilter({ sort: 'random', source: 7, origin: 'everyone', from: 'yesterday', to: '<b>' })).toEqual(DEFAULT_FILTER);
    expect(asListFilter(null)).toEqual(DEFAULT_FILTER);
  });
});
