import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';

const none: EntityLookup = { find: () => [] };

describe('a relayed clause contradicted later in the sentence states nothing', () => {
  it('a rumour, report or claim followed by "but …" does not corroborate the relayed fact', () => {
    const pairs: [string, string][] = [
      ['The singer Mara Olsen died on Sunday.', 'Rumours that the singer Mara Olsen died spread on Sunday, but she is alive.'],
      ['The singer Mara Olsen died on Sunday.', 'Reports that the singer Mara Olsen died on Sunday circulated online, but her manager said she is well.'],
      ['The harbour crane in Vessa collapsed on Friday.', 'Claims that the harbour crane in Vessa collapsed on Friday spread on social media, but the port said it is standing.'],
    ];
    for (const [page, report] of pairs) {
      const c = compareClaims(page, report, none);
      expect(c.verdict, report).not.toBe('corroborates');
      if (c.verdict === 'related') expect(c.reason).toMatch(/relays it .* and goes on to say otherwise/);
    }
  });
  it('the relayed clause without a contradiction, or the fact stated before the rumour, is unchanged', () => {
    expect(compareClaims('The singer Mara Olsen died on Sunday.', 'The singer Mara Olsen died on Sunday, but her family has asked for privacy.', none).verdict).toBe('corroborates');
  });
});

describe('a report that asks or hedges does not state the fact', () => {
  const PAGE = 'The mayor of Dunmore resigned on Tuesday after the budget vote.';
  it('a question: related, and the reason says the report asks it', () => {
    const c = compareClaims(PAGE, 'Did the mayor of Dunmore resign on Tuesday after the budget vote?', none);
    expect(c.verdict).toBe('related');
    expect(c.reason).toMatch(/the report asks it/i);
    expect(compareClaims('The bakery chain Crumbly will close 40 shops in Norland next year.', 'Will the bakery chain Crumbly close 40 shops in Norland next year?', none).verdict).toBe('related');
  });
  it('"may", "might", "could" on the claim’s own words: related, and the reason names the hedge', () => {
    for (const [page, report, word] of [
      [PAGE, 'The mayor of Dunmore may have resigned on Tuesday after the budget vote.', 'may'],
      [PAGE, 'The mayor of Dunmore could resign on Tuesday after the budget vote.', 'could'],
      ['The bakery chain Crumbly will close 40 shops in Norland next year.', 'The bakery chain Crumbly might close 40 shops in Norland next year.', 'might'],
    ] as const) {
      const c = compareClaims(page, report, none);
      expect(c.verdict, report).toBe('related');
      expect(c.reason.toLowerCase()).toContain(`the report hedges it (“${word}”)`);
    }
  });
  it('a hedge on something else in the sentence, or on both sides, still corroborates', () => {
    expect(compareClaims(PAGE, 'The mayor of Dunmore resigned on Tuesday after the budget vote and may face an inquiry.', none).verdict).toBe('corroborates');
    expect(compareClaims('The mayor of Dunmore resigned in May after the budget vote.', 'In May the mayor of Dunmore resigned after the budget vote, officials said.', none).verdict).toBe('corroborates');
    expect(compareClaims('The ferry may resume sailing to Oskar Island in April.', 'The ferry may resume sailing to Oskar Island in April, the operator said.', none).verdict).toBe('corroborates');
  });
});

