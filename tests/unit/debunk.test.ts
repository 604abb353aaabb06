import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';
import { withoutAddressee } from '../../lib/stance/frame';
import { judge, reportStance, type Judgement } from '../../lib/stance';
import { notOwnFact } from '../../lib/stance/debunk';

const none: EntityLookup = { find: () => [] };

describe('debunking (lib/stance/debunk.ts): a report calling the page’s claim false', () => {
  it('a hoax, a fabricated story, a satirical site: conflicts, with the report’s words as the reason', () => {
    const hoax = compareClaims('The singer died of a heart attack at his home on Tuesday.', 'Reports that the singer died of a heart attack are a hoax, his agent said.', none);
    expect(hoax.verdict).toBe('conflicts');
    expect(hoax.parts).toMatchObject({ page: 'stated as fact' });
    expect(hoax.parts?.report).toContain('hoax');
    const fabricated = compareClaims('Gravity will decrease for five minutes on January 4 because of a planetary alignment.', 'An article saying a planetary alignment will decrease gravity on January 4 is a fabricated story.', none);
    expect(fabricated.verdict).toBe('conflicts');
    expect(fabricated.reason).toContain('fabricated');
  });
  it('the page’s own figure named as untrue ("the $72 million figure is totally bogus"), in a title-case headline', () => {
    const c = compareClaims('Student Made $72 Million Trading Stocks At Lunch', 'But now the station is reporting that the $72 million figure is totally bogus.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.reason).toContain('bogus');
  });
  it('kept tight: another thing called fake, a negated debunking word, a page that reports an allegation', () => {
    expect(compareClaims('The factory closed on Monday after the fire.', 'Photos of the fire were fake, but the factory did close on Monday.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('The factory closed on Monday after the fire.', 'The report that the factory closed after the fire is not a hoax.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('The company earned $5 million in profit last year.', 'Photos of the $5 million party were fake, officials said.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('The singer reportedly died of a heart attack at his home.', 'Reports that the singer died of a heart attack are a hoax, his agent said.', none).verdict).not.toBe('conflicts');
  });
  it('a denial by a party is no corroboration of the claim it denies', () => {
    expect(compareClaims('The brewer launched a pumpkin spice beer.', 'The brewer denied rumours that it launched a pumpkin spice beer.', none).verdict).not.toBe('corroborates');
  });
});

describe('"is not real": the story was invented (claims34)', () => {
  it('an article saying the claim "isn\'t real": conflicts, naming the report\'s words', () => {
    const c = compareClaims('The council is closing the Elm Street library next month.', "An article saying the council is closing the Elm Street library next month isn't real.", none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts?.report).toContain("isn't real");
  });
  it('kept tight: something else called not real, or "not real" negated by its own sentence ("is not not real" is no case)', () => {
    expect(compareClaims('The museum hired an archivist to sort old letters.', 'The threat to the museum is not real, police said.', none).verdict).not.toBe('conflicts');
    expect(compareClaims('Archivist Ada Brenner was hired by the museum in 2011.', 'The museum said another archivist, Tom Reyes, is not real.', none).verdict).not.toBe('conflicts');
  });
});

describe('a death mourned ("RIP") against "is not dead" (claims34)', () => {
  it('"Rowan Pike RIP" / "Rowan Pike is not dead", "R.I.P." / "is alive": conflicts', () => {
    expect(compareClaims('Actor Rowan Pike RIP...', 'The actor Rowan Pike is not dead.', none).verdict).toBe('conflicts');
    const c = compareClaims('So sad, actor Rowan Pike, R.I.P.', 'The actor Rowan Pike is alive and well, his agent said.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts?.report).toBe('is alive');
  });
  it('a name the parse misses (at the head of a post, lower-cased): "Rowan pike RIP..." / "Rowan Pike is not dead"', () => {
    expect(compareClaims('Rowan pike RIP...', 'Rowan Pike is not dead.', none).verdict).toBe('conflicts');
  });
  it('"rip" as a verb mourns nothing', () => {
    expect(compareClaims('Actor Rowan Pike will rip up the contract.', 'The actor Rowan Pike is not dead.', none).verdict).not.toBe('conflicts');
  });
});

describe('polarity: exactly one side negates', () => {
  it('never a corroboration ("was not closed" / "was closed")', () => {
    expect(compareClaims('The mayor said the bridge was not closed on Monday.', 'The bridge was closed on Monday, the mayor said.', none).verdict).not.toBe('corroborates');
  });
  it('a conflict when both give the same sum and one says it did not happen', () => {
    const c = compareClaims('The Student Made $72 Million Trading Stocks', 'The student says he did not make $72 million from trading stocks.', none);
    expect(c.verdict).toBe('conflicts');
    expect(c.parts).toMatchObject({ page: 'made', report: 'not make' });
  });
  it('a span of time is no such figure: "not have access for two weeks" / "access again in 2 weeks"', () => {
    expect(compareClaims('Someone else manages my account until I have access again in 2 weeks.', 'She said she would not have access for two weeks and someone else would manage her account.', none).verdict).not.toBe('conflicts');
  });
});

describe('counts conflict only when both count the same noun they give', () => {
  it('"12 soldiers" / "15 soldiers" conflict; "killed 12" / "15 soldiers were killed" do not', () => {
    expect(compareClaims('The attack on the base killed 12 soldiers, the army said.', 'The attack on the base killed 15 soldiers, the army said.', none).verdict).toBe('conflicts');
    expect(compareClaims('The attack on the base killed 12, the army said.', 'The attack on the base killed 15 soldiers, the army said.', none).verdict).not.toBe('conflicts');
  });
});

describe('unit paraphrases are the same figure', () => {
  it('miles per hour = mph, kilograms = kg, three-year-old = 3-year-old', () => {
    expect(compareClaims('The car was travelling at 90 mph on the motorway.', 'The car was travelling at 90 miles per hour on the motorway.', none).reason).toContain('90 mph');
    expect(compareClaims('The newborn calf weighed 40 kg at birth.', 'The newborn calf weighed 40 kilograms at birth.', none).reason).toContain('40 kg');
    const age = compareClaims('A woman and a three-year-old child were rescued from the river.', 'A woman and a 3-year-old child were rescued from the river on Sunday.', none);
    expect(age.verdict).toBe('corroborates');
    expect(compareClaims('The newborn calf weighed 40 kg at birth.', 'The newborn calf weighed 45 kilograms at birth.', none).verdict).toBe('conflicts');
  });
});

describe('a news outlet spoken to is no participant', () => {
  it('"told Reuters", "said to AFP", "in an interview with the New York Times" leave the sentence', () => {
    expect(withoutAddressee('The minister told Reuters the mine would close.')).toBe('The minister told the mine would close.');
    expect(withoutAddressee('He said to AFP that talks had failed.')).toBe('He said to that talks had failed.');
    expect(withoutAddressee('She said in an interview with the New York Times that she would run.')).toBe('She said in an interview with that she would run.');
    expect(withoutAddressee('Trump told Putin the deal was off.')).toBe('Trump told Putin the deal was off.');
  });
  it('the agency is not among what two statements to it share', () => {
    const reuters: EntityLookup = {
      find: (text) => (text.includes('Reuters') ? [{ id: 'reuters', kind: 'organization', text: 'Reuters', start: text.indexOf('Reuters') }] : []),
    };
    const c = compareClaims('The mayor told Reuters the flood destroyed 300 homes.', 'Villagers told Reuters the landslide destroyed 500 homes.', reuters);
    expect(c.shared).not.toContain('T:reuters');
    expect(compareClaims('The mayor of Reuters said the flood destroyed 300 homes.', 'Villagers in Reuters said the landslide destroyed 500 homes.', reuters).shared).toContain('T:reuters');
  });
});

describe('a report that retells the claim and calls the story itself untrue (judge)', () => {
  const report = (sentences: string[]) => ({ id: 'r', title: 'Singer at centre of viral post', sentences });
  const claim = 'Pop singer Ana Lima died in a car crash in Lisbon on Tuesday.';
  it('"It is a hoax." elsewhere in the report: conflicts, pointing at that sentence', () => {
    const j = judge(claim, report(['A post said pop singer Ana Lima died in a car crash in Lisbon on Tuesday.', 'Her manager posted a photo of her at home.', 'It is a hoax.']), [0], none);
    expect(j.verdict).toBe('conflicts');
    expect(j.sentence).toBe('It is a hoax.');
    expect(j.reason).toContain('hoax');
  });
  it('kept tight: a fake passport, a page asking a question, a debunking reported as a claim', () => {
    const retold = 'A post said pop singer Ana Lima died in a car crash in Lisbon on Tuesday.';
    expect(judge(claim, report([retold, 'Police said the driver had a fake passport.']), [0], none).verdict).not.toBe('conflicts');
    expect(judge('Did pop singer Ana Lima die in a car crash in Lisbon on Tuesday?', report([retold, 'It is a hoax.']), [0], none).verdict).not.toBe('conflicts');
    expect(judge(claim, report([retold, 'Fans posted statements claiming the reports were false.']), [0], none).verdict).not.toBe('conflicts');
  });
});

describe('"the story itself" is untrue: only against a page stating the claim in its own voice (notOwnFact)', () => {
  const report = (sentences: string[]) => ({ id: 'r', title: 'Singer at centre of viral post', sentences });
  it('a page quoting someone saying it: true that it was said, whatever the story is worth', () => {
    const hoax = report(['A post said pop singer Ana Lima died in a car crash in Lisbon on Tuesday.', 'Her manager posted a photo of her at home.', 'The story is a hoax.', 'It was made up by a satirical website.']);
    for (const claim of ['Her cousin said on Tuesday: "I know that pop singer Ana Lima died in a car crash in Lisbon."', '"Ana Lima died in a car crash in Lisbon," her cousin told the radio station on Tuesday.']) {
      expect(notOwnFact(claim)).not.toBeNull();
      const j = judge(claim, hoax, [0], none);
      expect(j.verdict).not.toBe('conflicts');
      expect(reportStance(claim, hoax, j).verdict).not.toBe('conflicts');
    }
    // a saying without a quotation is read as the story's own claim ("the priest claims he met …")
    expect(notOwnFact('The painter claims he met the singer Ana Lima in Lisbon on Tuesday.')).toBeNull();
  });
  it('a page negating anywhere ("No agency confirms …"), hedging, or relaying a text ("a report surfaced claiming") states nothing for the report to contradict', () => {
    const retold = 'A post said pop singer Ana Lima died in a car crash in Lisbon on Tuesday.';
    const hoax = report([retold, 'Her manager posted a photo of her at home.', 'The story is a hoax.', 'It was made up by a satirical website.']);
    for (const claim of [
      'No hospital confirms that pop singer Ana Lima died in a car crash in Lisbon.',
      'Pop singer Ana Lima allegedly died in a car crash in Lisbon on Tuesday.',
      'On Tuesday a report surfaced claiming that pop singer Ana Lima died in a car crash in Lisbon.',
    ]) {
      expect(notOwnFact(claim)).not.toBeNull();
      expect(reportStance(claim, hoax, judge(claim, hoax, [0], none)).verdict).not.toBe('conflicts');
    }
  });
  it('a plain statement, or one quoting the story’s own words, still conflicts, in both paths', () => {
    const claim = 'Pop singer Ana Lima died in a car crash in Lisbon on Tuesday.';
    const retold = 'A post said pop singer Ana Lima died in a car crash in Lisbon on Tuesday.';
    const hoax = report([retold, 'Her manager posted a photo of her at home.', 'The story is a hoax.', 'It was made up by a satirical website.']);
    expect(notOwnFact(claim)).toBeNull();
    expect(notOwnFact('"Pop singer Ana Lima died in a car crash in Lisbon on Tuesday."')).toBeNull();
    expect(judge(claim, hoax, [0], none).verdict).toBe('conflicts');
    const related: Judgement = { verdict: 'related', reason: '', parts: null, sides: null, certainty: 'tentative', strength: 0.2, sentenceIndex: 0, sentence: retold };
    expect(reportStance(claim, hoax, related).verdict).toBe('conflicts');
  });
});
