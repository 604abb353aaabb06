import { describe, expect, it } from 'vitest';
import { Matcher, editDistance } from '../../lib/match';
import { seedCorpusCompiled } from './corpus-fixture';

const matcher = new Matcher(seedCorpusCompiled().terms);
const found = (text: string) => matcher.find(text).map((m) => [m.text, m.termId, m.how]);

describe('Matcher', () => {
  it('matches exact labels, aliases and transliterations', () => {
    expect(found('Volodymyr Zelenskyy met Zelenskiy and Zelensky in Kyiv.')).toEqual([
      ['Volodymyr Zelenskyy', 'volodymyr-zelensky', 'alias'],
      ['Zelenskiy', 'volodymyr-zelensky', 'alias'],
      ['Zelensky', 'volodymyr-zelensky', 'alias'],
      ['Kyiv', 'kyiv', 'exact'],
    ]);
  });
  it('matches the longest phrase and possessives', () => {
    expect(found('Steve Witkoff’s visit')).toEqual([['Steve Witkoff’s', 'steve-witkoff', 'exact']]);
    expect(found('U.S. security guarantee')).toEqual([
      ['U.S.', 'united-states', 'alias'],
      ['security guarantee', 'security-guarantees', 'alias'],
    ]);
  });
  it('matches misspellings fuzzily', () => {
    expect(found('envoy Witkof said')).toEqual([['Witkof', 'steve-witkoff', 'fuzzy']]);
    expect(found('President Zelenskky said')).toEqual([['Zelenskky', 'volodymyr-zelensky', 'fuzzy']]);
  });
  it('respects case for acronyms and names', () => {
    expect(found('let us go to the US')).toEqual([['US', 'united-states', 'alias']]);
    expect(found('a trump card in washington')).toEqual([]);
  });
  it('never marks generic words alone', () => {
    expect(found('The guarantees and security of the talks, the war and the president.')).toEqual([]);
    expect(found('Franco and Frank visited Parish hall.')).toEqual([]);
  });
  it('computes edit distance with a cap', () => {
    expect(editDistance('witkof', 'witkoff')).toBe(1);
    expect(editDistance('abc', 'xyzxyzxyz', 2)).toBe(3);
  });
});
