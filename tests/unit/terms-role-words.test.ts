/** Names any English news writes after a word that opens a sentence or names a kind (terms32): own sentences, no corpus text. */
import { describe, expect, it } from 'vitest';
import { capitalisedNames } from '../../lib/corpus/extract/names';
import { extractReportTerms, type Term } from '../../lib/corpus/terms';
import { Matcher } from '../../lib/match';

const names = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => n.name);

describe('names after a word that is no part of them', () => {
  it('a capitalised everyday word after the "The" that opens a sentence is a name ("The Guardian reported")', () => {
    expect(names('It was not confirmed. The Sentinel and the BBC both ran the story on Monday.')).toEqual(expect.arrayContaining(['Sentinel', 'BBC']));
    // (not where the text writes the word in lower case too, nor in a Title Case line)
    expect(names('The Sentinel said so. A sentinel stood at the gate.')).not.toContain('Sentinel');
    expect(names('The Sentinel Stands Watch Over Every Harbour\nShips came in.')).not.toContain('Sentinel');
  });
});

describe('a kind of person before a person\'s full name', () => {
  const people = (text: string) => extractReportTerms(text).entities.filter((e) => e.key.startsWith('p:')).flatMap((e) => e.forms.map(([f]) => f));
  it('is no part of the name ("Beatle John Lennon" → John Lennon)', () => {
    const got = people('The song was named after Yankee Derek Holt, fans said. Later Tory Margaret Quilty spoke.');
    expect(got).toEqual(expect.arrayContaining(['Derek Holt', 'Margaret Quilty']));
    expect(got.some((f) => /Yankee|Tory/.test(f))).toBe(false);
  });
  it('a given name before another stays ("Lee Harvey Oswald"), as do a place and a name ending in an everyday word', () => {
    expect(people('The gunman was Lee Harvey Oswald, police said.')).toContain('Lee Harvey Oswald');
    expect(people('Later Trent Reznor studied at Nottingham Trent University.')).toContain('Nottingham Trent University');
    expect(people('She played Super Mario Run all day, Mario Run being new.')).toContain('Super Mario Run');
  });
  it('the matcher marks the person\'s name after such a word, not a longer name\'s end', () => {
    const m = new Matcher([{ id: 'derek-holt', label: 'Derek Holt', kind: 'person', aliases: ['Holt'] }, { id: 'post', label: 'Post', kind: 'organization', aliases: [] }] as Term[]);
    expect(m.find('It was named after Yankee Derek Holt by fans.').map((x) => x.text)).toEqual(['Derek Holt']);
    expect(m.find('said Republican Derek Holt.').map((x) => x.text)).toEqual(['Derek Holt']);
    expect(m.find('She reads the Washington Post daily.').map((x) => x.text)).toEqual([]);
  });
});

describe('names written as words: in capitals, or as a site\'s address', () => {
  it('an everyday word in capitals after a kind of institution is its name ("the rights group CAGE"); shouted elsewhere it is none', () => {
    const got = names('Omar Reyes, a director at the advocacy group TORCH, spoke. He was NOT pleased. The band MOTH played. Get FREE tickets.');
    expect(got).toEqual(expect.arrayContaining(['TORCH', 'MOTH']));
    expect(got).not.toContain('NOT');
    expect(got).not.toContain('FREE');
  });
  it('a site named by one everyday word keeps its address ("a Golf.com report"); others are called by their name', () => {
    const got = names('He disputed a Harbour.com report. It also ran on Snopes.com on Monday.');
    expect(got).toEqual(expect.arrayContaining(['Harbour.com', 'Snopes']));
    expect(got).not.toContain('Harbour');
  });
});

describe('"to" inside an institution\'s name', () => {
  it('joins the name whose acronym the text writes ("Society for Prevention of Cruelty to Animals (SPCA)")', () => {
    expect(names('The Welsh Society for Protection of Rivers to Wetlands (SPRW) said so.')).toContain('Welsh Society for Protection of Rivers to Wetlands');
    expect(names('The League to Save Lakes spoke. The LSL has 400 members.')).toContain('League to Save Lakes');
  });
  it('and so does "and the" ("Islamic State of Iraq and the Levant … ISIL"); two names stay two where no acronym spells them', () => {
    expect(names('Fighters of the Union of Farmers and the Hills left. The UFH said so.')).toContain('Union of Farmers and the Hills');
    expect(names('The Bank of England and the Fed met on Monday.')).toEqual(expect.arrayContaining(['Bank of England', 'Fed']));
  });
  it('joins no two names where no acronym spells them ("the Institute of Art to Paris")', () => {
    expect(names('He sent the Institute of Art to Paris on Monday.')).not.toContain('Institute of Art to Paris');
  });
});

describe('a word of two parts written hyphenated and spaced', () => {
  const phrases = (text: string) => extractReportTerms(text).phrases.flatMap((e) => e.forms.map(([f]) => f));
  it('is a compound that names a thing ("hip-hop" and "Hip Hop")', () => {
    expect(phrases('The rise of swing-pop changed radio. Fans of Swing Pop gathered in the park.')).toContain('swing-pop');
  });
  it('not a verb and its particle, a span, or a word written only hyphenated', () => {
    const got = phrases('The cover-up was bad, but they would cover up more. A long-term plan for the long term. A swing-pop song played.');
    for (const w of ['cover-up', 'long-term', 'swing-pop']) expect(got).not.toContain(w);
  });
});
