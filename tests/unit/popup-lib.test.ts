import { describe, expect, it } from 'vitest';
import { CorpusSearch } from '../../entrypoints/popup/search';
import { isSiteEnabled, siteOf, withSite } from '../../lib/settings';
import { ID, seedCorpusCompiled } from './corpus-fixture';

describe('corpus search', () => {
  const c = seedCorpusCompiled();
  const s = new CorpusSearch(c.reports, c.terms);
  it('finds reports and terms, tolerating typos', () => {
    const r = s.search('Witkof');
    expect(r.terms[0]!.id).toBe('steve-witkoff');
    expect(r.reports.map((h) => h.id)).toContain(ID.kyiv);
    expect(s.search('Mar-a-Lago').reports[0]!.id).toBe(ID.kyiv);
  });
  it('finds reports by the start of a word of their text, and by the names of the terms it found', () => {
    const made = (id: string, title: string, text: string) => ({ ...c.reports[0]!, id, title, source: null, text, sentences: [text] });
    const many = Array.from({ length: 3000 }, (_, i) => made(`r${i}`, `Council minutes ${i}`, `The council met on day ${i} about the harbour budget.`));
    const corpus = [...many, made('quay', 'Storm damage', 'The Grimsby quay reopened after repairs.'), made('quays', 'Other', 'Quayside bars reopened.'), made('nope', 'Other', 'An antiquay shop.')];
    const search = new CorpusSearch(corpus, [{ ...c.terms[0]!, id: 'grimsby', label: 'Grimsby Harbour', aliases: ['Grimsby'] }]);
    expect(search.search('quay').reports.map((h) => h.id)).toEqual(['quay', 'quays']);
    expect(search.search('Grimsbey Harbour').terms.map((h) => h.id)).toEqual(['grimsby']);
    expect(search.search('Grimsbey Harbour').reports.map((h) => h.id)).toEqual(['quay']);
    // title matches rank before text matches, and a search lists at most 20
    const budget = search.search('Council minutes 12');
    expect(budget.reports[0]!.id).toBe('r12');
    expect(budget.reports.length).toBe(20);
  });
  it('ignores one-letter queries', () => {
    expect(s.search('a')).toEqual({ reports: [], terms: [] });
  });
});

describe('per-site switch', () => {
  it('keys sites by hostname and only for web pages', () => {
    expect(siteOf('https://www.bbc.co.uk/news/x')).toBe('bbc.co.uk');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
  it('adds and removes sites', () => {
    const off = withSite([], 'bbc.co.uk', false);
    expect(isSiteEnabled(off, 'bbc.co.uk')).toBe(false);
    expect(isSiteEnabled(off, 'nytimes.com')).toBe(true);
    expect(withSite(off, 'bbc.co.uk', true)).toEqual([]);
  });
});

describe('preferences', () => {
  it('fills gaps and clamps stored values', async () => {
    const { normalisePreferences, DEFAULT_PREFERENCES } = await import('../../lib/settings');
    expect(normalisePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(normalisePreferences({ hoverDelayMs: 99999, kinds: ['place', 'bogus' as never], scope: 'nowhere' as never })).toEqual({
      ...DEFAULT_PREFERENCES,
      hoverDelayMs: 2000,
      kinds: ['place'],
    });
  });
});
