import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import { Matcher } from '../../lib/match';
import { TokenAutomaton } from '../../lib/match/automaton';
import { ENGLISH_WORDS } from '../../lib/match/english-words';
import { FuzzyIndex } from '../../lib/match/fuzzy';
import { isEnglishWord, wordKind } from '../../lib/match/words';
import { splitSentences } from '../../lib/text';
import { syntheticTerms } from '../../scripts/synthetic-terms';
import { seedCorpusCompiled } from './corpus-fixture';

describe('TokenAutomaton', () => {
  const ac = new TokenAutomaton<string>();
  for (const p of ['a b c', 'b c d', 'c', 'b x']) ac.add(p.split(' '), p);
  const hits = (keys: string, joined = (_: number) => true) =>
    ac.scan(keys.split(' '), joined).map((h) => `${h.value}@${h.first}-${h.last}`);

  it('finds every phrase, overlapping ones through failure links', () => {
    expect(hits('a b c d')).toEqual(['a b c@0-2', 'c@2-2', 'b c d@1-3']);
    expect(hits('a b x c')).toEqual(['b x@1-2', 'c@3-3']);
    expect(hits('q r s')).toEqual([]);
  });
  it('lets no phrase span a gap that is not joined', () => {
    expect(hits('a b c d', (j) => j !== 2)).toEqual(['c@2-2']);
  });
});

describe('FuzzyIndex', () => {
  const index = new FuzzyIndex<string>();
  index.add('witkoff', 'witkoff-person');
  index.add('zelensky', 'zelensky-person');
  index.add('zelensky', 'zelensky-place');
  index.add('kharkiv', 'kharkiv');

  it('finds insertions, deletions, substitutions and transpositions', () => {
    expect(index.lookup('witkof', 1)?.item).toBe('witkoff-person');
    expect(index.lookup('witkofff', 1)?.item).toBe('witkoff-person');
    expect(index.lookup('witkoft', 1)?.item).toBe('witkoff-person');
    expect(index.lookup('zelenksy', 2)).toMatchObject({ word: 'zelensky', distance: 2 });
  });
  it('respects the distance, the first letter and the item filter', () => {
    expect(index.lookup('witkof', 0)).toBeNull();
    expect(index.lookup('kitkoff', 1)).toBeNull();
    expect(index.lookup('zelenskky', 1, (item) => item.endsWith('place'))?.item).toBe('zelensky-place');
    expect(index.lookup('kharkivv', 1, () => false)).toBeNull();
    expect(index.size).toBe(3);
  });
});

describe('English word list', () => {
  it('finds every word it holds, and nothing else', () => {
    let prev = '';
    const words: string[] = [];
    for (const m of ENGLISH_WORDS.matchAll(/\|?([0-S])([a-z]*)~?/g)) words.push((prev = prev.slice(0, m[1]!.charCodeAt(0) - 48) + m[2]));
    expect(words.length).toBeGreaterThan(30_000);
    expect(words.every(isEnglishWord)).toBe(true);
    expect(words.filter((w) => isEnglishWord(w + 'q') || isEnglishWord('q' + w)).length).toBeLessThan(10);
    expect(['american', 'parish', 'aachen', words.at(-1)!].every(isEnglishWord)).toBe(true);
    expect(['witkof', 'zelenskky', 'aaaaa', 'zzzzzz', ''].some(isEnglishWord)).toBe(false);
    expect(['latin', 'israeli', 'american'].map(wordKind)).toEqual(['proper', 'proper', 'proper']);
    expect(['watch', 'post', 'north', 'sale', 'go'].map(wordKind)).toEqual(['common', 'common', 'common', 'common', 'common']);
  });
});

describe('Matcher at 20,000 terms', () => {
  const corpusTerms = seedCorpusCompiled().terms;
  const small = new Matcher(syntheticTerms(corpusTerms, 100));
  const large = new Matcher(syntheticTerms(corpusTerms, 20_000));
  const ids = new Set(corpusTerms.map((t) => t.id));
  // The seed reports, and the same with misspelt names for the fuzzy path.
  const texts = readSeeds().flatMap((r) => splitSentences(r.text));
  const misspelt = texts.map((t) => t.replace(/Witkoff/g, 'Witkof').replace(/Zelensky/g, 'Zelenskky'));
  const corpusMentions = (m: Matcher, text: string) => m.find(text).filter((x) => ids.has(x.termId));

  it('finds the same corpus-term mentions as a 100-term dictionary', () => {
    expect(large.terms.size).toBe(20_000);
    let n = 0;
    for (const text of [...texts, ...misspelt]) {
      const expected = corpusMentions(small, text);
      n += expected.length;
      expect(corpusMentions(large, text), text).toEqual(expected);
    }
    expect(n).toBeGreaterThan(100);
    expect(misspelt.some((t) => small.find(t).some((m) => m.how === 'fuzzy'))).toBe(true);
  });
  it('can be built in slices with the same result', async () => {
    let pauses = 0;
    const sliced = await Matcher.create(syntheticTerms(corpusTerms, 20_000), {}, { sliceMs: 1, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(1);
    for (const text of misspelt.slice(0, 40)) expect(sliced.find(text)).toEqual(large.find(text));
  });
  it('matches its own generated names', () => {
    const person = syntheticTerms(corpusTerms, 20_000).findLast((t) => t.kind === 'person')!;
    expect(large.find(`Yesterday, ${person.label} said.`)).toEqual([
      expect.objectContaining({ termId: expect.any(String), text: person.label, how: 'exact' }),
    ]);
  });
});
