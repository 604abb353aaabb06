/** Names any English news writes with an Arabic article or with an institution's word after "and" (terms33): own sentences, no corpus text. */
import { describe, expect, it } from 'vitest';
import { capitalisedNames } from '../../lib/corpus/extract/names';
import { cleanName, extractReportTerms, type Term } from '../../lib/corpus/terms';
import { Matcher } from '../../lib/match';

const names = (text: string) => capitalisedNames(text, new Map(), new Set(['hamid'])).map((n) => n.name);

describe('a particle joined by a hyphen to a name', () => {
  it('stays inside a person\'s name as the tagger gives it ("Nuri al-Maliki")', () => {
    expect(cleanName('Hamid al-Rashidi')).toBe('Hamid al-Rashidi');
    expect(cleanName('Omar bin-Talal')).toBe('Omar bin-Talal');
    // (a particle opening the tagger's name is no person's: the capitals read "al-Rashidi Front" whole)
    expect(cleanName('al-Rashidi')).toBe('');
  });
  it('is read whole by capitals, the particle\'s letters not repeated from inside the surname ("al" of "Maliki")', () => {
    expect(names('The former minister Hamid al-Malaki spoke on Sunday.')).toContain('Hamid al-Malaki');
    expect(names('The former minister Hamid al-Malaki spoke on Sunday.').some((n) => /al-Mal-/.test(n))).toBe(false);
  });
  it('one person across a report, by full name and surname', () => {
    const people = extractReportTerms('The former minister Hamid al-Rashidi spoke on Sunday. Later al-Rashidi said the talks had failed.').entities.filter((e) => e.key.startsWith('p:'));
    expect(people.flatMap((e) => e.forms.map(([f]) => f))).toContain('Hamid al-Rashidi');
  });
  it('the matcher marks a name that opens with an Arabic article in lower case ("al-Qaeda"), not the article alone', () => {
    const m = new Matcher([{ id: 'al-rashidi-front', label: 'al-Rashidi Front', kind: 'organization', aliases: [] }, { id: 'hamid-al-rashidi', label: 'Hamid al-Rashidi', kind: 'person', aliases: ['al-Rashidi'] }] as Term[]);
    expect(m.find('Fighters of the al-Rashidi Front took the town.').map((x) => x.text)).toEqual(['al-Rashidi Front']);
    expect(m.find('Later al-Rashidi said the talks had failed.').map((x) => x.text)).toEqual(['al-Rashidi']);
    // (written with a space it is the same name; in lower case throughout, none)
    expect(m.find('It was al Rashidi Front land, al rashidi front said.').map((x) => x.text)).toEqual(['al Rashidi Front']);
  });
});

describe('"and" inside an institution\'s name that ends in its kind', () => {
  it('joins a consortium, a coalition, an alliance ("X Research and Y Consortium")', () => {
    expect(names('Analysts at the Maritime Research and Shipping Consortium said the route was closed.')).toContain('Maritime Research and Shipping Consortium');
    expect(names('A spokesman for the Farmers and Growers Alliance disagreed.')).toContain('Farmers and Growers Alliance');
    // (two names joined by "and" that end in no institution's word stay two)
    expect(names('Officials in Kenya and Uganda disagreed.')).toEqual(expect.arrayContaining(['Kenya', 'Uganda']));
  });
});

describe('the article that opens a sentence', () => {
  it('is no initial before a place ("A Texas plumber" → Texas); an initial before a person stays', () => {
    expect(cleanName('A Texas')).toBe('Texas');
    expect(cleanName('A Kumar Ramesh')).toBe('A Kumar Ramesh');
  });

});

describe('two names side by side, the second a one-word name that is no English word', () => {
  it('are no term of their own where the corpus names each alone', async () => {
    const { extractTerms } = await import('../../lib/corpus/terms');
    const labels = extractTerms([
      'Staff at Quorvix Marine posted the photo on Zentagram on Monday. Quorvix Marine said the boat was new.',
      'The picture, shared by Quorvix Marine Zentagram followers, was seen widely. Zentagram removed it later.',
      'Quorvix Marine and Zentagram did not answer.',
    ]).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['Quorvix Marine', 'Zentagram']));
    expect(labels).not.toContain('Quorvix Marine Zentagram');
  });
  it('a name ending in an everyday word stays whole ("… Times")', async () => {
    const { extractTerms } = await import('../../lib/corpus/terms');
    const labels = extractTerms([
      'The Quorvix Times reported the sale on Monday. Quorvix is a small town, the Quorvix Times said.',
      'According to the Quorvix Times, the buyers were from Quorvix.',
    ]).map((t) => t.label);
    expect(labels).toContain('Quorvix Times');
  });
});

describe('a person\'s name, then a one-word name', () => {
  it('read as one organisation, is two names where the corpus names each alone', async () => {
    const { deriveTerms, TermStats } = await import('../../lib/corpus/terms');
    const stats = new TermStats();
    stats.add({ entities: [{ key: 'p:brevik', kind: 'person', forms: [['Tomas Brevik', 2]] }, { key: 'organization:zentagram', kind: 'organization', forms: [['Zentagram', 1]] }], phrases: [] });
    stats.add({ entities: [{ key: 'organization:tomas brevik zentagram', kind: 'organization', forms: [['Tomas Brevik Zentagram', 1]] }, { key: 'organization:zentagram', kind: 'organization', forms: [['Zentagram', 1]] }], phrases: [] });
    const labels = deriveTerms(stats).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['Tomas Brevik', 'Zentagram']));
    expect(labels).not.toContain('Tomas Brevik Zentagram');
  });
  it('the one-word name may be a proper noun English lists ("Instagram"), never a place ("… Paris" stays whole)', async () => {
    const { deriveTerms, TermStats } = await import('../../lib/corpus/terms');
    const stats = new TermStats();
    for (const [joined, alone] of [['Quorvix Marine Instagram', 'Instagram'], ['Quorvix Marine Paris', 'Paris']] as const) {
      stats.add({ entities: [{ key: 'organization:quorvix marine', kind: 'organization', forms: [['Quorvix Marine', 1]] }, { key: `organization:${alone.toLowerCase()}`, kind: 'organization', forms: [[alone, 1]] }], phrases: [] });
      stats.add({ entities: [{ key: `organization:${joined.toLowerCase()}`, kind: 'organization', forms: [[joined, 1]] }], phrases: [] });
    }
    const labels = deriveTerms(stats).map((t) => t.label);
    expect(labels).not.toContain('Quorvix Marine Instagram');
    expect(labels).toContain('Quorvix Marine Paris');
  });
});
