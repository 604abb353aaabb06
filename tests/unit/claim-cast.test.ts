import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';

/** A dictionary of topics: each phrase found where it occurs (lower case). */
function topics(...phrases: string[]): EntityLookup {
  return {
    find: (text) =>
      phrases.flatMap((p) => {
        const at = text.toLowerCase().indexOf(p);
        return at < 0 ? [] : [{ id: p.replace(/\s+/g, '-'), kind: 'topic' as const, text: text.slice(at, at + p.length), start: at }];
      }),
  };
}

describe('a topic is shared when the other sentence names its head word', () => {
  const E = topics('stone catfish', 'fishing rod', 'giant pumpkin');
  it('a 19 stone catfish and a catfish weighing 20 stone: the same fish, the weights conflict', () => {
    const c = compareClaims('An angler has landed a huge 19 stone catfish with a rod and reel.', 'A giant catfish weighing 20 stone was landed on a fishing rod.', E);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('19 stone');
    expect(c.reason).toContain('20 stone');
  });
  it('another thing weighed (a pumpkin) is not the same fish', () => {
    const c = compareClaims('An angler has landed a huge 19 stone catfish with a rod and reel.', 'A giant pumpkin weighing 20 stone was landed on a trailer at the fair.', E);
    expect(c.verdict).not.toBe('conflicts');
  });
});
