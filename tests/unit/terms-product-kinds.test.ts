import { describe, expect, it } from 'vitest';
import { extractReportTerms } from '../../lib/corpus/terms';

const forms = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => f));

describe('a food or a drink named by a brand before its kind (lib/corpus/terms.ts)', () => {
  it('keeps the brand and its kind as one name ("Snickers bars", "Roquefort cheese", "Rioja wine")', () => {
    const got = forms('At the fair they sold deep fried Snickers bars. He is fond of French Roquefort cheese. Our Rioja wine list is long.');
    expect(got).toEqual(expect.arrayContaining(['Snickers bars', 'Roquefort cheese', 'Rioja wine']));
  });
  it('not the last word of a longer name ("Big Mac burger" gives no "Mac burger")', () => {
    expect(forms('She ate a Big Mac burger in the car park.')).not.toContain('Mac burger');
  });
  it('not a kind English names with a people\'s adjective or as a compound ("Swiss cheese", "Cheddar cheese")', () => {
    const got = forms('He likes Swiss cheese on toast, and Cheddar cheese with apples.');
    expect(got).not.toContain('Swiss cheese');
    expect(got).not.toContain('Cheddar cheese');
  });
});
