/**
 * The predicate of a short claim: the word that says what the claim asserts of its names. After a
 * copula it is the head of what follows ("X is the director of Y" → director, "X is Bill's sister" →
 * sister, "X is friends with Y" → friends, "X was formed in 1980" → formed); otherwise the claim's
 * first main verb ("X wrote Y" → wrote). A report that names the claim's people and places but not
 * this word states something else about them ("Bill and Hillary Clinton" is no "Hillary is Bill's
 * sister"), so coverage never lets it be the word that is missing (coverage.ts).
 */
import nlp from 'compromise';
import { STOP_WORDS, stem, tokenize } from '../text';
import { base } from './synonyms';

const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'become', 'becomes', 'became', 'remain', 'remains', 'remained']);
/** Words between the copula and the head that say nothing of the relation ("is now the new …"). */
const SKIP = new Set(['a', 'an', 'the', 'now', 'also', 'still', 'currently', 'already', 'really', 'not', 'never', 'no', 'longer', 'only', 'just', 'indeed']);
/** Words that end the predicate's phrase: what follows is its object or a circumstance. */
const BOUNDARY = new Set(['of', 'with', 'to', 'for', 'in', 'at', 'from', 'by', 'on', 'among', 'between', 'than', 'who', 'that', 'which', 'since', 'as', 'into', 'near', 'after', 'before', 'during', 'because', 'and', 'or', 'but', 'when', 'where', 'while']);
/** Verbs and heads that carry no relation of their own ("comes from", "has", "years old"). */
const LIGHT = new Set(['have', 'has', 'had', 'do', 'does', 'did', 'get', 'got', 'go', 'going', 'goes', 'went', 'come', 'comes', 'came', 'use', 'used', 'uses', 'make', 'made', 'take', 'took', 'old', 'year', 'years', 'include', 'includes', 'included', 'say', 'said', 'says', 'there', 'it', 'this', 'that']);
const AUX = /^(?:is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|might|must|not|n't|never|also|still|just|already)$/;

/**
 * Predicates of place, membership and employment ("is located in", "is a city in", "is a member of",
 * "belongs to", "works for"):
 * a report says them by apposition and preposition ("Lake Titicaca in Peru", "Republican Norm
 * Coleman", "Liu Jianchao, … of China's foreign ministry"), so the claim's other words in one report
 * sentence say them; any other predicate must be said in words.
 */
const LINK = new Set(['locat', 'situat', 'bas', 'part', 'resident', 'native', 'citizen', 'member', 'employe', 'work', 'student', 'resid', 'liv', 'from', 'belong', 'city', 'town', 'village', 'capital', 'province', 'region']);

/** The predicate is one of place, membership or employment (LINK). */
export const linkPredicate = (p: string | null): boolean => !!p && LINK.has(p);

const memo = new Map<string, string | null>();

/** The stem of the claim's predicate word, or null when the claim has none this reading finds. */
export function claimPredicate(claim: string): string | null {
  if (memo.has(claim)) return memo.get(claim)!;
  const p = find(claim);
  if (memo.size > 2000) memo.clear();
  memo.set(claim, p);
  return p;
}

/** A claim longer than this has clauses whose verbs this reading cannot rank: it finds no predicate there. */
const SHORT = 12;

function find(claim: string): string | null {
  const ws = tokenize(claim);
  const ci = ws.findIndex((w, i) => COPULA.has(w) && ws[i - 1] !== 'there');
  // in a long claim only a copula right after a short subject is its main clause's ("Ada Vey is an employee of …")
  if (ws.length > SHORT && !(ci >= 0 && ci <= 4)) return null;
  if (ci >= 0) {
    const phrase: string[] = [];
    for (const w of ws.slice(ci + 1)) {
      if (BOUNDARY.has(w)) break;
      if (!SKIP.has(w)) phrase.push(w);
    }
    // a participle right after the copula is the predicate ("was formed in 1980", "has been canceled, giving …");
    // "is found in" is where a thing is, not a founding
    if (phrase[0] === 'found' && ws[ws.indexOf('found') + 1] === 'in') return 'locat';
    if (phrase[0] && /(?:ed|en)$/.test(phrase[0]) && phrase[0].length > 4 && !LIGHT.has(phrase[0])) return stem(phrase[0]);
    const head = phrase.at(-1);
    if (!head || /^\d/.test(head) || LIGHT.has(head) || STOP_WORDS.has(head)) return null;
    return stem(head);
  }
  for (const v of nlp(claim).verbs().json() as { text: string; verb?: { infinitive?: string } }[]) {
    // the infinitive's first word ("teamed up" → team, "claimed at least" → claim)
    const inf = v.verb?.infinitive?.split(' ')[0];
    const main = inf && !AUX.test(inf) ? inf : v.text.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z']/g, '')).filter((w) => w && !AUX.test(w))[0];
    if (!main) continue;
    if (LIGHT.has(main)) return null;
    // the claim's own word for it, as coverage stems it ("married" → marri, not the infinitive's marry)
    const own = ws.find((w) => w === main || base(w) === main || stem(w) === stem(main));
    return stem(own ?? main);
  }
  return null;
}
