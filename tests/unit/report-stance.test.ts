import { describe, expect, it } from 'vitest';
import { reportStance, type Judgement } from '../../lib/stance';
import { coveredByReport } from '../../lib/stance/coverage';
import { claimCallsUntrue, untrueIn } from '../../lib/stance/debunk';
import { relayedIn, relaysItself } from '../../lib/stance/relay';

const numbered = (texts: string[]) => texts.map((text, i) => ({ i, text }));
const related: Judgement = { verdict: 'related', reason: 'Both mention the museum.', parts: null, sides: null, certainty: 'tentative', strength: 0.2, sentenceIndex: 0, sentence: '' };
const corroborated: Judgement = { ...related, verdict: 'corroborates', reason: 'The report states it.' };
const report = (sentences: string[]) => ({ id: 'r', title: null, sentences });

describe('report-level signals (relay.ts, debunk.ts, coverage.ts)', () => {
  it('counts the sentences about a claim that relay it, with their words', () => {
    const about = (t: string) => /museum/i.test(t);
    const r = relayedIn(numbered(['The museum was reportedly sold to a collector.', 'The museum opened in 1901.', 'The weather may change.']), about);
    expect(r).toEqual({ about: 2, relayed: 1, words: ['reportedly'], first: 0 });
    // "May" the month is no hedge
    expect(relayedIn(numbered(['The museum was sold in May.']), about).relayed).toBe(0);
  });
  it('finds a report calling a story untrue, not a negated hoax', () => {
    const u = untrueIn(numbered(['The painter lives in Leeds.', 'The story of his arrest is a hoax.', 'It was made up by a satirical site.']));
    expect(u?.count).toBe(3);
    expect(u?.i).toBe(1);
    expect(u?.report).toContain('hoax');
    expect(untrueIn(numbered(['Police said the arrest was not a hoax.']))).toBeNull();
    expect(claimCallsUntrue('Mayor denies he was arrested')).toBe('denies');
    expect(claimCallsUntrue('Painter arrested in Leeds')).toBeNull();
  });
  it('covers a claim from the words of several sentences; names literally', () => {
    const c = coveredByReport('Painter arrested in Leeds after museum theft', report(['Police arrested the painter on Tuesday.', 'A theft at the museum in Leeds was reported.']));
    expect(c.missing).toEqual([]);
    expect(coveredByReport('Painter arrested in York', report(['Police arrested the painter.'])).missing).toEqual(['york']);
  });
});

describe('reportStance: how a whole listed report takes the claim', () => {
  it('a report calling the story a hoax conflicts with a page that states it, naming the words', () => {
    const j = reportStance('Painter arrested for museum theft', report(['A story claims the painter was arrested for a museum theft.', 'The story is a hoax.', 'It was made up by a satirical website.']), related);
    expect(j.verdict).toBe('conflicts');
    expect(j.reason).toContain('hoax');
  });
  it('and corroborates a page that calls it a hoax too', () => {
    const j = reportStance('Story of painter arrested for museum theft is a hoax', report(['A story claims the painter was arrested for a museum theft.', 'The story is a hoax.']), related);
    expect(j.verdict).toBe('corroborates');
    expect(j.reason).toContain('hoax');
  });
  it('a corroboration relayed elsewhere in the report (reportedly, according to) is related', () => {
    const j = reportStance('Painter arrested for museum theft', report(['The painter was arrested for the museum theft.', 'The painter reportedly planned the museum theft, according to a tabloid.', 'The museum theft could be linked to others.']), corroborated);
    expect(j.verdict).toBe('related');
    expect(j.reason).toContain('reportedly');
  });
  it('a report stating the claim plainly across its sentences corroborates', () => {
    const j = reportStance('Painter arrested for museum theft', report(['Police arrested a painter on Tuesday.', 'He stole six paintings in the museum theft last month.']), related);
    expect(j.verdict).toBe('corroborates');
    expect(j.reason).toContain('“painter”');
  });
  it('stays related when the report hedges, and a report not about the claim is left as judged', () => {
    expect(reportStance('Painter arrested for museum theft', report(['Police may have arrested a painter on Tuesday.', 'The museum theft is unsolved.']), related).verdict).toBe('related');
    expect(reportStance('Painter arrested for museum theft', report(['The weather was fine.', 'A hoax, a fake, a prank.']), related)).toBe(related);
  });
});

describe('reportStance: a page that denies the story, or asks it', () => {
  const hoax = report(['A story claims the painter was arrested for a museum theft.', 'The story is a hoax.', 'It was made up by a satirical website.']);
  it('a page denying it takes the debunking report’s side', () => {
    const j = reportStance('Painter was not arrested for museum theft', hoax, related);
    expect(j.verdict).toBe('corroborates');
    expect(j.reason).toContain('“not”');
  });
  it('a page asking it is no statement for the report to contradict', () => {
    expect(reportStance('Was the painter arrested for museum theft?', hoax, related)).toBe(related);
  });
  it('a page asking it is no statement for the report to corroborate either, even one calling it untrue', () => {
    const stated = report(['Police arrested the painter on Tuesday for the museum theft.', 'He stole six paintings.']);
    const j = reportStance('Was the painter arrested for the museum theft?', stated, corroborated);
    expect(j.verdict).toBe('related');
    expect(j.reason).toContain('asks');
    expect(reportStance('Painter arrested for the museum theft', stated, corroborated)).toBe(corroborated);
    expect(reportStance('Is the story of the painter arrested for museum theft a hoax?', hoax, related)).toBe(related);
  });
});

