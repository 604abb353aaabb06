import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/match';
import { EvidenceIndex } from '../../lib/evidence';
import { entityLookup, judge } from '../../lib/stance';
import { compareClaims, titlesConflict } from '../../lib/stance/claims';
import { weekdayOf } from '../../lib/stance/frame';
import { PAIRS } from '../claims/pairs';
import { fncReport, parseCsv, readStances } from '../../scripts/fnc';
import { LABELS, packMlp, predictProbs, unpackMlp, type Mlp } from '../../scripts/stance-model/mlp';
import { stanceModel } from '../../scripts/stance-model/model';
import { ID, seedCorpusCompiled } from './corpus-fixture';

const corpus = seedCorpusCompiled();
const entities = entityLookup(new Matcher(corpus.terms));
const report = (id: string) => corpus.reports.find((r) => r.id === id)!;
const index = new EvidenceIndex(entities);
for (const r of corpus.reports) index.add(r, corpus.index.find((row) => row.reportId === r.id)!.mentions);
/** judge a report as explain does: through the sentences retrieved for the claim */
const judgeFor = (claim: string, termId: string, reportId: string) => {
  const candidates = index.search(claim, { limit: 60, boostTermId: termId, perReport: 3 }).filter((h) => h.reportId === reportId).map((h) => h.sentenceIndex);
  return judge(claim, report(reportId), candidates, entities);
};

describe('FNC-1 metric', () => {
  it('scores like the official scorer', () => {
    const gold = ['agree', 'unrelated', 'discuss', 'disagree'] as const;
    const perfect = fncReport([...gold], [...gold]);
    expect(perfect.relativeScore).toBe(100);
    expect(perfect.macroF1).toBe(1);
    // right related/unrelated call but wrong stance: 0.25 of 1.0; unrelated correct: 0.25 of 0.25
    const r = fncReport([...gold], ['discuss', 'unrelated', 'agree', 'unrelated']);
    expect(r.score).toBe(0.25 + 0.25 + 0.25 + 0);
    expect(r.maxScore).toBe(3.25);
    expect(r.confusion[LABELS.indexOf('disagree')]![LABELS.indexOf('unrelated')]).toBe(1);
  });
  it('parses quoted CSV with newlines and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",2\n')).toEqual([['a', 'b'], ['x, "y"\nz', '2']]);
    expect(readStances('Headline,Body ID,Stance\nHi,1,agree\n')).toEqual([{ headline: 'Hi', bodyId: '1', stance: 'agree' }]);
  });
});

describe('MLP packing', () => {
  it('round-trips through int8 quantisation with small error', () => {
    const m: Mlp = { inputSize: 3, hidden: 2, w1: Float32Array.from([0.5, -1, 0.25, 0.75, -0.1, 0]), b1: Float32Array.from([0.1, 0]), w2: Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0]), b2: new Float32Array(4) };
    const packed = { format: 'crosscheck-stance-mlp/1' as const, trainedOn: 'test', vocab: { terms: [], idf: [] }, ...packMlp(m) };
    const back = unpackMlp(packed);
    for (let i = 0; i < m.w1.length; i++) expect(Math.abs(back.w1[i]! - m.w1[i]!)).toBeLessThan(0.01);
    const x = { idx: Int32Array.from([0, 2]), val: Float32Array.from([1, 1]) };
    const p = predictProbs(back, x);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});

describe('FNC-1 stance model (scripts/stance-model, not shipped)', () => {
  const model = stanceModel();
  it('is within the size budget and was scored on a held-out split', async () => {
    const { statSync, readFileSync } = await import('node:fs');
    const path = new URL('../../scripts/stance-model/model.json', import.meta.url);
    expect(statSync(path).size).toBeLessThan(3 * 1024 * 1024);
    const dev = JSON.parse(readFileSync(path, 'utf8')).dev;
    expect(dev.fnc).toBeGreaterThan(83);
    expect(dev.macroF1).toBeGreaterThan(0.65);
  });
  it('tells a related report from an unrelated one', () => {
    const body = report(ID.kyiv);
    const text = [body.title, body.text].join('\n\n');
    const related = model.classify('Ukraine hopes for a leaders summit in the United States by the end of January', body.id, text);
    const unrelated = model.classify('Apple unveils a new smartwatch with a longer battery life', body.id, text);
    expect(related.label).not.toBe('unrelated');
    expect(unrelated.label).toBe('unrelated');
  });
});

