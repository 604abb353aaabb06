import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import { compromiseOwn } from '../../lib/corpus/fast-nlp';
import { extractReportTerms } from '../../lib/corpus/terms';

const one = (nlp.world() as { methods: { one: Record<string, unknown> } }).methods.one;

/** `f` run with compromise's own internals, then with this project's replacements. */
function both<T>(f: () => T): [own: T, fast: T] {
  const fast = Object.fromEntries(Object.keys(compromiseOwn).map((k) => [k, one[k]]));
  Object.assign(one, compromiseOwn);
  try {
    return [f(), (Object.assign(one, fast), f())];
  } finally {
    Object.assign(one, fast);
  }
}

const TEXTS = [
  ...readSeeds().map((r) => r.text),
  "We've said, and while they waited, that the U.S.-backed plan (which Kyiv's envoys drafted) won't work; " +
    'now that Mar-a-Lago talks ended... "It is over," said Secretary of State Marco Rubio in Washington, D.C., on Tuesday, March 2.',
  'Twenty-two soldiers and three hundred civilians were hurt, a fifth of them children, officials said on the second day.',
];

describe('compromise with faster internals', () => {
  it('replaces all three', () => {
    for (const [k, own] of Object.entries(compromiseOwn)) expect(one[k], k).not.toBe(own);
  });
  it('tags every term as compromise does', () => {
    for (const text of TEXTS) {
      // every term's text and tags, in order (term ids count up across documents, so they differ)
      const [own, fast] = both(() => nlp(text).docs.map((terms) => terms.map((t) => [t.text, [...(t.tags ?? [])], t.chunk])));
      expect(fast).toEqual(own);
    }
  });
  it('finds the same nouns, clauses, people, places and organisations', () => {
    for (const text of TEXTS) {
      const [own, fast] = both(() => {
        const doc = nlp(text);
        return [doc.nouns(), doc.clauses(), doc.people(), doc.places(), doc.organizations(), doc.match('#Hyphenated+')].map((v) => v.out('array'));
      });
      expect(fast).toEqual(own);
    }
  });
  it('rewrites number words as lib/stance does, re-tagging what changed', () => {
    for (const text of TEXTS) {
      const [own, fast] = both(() => {
        const doc = nlp(text);
        doc.numbers().toNumber();
        return doc.text();
      });
      expect(fast).toEqual(own);
    }
  });
  it('extracts the same report terms', () => {
    for (const text of TEXTS) {
      const [own, fast] = both(() => extractReportTerms(text));
      expect(fast).toEqual(own);
    }
  });
});
