import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/match';
import { entityLookup, judge } from '../../lib/stance';
import { compareClaims, placesCompatible, titlesConflict } from '../../lib/stance/claims';
import { fncReport, parseCsv, readStances } from '../../lib/stance/fnc';
import { LABELS, packMlp, predictProbs, unpackMlp, type Mlp } from '../../lib/stance/mlp';
import { stanceModel } from '../../lib/stance/model';
import { ID, seedCorpusCompiled } from './corpus-fixture';

const corpus = seedCorpusCompiled();
const entities = entityLookup(new Matcher(corpus.terms));
const report = (id: string) => corpus.reports.find((r) => r.id === id)!;
const judgeFor = (claim: string, termLabel: string, reportId: string) => {
  const term = corpus.terms.find((t) => t.label === termLabel)!;
  const refs = corpus.mentions.filter((m) => m.termId === term.id && m.reportId === reportId).map((m) => m.sentence);
  return judge(claim, report(reportId), refs, entities);
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

describe('shipped stance model', () => {
  const model = stanceModel();
  it('is within the size budget and was scored on a held-out split', async () => {
    const { statSync, readFileSync } = await import('node:fs');
    const path = new URL('../../lib/stance/model.json', import.meta.url);
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
  it('conflict: how Trump is titled (former vs sitting president)', () => {
    const j = judgeFor('Former U.S. President Donald Trump told reporters he was not thrilled with Putin.', 'Donald Trump', ID.washington);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toMatch(/title/);
    expect(j.sentence).toContain('U.S. President Donald Trump');
  });
  it('conflict: whether Washington confirmed a leaders’ meeting', () => {
    const j = judgeFor('Washington has not yet publicly confirmed plans for a leaders’ meeting.', 'Washington', ID.washington);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toMatch(/negation|confirm/);
    const same = judgeFor('Washington has not yet publicly confirmed plans for a leaders’ meeting.', 'Washington', ID.faceToFace);
    expect(same.verdict).toBe('corroborates');
    expect(same.reason).toMatch(/not been confirmed/);
  });
  it('corroboration: summit in the United States by the end of January', () => {
    const j = judgeFor('Ukraine hopes to hold a leaders’ summit in the United States by the end of January.', 'United States', ID.kyiv);
    expect(j.verdict).toBe('corroborates');
    expect(j.reason).toMatch(/end january/);
  });
  it('corroboration: European leaders meeting in Paris / France', () => {
    const fromKyivReport = report(ID.kyiv).sentences.find((s) => s.includes('European leaders is expected in France'))!;
    const j = judgeFor(fromKyivReport, 'European leaders', ID.summit);
    expect(j.verdict).toBe('corroborates');
    expect(j.reason).toMatch(/France \/ Paris|Paris/);
  });
  it('conflict: a differing number', () => {
    const j = judgeFor('Advisers from 12 countries discussed security guarantees.', 'security guarantees', ID.summit);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toContain('18 countries');
  });
  it('tells contradictory titles from titles that only leave out the country', () => {
    expect(titlesConflict('former U.S. President', 'U.S. President')).toBe(true);
    expect(titlesConflict('U.S. President', 'Ukrainian President')).toBe(true);
    expect(titlesConflict('U.S. special envoy', 'President')).toBe(true);
    expect(titlesConflict('Ukrainian President', 'President')).toBe(false);
    expect(titlesConflict('U.S. President', 'President')).toBe(false);
    const j = judgeFor('Ukrainian President Volodymyr Zelenskiy said Ukraine hopes to hold a summit.', 'Volodymyr Zelensky', ID.faceToFace);
    expect(j.verdict).not.toBe('conflicts');
  });
  it('knows that Paris is in France and not in Germany', () => {
    expect(placesCompatible('paris', 'france')).toBe(true);
    expect(placesCompatible('france', 'paris')).toBe(true);
    expect(placesCompatible('paris', 'germany')).toBe(false);
  });
  it('reads negation: "has not confirmed" vs "confirmed"', () => {
    const c = compareClaims(
      'Officials in Washington have not confirmed the leaders meeting in Paris.',
      'Officials in Washington confirmed the leaders meeting in Paris.',
      entities,
    );
    expect(c.conflicts.join(' ')).toMatch(/negation/);
  });
});
