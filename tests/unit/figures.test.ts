import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { claimFrame } from '../../lib/stance/frame';
import { compareFigures, figuresAgree } from '../../lib/stance/quantities';

const none = { find: () => [] };
const q = (s: string) => claimFrame(s, none).quantities;

describe('figures as facts (lib/stance/quantities.ts)', () => {
  it('reads bounds: “at least six” holds for six, not for four; two lower bounds say nothing', () => {
    const [atLeast6] = q('The boy was struck at least six times.');
    const [six] = q('The boy was struck six times.');
    const [four] = q('The boy was struck four times.');
    expect(atLeast6!.bound).toBe('min');
    expect(figuresAgree(atLeast6!, six!)).toBe(true);
    expect(figuresAgree(atLeast6!, four!)).toBe(false);
    expect(figuresAgree(q('at least 10 people died')[0]!, q('at least 8 people died')[0]!)).toBeNull();
  });

  it('a round figure agrees with a precise one that rounds to it, a small count does not', () => {
    expect(figuresAgree(q('a $15 billion deal')[0]!, q('a $15.2 billion deal')[0]!)).toBe(true);
    expect(figuresAgree(q('nearly 8,000 people')[0]!, q('7,890 people')[0]!)).toBe(true);
    expect(figuresAgree(q('19 stone')[0]!, q('20 stone')[0]!)).toBe(false);
  });

  it('a total agrees with its parts; parts that differ are a different figure', () => {
    const parts = q('He heard six shots, then four shots after a pause.');
    const total = q('He heard 10 shots on the tape.');
    expect(compareFigures(parts, total)?.agree).toBe(true);
    const a = q('At least 10 shots: a cluster of 6 shots, then 4 shots.');
    const b = q('11 shots: 7 shots, a pause, then 4 shots.');
    expect(compareFigures(a, b)).toMatchObject({ agree: false, page: '6 shots', report: '7 shots' });
  });

  it('a range or a fraction is no single figure', () => {
    expect(q('in the first 9-12 months of sales').map((x) => x.value)).toEqual([]);
    expect(q('anything over 6 1/2 feet is rare').some((x) => x.value === 2)).toBe(false);
  });

  it('an age belongs to its noun or its person', () => {
    expect(q('Historians opened a 113-year-old time capsule on Thursday.')[0]).toMatchObject({ unit: 'year-old', head: 'capsul' });
    expect(q('The 40-year-old rapist, Suresh Kumar, was beaten.')[0]).toMatchObject({ unit: 'year-old', owner: 'kumar' });
  });
});

describe('figures in the claim comparator', () => {
  it('conflict: the same person’s count, without any event word, naming both figures', () => {
    const c = compareClaims('The cleric said the militant leader has two wives, neither of them Syrian.', 'The militant leader has three wives, tribal sources in the region said.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('2 wives');
    expect(c.reason).toContain('3 wives');
  });

  it('conflict: the age of the same thing', () => {
    expect(compareClaims('Historians opened a 113-year-old time capsule hidden in a lion statue in Boston.', 'The 100-year-old capsule was taken from the head of the lion statue in Boston.', none).verdict).toBe('conflicts');
  });

  it('no conflict when one side gives the other’s figure among its own (“7 of the 28 girls”)', () => {
    expect(compareClaims('Seven girls from the school fell pregnant after the trip.', 'Out of the 28 girls on the trip, seven reportedly came home pregnant.', none).verdict).not.toBe('conflicts');
  });

  it('no conflict between figures of different years or a rate and a total', () => {
    expect(compareClaims('Police arrested some 28,000 people on minor marijuana charges in 2013.', 'Police arrested some 50,000 people a year on minor marijuana charges under the former mayor.', none).verdict).not.toBe('conflicts');
  });

  it('the same claim from two sources is no conflict', () => {
    const c = compareClaims('The New York Times reported that officials concluded the drones did not target the residence.', 'The Wall Street Journal reported that officials concluded the drones did not target the residence.', none);
    expect(c.verdict).not.toBe('conflicts');
  });
});

describe('a report that calls the claim untrue', () => {
  it('conflicts with a page that states it, naming the report’s words', () => {
    const c = compareClaims('The actor Macaulay Culkin has died at his home in New York, his family said.', 'Reports that the actor Macaulay Culkin has died at his home in New York are a hoax, his representative said.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('hoax');
  });
  it('but not a page that only reports the allegation', () => {
    const c = compareClaims('The actor Macaulay Culkin has allegedly died at his home in New York.', 'Reports that the actor Macaulay Culkin has died at his home in New York are a hoax, his representative said.', none);
    expect(c.verdict).not.toBe('conflicts');
  });
});
