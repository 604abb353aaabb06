/**
 * A sentence that relays a claim rather than stating it as fact: it reports an allegation or a
 * rumour ("reportedly", "allegedly", "claims", "rumours"), asks it ("Is the singer dead?"), retells
 * what a story or report says ("a report that …", "sources are reporting that …") or calls it a
 * hoax. Such a sentence does not state the fact it names, so it neither corroborates a plain
 * statement of it nor conflicts with one by its polarity or a fate. Pure.
 */
import { ALLEGED } from './debunk';

const RELAYS = new RegExp(
  [
    ALLEGED.source,
    String.raw`\b(?:reportedly|alleg(?:e|es|ed|ing|ation|ations)|unconfirmed|unverified|hoax(?:es)?|speculation)\b`,
    // a report or story retold: "a report that …", "sources are reporting that …", "the story of his arrest"
    String.raw`\b(?:reports?|reported|reporting|stor(?:y|ies)|article|post)\s+(?:that|of|suggesting|saying|stating)\b`,
    // "the story on a 'news' website says that …"
    String.raw`\b(?:stor(?:y|ies)|reports?|article|website|post)\b[^.;]{0,60}?\b(?:says|said|saying|claims|claimed|claiming|states|stated|stating|suggesting)\b`,
    // a condition, not a statement: "if not dead"
    String.raw`\bif not\b`,
  ].join('|'),
  'i',
);

/** Where a new clause, stating on its own, begins. */
const CLAUSE_BREAK = /;|\s(?:but|however|although|though|whereas|yet)\s/i;

/** A question: it asks, it does not state. */
const QUESTION = /\?\s*["'”’)]*\s*$/;

/** The word by which `sentence` relays a claim instead of stating it ('?' for a question), or null. */
export function relayedBy(sentence: string): string | null {
  if (QUESTION.test(sentence.trim())) return '?';
  return sentence.match(RELAYS)?.[0] ?? null;
}

/**
 * Does `sentence` relay, rather than state, what it says with `words` (the words a finding names,
 * "not arrested", "found dead")? A question relays all it asks; otherwise a relaying word must stand
 * before them ("a story circulating online claims that he died"; not "said it was not concerned by
 * reports that …", where what is relayed comes after the negation).
 */
export function relays(sentence: string, words: string): boolean {
  if (QUESTION.test(sentence.trim())) return true;
  const m = sentence.match(RELAYS);
  if (!m) return false;
  const last = words.trim().split(/\s+/).pop() ?? '';
  const at = last ? sentence.toLowerCase().lastIndexOf(last.toLowerCase()) : -1;
  // in the same clause: "rumours that he died spread, but he is alive" states "alive"
  return at < 0 || (m.index! < at && !CLAUSE_BREAK.test(sentence.slice(m.index! + m[0].length, at)));
}
