/** Is a token an English word? Guards the fuzzy path so "Americans" never reads as a misspelt "America". */
import { ENGLISH_WORDS } from './english-words';

let blocks: string[] | null = null;
let heads: string[] = [];

/** Each block's first word, for a binary search; the blocks themselves are decoded only when searched. */
function index(): string[] {
  if (!blocks) {
    blocks = ENGLISH_WORDS.split('|');
    heads = blocks.map((b) => /^0([a-z]+)/.exec(b)![1]!);
  }
  return blocks;
}

/** `key` is a matcher token key (folded, stemmed: see tokenKey); true for English words of 5+ letters. */
export function isEnglishWord(key: string): boolean {
  const all = index();
  let lo = 0;
  let hi = heads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (heads[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  let prev = '';
  const re = /([0-S])([a-z]*)/g;
  const block = all[lo]!;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    prev = prev.slice(0, m[1]!.charCodeAt(0) - 48) + m[2];
    if (prev === key) return true;
    if (prev > key) return false;
  }
  return false;
}
