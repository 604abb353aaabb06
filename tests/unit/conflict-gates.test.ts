/**
 * The gates that keep "conflicts" for two sentences that cannot both be true about the same event
 * (lib/stance/claims.ts, events.ts, debunk.ts). Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compareClaims, nearestKind, withoutDateline, type EntityLookup } from '../../lib/stance/claims';
import { eventKind } from '../../lib/stance/events';

const none: EntityLookup = { find: () => [] };
const verdict = (a: string, b: string) => compareClaims(a, b, none).verdict;

describe('conflict gates: a differing detail conflicts only about the same event', () => {
  it('1. a saying is no shared event: two statements on other days are not a conflict', () => {
    expect(verdict('The harbour master said on Monday that the ferry service would resume.', 'The mayor told reporters on Thursday that the ferry crossing was busy again.')).toBe('related');
    // the same event on other days still conflicts
    expect(verdict('The ferry sank near the harbour on Monday, killing four passengers.', 'The ferry sank near the harbour on Thursday, killing four passengers.')).toBe('conflicts');
  });

  it('2. the detail must stand by an event word both sentences tell of', () => {
    expect(nearestKind('The bridge was closed after the flood on Monday.', 'Monday')).toBe('flood');
    expect(nearestKind('The minister said on Friday that talks went well.', 'Friday')).toBe('say');
    // the page's day is the flood's, the report's the arrest's: no conflict, and no corroboration either
    expect(verdict('The river flooded the market on Monday and two men were later arrested.', 'Police arrested two men on Wednesday for looting after the river flooded the market.')).not.toBe('conflicts');
  });

  it('3. two different sources that say mostly other things are related, not in conflict', () => {
    const c = compareClaims(
      'Orlan Vesk said the storm destroyed 40 homes in the northern valley and cut power to three towns.',
      'Mira Talbot said 60 homes were destroyed.',
      none,
    );
    expect(c.verdict).not.toBe('conflicts');
  });

  it('4. a negation counts only when it scopes the shared predicate', () => {
    expect(verdict('The council approved the new budget on Tuesday.', 'The council did not say whether it approved the new budget on Tuesday.')).not.toBe('conflicts');
    expect(verdict('The council approved the new budget on Tuesday.', 'The council did not approve the new budget on Tuesday.')).toBe('conflicts');
  });

  it('5. doer and victim swapped count only in the writer’s own voice', () => {
    expect(verdict('The guard shot the intruder outside the depot.', 'The intruder shot the guard outside the depot.')).toBe('conflicts');
    expect(verdict('The guard shot the intruder outside the depot.', '"The intruder shot the guard outside the depot," a neighbour claimed.')).not.toBe('conflicts');
  });

  it('6. "forces" and "effect" are not event words; "took effect" is', () => {
    expect(eventKind('forces')).toBeUndefined();
    expect(eventKind('effect')).toBeUndefined();
    expect(verdict('Border forces patrolled the valley on Sunday.', 'Border forces patrolled the coast on Friday, a report said.')).not.toBe('conflicts');
  });

  it('7. a wire dateline’s date is not the event’s date', () => {
    expect(withoutDateline('LISBON, March 4 (Wirenews) - The dockers ended their strike.')).toBe('LISBON (Wirenews) - The dockers ended their strike.');
    expect(verdict('LISBON, March 4 (Wirenews) - The dockers ended their strike at the port on March 2.', 'The dockers ended their strike at the port on March 2.')).not.toBe('conflicts');
  });

  it('8. a hedged hoax word ("may be a hoax", "reportedly fake") is no conflict', () => {
    expect(verdict('A giant squid washed up on the beach at Port Lenna.', 'The photo of a giant squid on the beach at Port Lenna may be a hoax.')).not.toBe('conflicts');
    expect(verdict('A giant squid washed up on the beach at Port Lenna.', 'The giant squid on the beach at Port Lenna is reportedly fake.')).not.toBe('conflicts');
  });

  it('9. a detail kept from conflicting keeps the pair from corroborating too', () => {
    // a running count at two moments: the count grew, neither a conflict nor the same fact
    expect(verdict('So far 12 people have been rescued from the collapsed mine.', 'Now 19 people have been rescued from the collapsed mine.')).toBe('related');
  });

  it('10. a hoax word about something other than the claim’s subject is no conflict', () => {
    expect(verdict('The mayor of Dunmore resigned after the audit.', 'The mayor of Dunmore resigned after the audit found fake invoices.')).not.toBe('conflicts');
  });
});
