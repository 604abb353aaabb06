import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { claimFrame } from '../../lib/stance/frame';

const none = { find: () => [] };
const offsets = (s: string) => claimFrame(s, none).offsets.map((o) => `${o.value} ${o.unit} ${o.dir}`);

describe('offsets from a moment (lib/stance/frame.ts, claims.ts)', () => {
  it('reads “five minutes later”, “after three days” and “nine days ago” as offsets, not figures of the event', () => {
    expect(offsets('The baker came back five minutes later and lit the oven.')).toEqual(['5 minut later']);
    expect(offsets('After three days the ferry reached the island.')).toEqual(['3 day later']);
    expect(offsets('The mayor was arrested nine days ago, officials said.')).toEqual(['9 day ago']);
    expect(claimFrame('The mayor was arrested nine days ago, officials said.', none).quantities).toEqual([]);
  });

  it('two offsets from the same moment of one event differ: a conflict naming both', () => {
    const c = compareClaims('The keeper reopened the lock gates ten minutes later, the canal trust said.', 'The keeper reopened the lock gates twenty minutes later, according to the canal trust.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('10 minutes later');
    expect(c.reason).toContain('20 minutes later');
  });

  it('“ten days ago” / “nine days ago” may be one day seen from two days of writing: no conflict, and no corroboration either', () => {
    const c = compareClaims('The mayor of the port town was arrested by border police ten days ago, officials said on Tuesday.', 'Border police arrested the mayor of the port town nine days ago, officials said on Tuesday.', none);
    expect(c.verdict).toBe('related');
    expect(c.reason).toContain('10 days ago');
    expect(c.reason).toContain('9 days ago');
    // the same offset from the same day is no obstacle
    expect(compareClaims('The mayor of the port town was arrested by border police nine days ago, officials said on Tuesday.', 'Border police arrested the mayor of the port town nine days ago, officials said on Tuesday.', none).verdict).toBe('corroborates');
  });
});
