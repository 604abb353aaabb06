import { describe, expect, it } from 'vitest';
import { compareClaims, namedBy } from '../../lib/stance/claims';

const none = { find: () => [] };

describe('two counts of one story conflict only when the same thing happens to what they count', () => {
  it('the whole group taken on a trip and the part that later left: not a conflict', () => {
    const page = 'Since coming back from the camp, all five boys have quit the team, the club said.';
    const report = 'The club had taken 22 boys to the summer camp in the mountains, but since coming back the boys have quit the team.';
    expect(compareClaims(page, report, none).verdict).not.toBe('conflicts');
  });

  it('the same happening in other words (injured / hurt), by each count, still conflicts', () => {
    const c = compareClaims('Ten people were injured when the coach overturned on the motorway.', 'Police said 14 people were hurt when the coach overturned on the motorway.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('14');
  });

  it('namedBy looks only near the counted noun', () => {
    const report = 'The club had taken 22 boys to the summer camp in the mountains, but since coming back the boys have quit the team.';
    expect(namedBy(report, 'boi', 'quit')).toBe(false);
    expect(namedBy('Ten people were injured when the coach overturned.', 'peopl', 'hurt')).toBe(true);
  });
});
