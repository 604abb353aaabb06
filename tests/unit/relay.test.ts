import { describe, expect, it } from 'vitest';
import { compareClaims, twoSources, type EntityLookup } from '../../lib/stance/claims';
import { relays } from '../../lib/stance/relay';

const none: EntityLookup = { find: () => [] };

describe('relaying a claim (lib/stance/relay.ts): the sentence does not state what it names', () => {
  it('an allegation, a rumour, a question, a story or post retold, before the words', () => {
    expect(relays('A story on a satire website claimed the painter was arrested in Leeds.', 'arrested')).toBe(true);
    expect(relays('Was the painter arrested in Leeds on Tuesday?', 'arrested')).toBe(true);
    expect(relays('A post on Facebook saying the actor was found dead has been shared widely.', 'found dead')).toBe(true);
    expect(relays('The mayor was reportedly detained at the airport.', 'detained')).toBe(true);
  });
  it('not what comes before the relaying word, nor what a new clause states', () => {
    expect(relays('The ministry said it was not concerned by reports that the envoy was expelled.', 'not concerned')).toBe(false);
    expect(relays('Rumours that the actor died spread on Sunday, but he is alive.', 'is alive')).toBe(false);
    expect(relays('The painter was arrested in Leeds on Tuesday, police said.', 'arrested')).toBe(false);
  });
});

describe('polarity and fates only between sentences that state them', () => {
  it('a plain denial against a plain statement still conflicts', () => {
    const c = compareClaims('The painter Lena Varga has not been arrested, her gallery said.', 'The painter Lena Varga was arrested in Leeds on Tuesday.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts).toMatchObject({ page: 'not arrested', report: 'arrested' });
    expect(compareClaims('The actor Tom Brandt is alive, his agent said.', 'The actor Tom Brandt was found dead at his home.', none).verdict).toBe('conflicts');
  });
  it('a report that retells the rumour or asks it is related, not a conflict', () => {
    expect(compareClaims('The painter Lena Varga has not been arrested, her gallery said.', 'A story on a satire website claimed the painter Lena Varga was arrested in Leeds on Tuesday.', none).verdict).toBe('related');
    expect(compareClaims('The painter Lena Varga has not been arrested, her gallery said.', 'Was the painter Lena Varga arrested in Leeds on Tuesday?', none).verdict).toBe('related');
    expect(compareClaims('The actor Tom Brandt is alive, his agent said.', 'A post on Facebook saying the actor Tom Brandt was found dead at his home has been shared thousands of times.', none).verdict).toBe('related');
  });
  it('a page that only says what may happen states no polarity ("may fine cyclists, not arrest them")', () => {
    expect(compareClaims('The city may fine cyclists, not arrest them, under the new rule.', 'Police arrested cyclists under the rule, the city said.', none).verdict).not.toBe('conflicts');
  });
});

describe('sources: one source in two wordings is no conflict of attribution', () => {
  it('a shared name, a country and its adjective, a body and its officer', () => {
    expect(twoSources('Norland', 'A Norlandic official')).toBe(false);
    expect(twoSources('The Harbour Guild', 'Harbour Guild chairman Piet Olde')).toBe(false);
    expect(twoSources('Moscow', 'Kyiv')).toBe(true);
    expect(twoSources('the Kessian navy', 'Norland')).toBe(true);
  });
  it('a phrase the parse cut at a preposition or a verb is no source', () => {
    expect(twoSources('in Norland despite', 'Kessia')).toBe(false);
    expect(twoSources('Kessia has', 'Norland')).toBe(false);
  });
  it('the report naming the page’s source as its own speaker corroborates', () => {
    const c = compareClaims('Norland says the river port will reopen in March, officials said.', 'A Norlandic official said the river port of Vessa will reopen in March, according to Norland.', none);
    expect(c.verdict).toBe('corroborates');
  });
});