describe('claim comparison on the seed corpus', () => {
  it('conflict: how Trump is titled (former vs sitting president), pointing at both titles', () => {
    const j = judgeFor('Former U.S. President Donald Trump will host European and NATO leaders in Washington.', 'donald-trump', ID.washington);
    expect(j.verdict).toBe('conflicts');
    expect(j.parts?.page).toMatch(/Former U\.S\. President/);
    expect(j.parts?.report).toMatch(/^U\.S\. President/);
    expect(j.sentence).toContain('U.S. President Donald Trump');
  });
  it('conflict: whether Washington confirmed a leaders’ meeting; agreement when both say not confirmed', () => {
    const j = judgeFor('Washington has confirmed plans for a leaders’ meeting with Zelensky.', 'washington', ID.summit);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toMatch(/not confirmed/);
    const same = judgeFor('The U.S. government has yet to publicly confirm any plans for a summit of leaders.', 'united-states', ID.summit);
    expect(same.verdict).toBe('corroborates');
    expect(same.reason).toMatch(/not confirmed/);
  });
  it('conflict: a different day for the same meeting in Kyiv, in plain words', () => {
    const j = judgeFor('Security advisers from Ukraine’s allies met in Kyiv on Saturday to push the peace plan.', 'kyiv', ID.kyiv);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toBe('This page: “Saturday”. The report: “Monday” — the same meeting in Kyiv.');
  });
  it('conflict: a different count, found in a report sentence that does not name the hovered term', () => {
    const j = judgeFor('Zelensky said advisers from 15 countries took part in the talks.', 'volodymyr-zelensky', ID.summit);
    expect(j.verdict).toBe('conflicts');
    expect(j.parts).toMatchObject({ page: '15 countries', report: '18 countries' });
  });
  it('corroboration: Paris on the page, France in the report', () => {
    const j = judgeFor('European leaders will hold a follow-up meeting in Paris on Tuesday, Kyiv said.', 'kyiv', ID.kyiv);
    expect(j.verdict).toBe('corroborates');
    expect(j.sentence).toContain('France');
  });
  it('no false conflict from negation scope (issue 6, kind 3)', () => {
    expect(compareClaims('The agency assessed that no attack had taken place at the residence.', 'U.S. national security officials concluded Ukraine did not target Putin or one of his residences in a drone strike.', entities).verdict).not.toBe('conflicts');
    expect(compareClaims('Asked whether Maduro came up in the call with Putin, Trump said it had not.', 'Trump said he did not discuss Maduro with Putin during a phone call on Monday.', entities).verdict).not.toBe('conflicts');
  });
  it('two sayings on other days about other things are two statements: related, neither conflict nor corroboration', () => {
    const none = { find: () => [] };
    const page = 'Officials in Valdera said on Monday that talks with the dock union had stalled.';
    expect(compareClaims(page, 'Officials in Valdera said on Tuesday that no new cases of the fever had been found.', none).verdict).toBe('related');
    expect(compareClaims('Officials in Valdera said on Monday that four people were killed after talks stalled.', '(Valdera Wire) - No suspected cases of fever have been found in Valdera, health officials said on Tuesday.', none).verdict).toBe('related');
    // the same statement reported with another day is still a conflict
    expect(compareClaims(page, 'Officials in Valdera said on Thursday that talks with the dock union had stalled.', none)).toMatchObject({ verdict: 'conflicts', reason: expect.stringMatching(/Monday.*Thursday/) });
  });
  it('counts of one story on different verbs are different facts, not a conflict (event alignment)', () => {
    const none = { find: () => [] };
    expect(compareClaims('The school took 28 pupils on a five-day trip to the capital.', 'Seven pupils fell ill after the five-day trip to the capital.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('Ten people were injured when the bus overturned on the motorway.', 'Police said 14 people were hurt when the bus overturned on the motorway.', none).verdict).toBe('conflicts');
  });
  it('a figure the report gives otherwise is no corroboration, even where no conflict is shown', () => {
    const none = { find: () => [] };
    // the counts hang on different verbs (no conflict shown), but the page's 28 is not what the report says
    expect(compareClaims('The school took 28 pupils on the trip to the capital on Monday.', 'On Monday the school trip to the capital ended early after seven pupils fell ill.', none).verdict).toBe('related');
    expect(compareClaims('The school took 28 pupils on the trip to the capital on Monday.', 'On Monday the school took 28 pupils on a trip to the capital.', none).verdict).toBe('corroborates');
  });
  it('a differing year far from the shared event is not the event’s date', () => {
    const none = { find: () => [] };
    const page = 'Since taking charge of the militia in 2008, the commander has turned it from a local gang into a feared regional force, and last year it killed at least 40 people in a raid on a market.';
    const report = 'The militia carried out a raid on a bus depot in 2011 that killed 12 people.';
    expect(compareClaims(page, report, none).verdict).not.toBe('conflicts');
    expect(compareClaims('The storm killed three people in 2011.', 'The storm killed three people in 2012.', none).verdict).toBe('conflicts');
  });
  it('a generic description is no title: “the Trump administration’s leader” vs “President”', () => {
    expect(titlesConflict('leader', 'President')).toBe(false);
    expect(titlesConflict('US President', 'former U.S. President')).toBe(true);
    expect(compareClaims('US President Donald Trump – who spoke with Putin on Monday – said he was not thrilled.', 'Former U.S. President Donald Trump told reporters he was “not thrilled with Putin”.', entities).verdict).toBe('conflicts');
  });
  it('tells contradictory titles from titles that only leave out the country', () => {
    expect(titlesConflict('former U.S. President', 'U.S. President')).toBe(true);
    expect(titlesConflict('U.S. President', 'Ukrainian President')).toBe(true);
    expect(titlesConflict('U.S. special envoy', 'President')).toBe(true);
    expect(titlesConflict('Ukrainian President', 'President')).toBe(false);
    expect(titlesConflict('U.S. President', 'President')).toBe(false);
  });
  it('a shared place alone is no corroboration (issue 6, kind 6)', () => {
    expect(compareClaims('Paris will host the fashion week from Monday.', 'Next week, the talks will continue during a European leaders’ meeting in Paris.', entities).verdict).toBe('related');
    expect(compareClaims('The United States added 150,000 jobs in March, the Labor Department said.', 'The United States remains Ukraine’s most important military and political backer.', entities).verdict).toBe('related');
  });
  it('a report giving a claim and its denial is disputed, with both sides', () => {
    const j = judgeFor('Ukraine launched drones at a residence of Vladimir Putin, Moscow said.', 'vladimir-putin', ID.kyiv);
    expect(j.verdict).toBe('disputed');
    expect(j.sides?.claim).toMatch(/Moscow also claimed/);
    expect(j.sides?.denial).toMatch(/Kyiv denied/);
  });
  it('checks a weekday against a calendar date when the year is known', () => {
    const page = 'Security advisers met in Kyiv on January 5 to push the peace plan.';
    const report = 'Security advisers from Ukraine’s key allies met in Kyiv on Saturday to push a U.S.-brokered plan.';
    expect(compareClaims(page, report, entities, { pageYear: 2026 }).verdict).toBe('conflicts'); // 5 January 2026 was a Monday
    expect(compareClaims(page, report, entities, { pageYear: 2030 }).verdict).not.toBe('conflicts'); // 5 January 2030 is a Saturday
    expect(weekdayOf(2026, 0, 5)).toBe('monday');
  });
  it('reads approximations: “roughly 20 percent” = “about 20%”, “nearly 30” ≈ 28', () => {
    expect(compareClaims('Russia occupies roughly 20 percent of Ukraine’s territory.', 'Russia still occupies about 20% of Ukrainian territory.', entities).verdict).toBe('corroborates');
    expect(compareClaims('Russia occupies roughly 30 percent of Ukraine’s territory.', 'Russia still occupies about 20% of Ukrainian territory.', entities).verdict).toBe('conflicts');
  });
});

describe('labelled pairs (tests/claims/pairs.ts)', () => {
  it('holds at least 250 pairs of each kind the issue asks for', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(250);
    for (const v of ['conflicts', 'corroborates', 'related'] as const) expect(PAIRS.filter((p) => p.expected === v).length).toBeGreaterThanOrEqual(70);
    for (const k of ['number', 'day', 'date', 'title', 'polarity', 'confirm', 'place', 'attribution']) expect(PAIRS.some((p) => p.expected === 'conflicts' && p.kind === k)).toBe(true);
  });
  it('meets the issue’s targets: accuracy ≥ 0.9, conflict precision ≥ 0.95', () => {
    const got = PAIRS.map((p) => ({ expected: p.expected, got: compareClaims(p.page, p.report, entities).verdict }));
    const accuracy = got.filter((g) => g.got === g.expected).length / got.length;
    const shown = got.filter((g) => g.got === 'conflicts');
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(shown.filter((g) => g.expected === 'conflicts').length / shown.length).toBeGreaterThanOrEqual(0.95);
  });
});
