/**
 * Debunking: a report sentence that calls what the page states false, a hoax, fake or made up
 * ("A report claiming that Cesar Millan died of a heart attack is nothing but a hoax") against a
 * page sentence that states it as fact ("Cesar Millan died of a heart attack this morning"). The
 * two cannot both be true: a conflict, with the report's words as the reason. Pure.
 *
 * Kept tight: the page must state the claim plainly (no negation, hedge, "allegedly" or debunking
 * of its own); the debunking word must not be negated ("not a hoax"); and what it calls untrue must
 * be what the page says, in the same clause of the report: at least two of the page's own
 * lower-case words (not only the names both mention; in a title-case headline, its words besides the
 * dictionary's names), or the page's own figure as what is untrue ("the $72 million figure is totally
 * bogus"); and with words alone, most of the page's content words in the report sentence or the same event.
 */
import { contentTokens } from '../text';
import type { Frame } from './frame';

/** Words by which a report says a claim is untrue. */
const STORY_DEBUNK =
  /\b(?:hoax(?:es)?|fake[ds]?|false(?:ly)?|untrue|not true|debunked|fabricated|bogus|phony|phoney|made[- ]up|satirical|satire|no truth|baseless|doctored|photoshopped|rumou?rs? (?:are|is|were|was) (?:false|untrue|baseless))\b/i;

/**
 * The same, and "is not real", said of what the page states in the same sentence ("An article saying
 * the library is closing isn't real"). Not for a report's sentence on the story alone (storyDebunked):
 * there "the video is not real" also agrees with a page that says what really happened.
 */
const DEBUNK = new RegExp(`${STORY_DEBUNK.source}|\\b(?:is|was|are|were)(?:n't|n’t| not) real\\b`, 'i');

/** The sentence only reports an allegation or a rumour, which a debunking or a denial does not contradict. */
export const ALLEGED = /\b(?:allegedly|purportedly|supposedly|rumou?red|rumou?rs?|claims?|claimed|claiming)\b/i;

/** A negation just before the debunking word: "is not a hoax", "no fake". */
const NEGATED_BEFORE = /\b(?:not|no|never|n't|nothing)\s+(?:\S+\s+){0,2}$/i;

/** Where one clause of a sentence ends and another begins. */
const CLAUSE_BREAK = /;|:\s|\s(?:but|while|although|whereas|however)\s/i;

/** The clause of `text` that holds the character at `at`. */
function clauseAt(text: string, at: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(new RegExp(CLAUSE_BREAK, 'gi'))) {
    if (m.index! + m[0].length <= at) start = m.index! + m[0].length;
    else if (m.index! >= at) {
      end = m.index!;
      break;
    }
  }
  return text.slice(start, end);
}

/** Words of a figure's size, not of what it counts. */
const SCALE = /^(?:million|billion|thousand|hundred|percent)$/;

/** The page's own figure, named as what is untrue: "the $72 million figure is totally bogus". */
function figureDebunked(before: string, A: Frame, B: Frame): boolean {
  return B.quantities.some((y) => {
    const at = before.lastIndexOf(y.text);
    if (at < 0 || !A.quantities.some((x) => x.unit === y.unit && x.value === y.value && x.value > 1)) return false;
    return /^\S+(?:\s+(?:million|billion|thousand|percent))?\s+(?:figure|number|sum|amount|estimate|total|claim|story|report)s?\s+(?:\S+\s+){0,2}$/i.test(before.slice(at));
  });
}

export interface Debunking {
  /** the report's words that call the claim untrue, a few words either side */
  report: string;
}

/**
 * Does report sentence `b` call untrue what page sentence `a` states as fact? `generic` are stems
 * that say nothing of what is claimed (saying, time words); `sameEvent` from the comparator.
 */
