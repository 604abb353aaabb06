import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import { foldedWords, textKey } from '../../lib/corpus/identity';
import { containment, isNearDuplicate, MIN_CONTAINMENT, MIN_SHINGLES, nearKeys, shingles } from '../../lib/corpus/near-duplicate';
import { paragraphsOf, variant, VARIANT_KINDS } from '../../scripts/near-variants';

const seeds = readSeeds().map((r) => r.text);
const similarity = (a: string, b: string) => {
  const [x, y] = [shingles(a), shingles(b)];
  return x.length <= y.length ? containment(x, y) : containment(y, x);
};
const shareKey = (a: string, b: string) => nearKeys(a).some((k) => nearKeys(b).includes(k));

/** A different article on the story of seed 0: it names the same people and quotes the same sentence. */
const SAME_STORY = [
  'Zelenskyy sets January target for Washington summit',
  'Ukraine’s president wants leaders to meet in the United States within weeks, a timetable his European partners have yet to endorse.',
  '“Ukraine and national security advisers from 18 countries discussed security guarantees, economic agreements and sequencing plans,” Zelenskyy said in his nightly address, repeating a line he first used on Saturday.',
  'Diplomats in Brussels were more cautious. Several said privately that the sequencing of a ceasefire, sanctions relief and reconstruction money remained unresolved, and that Moscow had shown no sign of accepting the draft.',
  'Paris will host European leaders next week before any meeting with American negotiators, officials in Kyiv said.',
].join('\n\n');

/** Labelled pairs: near-identical variants of each seed report, and pairs that must stay apart. */
const positives = seeds.flatMap((s, i) => VARIANT_KINDS.flatMap((kind) => [variant(s, kind, i + 1)].filter((v) => v !== null).map((v) => ({ kind, a: s, b: v }))));
const negatives = [
  ...seeds.flatMap((a, i) => seeds.slice(i + 1).map((b) => ({ kind: 'other seed on the same story', a, b }))),
  { kind: 'same story, shared quote', a: seeds[0]!, b: SAME_STORY },
  ...seeds.map((s) => ({ kind: 'one paragraph quoted', a: s, b: paragraphsOf(s).reduce((x, y) => (y.length > x.length ? y : x)) })),
];

describe('near-identical reports', () => {
  it('every kind of small edit of every seed report is near-identical and found through a shared key', () => {
    expect(positives.length).toBe(seeds.length * VARIANT_KINDS.length);
    for (const { kind, a, b } of positives) {
      expect(isNearDuplicate(shingles(a), shingles(b)), kind).toBe(true);
      expect(shareKey(a, b), kind).toBe(true);
    }
  });

  it('different reports on the same story and quoted paragraphs are not', () => {
    for (const { kind, a, b } of negatives) expect(isNearDuplicate(shingles(a), shingles(b)), kind).toBe(false);
  });

  it('the threshold sits in a wide gap between the two labelled sets', () => {
    const least = Math.min(...positives.map(({ a, b }) => similarity(a, b)));
    const most = Math.max(...negatives.filter((n) => !/quoted/.test(n.kind)).map(({ a, b }) => similarity(a, b)));
    expect(least).toBeGreaterThan(MIN_CONTAINMENT + 0.05);
    expect(most).toBeLessThan(0.2); // articles on one story share names and quotes, few 5-word runs
  });

  it('a copy with a paragraph added counts (containment, not Jaccard)', () => {
    const extra = 'Analysts in Warsaw said the timetable was ambitious but not impossible, pointing to the speed with which earlier rounds of talks had been arranged and the number of officials already travelling between the capitals.';
    expect(isNearDuplicate(shingles(seeds[4]!), shingles(`${seeds[4]}\n\n${extra}`))).toBe(true);
  });
});

describe('short texts', () => {
  const SHORT = 'Fighting around the Donbas intensified on Tuesday as Russian forces pressed toward Kramatorsk, Ukrainian officials said.';

  it('get no keys and are never near-identical: only the exact text rule applies', () => {
    expect(shingles(SHORT).length).toBeLessThan(MIN_SHINGLES);
    expect(nearKeys(SHORT)).toEqual([]);
    expect(isNearDuplicate(shingles(SHORT), shingles(SHORT.replace('Tuesday', 'Wednesday')))).toBe(false);
    expect(nearKeys('')).toEqual([]);
  });

  it('a report just long enough is compared', () => {
    const text = foldedWords(seeds[4]!).slice(0, MIN_SHINGLES + 4).join(' ');
    expect(shingles(text).length).toBe(MIN_SHINGLES);
    expect(nearKeys(text)).toHaveLength(16);
  });
});

describe('keys', () => {
  it('are 16 band keys, the same for the same words whatever the case, spacing or punctuation', () => {
    const keys = nearKeys(seeds[0]!);
    expect(keys).toHaveLength(16);
    for (const k of keys) expect(k).toMatch(/^b\d{1,2}:[0-9a-f]{8}$/);
    const respaced = seeds[0]!.toUpperCase().replace(/\s+/g, '  ').replace(/,/g, ' ;');
    expect(textKey(respaced)).toBe(textKey(seeds[0]!));
    expect(nearKeys(respaced)).toEqual(keys);
  });

  it('never change: they are stored, and new keys would need a schema upgrade', () => {
    expect(nearKeys(seeds[4]!).slice(0, 4)).toEqual(['b0:acf6799e', 'b1:1cc93ec3', 'b2:6aa0b920', 'b3:1bdbab3c']);
  });
});
