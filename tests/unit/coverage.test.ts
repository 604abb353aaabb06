import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { derived, states, statesAcross } from '../../lib/stance/coverage';
import { claimFrame } from '../../lib/stance/frame';
import { judge } from '../../lib/stance';
import { sameSense } from '../../lib/stance/synonyms';

const none = { find: () => [] };
const said = (a: string, b: string) => states(a, b, claimFrame(a, none), claimFrame(b, none));

describe('coverage of a claim ("the same fact", lib/stance/coverage.ts)', () => {
  it('shares senses through the WordNet table, never through antonyms', () => {
    expect(sameSense('purchased', 'bought')).toBe(true);
    expect(sameSense('large', 'big')).toBe(true);
    expect(sameSense('rose', 'fell')).toBe(false);
    expect(sameSense('won', 'lost')).toBe(false);
    expect(sameSense('arrested', 'released')).toBe(false);
  });

  it('a report sentence that holds every point of the claim states it, in other words too', () => {
    expect(said('The council approved the budget for the harbour on Tuesday.', 'On Tuesday the council approved the harbour budget after a long debate.')).not.toBeNull();
    expect(said('The brewery purchased a large warehouse in Leeds.', 'The brewery bought a big warehouse in Leeds last spring.')).not.toBeNull();
  });

  it('a missing name or figure, another polarity or another mood is no statement', () => {
    expect(said('Smith won the county election in Ohio.', 'Jones won the county election in Ohio.')).toBeNull();
    expect(said('The ferry carried 40 passengers to the island.', 'The ferry carried passengers to the island.')).toBeNull();
    expect(said('The council did not approve the harbour budget.', 'The council approved the harbour budget.')).toBeNull();
    expect(said('The company will close the paper mill.', 'The company may close the paper mill.')).toBeNull();
    expect(said('The club signed the young goalkeeper.', 'The club reportedly signed the young goalkeeper.')).toBeNull();
  });

  it('the word that may be missing in a long claim is never the predicate', () => {
    // six points, one missing: an ordinary word may be, the event's verb may not
    expect(said('Police in Leeds arrested the striker after the derby match.', 'Police in Leeds arrested the striker after the match.')).not.toBeNull();
    expect(said('Police in Leeds arrested the striker after the derby match.', 'Police in Leeds released the striker after the derby match.')).toBeNull();
  });

  it('derived words meet their verb ("creator" / "created", "boxer" / "boxing")', () => {
    expect(derived('creator')).toBe('creat');
    expect(derived('boxer')).toBe('box');
    expect(said('Maria Olsen is the founder of the bakery.', 'The bakery was founded by Maria Olsen in 1990.')).not.toBeNull();
  });

  it('a short claim needs every point, and one of four may be missing only when it is not a name, figure or predicate', () => {
    expect(said('Tarn is a village.', 'Tarn, a village of 300 people, lies in a valley.')).not.toBeNull();
    expect(said('Lena Moss works for the Harbour Trust.', 'Lena Moss, a Harbour Trust spokeswoman, said the pier would reopen.')).not.toBeNull();
    expect(said('Lena Moss works for the Harbour Trust.', 'Tom Moss, a Harbour Trust spokesman, said the pier would reopen.')).toBeNull();
  });

  it('a negation or a modal elsewhere in a long sentence does not bear on the claim; one on its words does', () => {
    expect(said('The museum bought the painting.', 'The museum bought the painting, though the artist did not attend the sale.')).not.toBeNull();
    expect(said('The museum bought the painting.', 'The museum did not buy the painting.')).toBeNull();
    expect(said('The museum bought the painting.', 'The museum bought the painting, and it may lend it to Paris next year.')).not.toBeNull();
    expect(said('The museum bought the painting.', 'The museum may buy the painting.')).toBeNull();
  });

  it('compareClaims corroborates a covered claim and says why', () => {
    const c = compareClaims('The brewery purchased a large warehouse in Leeds.', 'The brewery bought a big warehouse in Leeds last spring.', none);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toMatch(/every point|same/);
  });

  it('a report may state a claim point by point across its sentences, but not while hedging it', () => {
    const claim = 'The mayor opened the new bridge over the river.';
    const frames = (ss: string[]) => ss.map((text) => ({ text, frame: claimFrame(text, none) }));
    expect(statesAcross(claim, claimFrame(claim, none), frames(['The mayor opened the bridge on Friday.', 'The bridge crosses the river near the old mill.']))).toBe(true);
    expect(statesAcross(claim, claimFrame(claim, none), frames(['The mayor reportedly opened the bridge on Friday.', 'The bridge crosses the river near the old mill.']))).toBe(false);
    const report = { id: 'r1', title: 'Town news', sentences: ['The mayor opened the bridge on Friday.', 'The bridge crosses the river near the old mill.'] };
    expect(judge(claim, report, [0, 1], none).verdict).toBe('corroborates');
  });
});

describe('where an event is (lib/stance/frame.ts)', () => {
  it('a place the speaker stands in is not the event’s place; a place the event is in is', () => {
    expect([...claimFrame('Officials in Lisbon said the mayor had not been invited to the summit.', none).places.keys()]).toEqual([]);
    expect([...claimFrame('The summit will be held in Lisbon, officials said.', none).places.keys()]).toEqual(['lisbon']);
    expect([...claimFrame('A spokesman in Lisbon told reporters the summit was off.', none).places.keys()]).toEqual([]);
  });
});
