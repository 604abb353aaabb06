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

export function bloomHas(words: ArrayLike<number>, key: string): boolean {
  const bits = words.length * 32;
  for (const i of positions(key, bits)) if (!((words[i >>> 5]! >>> (i & 31)) & 1)) return false;
  return true;
}

function positions(key: string, bits: number): number[] {
  const h1 = hash32(key);
  const h2 = (Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d) | 1) >>> 0;
  const out: number[] = [];
  for (let i = 0; i < HASHES; i++) out.push((h1 + Math.imul(i, h2)) >>> 0 & (bits - 1));
  return out;
}
