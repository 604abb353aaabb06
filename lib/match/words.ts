/** Is a token an English word? Guards the fuzzy path so "Americans" never reads as a misspelt "America". */
import { ENGLISH_WORDS } from './english-words';

let words: Set<string> | null = null;

/** Decoded on first use (a few ms, once per page), so pages without fuzzy candidates never pay for it. */
function wordSet(): Set<string> {
  if (words) return words;
  words = new Set();
  let prev = '';
  const re = /([0-S])([a-z]*)/g;
  for (let m = re.exec(ENGLISH_WORDS); m; m = re.exec(ENGLISH_WORDS)) {
    prev = prev.slice(0, m[1]!.charCodeAt(0) - 48) + m[2];
    words.add(prev);
  }
  return words;
}

/** `key` is a matcher token key (folded, stemmed: see tokenKey); true for English words of 5+ letters. */
export function isEnglishWord(key: string): boolean {
  return wordSet().has(key);
}
