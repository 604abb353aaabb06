import { describe, expect, it } from 'vitest';
import { compareClaims, type EntityLookup } from '../../lib/stance/claims';

const none: EntityLookup = { find: () => [] };
const verdict = (a: string, b: string) => compareClaims(a, b, none).verdict;

describe('figures that need not be of one thing are no conflict (issue 15, claims32)', () => {
  it('a figure given for part of a set ("some lamps sold for more than $9,000 each") is not the set’s', () => {
    expect(verdict('The auction included brass lamps that sold for $4,000 each, the gallery said.', 'The gallery said some brass lamps sold for more than $9,000 each.')).toBe('related');
    expect(verdict('The gallery sold brass lamps for $4,000 each on Sunday.', 'Several of the brass lamps sold for $9,000 each on Sunday, the gallery said.')).not.toBe('conflicts');
  });
  it('but the same set at two prices still conflicts, and "some 40" is about 40, no subset', () => {
    expect(verdict('The gallery sold the brass lamps for $4,000 each at the auction on Sunday.', 'The gallery sold the brass lamps for $9,000 each at the auction on Sunday.')).toBe('conflicts');
    expect(verdict('The flood in Tarnby destroyed 40 homes on Monday.', 'The flood in Tarnby destroyed some 90 homes on Monday.')).toBe('conflicts');
  });
  it('two people introduced anew with other ages ("a 31-year-old woman" / "a 58-year-old woman") may be two people', () => {
    const swim = compareClaims('A 31-year-old woman from Norland swam across the icy lake on a dare.', 'Last winter a 58-year-old Norland woman swam across the icy lake in her coat.', none);
    expect(swim.verdict).toBe('related');
    expect(swim.reason).toContain('58-year-old');
  });
  it('one of them named by "the", or one named person, is one person: the ages conflict', () => {
    expect(verdict('Rina Holt, a 31-year-old teacher, swam across the icy lake on Sunday.', 'Rina Holt, a 58-year-old teacher, swam across the icy lake on Sunday.')).toBe('conflicts');
    expect(verdict('A 31-year-old woman was rescued from the icy lake in Tarnby on Sunday.', 'The 58-year-old woman rescued from the icy lake in Tarnby on Sunday is recovering.')).toBe('conflicts');
  });
});

describe('units of measure (issue 15, claims32)', () => {
  it('kilometres are not metres: a size and a distance are two measures', () => {
    expect(verdict('The comet, dubbed "K9," was about 30 meters wide, astronomers said on Friday.', 'The comet, called K9, passed at a distance of about 60,000 kilometers on Friday, astronomers said.')).not.toBe('conflicts');
  });
  it('the same unit still conflicts', () => {
    expect(verdict('The comet, dubbed "K9," was about 30 meters wide, astronomers said on Friday.', 'The comet, called K9, was about 90 meters wide, astronomers said on Friday.')).toBe('conflicts');
  });
});

describe('an act threatened is no act done (nearestKind, issue 15, claims32)', () => {
  it('"threatening to kill him" dates the threat, not a killing', () => {
    expect(verdict('Rebels killed the pilot Ivo Marr at dawn on Saturday, an army spokesman said.', 'Rebels released a video on Thursday that showed Ivo Marr, threatening to kill him within a week.')).not.toBe('conflicts');
  });
  it('the killing dated on both sides still conflicts', () => {
    expect(verdict('Rebels killed the pilot Ivo Marr at dawn on Saturday, an army spokesman said.', 'Rebels killed the pilot Ivo Marr at dawn on Thursday, an army spokesman said.')).toBe('conflicts');
  });
});

describe('two people introduced anew, within one event both tell of', () => {
  it('"a 6-year-old boy" / "a 4-year-old boy" in one flood on one night is one boy: the ages conflict', () => {
    expect(verdict('A man and a 6-year-old boy died in a flash flood in Tarnby late Friday.', 'A man and a 4-year-old boy were killed late Friday in a flash flood in Tarnby, the mayor said.')).toBe('conflicts');
  });
});

describe('a figure per item is not a total (issue 15, claims32)', () => {
  it('"lamps costing $4,000 each" / "spent $90,000 at the auction": related, never the same figure', () => {
    expect(verdict('The gallery sold brass lamps costing $4,000 each at the auction in Tarnby on Sunday.', 'A collector spent $90,000 at the auction in Tarnby on Sunday, the gallery said.')).toBe('related');
  });
  it('each on both sides still conflicts', () => {
    expect(verdict('The gallery sold the brass lamps for $4,000 each at the auction on Sunday.', 'The gallery sold the brass lamps for $9,000 apiece at the auction on Sunday.')).toBe('conflicts');
  });
});
