import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';

/** A dictionary: each phrase with its kind, found where it occurs. */
function dict(entries: Record<string, string>): EntityLookup {
  return {
    find: (text) =>
      Object.entries(entries).flatMap(([p, kind]) => {
        const at = text.indexOf(p);
        return at < 0 ? [] : [{ id: p.toLowerCase().replace(/\s+/g, '-'), kind, text: p, start: at }];
      }),
  };
}

const E = dict({ 'Marta Lind': 'person', 'Jon Berg': 'person', Norway: 'place', 'Arctic League': 'organization', 'Polar Party': 'organization', 'Oslo Herald': 'organization' });

describe('the same happening pinned by kind of event, date and a named thing, whatever else each side names', () => {
  it('“Lind travelled to Norway in 2015” / “She … travelled to Norway in 2015 and joined the Polar Party”: corroborates', () => {
    const c = compareClaims(
      'Marta Lind is believed to have travelled to Norway in 2015, where she worked for the Arctic League.',
      'According to the Oslo Herald, she travelled to Norway in 2015 and later joined the Polar Party.',
      E,
    );
    expect(c.verdict).toBe('corroborates');
  });

  it('another person on each side, the same trip and year: not the same fact', () => {
    const c = compareClaims('Marta Lind travelled to Norway in 2015 with the Arctic League.', 'Jon Berg travelled to Norway in 2015 with the Polar Party.', E);
    expect(c.verdict).not.toBe('corroborates');
  });

  it('another year by the same trip is not pinned to it', () => {
    const c = compareClaims(
      'Marta Lind is believed to have travelled to Norway in 2015, where she worked for the Arctic League.',
      'According to the Oslo Herald, she travelled to Norway in 2017 and later joined the Polar Party.',
      E,
    );
    expect(c.verdict).not.toBe('corroborates');
  });
});
