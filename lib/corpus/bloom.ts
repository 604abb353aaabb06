/** A Bloom filter of a report's token keys: "might this report contain these words?" without reading it. */
import { hash32 } from '../text';

const HASHES = 4;

/** ~10 bits per key (a power of two, at least 256): about 1–2% false positives, never a false negative. */
export function bloomOf(keys: Iterable<string>): number[] {
  const list = [...new Set(keys)];
  let bits = 256;
  while (bits < list.length * 10) bits *= 2;
  const words = new Array<number>(bits / 32).fill(0);
  for (const k of list) for (const i of positions(k, bits)) words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
  return words;
}

/** A key's two hashes, worked out once to test many filters (a corpus write tests every report's). */
export interface BloomKey {
  h1: number;
  h2: number;
}

export function bloomKey(key: string): BloomKey {
  const h1 = hash32(key);
  return { h1, h2: (Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d) | 1) >>> 0 };
}

export function bloomHasKey(words: ArrayLike<number>, { h1, h2 }: BloomKey): boolean {
  const mask = words.length * 32 - 1;
  for (let i = 0; i < HASHES; i++) {
    const at = ((h1 + Math.imul(i, h2)) >>> 0) & mask;
    if (!((words[at >>> 5]! >>> (at & 31)) & 1)) return false;
  }
  return true;
}

function positions(key: string, bits: number): number[] {
  const { h1, h2 } = bloomKey(key);
  const out: number[] = [];
  for (let i = 0; i < HASHES; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) & (bits - 1));
  return out;
}
