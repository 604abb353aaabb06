import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { timesAgree, timesOfDay } from '../../lib/stance/times';

const none = { find: () => [] };
const t = (s: string) => timesOfDay(s)[0]!;

describe('times of day as facts (lib/stance/times.ts)', () => {
  it('reads 12- and 24-hour clocks, zones and precision', () => {
    expect(t('It began at 1:38 pm.').minutes).toBe(13 * 60 + 38);
    expect(t('around 11 p.m. on Saturday').minutes).toBe(23 * 60);
    expect(t('around 11 p.m. on Saturday').slack).toBeGreaterThan(30);
    expect(t('at 4.18am on Monday').minutes).toBe(4 * 60 + 18);
    expect(t('it passed at 18:18 GMT on Sunday')).toMatchObject({ minutes: 18 * 60 + 18, zone: 'gmt', slack: 0 });
    expect(t('about 1818 GMT').zone).toBe('gmt');
    expect(t('at 11:30 a.m. Tucson time').zone).toBe('tucson');
    expect(timesOfDay('He paid $4.50 and 9 amendments passed')).toEqual([]);
  });

  it('precise times a minute apart differ; a round time holds a precise one near it; other zones are not compared', () => {
    expect(timesAgree(t('1:38 pm'), t('1:39 pm'))).toBe(false);
    expect(timesAgree(t('around 11 p.m.'), t('11:05 p.m.'))).toBe(true);
    expect(timesAgree(t('18:00 UTC'), t('18:18 GMT'))).toBe(false);
    expect(timesAgree(t('11:30 a.m. Tucson time'), t('18:18 GMT'))).toBeNull();
    expect(timesAgree(t('before 11 p.m.'), t('9:05 p.m.'))).toBeNull();
  });

  it('a differing time of the same happening is a conflict that names both times; the same time corroborates', () => {
    const c = compareClaims('The blaze at the Halton mill started at 1:38 pm on Sunday, fire crews said.', 'Fire crews said the blaze at the Halton mill started at 1:39 pm on Sunday.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('1:38 pm');
    expect(c.reason).toContain('1:39 pm');
    expect(compareClaims('The blaze at the Halton mill started around 11 p.m. on Sunday.', 'The blaze at the Halton mill started at 11:05 p.m. on Sunday.', none).verdict).toBe('corroborates');
  });

  it('times of other happenings are not compared', () => {
    expect(compareClaims('The mayor opened the Halton bridge at 9:15 am.', 'A lorry crashed on the motorway at 4:20 pm.', none).verdict).toBe('related');
  });
});
