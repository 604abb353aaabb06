/**
 * Near-duplicate reports: the same article with small edits (a new headline, a paragraph added or
 * dropped, typos corrected, other boilerplate or byline). Pure; the background's writes use it.
 *
 * A report is cut into overlapping 5-word shingles. A MinHash signature of those shingles (32
 * values) is cut into 16 bands of 2 values; each band gives one key, stored in a multiEntry index,
 * so that reports sharing any band key are found without reading the corpus. Only those
 * candidates are compared exactly, on their shingle sets.
 *
 * The keys are stored: changing SHINGLE_WORDS, the seeds or the banding changes every key, and then
 * needs a schema upgrade that recomputes them (lib/db.ts).
 */
import { hash32 } from '../text';
import { foldedWords } from './identity';

/** Words per shingle: long enough that two articles on one story rarely share a shingle outside quotes. */
export const SHINGLE_WORDS = 5;
const BANDS = 16;
const ROWS = 2;
/**
 * Fewer shingles than this (about 30 words) and one edit changes too large a share of them to
 * tell an edit from another text: such reports get no keys and only the exact textKey rule applies.
 */
export const MIN_SHINGLES = 25;
/**
 * Least share of the smaller report's shingles found in the other (containment). Measured on FNC-1
 * (scripts/bench-near.ts): pairs of different bodies at 0.8 or more are copies of one article with
 * edits; between 0.6 and 0.8 are also rewrites that re-tell a story with many copied sentences,
 * which are reports of their own. Each synthetic edit (new headline, paragraph dropped, 3 typos,
 * boilerplate, byline) stays at 0.8 or more in 98.6–100% of bodies, all but the drop at once in 96.6%.
 */
export const MIN_CONTAINMENT = 0.8;
/**
 * Least size of the smaller report, as a share of the larger: one paragraph quoted from a long
 * article is contained in it but is a report of its own.
 */
export const MIN_SIZE_RATIO = 0.5;

/** murmur3's 32-bit finaliser: a bijection with full avalanche, so `mix(x ^ seed)` is one hash of a family. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per MinHash value, fixed forever (the keys are stored). */
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => hash32(`crosscheck minhash ${i}`));

/** A text's distinct shingle hashes, sorted: 4 bytes each, and two of them compared in one merge. */
export type Shingles = Uint32Array;

/**
 * The distinct 5-word shingles of a text (folded words, as textKey sees them), each hashed to 32
 * bits. Each word is hashed once and a shingle's hash combines its words' hashes: a 1 MB report
 * is shingled in less than half the time that hashing each 5-word string takes.
 */
export function shingles(text: string): Shingles {
  return shinglesOfWords(foldedWords(text));
}

/** The same from the text's folded words. */
export function shinglesOfWords(folded: string[]): Shingles {
  const words = folded.map(hash32);
  const all = new Uint32Array(Math.max(0, words.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < all.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE_WORDS; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
    all[i] = mix(h);
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** MinHash: for each hash of the family, the least hash over the shingles. Two signatures agree at one position with probability = Jaccard. */
function signature(set: Shingles): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < SEEDS.length; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Locality-sensitive hashing: one key per band of ROWS values ("b3:1a2b3c4d"). Two reports share a
 * key with probability 1 - (1 - J²)¹⁶: 0.89 at Jaccard 0.36 (the least a pair passing the exact
 * test can have: containment 0.8 at size ratio 0.5), 0.99 at 0.5, 0.04 at 0.05. On FNC-1 these keys
 * find 99% of the pairs the exact test accepts; 8 bands of 4 rows found 88%.
 */
function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const band = Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',');
    keys.push(`b${b}:${hash32(band).toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** The keys to store and look up for a report's text; none for a text too short to compare this way. */
export function nearKeys(text: string): string[] {
  return nearKeysOf(shingles(text));
}

/** The same from shingles already computed. */
export function nearKeysOf(set: Shingles): string[] {
  return set.length < MIN_SHINGLES ? [] : bandKeys(signature(set));
}

/**
 * The exact test on a candidate: the smaller report is at least half the size of the larger and
 * at least MIN_CONTAINMENT of its shingles are in the larger. Containment (not Jaccard) so that a
 * copy plus a paragraph or a block of boilerplate still counts.
 */
export function isNearDuplicate(a: Shingles, b: Shingles): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length < MIN_SHINGLES || small.length < MIN_SIZE_RATIO * large.length) return false;
  return containment(small, large) >= MIN_CONTAINMENT;
}

/** The first candidate (found by shared keys) that really is a near-duplicate of `text`; the text is shingled only if there are candidates. */
export function firstNearDuplicate<T extends { text: string }>(text: string, candidates: Iterable<T>): T | undefined {
  let set: Shingles | undefined;
  return firstNearDuplicateOf(() => (set ??= shingles(text)), candidates, (c) => shingles(c.text));
}

/** The same with shingles supplied (computed once, or cached, by the caller). */
export function firstNearDuplicateOf<T>(set: () => Shingles, candidates: Iterable<T>, shinglesOf: (c: T) => Shingles): T | undefined {
  for (const c of candidates) if (isNearDuplicate(set(), shinglesOf(c))) return c;
  return undefined;
}

/** Share of `small`'s shingles that are in `large` (both sorted). */
export function containment(small: Shingles, large: Shingles): number {
  let shared = 0;
  for (let i = 0, j = 0; i < small.length && j < large.length; ) {
    if (small[i] === large[j]) shared++, i++, j++;
    else if (small[i]! < large[j]!) i++;
    else j++;
  }
  return small.length ? shared / small.length : 0;
}