describe('reportStance: no corroboration from scattered words', () => {
  it('not from a claim the report does not retell, nor a negated, hedged or figure-differing one', () => {
    const r = report(['The town council of Eastmere met on Monday and approved a new budget for the harbour.', 'The harbour master welcomed the budget.']);
    expect(reportStance('The mayor of Eastmere opposed the budget', r, related)).toBe(related);
    expect(reportStance('The Eastmere council did not approve the harbour budget', r, related)).toBe(related);
    expect(reportStance('The Eastmere council should approve the harbour budget', r, related)).toBe(related);
    expect(reportStance('The Eastmere council approved a harbour budget of 14 million', r, related)).toBe(related);
    expect(reportStance('The Eastmere council approved the harbour budget', r, related).verdict).toBe('corroborates');
  });
  it('not for a page that relays its own claim: it states no fact for the report to state too', () => {
    const r = report(['The town council of Eastmere met on Monday and approved a new budget for the harbour.', 'The harbour master welcomed the budget.']);
    expect(reportStance('The Eastmere council reportedly approved the harbour budget', r, related)).toBe(related);
    expect(reportStance('Report: the Eastmere council approved the harbour budget', r, related)).toBe(related);
    expect(reportStance('Eastmere council approved the harbour budget, report says', r, related)).toBe(related);
  });
});

describe('reportStance: a page that relays or hedges its own claim (relaysItself)', () => {
  it('finds the page’s own relaying or hedging word, not an attribution nor the month', () => {
    expect(relaysItself('The painter reportedly stole six paintings')).toBe('reportedly');
    expect(relaysItself('Painter may face charges over museum theft')).toBe('may');
    expect(relaysItself('Rumors that the painter fled to Spain')).toBe('Rumors');
    expect(relaysItself('According to police, the painter stole six paintings')).toBeNull();
    expect(relaysItself('Painter arrested in May for museum theft')).toBeNull();
    expect(relaysItself('Painter arrested for museum theft: report')).toBe('report');
    expect(relaysItself('Painter arrested for museum theft, reports say')).toBe('reports say');
    expect(relaysItself('Report: painter arrested for museum theft')).toBe('Report:');
    expect(relaysItself('The audit report says the museum lost six paintings')).toBeNull();
    expect(relaysItself('Video purports to show the painter stealing six paintings')).toBe('purports');
    expect(relaysItself('Report — painter arrested for museum theft')).toBe('Report —');
    expect(relaysItself('Painter arrested after a month-long hunt')).toBeNull();
  });
  it('states no fact for a report to corroborate: related, with the page’s word', () => {
    const stated = report(['Police arrested the painter on Tuesday for the museum theft.', 'He stole six paintings.']);
    const j = reportStance('Painter reportedly arrested for the museum theft', stated, corroborated);
    expect(j.verdict).toBe('related');
    expect(j.reason).toContain('“reportedly”');
    expect(reportStance('Painter could be arrested for the museum theft', stated, corroborated).verdict).toBe('related');
    expect(reportStance('According to police, the painter was arrested for the museum theft', stated, corroborated)).toBe(corroborated);
  });
});

describe('reportStance: a claim the report gives a source for', () => {
  it('keeps the corroboration when the report names a source for it (the same claim from another source)', () => {
    const r = report(['The painter was arrested for the museum theft, according to the police.', 'The museum theft shocked Leeds.']);
    expect(reportStance('Police said the painter was arrested for the museum theft', r, corroborated)).toBe(corroborated);
    expect(reportStance('Painter arrested for museum theft', r, corroborated)).toBe(corroborated);
    const told = report(['Local papers reported that the painter was arrested for the museum theft.', 'Reports say he stole six paintings.']);
    expect(reportStance('Painter arrested for museum theft', told, corroborated)).toBe(corroborated);
  });
  it('but not when the report gives it as hearsay: rumoured, alleged, reportedly, unconfirmed', () => {
    const rumour = report(['Rumours say the painter was arrested for the museum theft, according to the police.', 'The museum theft shocked Leeds.']);
    const j = reportStance('Painter arrested for museum theft', rumour, corroborated);
    expect(j.verdict).toBe('related');
    expect(j.reason).toContain('“rumours”');
    expect(j.reason).not.toContain('according to');
    expect(reportStance('Painter arrested for museum theft', report(['The painter was allegedly arrested for the museum theft.']), corroborated).verdict).toBe('related');
  });
});

describe('reportStance: a prankster is a person, not a story called untrue (untrueIn)', () => {
  it('"prankster Rosa Vell" counts no debunking word', () => {
    expect(untrueIn(numbered(['In a clip posted online, prankster Rosa Vell hands a busker $50 and follows him.', 'Pranksters often film such clips.']))).toBeNull();
    expect(untrueIn(numbered(['The clip was a prank.']))?.count).toBe(1);
  });
  it('a report naming its prankster twice and one hoax word is no conflict', () => {
    const r = report(['Prankster Rosa Vell gave the busker $50.', 'The prankster filmed the busker spending the $50 on lunch for the choir.', 'A passer-by said the clip was a hoax.']);
    expect(reportStance('The busker spent the $50 on lunch for the choir', r, related).verdict).not.toBe('conflicts');
  });
});
