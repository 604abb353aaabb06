/**
 * Which key phrases are topics: distinctive for the corpus compared with general English. A phrase
 * made only of frequent English words ("years old", "lovely dog") is no topic; one with a rare
 * word ("ankle surgery", "trade sanctions") is, even when one report names it, as long as that
 * report names it twice; so is an English compound noun ("black box", "solitary confinement").
 * A phrase that names a role by frequent words ("government spokeswoman") is none.
 * Word frequencies: common-words.ts (SUBTLEX-US); compounds: collocations.ts (WordNet); persons: person-nouns.ts (WordNet). Both are
 * kept out of the content script (only term extraction and the dictionary's derivation import this file).
 */
import { COLLOCATIONS } from './collocations';
import { COMMON_STEMS } from './common-words';
import { PERSON_NOUNS } from './person-nouns';
import { americanSpelling, tokenKey } from '../../match/tokens';

/**
 * Frequency ranks a phrase needs one word past: a phrase several reports share must not be made of
 * the most frequent words only ("years old", "lovely dog"); one that a single report names twice
 * needs a word past general English's first 2,000 ("ankle surgery", "diet pills"), an English
 * compound noun that it names once a word past the first 3,000 ("solitary confinement"; named
 * twice, a compound is a topic whatever its words: "black box"). Chosen on the tune part of
 * bench:terms: with the bar at 1,000 for compounds named once, as many junk marks ("television
 * station") came as found terms; phrases named twice with their rarest word at ranks 2,000–3,000
 * were all wanted (at 1,500–2,000: "loud boom").
 */
export const TOPIC_RANK = { shared: 1_500, twice: 2_000, single: 3_000 } as const;

let ranks: Map<string, number> | null = null;

/** The frequency rank of a stem (0 = most frequent), or Infinity when it is not among the listed words. */
export function stemRank(stemmed: string): number {
  ranks ??= new Map(COMMON_STEMS.split(' ').map((s, k) => [s, k]));
  return ranks.get(stemmed) ?? Infinity;
}

/** A phrase (its words' stems) holds a word less frequent than the first `minRank` of general English. */
export function isDistinctive(stems: readonly string[], minRank: number): boolean {
  return stems.some((s) => s.split('-').some((part) => stemRank(part) >= minRank));
}

/**
 * One of general English's thousand most frequent words, capitalised ("People", "News", "Time", "Year"):
 * never a name of its own, whatever capitalises it (a sentence, a heading, a longer name it was cut from).
 */
export function isEverydayWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && stemRank(tokenKey(word)) < EVERYDAY_RANK;
}
const EVERYDAY_RANK = 1_000;

let compounds: Set<string> | null = null;

/** The phrase (as written) is an English compound noun, its last word singular or plural ("water mains"), in British spelling too ("air defence"). */
export function isCompoundNoun(phrase: string): boolean {
  compounds ??= new Set(COLLOCATIONS.split('|'));
  const p = phrase.toLowerCase().split(' ').map(americanSpelling).join(' ');
  if (compounds.has(p)) return true;
  if (p.endsWith('ies') && compounds.has(`${p.slice(0, -3)}y`)) return true;
  return p.endsWith('s') && (compounds.has(p.slice(0, -1)) || (p.endsWith('es') && compounds.has(p.slice(0, -2))));
}

let persons: Set<string> | null = null;

/** A noun (its stem) whose every WordNet sense is a person ("mother", "spokeswoman", "official"; not "guard"). */
export function isPersonNoun(stem: string): boolean {
  persons ??= new Set(PERSON_NOUNS.split(' ').map((w) => tokenKey(w)));
  return persons.has(stem);
}

/**
 * Offices: a kind of person a reader looks up as a post ("defence minister", "national security
 * advisers", "district attorney"), unlike a role anyone may hold ("government spokeswoman").
 */
const OFFICES = new Set(
  'minister secretary adviser advisor attorney ambassador envoy chancellor governor mayor senator president premier commissioner general admiral marshal director editor chairman chairwoman'
    .split(' ')
    .map((w) => tokenKey(w)),
);

/**
 * A phrase (its words' stems) that names a kind of person with frequent words only ("government
 * spokeswoman", "local scientists", "international experts", "staff member") is a role any report
 * may mention, not a topic; an office is a topic ("defence minister"), and so is a role qualified by
 * a rare word ("dermatology specialist"). Persons: nouns whose every WordNet sense is a person (not "browser", "guard").
 */
export function isRolePhrase(stems: readonly string[]): boolean {
  const head = stems[stems.length - 1]!;
  if (stems.length < 2 || !isPersonNoun(head) || OFFICES.has(head)) return false;
  return stems.slice(0, -1).every((s) => s.split('-').every((part) => stemRank(part) < TOPIC_RANK.single));
}

/** Endings of English adjectives that are never nouns' ("exclusive", "anonymous", "bizarre" aside: "initial", "fixable"). */
const QUALITY_ADJECTIVE = /^[a-z]{3,}(?:ive|ous|ful|less|ible|able|ial)$/;

/**
 * A quality before one of general English's most frequent nouns ("anonymous sources", "exclusive hospital",
 * "initial reports", "consecutive year") says how a thing was, not what it is: no topic, unless English names
 * the pair ("executive order", "collective bargaining").
 */
export function isQualityPhrase(phrase: string): boolean {
  const words = phrase.split(' ');
  if (words.length !== 2 || !QUALITY_ADJECTIVE.test(words[0]!)) return false;
  return stemRank(tokenKey(words[1]!)) < TOPIC_RANK.shared && !isCompoundNoun(phrase);
}
