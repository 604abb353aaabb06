import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/stance/claims';
import { eventsIn } from '../../lib/stance/events';

const none = { find: () => [] };

describe('kidnappings and killings told with other verbs (lib/stance/events.ts)', () => {
  it('reads kidnapped, abducted and taken hostage as one kind of event, beheaded as a killing', () => {
    expect(eventsIn('The engineer was abducted near the border.').has('kidnap')).toBe(true);
    expect(eventsIn('The engineer was taken hostage near the border.').has('kidnap')).toBe(true);
    expect(eventsIn('The engineer had been held captive for a year.').has('kidnap')).toBe(true);
    expect(eventsIn('The engineer was beheaded in a video.').has('kill')).toBe(true);
    // a meeting held is no captivity
    expect(eventsIn('The council held a meeting on Monday.').has('kidnap')).toBe(false);
  });

  it('the same person kidnapped in the same month on both sides corroborates', () => {
    const c = compareClaims('Aid worker Tomas Lindqvist had been held hostage since being kidnapped in Syria in September 2013.', 'Tomas Lindqvist was abducted in September 2013 in Syria.', none);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toContain('September 2013');
  });

  it('a killing dated otherwise is a conflict naming both dates', () => {
    const c = compareClaims('Reporter Ian Colvin was beheaded in a video released on August 19.', 'The video showing the killing of Ian Colvin was released on August 20.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('August 19');
    expect(c.reason).toContain('August 20');
  });
});

describe('places the gazetteer cannot locate (lib/stance/claims.ts)', () => {
  it('a town with no known country is no conflict with the country around it', () => {
    // Binesh is in the gazetteer without a parent: it may lie within Syria
    const c = compareClaims('Ian Colvin was abducted by gunmen outside a cafe in Syria.', 'Ian Colvin was abducted by gunmen outside a cafe in Binesh.', none);
    expect(c.verdict).not.toBe('conflicts');
  });

  it('two located places of one event still conflict', () => {
    const c = compareClaims('Ian Colvin was abducted by gunmen outside a cafe in Syria.', 'Ian Colvin was abducted by gunmen outside a cafe in Iraq.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('Iraq');
  });
});

describe('a person named in full on one side and by one name on the other (lib/stance/claims.ts)', () => {
  it('gives the age of one person', () => {
    const c = compareClaims('Tomas Lindqvist, 21, woke up in his hotel room to find a red trail on his arm.', '21-year-old Tomas woke up in his hotel room to find a strange red trail on his arm.', none);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toContain('21');
    const other = compareClaims('Tomas Lindqvist, 21, woke up in his hotel room to find a red trail on his arm.', '24-year-old Tomas woke up in his hotel room to find a strange red trail on his arm.', none);
    expect(other.verdict).not.toBe('corroborates');
  });
});

describe('a named person against a group as sources (lib/stance/claims.ts)', () => {
  it('is no attribution conflict: the person may be one of the group', () => {
    const lookup = { find: (t: string) => [...t.matchAll(/Omar Haddad|Norlandian/g)].map((m) => ({ id: m[0] === 'Omar Haddad' ? 'omar-haddad' : 'norlandian', kind: m[0] === 'Omar Haddad' ? 'person' : 'organization', text: m[0], start: m.index! })) };
    const page = 'Speaking at a press conference in the Norlandian parliament on Monday, Omar Haddad said: "Militants killed 300 soldiers in Westmoor district using chlorine gas."';
    const c = compareClaims(page, 'On Monday, several Norlandian officials said that militants murdered 300 soldiers using chlorine gas in Westmoor.', lookup);
    expect(c.verdict).toBe('corroborates');
    expect(c.reason).toContain('300 soldiers');
  });
});