export function debunks(a: string, b: string, A: Frame, B: Frame, sameEvent: boolean, generic: (stem: string) => boolean): Debunking | null {
  const m = b.match(DEBUNK);
  if (!m || !plainClaim(a, A) || ALLEGED.test(a)) return null;
  if (!/\bnot true$|(?:n't|n’t| not) real$/i.test(m[0]) && NEGATED_BEFORE.test(b.slice(0, m.index!))) return null;
  // a hedged debunking ("may be a hoax", "reportedly fake", "could be fabricated") calls nothing untrue
  if (HEDGED_BEFORE.test(b.slice(0, m.index!))) return null;
  // a thing called fake that is not the story nor what the page is about ("fake passports", "a false name")
  const next = b.slice(m.index! + m[0].length).match(/^\s+([a-z]+)/i)?.[1] ?? '';
  if (/^(?:fake[ds]?|false|bogus|phony|phoney|fabricated|doctored|photoshopped|satirical)$/i.test(m[0]) && next && !STORY_NOUN.test(next) && !/^(?:and|or|but|as|by|after|because|news|in|on|at|to|for|that)$/i.test(next) && !subjectWords(a, A).has(contentTokens(next)[0] ?? next.toLowerCase())) return null;
  // what is called untrue is what the page says: its own words (not only whom it names), in the debunking clause,
  // or the page's own figure there ("the $72 million figure is totally bogus")
  const clauseText = clauseAt(b, m.index!);
  const clause = new Set(contentTokens(clauseText));
  // names are capitalised; in a headline written in title case every word is, so there names are the dictionary's
  const titleCase = (a.match(/\b[a-z]{4,}/g) ?? []).length < 2;
  const own = titleCase ? contentTokens(a).filter((x) => ![...A.entities.values()].some((e) => contentTokens(e).includes(x))) : contentTokens(a.replace(/\b[A-Z][\w'-]*/g, ' '));
  const said = new Set(own.filter((x) => clause.has(x) && !generic(x) && !SCALE.test(x)));
  if (said.size < 2 && !figureDebunked(b.slice(0, m.index!), A, B)) return null;
  const claim = [...A.stems].filter((x) => !x.startsWith('T:') && !generic(x));
  const inReport = claim.filter((x) => B.stems.has(x)).length;
  if (!sameEvent && said.size >= 2 && inReport < Math.max(3, 0.5 * claim.length)) return null;
  const words = b.slice(0, m.index! + m[0].length + 30).split(/\s+/);
  const at = b.slice(0, m.index!).split(/\s+/).length - 1;
  return { report: words.slice(Math.max(0, at - 4), at + 4).join(' ').replace(/[,;:.]+$/, '') };
}

/** A hedge within a few words before the debunking word: "may be a hoax", "reportedly fake", "possibly fabricated". */
const HEDGED_BEFORE = /\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|apparently|seems?|seemed|appears?|appeared|suspected|likely|probably|if|whether)\s+(?:\S+\s+){0,3}$/i;

/** The claim's own subject: the words before its first verb-like word (its names and head noun), stemmed. */
function subjectWords(a: string, A: Frame): Set<string> {
  const head = a.split(/\s+(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|may|might|said|says)\s+/i)[0] ?? a;
  const out = new Set(contentTokens(head.split(/\s+/).slice(0, 8).join(' ')));
  for (const e of A.entities.values()) for (const w of contentTokens(e)) out.add(w);
  return out;
}

/** A sentence about the story itself: what is called untrue is the story, the claim, the report, "it". */
const STORY = /\b(?:story|stories|report|reports|claim|claims|rumou?rs?|article|news|video|footage|photo|photos|image|picture|post|tweet)\b/i;
const STORY_NOUN = /^(?:story|stories|report|reports|claims?|rumou?rs?|article|news|info|information|video|footage|photos?|images?|picture|post|tweet|account|website|site|headline)$/i;
const ANAPHORIC = /^(?:["'“‘(]?\s*)(?:it|it's|this|that|these|those|everything|the (?:story|claim|claims|report|reports|rumou?r|article|video|photo|image|picture|news))\b/i;

/** A page sentence that states its claim: not a question, not negated or hedged, not itself calling something untrue or a trick. */
function plainClaim(a: string, A: Frame): boolean {
  return !/\?\s*["'”’]?\s*$/.test(a) && !DEBUNK.test(a) && !/\b(?:troll(?:s|ed|ing)?|fooled|tricked|into (?:thinking|believing))\b/i.test(a) && !A.hasNegation && !A.hedged;
}

/** A speaker's verb ("Hunter said", "officials told", "the priest claims"), "according to": with a quotation, the claim is someone's word. */
const GIVEN_AS_WORD = /\b(?:said|says|saying|told|tells|according to|claim(?:s|ed|ing)?|insist(?:s|ed)?|stated|alleg(?:e|es|ed))\b/i;

/** Negation words the frame's scoped negation leaves out: "No government agency confirms …", "Nobody has seen …". */
const NEGATED = /\b(?:no|not|never|nothing|none|nobody|neither|nor|no longer)\b|\b\w+n[’']t\b/i;

/** A hedge or hearsay word of the page's own: "may", "reportedly", "allegedly", "if". */
const HEDGED = /\b(?:may|might|could|would|should|if|whether|reportedly|allegedly|purportedly|supposedly|rumou?red|rumou?rs?|unconfirmed|unverified)\b/i;

/** A quotation of three words or more: the speaker's own words. */
const QUOTED = /["“](?:[^\s"“”]+\s+){2,}[^"“”]*["”]/;

/** A page that relays a text: "a report surfaced claiming …", "an earlier version of this story said …", "the site's piece said …". */
const TEXT_RELAYED = /\b(?:stor(?:y|ies)|reports?|article|piece|post|version|website|site)\b[^.;]{0,60}?\b(?:says|said|saying|claims|claimed|claiming|states|stated|stating)\b/i;

/**
 * The word by which a page sentence does not state its claim as fact in its own voice, for the report
 * calling "the story itself" untrue (a report-level verdict, not one sentence against another): it asks,
 * negates anywhere ("No agency confirms …"), hedges or relays it ("may", "allegedly", "rumours", "a report
 * surfaced claiming …"), or quotes someone saying it ("“At least 10 fighters were caught,” Hunter said"): true
 * that it was said, whatever the story is worth. A saying without a quotation ("the priest claims he met …") is
 * read as the story's own claim. Null for a plain statement.
 */
export function notOwnFact(a: string): string | null {
  if (/\?\s*["'”’)]*\s*$/.test(a)) return '?';
  return a.match(NEGATED)?.[0] ?? a.match(HEDGED)?.[0] ?? a.match(TEXT_RELAYED)?.[0] ?? (QUOTED.test(a) ? a.match(GIVEN_AS_WORD)?.[0] : null) ?? null;
}

/**
 * A report sentence that calls the story itself untrue ("It is a hoax, a falsehood …", "Hoax Alert: …
 * Is Made Up", "the story is fake"), for a report that retells the page's claim elsewhere. It must
 * share two of the page's words, or be short and point back at the story ("It is a hoax."); not
 * negated, not a question, not hedged. Returns the sentence index (-1 the title) and the words.
 */
export function storyDebunked(a: string, A: Frame, sentences: { i: number; text: string }[], generic: (stem: string) => boolean): { i: number; report: string } | null {
  // (a page naming a claim, "wakes up claiming God is a woman", still states the story the report calls made up)
  if (!plainClaim(a, A) || notOwnFact(a)) return null;
  const claim = new Set(contentTokens(a).filter((x) => !generic(x)));
  for (const { i, text } of sentences) {
    const m = text.match(STORY_DEBUNK);
    if (!m || /\?\s*$/.test(text) || /\b(?:may|might|could|if|whether|appears?|seems?|possibly|perhaps)\b/i.test(text)) continue;
    if (m[0].toLowerCase() !== 'not true' && NEGATED_BEFORE.test(text.slice(0, m.index!))) continue;
    // "a fake passport", "fake downloads": a thing called fake, not the story; "the bogus story", "false info" are the story
    const next = text.slice(m.index! + m[0].length).match(/^\s+([a-z]+)/i)?.[1] ?? '';
    if (/^(?:fake[ds]?|false|bogus|phony|phoney|fabricated|doctored|photoshopped|satirical)$/i.test(m[0]) && next && !STORY_NOUN.test(next) && !/^(?:and|or|but|as|by|after|because|news)$/i.test(next)) continue;
    // the story (or "it") is what is called untrue: named before the debunking word, in its clause
    const clause = clauseAt(text, m.index!);
    const lead = clause.slice(0, Math.max(0, clause.indexOf(m[0])));
    if (!STORY.test(lead) && !ANAPHORIC.test(clause.trim()) && !STORY_NOUN.test(next)) continue;
    // a debunking reported as someone's claim ("statements claiming the reports were false") is one more voice
    if (/\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing))\b/i.test(lead)) continue;
    const shared = new Set(contentTokens(clause).filter((x) => claim.has(x))).size;
    if (shared < 2 && !(ANAPHORIC.test(clause.trim()) && clause.split(/\s+/).length <= 15)) continue;
    const words = text.slice(0, m.index! + m[0].length + 30).split(/\s+/);
    const at = text.slice(0, m.index!).split(/\s+/).length - 1;
    return { i, report: words.slice(Math.max(0, at - 4), at + 4).join(' ').replace(/[,;:.]+$/, '') };
  }
  return null;
}

/** Words by which a whole report calls a story untrue: the debunking words, and a prank or spoof named. */
const UNTRUE = new RegExp(`${STORY_DEBUNK.source}|\\b(?:pranks?|pranked|pranksters?|debunk(?:s|ing)?|spoof(?:s|ed)?)\\b`, 'gi');

/** A claim that itself calls something untrue or denied ("… is a hoax", "X denies …", "Reports … are untrue"): the word, or null. */
export function claimCallsUntrue(a: string): string | null {
  return a.match(new RegExp(`${UNTRUE.source}|\\b(?:den(?:y|ies|ied)|refutes?|refuted|dismiss(?:es|ed)?)\\b`, 'i'))?.[0] ?? null;
}

export interface UntrueIn {
  /** the report's words that call something untrue, not negated ("not a hoax" is not one) */
  count: number;
  /** the first one, a few words either side, and its sentence (-1 the title) */
  report: string;
  i: number;
}

/** A prank word that names a person, not the story: "prankster Josh Lin", "the pranksters behind the clip". */
const PRANK_PERSON = /^pranksters?$/i;

/**
 * Where a whole report calls a story untrue: its debunking words (hoax, fake, false, made up, satire,
 * prank …) in the sentences given, each not negated and not a person ("prankster Rosa Vell"), counted.
 * Null when there are none.
 */
export function untrueIn(sentences: { i: number; text: string }[]): UntrueIn | null {
  let count = 0;
  let first: { i: number; report: string } | null = null;
  for (const { i, text } of sentences) {
    for (const m of text.matchAll(UNTRUE)) {
      if (m[0].toLowerCase() !== 'not true' && NEGATED_BEFORE.test(text.slice(0, m.index!))) continue;
      if (PRANK_PERSON.test(m[0])) continue;
      count++;
      if (first) continue;
      const words = text.slice(0, m.index! + m[0].length + 30).split(/\s+/);
      const at = text.slice(0, m.index!).split(/\s+/).length - 1;
      first = { i, report: words.slice(Math.max(0, at - 4), at + 4).join(' ').replace(/[,;:.]+$/, '') };
    }
  }
  return first ? { count, ...first } : null;
}
