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
    String.raw`\b(?:reportedly|alleg(?:e|es|ed|ing|ation|ations)|purport(?:s|ed|ing)?|unconfirmed|unverified|hoax(?:es)?|speculation)\b`,
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

/** A relaying noun that a clause retells ("rumours that …", "reports of …", "claims that …"). */
const RELAY_NOUN = /\b(?:rumou?rs?|reports?|claims?|allegations?|speculation|suggestions?|stories|story|posts?)\s+(?:that|of)\b/i;

/** A new clause that turns against what came before it. */
const CONTRARY = /,?\s(?:but|however|although|though|whereas)\s/i;

/**
 * A clause that relays a claim and a later clause of the same sentence that turns against it
 * ("Rumours that the singer died spread on Sunday, but she is alive"): the sentence does not state
 * the relayed fact. Returns the relaying words and the contrary clause, or null.
 */
export function relayedThenContradicted(sentence: string): { relay: string; contrary: string } | null {
  const r = sentence.match(RELAY_NOUN);
  if (!r) return null;
  const rest = sentence.slice(r.index! + r[0].length);
  const c = rest.match(CONTRARY);
  if (!c) return null;
  return { relay: r[0].trim(), contrary: rest.slice(c.index!).replace(/^,?\s*/, '').replace(/[.!]+$/, '').trim() };
}

/** A hedging modal, lower case ("May" is a month). */
const MODAL = /\b(?:may|might|could)\b/g;
/** Words between a modal and its verb: "may have resigned", "could well be", "might not". */
const BETWEEN = /^(?:have|has|be|been|also|well|yet|still|soon|even|now)$/i;

/**
 * Does `sentence` ask or hedge what it says with the words `stems` names (stems of the other
 * sentence's content words)? A question asks all it says; "may", "might", "could" hedge the verb
 * they govern ("may have resigned", "could close"), not the rest of the sentence ("resigned … and may
 * face an inquiry"). Returns '?' for a question, the modal for a hedge, or null.
 */
export function asksOrHedges(sentence: string, stems: (word: string) => boolean): string | null {
  if (QUESTION.test(sentence.trim())) return '?';
  for (const m of sentence.matchAll(MODAL)) {
    const words = sentence.slice(m.index! + m[0].length).split(/\s+/).filter(Boolean).map((w) => w.replace(/[^\p{L}'-]/gu, ''));
    const verb = words.find((w) => !BETWEEN.test(w) && !/^not$/i.test(w));
    if (verb && stems(verb)) return m[0];
  }
  return null;
}

/**
 * Words by which a report sentence relays what it says instead of stating it: attribution ("according
 * to", "reports that"), allegation and rumour, and seeming ("appears to").
 */
const RELAYING = new RegExp(
  [
    String.raw`\b(?:[Rr]eportedly|[Aa]lleged(?:ly)?|[Pp]urportedly|[Ss]upposedly|[Aa]pparently|[Uu]nconfirmed|[Uu]nverified|[Ss]peculation)\b`,
    String.raw`\b(?:[Aa]ccording to|[Ii]f true|said to (?:be|have)|believed to|appears? to|seems? to|[Rr]umou?r(?:s|ed)?|claim(?:s|ed|ing)? (?:that|to)|reports? (?:that|of|say|said|suggest))\b`,
  ].join('|'),
  'g',
);

/** A hedging modal, lower case, as a report may hedge a claim it retells. */
const HEDGING = /\b(?:may|might|could)\b/g;

/**
 * Relaying words that only give a claim a source ("according to the police", "reports that …", "was
 * said to be"): how news states a sourced fact. The same claim from another source corroborates (issue
 * 15, failure kind 4); the rest (reportedly, alleged, rumours, unconfirmed, appears to, may …) is
 * hearsay or a hedge, which states no fact.
 */
const SOURCING = /^(?:according to|said to (?:be|have)|reports? (?:that|of|say|said|suggest))$/;

/** Of a report's relaying words (relayedIn), those that are hearsay or a hedge, not a source named for the claim. */
export function hearsay(words: string[]): string[] {
  return words.filter((w) => !SOURCING.test(w));
}

export interface Relaying {
  /** report sentences about the claim, and of them those that relay it */
  about: number;
  relayed: number;
  /** the relaying words, in order of first use */
  words: string[];
  /** the first sentence about the claim that relays it (-1 the title), if any */
  first: number | null;
}

/**
 * How a whole report tells a claim: of its sentences about the claim (`about` says which), how many
 * relay it rather than state it (attributed, alleged, rumoured; hedged by a modal only in a sentence
 * that `retells` it), with the words that show it.
 */
export function relayedIn(sentences: { i: number; text: string }[], about: (text: string) => boolean, retells: (text: string) => boolean = about): Relaying {
  const words: string[] = [];
  let n = 0;
  let relayed = 0;
  let first: number | null = null;
  for (const { i, text } of sentences) {
    if (!about(text)) continue;
    n++;
    const found = [...text.matchAll(RELAYING), ...(retells(text) ? text.matchAll(HEDGING) : [])].map((m) => m[0].toLowerCase());
    if (!found.length) continue;
    relayed++;
    first ??= i;
    for (const w of found) if (!words.includes(w)) words.push(w);
  }
  return { about: n, relayed, words, first };
}

/**
 * The word by which a page sentence relays or hedges its own claim ("ISIS reportedly …", "Apple may
 * launch …", "rumours that …", "…: report"), so that it states no fact of its own for a report to
 * corroborate; an attribution ("according to police", "was said to be") is how news states a
 * sourced fact, and does not count. Null if none.
 */
export function relaysItself(sentence: string): string | null {
  return sentence.match(HEARSAY)?.[0] ?? sentence.match(/\b(?:may|might|could)\b/)?.[0] ?? sentence.match(SOURCED_TO_A_REPORT)?.[0].replace(/^\W+/, '') ?? null;
}

/** Words by which a page gives its claim as hearsay: not "said to be", "according to" or "appears to", which news uses for sourced facts. */
const HEARSAY = /\b(?:[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|[Pp]urports?|[Pp]urported|[Ss]upposedly|[Uu]nconfirmed|[Uu]nverified|[Rr]umou?r(?:s|ed)?|[Ss]peculation|[Ii]f true)\b/;

/** A headline that gives its claim to a report, unnamed: "Report: …", "… — report", "…, report says" (not "the audit report says …", a named source). */
const SOURCED_TO_A_REPORT = /^\s*reports?\s*[:—–]|[,:—–-]\s*reports?(?:\s+(?:says?|claims?))?\s*[.!]?\s*$/i;

