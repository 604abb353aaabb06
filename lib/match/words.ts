/** Is a token an English word, and a common one or a proper noun? Guards fuzzy matching and name boundaries. */
import { ENGLISH_WORDS } from './english-words';

export type WordKind = 'common' | 'proper';

let source: string | null = null;
let blocks: string[] = [];
let heads: string[] = [];

/**
 * Each block's first word, for a binary search; the blocks themselves are decoded only when searched.
 * Rebuilt when the list changes: in the content script it arrives from the background (lib/page/english-words.ts).
 */
function index(): string[] {
  if (source !== ENGLISH_WORDS) {
    source = ENGLISH_WORDS;
    blocks = source ? source.split('|') : [];
    heads = blocks.map((b) => /^0([a-z]+)/.exec(b)![1]!);
  }
  return blocks;
}

/**
 * `key` is a matcher token key (folded, stemmed: see tokenKey). 'common' for words also written in
 * lower case ("watch", "post"), 'proper' for words only ever capitalised ("Latin", "Israeli"), null
 * for words the list does not hold (names, misspellings).
 */
export function wordKind(key: string): WordKind | null {
  const all = index();
  if (!all.length) return null;
  let lo = 0;
  let hi = heads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (heads[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  let prev = '';
  const re = /([0-S])([a-z]*)(~?)/g;
  const block = all[lo]!;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    prev = prev.slice(0, m[1]!.charCodeAt(0) - 48) + m[2];
    if (prev === key) return m[3] ? 'proper' : 'common';
    if (prev > key) return null;
  }
  return null;
}

export const isEnglishWord = (key: string) => wordKind(key) !== null;