describe('two different figures counting the same thing never corroborate', () => {
  it('"more than N" with different N: related, naming both figures', () => {
    const c = compareClaims('The clip of the dancing goat has been viewed more than 198,000 times.', 'The clip of the dancing goat has been viewed more than 610,000 times.', none);
    expect(c.verdict).toBe('related');
    expect(c.reason).toContain('“more than 198,000 times”');
    expect(c.reason).toContain('“more than 610,000 times”');
    expect(compareClaims('The petition to save the old pier has been signed by more than 12,000 people.', 'The petition to save the old pier has been signed by more than 15,000 people.', none).verdict).toBe('related');
  });
  it('a running count at two different times is related, not a conflict', () => {
    expect(compareClaims('The clip of the dancing goat had been viewed more than 198,000 times by Monday.', 'By Thursday the clip of the dancing goat had been viewed more than 610,000 times.', none).verdict).toBe('related');
    expect(compareClaims('The petition to save the old pier has so far been signed by 12,400 people.', 'The petition to save the old pier has now been signed by 15,100 people.', none).verdict).toBe('related');
  });
  it('the same figure still corroborates; two figures of one event at one time still conflict', () => {
    expect(compareClaims('The clip of the dancing goat has been viewed more than 198,000 times.', 'More than 198,000 people have viewed the clip of the dancing goat, which has been viewed more than 198,000 times.', none).verdict).toBe('corroborates');
    expect(compareClaims('The storm destroyed 40 homes in Dunmore on Friday.', 'The storm destroyed 65 homes in Dunmore on Friday.', none).verdict).toBe('conflicts');
  });
});

describe('two acts told of the same people, place and day (lib/stance/actions.ts)', () => {
  it('a budget approved and a road flooded, men arrested and men stabbed: related, and the reason names both acts', () => {
    const pairs: [string, string, string, string][] = [
      ['The council approved a budget for the valley road near Eastmere on Monday.', 'Rains flooded the valley road near Eastmere on Monday.', 'approved', 'flooded'],
      ['Police arrested two men in Barnsby on Saturday after the football match.', 'Two men were stabbed in Barnsby on Saturday after the football match.', 'arrested', 'stabbed'],
      ['Police arrested two men in Barnsby on Saturday after the match.', 'Two men in Barnsby were injured after the match, police said.', 'arrested', 'injured'],
    ];
    for (const [page, report, act, other] of pairs) {
      const c = compareClaims(page, report, none);
      expect(c.verdict, report).toBe('related');
      expect(c.reason).toContain(`they tell of different acts: this page “${act}”, the report “${other}”`);
    }
  });
  it('a differing day belongs to the other act: no conflict', () => {
    expect(compareClaims('Police arrested two men in Barnsby on Saturday after the football match.', 'Two men were stabbed in Barnsby on Sunday after the football match.', none).verdict).toBe('related');
  });
  it('the same act in other words still corroborates, and a differing count of it still conflicts', () => {
    const page = 'Police arrested two men in Barnsby on Saturday after the football match.';
    expect(compareClaims(page, 'Police detained two men in Barnsby on Saturday after the football match.', none).verdict).toBe('corroborates');
    expect(compareClaims(page, 'Two men were arrested in Barnsby on Saturday after the football match.', none).verdict).toBe('corroborates');
    const c = compareClaims(page, 'Police arrested three men in Barnsby on Saturday after the football match.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts).toMatchObject({ page: '2 men', report: '3 men' });
  });
  it('an act the other tells by a noun is the same act ("struck … hosting a gathering" / "hosted a gathering")', () => {
    expect(compareClaims('Officials said the hotel struck in Vessa had been hosting a military gathering.', 'Officials said the hotel hosted a military gathering.', none).verdict).not.toBe('related');
  });
});

describe('a change told in the other direction', () => {
  it('"rose 5%" / "fell 5%" of the same thing conflicts, naming both words', () => {
    const c = compareClaims('Shares in Norvex rose 5% on Monday.', 'Shares in Norvex fell 5% on Monday.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts).toMatchObject({ page: 'rose', report: 'fell' });
  });
  it('a rise of one thing and a fall of another, or a sentence telling both directions, is no conflict', () => {
    expect(compareClaims('Norvex shares rose sharply on Monday.', 'Norvex profits fell on Monday.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('Shares in Norvex rose 5% on Monday after falling on Friday.', 'Shares in Norvex fell 5% on Friday.', none).verdict).not.toBe('conflicts');
  });
});
