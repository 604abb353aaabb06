import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import nlp from '../../lib/corpus/fast-nlp';
import { nounPhrases } from '../../lib/corpus/noun-phrases';

/** Sentences where compromise's clause split cuts a noun run (a place's comma, dash, quotation, 'if', ellipsis, said). */
const CUT = [
  'Officials met at Dulles International Airport outside Washington, D.C. on Monday.',
  '(REUTERS) – Analysts wonder how long the truce can last.',
  'She blamed the "threat of the media exposing me forced me out" for her exit.',
  'The small town of Purdon, Texas was evacuated on Friday.',
  'I challenge the minister to an open debate if he has the courage.',
  'So we can all breathe a big sigh of relief… inhale, exhale… the vote is over.',
  '“We applaud the district courts here in Phoenix,” Brewer said.',
  'One notable “ingredient” – preservatives – will be removed from the menu.',
];

const own = (text: string) => nlp(text).nouns().out('array') as string[];

describe('nounPhrases', () => {
  it('gives what nouns() gives on the seed reports', () => {
    for (const { text } of readSeeds()) expect(nounPhrases(nlp(text))).toEqual(own(text));
  });
  it('splits clauses where a boundary cuts a noun run', () => {
    for (const text of CUT) {
      const whole = nlp(text);
      Object.assign(whole, { clauses: () => whole }); // nouns() without the clause split
      expect(whole.nouns().out('array'), text).not.toEqual(own(text));
      expect(nounPhrases(nlp(text)), text).toEqual(own(text));
    }
  });
  it('gives what nouns() gives with cut and whole sentences mixed', () => {
    const text = [readSeeds()[0]!.text.split('\n').slice(0, 4).join(' '), ...CUT].join(' ');
    expect(nounPhrases(nlp(text))).toEqual(own(text));
  });
});
