import { describe, expect, it } from 'vitest';
import { EvidenceIndex } from '../../lib/evidence';
import { judgeReports, judgedSearch, OTHER_EVENT_CLOSENESS, RELATED_CLOSENESS } from '../../lib/evidence/judged';
import type { EntityLookup } from '../../lib/stance/claims';
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

describe('the judged budget keeps places for the hovered term (judgedSearch)', () => {
  const aurora: EntityLookup = {
    find: (text) => (text.includes('Aurora Mine') ? [{ id: 'aurora-mine', kind: 'organization', text: 'Aurora Mine', start: text.indexOf('Aurora Mine') }] : []),
  };
  const index = new EvidenceIndex(aurora);
  for (let k = 0; k < 30; k++) {
    index.add({ id: `flood-${k}`, origin: 'user', title: null, sentences: [`Heavy rains flooded the valley road near the river bridge on Monday, officials said (${k}).`] } as never, []);
  }
  for (let k = 0; k < 40; k++) {
    index.add({ id: `output-${k}`, origin: 'user', title: null, sentences: [`The Aurora Mine reported record output in March (${k}).`] } as never, [{ termId: 'aurora-mine', sentence: 0 }]);
  }
  index.add({ id: 'mine', origin: 'user', title: null, sentences: ['Work at the Aurora Mine went on despite the rains.'] } as never, [{ termId: 'aurora-mine', sentence: 0 }]);
  const claim = 'Heavy rains flooded the valley road near the Aurora Mine on Monday.';
  it('without a reserve the best-ranked fill the budget; with it the term’s own sentence is judged', () => {
    expect(index.search(claim, { limit: 6, boostTermId: 'aurora-mine', perReport: 3 }).some((h) => h.reportId === 'mine')).toBe(false);
    expect(index.search(claim, { limit: 6, boostTermId: 'aurora-mine', perReport: 3, reserve: 1 }).some((h) => h.reportId === 'mine')).toBe(true);
    expect(judgedSearch('aurora-mine')).toMatchObject({ boostTermId: 'aurora-mine', reserve: 2 });
    expect(judgeReports(index, claim, aurora, { termId: 'aurora-mine' }).some((j) => j.report.id === 'mine')).toBe(true);
  });
});

describe('a related report not naming the hovered term is listed by its closeness in words (RELATED_CLOSENESS)', () => {
  const none: EntityLookup = { find: () => [] };
  const claim = 'Heavy rains flooded the valley road near the old river bridge on Monday.';
  const listed = (sentence: string) => {
    const index = new EvidenceIndex(none);
    index.add({ id: 'r', origin: 'user', title: null, sentences: [sentence] } as never, []);
    return judgeReports(index, claim, none).map((j) => j.judgement.verdict);
  };
  it('a fifth of the claim’s words in its closest sentence lists it as related; fewer do not', () => {
    expect(RELATED_CLOSENESS).toBe(0.2);
    expect(listed('Engineers inspected the old bridge for damage after the storm.')).toEqual(['related']);
    expect(listed('The valley road reopened on Tuesday after crews cleared mud and fallen trees from it.')).toEqual(['related']);
    expect(listed('Farmers in the valley counted their losses.')).toEqual([]);
  });
  it('but three tenths when that sentence names the claim’s places at another event (another story there)', () => {
    const place: EntityLookup = { find: (t) => (t.includes('Eastmere') ? [{ id: 'eastmere', kind: 'place', text: 'Eastmere', start: t.indexOf('Eastmere') }] : []) };
    const near = 'Heavy rains flooded the valley road near Eastmere on Monday.';
    const at = (sentence: string) => {
      const index = new EvidenceIndex(place);
      index.add({ id: 'r', origin: 'user', title: null, sentences: [sentence] } as never, []);
      return judgeReports(index, near, place).map((j) => j.judgement.verdict);
    };
    expect(OTHER_EVENT_CLOSENESS).toBe(0.3);
    // Dice 0.27 and 0.29, both naming Eastmere at another event: not listed
    expect(at('The Eastmere council repaired the valley bridge last year.')).toEqual([]);
    expect(at('On Monday the Eastmere council met to discuss parking.')).toEqual([]);
    // 0.31: listed, as related
    expect(at('Eastmere police closed the road for a parade.')).toEqual(['related']);
  });
});
