import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { claimFrame } from '../../lib/stance/frame';

const none = { find: () => [] };
const f = (s: string) => claimFrame(s, none);

describe('ages after a name, ranges and durations (lib/stance/frame.ts, claims.ts)', () => {
  it('reads “Ellis, 25,” as the age of Ellis, and “Ellis, a 24-year-old nurse” too', () => {
    expect(f('Nurse Tom Ellis, 25, was stabbed.').quantities[0]).toMatchObject({ value: 25, unit: 'year-old', owner: 'ellis' });
    expect(f('Tom Ellis, a 24-year-old nurse, was stabbed.').quantities[0]).toMatchObject({ value: 24, unit: 'year-old', owner: 'ellis' });
    // not an age: a count after a weekday, a year
    expect(f('On Sunday, 25 people died.').quantities[0]?.unit).not.toBe('year-old');
  });

  it('two ages of one person conflict, naming both', () => {
    const c = compareClaims('Nurse Tom Ellis, 25, was stabbed outside the Halton clinic.', 'Tom Ellis, a 24-year-old nurse, was stabbed outside the Halton clinic on Friday.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('25');
    expect(c.reason).toContain('24-year-old');
  });

  it('reads ranges; a figure inside a range is compatible, not the same fact; the same range corroborates', () => {
    expect(f('The dog is 2 or 3 years old.').ranges[0]).toMatchObject({ lo: 2, hi: 3, unit: 'year-old' });
    expect(f('The girls were aged 13 to 15.').ranges[0]).toMatchObject({ lo: 13, hi: 15, unit: 'year-old' });
    expect(f('The charity says he is between two and three years old.').ranges[0]).toMatchObject({ lo: 2, hi: 3 });
    expect(f('The teens are 13 and 14 years old.').ranges[0]).toMatchObject({ lo: 13, hi: 14, unit: 'year-old' });
    expect(f('He heard 6 and then 4 more shots.').ranges).toEqual([]);
    expect(compareClaims('The dog is 2 or 3 years old, the charity said.', 'The charity said the two-year-old dog is doing well.', none).verdict).toBe('related');
    expect(compareClaims('The dog is 2 or 3 years old, the charity said.', 'The charity says the dog is between two and three years old.', none).verdict).toBe('corroborates');
  });

  it('“once” and “twice” are counts of times where the sentence counts times', () => {
    expect(f('He was shot six times, including once in the head.').quantities.map((x) => x.value)).toEqual([6, 1]);
    expect(f('She once lived in Halton.').quantities).toEqual([]);
    const c = compareClaims('An autopsy showed Brown had been shot six times including once in the head.', 'The autopsy found Brown was shot 6 times, including twice in the head.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toMatch(/once.*twice/);
  });

  it('a duration is a figure: “for six days before the verdict” is how long, not an offset', () => {
    expect(f('The jury deliberated for six days before the finding.').quantities[0]).toMatchObject({ value: 6, unit: 'day' });
    expect(f('He returned seven days later.').quantities).toEqual([]);
    // "ten days ago" counts from each report's own day: not a figure two reports can compare
    expect(f('He was arrested ten days ago in Halton.').quantities).toEqual([]);
    // a duration of the same happening by its surroundings, though the verbs differ
    expect(compareClaims('Experts say there will be 6 days of darkness due to a solar flare in Halton.', 'The town will remain for three days in darkness due to a solar flare, experts say.', none).verdict).toBe('conflicts');
    expect(compareClaims('The jury at the Halton inquest deliberated for six days before the finding.', 'The jury at the Halton inquest returned its finding after deliberating for seven days.', none).verdict).toBe('conflicts');
  });

  it('“more than 300” and “300” are compatible, not the same fact; “at least six” holds six', () => {
    expect(compareClaims('Rebels killed 300 soldiers in the siege of Halton, officials said.', 'Rebels killed more than 300 soldiers in the siege of Halton, officials said.', none).verdict).toBe('related');
    expect(compareClaims('An autopsy found the boy was shot at least six times in Halton.', 'An autopsy found the boy was shot six times in Halton.', none).verdict).toBe('corroborates');
  });
});

describe('dates and units written short (lib/stance/frame.ts)', () => {
  it('“Aug. 4, 2013” is August 4, 2013, and differs from “July 2013” for the same arrest', () => {
    expect([...claimFrame('He was kidnapped on Aug. 4, 2013.', none).dates.keys()]).toContain('august 2013');
    expect(compareClaims('Tom Ellis was arrested in northern Chad in July 2013 while reporting.', 'Tom Ellis was arrested near the Chad border on Aug. 4, 2013.', none).verdict).toBe('conflicts');
  });

  it('feet and foot, meters and metres are one unit', () => {
    const c = compareClaims('The blast left a 16-foot-deep hole near Halton airport, officials said.', 'The blast near Halton airport left a hole about 1.5 metres (5 feet) deep.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toMatch(/16-foot.*5 feet/);
  });

  it('a statement dated on one side and given a weekday on the other is no conflict; a confirmation on two weekdays is', () => {
    expect(compareClaims('The senator, speaking on Halton Radio Oct. 7, 2014, said he had learned that fighters had been caught at the border.', 'Two senators told Halton News Wednesday that fighters have been caught at the border.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('Senior officials confirmed on Wednesday that the request had been passed to Halton.', 'Senior officials confirmed on Monday that the request was formally conveyed to Halton.', none).verdict).toBe('conflicts');
  });
  it('an age belongs to the name before it, never to a place after a preposition (“Marsh, a 34-year-old born in Leeds”)', () => {
    const ownerOf = (t: string) => claimFrame(t, none).quantities.find((x) => x.unit === 'year-old')?.owner;
    expect(ownerOf('The blog names him as Tom Marsh, a 34-year-old born in Leeds.')).toBe('marsh');
    expect(ownerOf('The painter was revealed to be a 35-year-old man named Tom Marsh.')).toBe('marsh');
    expect(ownerOf('A 35-year-old teacher from Leeds won the prize.')).toBeUndefined();
    const c = compareClaims('The painter was revealed to be a 35-year-old man named Tom Marsh.', 'The blog names him as Tom Marsh, a 34-year-old born in Leeds.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('35-year-old');
    expect(c.reason).toContain('34-year-old');
  });

  it('“four other people” is not an age of four (the figure before it)', () => {
    expect(claimFrame('Marsh, 34, is held with four other people.', none).quantities.map((x) => `${x.value} ${x.unit}`)).toEqual(['34 year-old']);
  });
  it('one age for nobody in particular is the age of whom the sentence is about: the same age corroborates, another differs only within one event', () => {
    const same = compareClaims('The 9-year-old had been cycling home from school when she fell into the canal near the lock.', 'Nine-year-old Ada Price was cycling home from school when she fell into the canal.', none);
    expect(same.verdict).toBe('corroborates');
    expect(same.reason).toContain('9-year-old');
    // another age, sentences not about one event: nothing to say
    expect(compareClaims('The 9-year-old had been cycling home from school.', 'Eleven-year-old Ada Price sings in the school choir.', none).verdict).toBe('related');
  });
});
