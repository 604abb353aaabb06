import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { coverage, states } from '../../lib/stance/coverage';
import { claimFrame } from '../../lib/stance/frame';

const none = { find: () => [] };
const cover = (a: string, b: string) => coverage(a, b, claimFrame(a, none), claimFrame(b, none));
const stated = (a: string, b: string) => states(a, b, claimFrame(a, none), claimFrame(b, none));

describe('a claim sourced to a news outlet: the outlet relays it, it is not part of it (issue 15, kind 4)', () => {
  it('coverage does not ask the report for the outlet the claim is sourced to', () => {
    const c = cover('The painter stole six paintings from the museum, the Leeds Herald reported.', 'The painter stole six paintings from the museum, police said.');
    expect(c.missingFacts).toEqual([]);
    expect(c.missing).toEqual([]);
    const d = cover('According to a new report in the Daily Courier Times, the council sold the harbour.', 'The council sold the harbour last spring.');
    expect(d.missingFacts).toEqual([]);
  });
  it('the same claim from two sources corroborates', () => {
    expect(compareClaims('The painter stole six paintings from the museum, the Leeds Herald reported.', 'The painter stole six paintings from the museum, police said.', none).verdict).toBe('corroborates');
  });
  it('an outlet that is what the claim is about is still asked for', () => {
    // not a source: "Harbour News" is the one that fired someone
    expect(cover('The Harbour News fired its weekend anchor.', 'The station fired its weekend anchor.').missingFacts.length).toBeGreaterThan(0);
    expect(stated('The Harbour News fired its weekend anchor.', 'The station fired its weekend anchor.')).toBeNull();
  });
  it('and a report that hedges the claim does not state it, whatever the source', () => {
    expect(stated('The painter stole six paintings from the museum, the Leeds Herald reported.', 'The painter stole six paintings from the museum, police said.')).not.toBeNull();
    expect(stated('The painter stole six paintings from the museum, the Leeds Herald reported.', 'The painter may have stolen six paintings from the museum.')).toBeNull();
  });
});
