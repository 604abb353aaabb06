import { describe, expect, it } from 'vitest';
import { capitalisedNames, creditNames } from '../../lib/corpus/extract/names';
import { extractReportTerms } from '../../lib/corpus/terms';

const names = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => `${n.kind}:${n.name}`);
const forms = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => f));

describe('credit lines name their sources (lib/corpus/extract/names.ts)', () => {
  it('reads the names after a hat tip, "Via", "Source" or "By:", though their words are everyday ones', () => {
    const words = (line: string) => creditNames(line)?.map((c) => c.words);
    expect(words('(H/T: Daily Mail)')).toEqual([['Daily', 'Mail']]);
    expect(words('Source: MacRumors | Via: iDownloadBlog')).toEqual([['MacRumors'], ['iDownloadBlog']]);
    expect(words('By: Press Trust of India | New Delhi | Posted: March 3, 2016 4:10 pm')).toEqual([['Press', 'Trust', 'of', 'India'], ['New', 'Delhi']]);
    expect(names('The marrow weighed more than forty kilos, the gardener said.\n\n(H/T: Daily Mail)')).toContain('organization:Daily Mail');
    expect(forms('The marrow weighed forty kilos.\n\nH/T FTVLive')).toContain('FTVLive');
    expect(forms('The marrow weighed forty kilos.\n\nH/T FTVLive')).not.toContain('T FTVLive');
  });
  it('reads a wire service\'s credits: people, and a place after "in"', () => {
    const got = names('The woman had crossed the border. (Reporting by Jane Doyle; Additional reporting by Omar Haddad in Beirut; Writing by Tom Okafor; Editing by Ann Cole and Raj Patel)');
    expect(got).toEqual(expect.arrayContaining(['person:Jane Doyle', 'person:Omar Haddad', 'place:Beirut', 'person:Tom Okafor', 'person:Ann Cole', 'person:Raj Patel']));
  });
  it('leaves prose that opens with a marker word to the other rules', () => {
    expect(creditNames('Via the old bridge, the farmers reached the market in Kendal.')).toBeNull();
    expect(creditNames('Source: officials.')).toBeNull();
    expect(creditNames('By the time the storm passed, the river had risen.')).toBeNull();
    expect(names('By the time the storm passed, the river at Gloucester had risen.').map((n) => n.split(':')[1])).toEqual(['Gloucester']);
  });
});

describe('a name of everyday words before a reporting verb opens a sentence (lib/corpus/extract/names.ts)', () => {
  it('keeps "Business Insider asked", "Daily Mail reported" whole', () => {
    expect(forms('Business Insider asked the bank for comment. The bank declined to say more.')).toContain('Business Insider');
    expect(forms('Daily Mail reported that the marrow weighed forty kilos.')).toContain('Daily Mail');
  });
  it('not a group or a plural before the verb ("Local Police said", "Tech Officials said")', () => {
    expect(forms('Local Police said the road was closed.')).toEqual([]);
    expect(forms('Tech Officials said the update was late.')).toEqual([]);
  });
});

describe('a body of members goes on after "of the" (lib/corpus/extract/names.ts)', () => {
  it('keeps "Little Sisters of the Poor", "Missionary Sisters of the Love of Christ" whole', () => {
    expect(names('She joined the Little Sisters of the Poor in Lyon last year.')).toContain('organization:Little Sisters of the Poor');
    expect(names('A nun of the Missionary Sisters of the Love of Christ was taken to a hospital in Rieti.')).toContain('organization:Missionary Sisters of the Love of Christ');
  });
  it('an archdiocese is an institution whose name goes on after "of"', () => {
    expect(names('A spokesman for the Roman Catholic Archdiocese of Boston declined to comment.')).toContain('organization:Roman Catholic Archdiocese of Boston');
  });
  it('not a people before "of the" ("Americans of the south")', () => {
    expect(names('He met Americans of the South Carolina delegation.').some((n) => n.includes('Americans of'))).toBe(false);
  });
});

describe('"and" before an acronym joins no names (lib/corpus/extract/names.ts)', () => {
  it('"The Mirror and NT News reported" names two outlets; "Food and Drug Administration" stays one name', () => {
    const got = names('The Mirror and NT News reported that the fish was the biggest ever caught.');
    expect(got).toContain('organization:NT News');
    expect(got.some((n) => n.includes('Mirror and'))).toBe(false);
    expect(names('The drug was approved by the Food and Drug Administration last year.')).toContain('organization:Food and Drug Administration');
  });
});
