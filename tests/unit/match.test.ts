import { describe, expect, it } from 'vitest';
import type { Term } from '../../lib/corpus/terms';
import { Matcher, editDistance, tokenKey } from '../../lib/match';
import { isEnglishWord } from '../../lib/match/words';
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
  it('reads a name after a French elided article ("l\'Assemblée", "qu’Amazon"), not an English name\'s own apostrophe', () => {
    const m = new Matcher([
      { id: 'assemblee', label: 'Assemblée', kind: 'organization', aliases: [] },
      { id: 'amazon', label: 'Amazon', kind: 'organization', aliases: [] },
      { id: 'obrien', label: "O'Brien", kind: 'person', aliases: [] },
    ]);
    expect(m.find("Le vote à l'Assemblée et à l’Assemblée, ce qu’Amazon dit, et O'Brien.").map((x) => x.text)).toEqual(['Assemblée', 'Assemblée', 'Amazon', "O'Brien"]);
  });
  it('reads a name with a full stop inside it before a lower-case word ("Will.i.am", "Snopes.com"), not across a run-on sentence', () => {
    const m = new Matcher([
      { id: 'quill', label: 'Quill.i.am', kind: 'person', aliases: [] },
      { id: 'fablemart', label: 'Fablemart.com', kind: 'organization', aliases: [] },
      { id: 'linden', label: 'Linden Hall', kind: 'place', aliases: [] },
    ]);
    expect(m.find('The singer Quill.i.am said Fablemart.com sold out.').map((x) => x.text)).toEqual(['Quill.i.am', 'Fablemart.com']);
    expect(m.find('The fire reached Linden.Hall staff fled.')).toEqual([]);
  });
  it('computes edit distance with a cap', () => {
    expect(editDistance('witkof', 'witkoff')).toBe(1);
    expect(editDistance('abc', 'xyzxyzxyz', 2)).toBe(3);
  });
});

describe('Matcher precision', () => {
  it('reads words named like Object.prototype members as words', () => {
    expect(found('The constructor and the hasOwnProperty of Kyiv.')).toEqual([['Kyiv', 'kyiv', 'exact']]);
  });
  it('never reads a known English word as a misspelt name', () => {
    expect(found('Americans and African-American voters, American officials and the Americas.')).toEqual([]);
    expect(found('Venezuelan officials met Germans and Russians.')).toEqual([]);
    expect(found('The Tramp, a constructor of sets, met Witkof in Kyiv.')).toEqual([
      ['Witkof', 'steve-witkoff', 'fuzzy'],
      ['Kyiv', 'kyiv', 'exact'],
    ]);
    expect(isEnglishWord(tokenKey('Americans'))).toBe(true);
    expect(isEnglishWord(tokenKey('Witkof'))).toBe(false);
  });
  it('never marks a term inside a longer proper name', () => {
    expect(found('Latin America and North America trade.')).toEqual([]);
    expect(found('The Washington Post reported it first.')).toEqual([]);
    expect(found('Agence France-Presse said so.')).toEqual([]);
    expect(found('THE WASHINGTON POST')).toEqual([]);
    expect(found('the Kyiv Independent and the Moscow Times')).toEqual([]);
    expect(found('Melania Trump spoke.')).toEqual([]);
  });
  it('still marks names beside titles, times, other names and lower-case words', () => {
    expect(found('President Donald Trump met Ukrainian President Volodymyr Zelensky in Washington on Monday.')).toEqual([
      ['Donald Trump', 'donald-trump', 'exact'],
      ['Volodymyr Zelensky', 'volodymyr-zelensky', 'exact'],
      ['Washington', 'washington', 'exact'],
    ]);
    expect(found('US President Donald Trump spoke of the Russia-Ukraine war, in Washington Monday.')).toEqual([
      ['US', 'united-states', 'alias'],
      ['Donald Trump', 'donald-trump', 'exact'],
      ['Russia', 'russia', 'exact'],
      ['Ukraine', 'ukraine', 'exact'],
      ['Washington', 'washington', 'exact'],
    ]);
    expect(found('the U.S. Embassy, strained U.S.-Israeli relations and United States Embassies')).toEqual([
      ['U.S.', 'united-states', 'alias'],
      ['U.S.', 'united-states', 'alias'],
      ['United States', 'united-states', 'exact'],
    ]);
    expect(found('In Washington, Trump’s aides and Washington-based analysts met.')).toEqual([
      ['Washington', 'washington', 'exact'],
      ['Trump’s', 'donald-trump', 'alias'],
      ['Washington', 'washington', 'exact'],
    ]);
  });
  it('in headlines and at sentence starts, a common capitalised word does not extend a name', () => {
    expect(found('Trump Tweet About L. L. Bean Underscores a Risk')).toEqual([['Trump', 'donald-trump', 'alias']]);
    expect(found('Mediator: As Trump Berates News Media, a New Strategy')).toEqual([['Trump', 'donald-trump', 'alias']]);
    expect(found("'That's a big bird': Watch Donald Trump pardon a turkey")).toEqual([['Donald Trump', 'donald-trump', 'exact']]);
    expect(found('Washington Post Reporters Win Award')).toEqual([]);
    expect(found('Latin America Braces For Storms')).toEqual([]);
    expect(found('Latin America is braced for storms.')).toEqual([]);
  });
  it('matches a person by full name or surname, and a given name joins a surname mark', () => {
    expect(found('Steve Witkof said')).toEqual([['Steve Witkof', 'steve-witkoff', 'fuzzy']]);
    expect(found('Witkoff said')).toEqual([['Witkoff', 'steve-witkoff', 'alias']]);
    expect(found('Donald J. Trump said')).toEqual([['Donald J. Trump', 'donald-trump', 'alias']]);
    expect(found('Mr Witkof said')).toEqual([['Witkof', 'steve-witkoff', 'fuzzy']]);
  });
  it('never marks a lower-case single word; lower-case phrases only for topics', () => {
    const terms: Term[] = [
      { id: 'sanctions', kind: 'topic', label: 'sanctions', aliases: [] },
      { id: 'grain-deal', kind: 'topic', label: 'grain deal', aliases: [] },
      { id: 'texas', kind: 'place', label: 'Texas', aliases: [] },
      { id: 'mal', kind: 'place', label: 'Mar-a-Lago', aliases: [] },
    ];
    const m = new Matcher(terms);
    const f = (t: string) => m.find(t).map((x) => x.text);
    expect(f('sanctions on texas')).toEqual([]);
    expect(f('Sanctions on Texas and the grain deal, at Mar-a-Lago.')).toEqual(['Texas', 'grain deal', 'Mar-a-Lago']);
  });
  it('keeps acronyms case-sensitive', () => {
    expect(found('us and Us, then U.S. and NATO and Nato')).toEqual([
      ['U.S.', 'united-states', 'alias'],
      ['NATO', 'nato', 'exact'],
      ['Nato', 'nato', 'exact'],
    ]);
  });
  it('can be told to find only some kinds of terms', () => {
    const names = new Matcher(seedCorpusCompiled().terms, { kinds: ['person'] });
    expect(names.find('Putin and the security guarantees in Kyiv').map((m) => m.text)).toEqual(['Putin']);
    expect(names.terms.get('kyiv')?.label).toBe('Kyiv');
  });
  it('can be told not to look for misspellings', () => {
    expect(new Matcher(seedCorpusCompiled().terms, { fuzzy: false }).find('Steve Witkof said')).toEqual([]);
  });
});
