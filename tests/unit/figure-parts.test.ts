import { describe, expect, it } from 'vitest';
import { compareClaims, unifyCompounds } from '../../lib/stance/claims';
import { claimFrame, withFractions, type Quantity } from '../../lib/stance/frame';

const none = { find: () => [] };
const q = (s: string) => claimFrame(s, none).quantities.map((x) => `${x.value} ${x.unit}`);

describe('figures written in parts, fractions and compounds', () => {
  it('a mixed fraction is a decimal: “6 1/2 feet” and “6½ feet” are 6.5 feet', () => {
    expect(withFractions('a fish over 6 1/2 feet long')).toBe('a fish over 6.5 feet long');
    expect(withFractions('a 3¾-mile walk')).toBe('a 3.75-mile walk');
    expect(withFractions('on 12/1/2019')).toBe('on 12/1/2019');
    expect(q('Any pike over 6 1/2 feet is considered extremely rare.')).toEqual(['6.5 feet']);
  });

  it('“two of the four boats” counts boats twice: the part and the whole', () => {
    expect(q('He said two of the four boats in the convoy had been hit.')).toEqual(['2 boat', '4 boat']);
  });

  it('“one of six people” is a part and its whole, never the fraction 1/6', () => {
    for (const s of ['The commander is believed to be one of six people killed when the convoy was hit.', 'The commander is believed one of six people killed when a drone hit his two-car convoy.']) {
      const got = q(s);
      expect(got.some((x) => x.startsWith('0.')), s).toBe(false);
      expect(got, s).toContain('6 peopl');
    }
  });

  it('“one of 140 sailors” is a member of a group of 140, never the fraction 1/140', () => {
    expect(q('The cook was one of 140 sailors rescued from the ferry in May.')).toEqual(['140 sailor']);
    expect(q('The cook was one of 1,200 passengers on the ferry.')).toEqual(['1200 passenger']);
    // two groups of another size for the same rescue: a conflict, not "both say 0.007 sailors"
    const c = compareClaims('The cook was one of 140 sailors rescued from the ferry in May.', 'The cook was one of 126 sailors rescued from the ferry in May, the coastguard said.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('140 sailors');
    expect(c.reason).toContain('126 sailors');
  });

  it('a counted noun whose stem is a stop word still counts: “4,100 likes” is a figure of likes', () => {
    expect(q('The bakery page has more than 4,100 likes after a week.')).toEqual(['4100 like']);
    const c = compareClaims('The bakery page has more than 4,100 likes after a week online.', 'The bakery page has drawn 2,500 likes after a week online.', none);
    expect(c.verdict).not.toBe('corroborates');
  });

  it('“one” after a bound is a count: “more than one year” against “four years” is compatible, not the same fact', () => {
    expect(q('She spent more than one year teaching at the village school.')).toEqual(['1 year']);
    expect(q('One teacher spent a year at the village school.')).toEqual([]);
    const c = compareClaims('She spent more than one year teaching at the village school in the hills.', 'She had spent the previous four years teaching at the village school in the hills.', none);
    expect(c.verdict).toBe('related');
  });

  it('“another £50” is one more of the kind, never the £50 the other sentence tells of', () => {
    expect(claimFrame('The grocer then gave the busker another £50.', none).quantities[0]).toMatchObject({ value: 50, unit: 'money', another: true });
    const c = compareClaims('The busker spent the £50 the grocer gave him on a new guitar string set.', 'Moved by the song, the grocer gave the busker another £50 and a sandwich.', none);
    expect(c.verdict).not.toBe('corroborates');
    // the same £50 on both sides still agrees
    expect(compareClaims('The grocer gave the busker £50 after the song.', 'After the song the grocer handed the busker £50.', none).verdict).toBe('corroborates');
  });

  it('“out of the 30 pupils, six …” counts pupils: the part and the whole', () => {
    expect(q('Out of the 30 pupils, six reportedly failed the test.')).toEqual(['30 pupil', '6 pupil']);
    expect(compareClaims('Six pupils failed the maths test after the school trip.', 'Out of the 30 pupils, six reportedly failed the maths test.', none).verdict).toBe('corroborates');
  });

  it('“four more” and “another four” count what the figure before counts', () => {
    expect(q('A witness heard six shots, then four more after a pause.')).toEqual(['6 shot', '4 shot']);
    expect(q('The crew found six crates and another four on the deck.')).toEqual(['6 crat', '4 crat']);
  });

  it('a compound counted noun meets its head (“gunshots” / “shots”), not a mere ending (“stone” / “one”)', () => {
    const A = new Map<Quantity, string>([[{ value: 10, unit: 'gunshot' } as Quantity, 'gunshot']]);
    const B = new Map<Quantity, string>([[{ value: 10, unit: 'shot' } as Quantity, 'shot']]);
    unifyCompounds(A, B);
    expect([...A.values()]).toEqual(['shot']);
    const C = new Map<Quantity, string>([[{ value: 3, unit: 'cone' } as Quantity, 'cone']]);
    const D = new Map<Quantity, string>([[{ value: 3, unit: 'one' } as Quantity, 'one']]);
    unifyCompounds(C, D);
    expect([...C.values()]).toEqual(['cone']);
  });

  it('a total against its parts in other words corroborates: “10 gunshots, six then four” / “six shots, then four more”', () => {
    const c = compareClaims('An audio expert heard six shots, then a pause, then four more on the recording.', 'The recording has 10 gunshots: a burst of six, a pause, then four.', none);
    expect(c.verdict).toBe('corroborates');
  });

  it('the part the report gives, of a whole the page gives, corroborates; another part does not', () => {
    const page = 'He said two of the four boats in the convoy were hit by gunfire near the port.';
    expect(compareClaims(page, 'Two boats in the convoy were hit by gunfire near the port.', none).verdict).toBe('corroborates');
    expect(compareClaims(page, 'Three boats in the convoy were hit by gunfire near the port.', none).verdict).not.toBe('corroborates');
  });

  it('a length written as a fraction corroborates the same length as a decimal', () => {
    const c = compareClaims('Any pike over 6 1/2 feet is considered extremely rare.', 'Experts say any pike over 6.5 feet is considered extremely rare.', none);
    expect(c.verdict).toBe('corroborates');
  });

  it('a bound met by another figure is compatible, not the same fact: “at least six times” / “11 times” is no corroboration by itself; “six times” is', () => {
    const page = 'On May 2, the guard shot the intruder at least six times during a struggle in Leeds.';
    const c = compareClaims(page, 'New audio confirms the guard shot at the intruder 11 times, five of them from behind.', none);
    expect(c.verdict).toBe('related');
    expect(c.findings.find((f) => f.slot === 'number')).toMatchObject({ agree: true, compatible: true });
    expect(compareClaims(page, 'New audio confirms the guard shot at the intruder six times, two of them from behind.', none).verdict).toBe('corroborates');
  });
});
