import { describe, expect, it } from 'vitest';
import { EvidenceIndex } from '../../lib/evidence';
import { ancestors, demonymPlace, findPlaces, placesCompatible } from '../../lib/evidence/places';
import { Matcher } from '../../lib/match';
import { entityLookup } from '../../lib/stance';
import { ID, seedCorpusCompiled } from './corpus-fixture';

const corpus = seedCorpusCompiled();
const entities = entityLookup(new Matcher(corpus.terms));
const seeded = () => {
  const index = new EvidenceIndex(entities);
  for (const r of corpus.reports) index.add(r, corpus.index.find((row) => row.reportId === r.id)!.mentions);
  return index;
};

describe('gazetteer places', () => {
  it('knows containment from the generated gazetteer, not a hand table', () => {
    expect(ancestors('paris')).toEqual(['paris', 'france', 'europe']);
    expect(placesCompatible('kyiv', 'ukraine')).toBe(true);
    expect(placesCompatible('france', 'paris')).toBe(true);
    expect(placesCompatible('paris', 'germany')).toBe(false);
    expect(placesCompatible('lisbon', 'portugal')).toBe(true);
    expect(placesCompatible('kiev', 'kyiv')).toBe(true);
  });
  it('finds places in a sentence and reads country adjectives', () => {
    expect(findPlaces('Ministers met in Lisbon and then in Palm Beach, Florida.').map((p) => p.key)).toEqual(['lisbon', 'palm-beach', 'florida']);
    expect(findPlaces('Central banks met on Monday.')).toEqual([]);
    expect(demonymPlace('Ukrainian')).toBe('ukraine');
    expect(demonymPlace('Russian')).toBe('russia');
    expect(demonymPlace('French')).toBe('france');
  });
});

describe('EvidenceIndex', () => {
  it('retrieves by place containment: the France sentence for a page that says Lyon', () => {
    const claim = 'European leaders will meet again in Lyon on Tuesday.';
    expect(entities.find(claim).some((e) => e.text === 'Lyon')).toBe(false);
    const hits = seeded().search(claim, { limit: 3 });
    expect(hits.map((h) => h.sentence).join(' | ')).toContain('expected in France on Tuesday');
  });
  it('retrieves a paraphrase with no corpus term in the page sentence', () => {
    const claim = 'The special envoy joined the session by video link, an official said.';
    expect(entities.find(claim)).toEqual([]);
    const hits = seeded().search(claim, { limit: 3 });
    expect(hits[0]!.sentence).toContain('participated virtually');
  });
  it('meets aliases and other spellings through dictionary terms (Kiev = Kyiv)', () => {
    const hits = seeded().search('Security advisers of Ukraine’s allies gathered in Kiev.', { limit: 5 });
    expect(hits.some((h) => h.reportId === ID.kyiv && h.sentence.includes('met in Kyiv on Monday'))).toBe(true);
  });
  it('boosts the hovered term and caps sentences per report', () => {
    const hits = seeded().search('Zelensky hopes for a summit in the United States.', { limit: 20, perReport: 2, boostTermId: 'united-states' });
    const per = new Map<string, number>();
    for (const h of hits) per.set(h.reportId, (per.get(h.reportId) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(2);
  });
  it('adds and removes one report incrementally', () => {
    const index = seeded();
    const size = index.size;
    const report = { id: 'user-1', title: 'Storm hits the coast', sentences: ['The hurricane came ashore near Porto on Wednesday.'], source: 'Gazette', author: null, date: '2026-11-04', dateline: null, origin: 'user' as const };
    index.add(report);
    expect(index.size).toBe(size + 1);
    expect(index.report('user-1')).toEqual(report); // what a popover shows, without reading the database
    expect(index.search('A hurricane made landfall close to Porto.', { limit: 1 })[0]?.reportId).toBe('user-1');
    index.remove('user-1');
    expect(index.report('user-1')).toBeUndefined();
    expect(index.has('user-1')).toBe(false);
    expect(index.search('A hurricane made landfall close to Porto.', { limit: 5 }).some((h) => h.reportId === 'user-1')).toBe(false);
  });
});
