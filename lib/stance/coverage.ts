/**
 * Coverage of a page claim by a report sentence ("the same fact"): every content word, name and
 * figure of the claim is found in the report sentence, by its stem, by a dictionary term both name,
 * or through the synonym / derivation table (synonyms.ts); names and figures only literally. A claim
 * that is covered, with the same polarity and the same modality (neither hedged nor alleged on one
 * side only), is stated by the report. Antonyms and mere similarity never cover.
 */
import { NEGATORS, STOP_WORDS, stem, tokenize } from '../text';
import { OUTLET, type Frame } from './frame';
import { eventKind } from './events';
import { base, senses } from './synonyms';
import { claimPredicate, linkPredicate } from './predicate';

export interface Coverage {
  /** claim stems found in the report sentence, and those not found */
  covered: string[];
  missing: string[];
  /** the names and figures of the claim (and dictionary terms, as T:id) that the report lacks */
  missingFacts: string[];
  /** the stem of the claim's predicate (predicate.ts), never the word allowed to be missing */
  predicate?: string | null;
}

/** Words that carry no content of their own in a claim ("the man was reported to have …"). */
const LIGHT = new Set(['report', 'accord', 'ad', 'claim', 'reveal', 'show', 'appear', 'seem', 'tell', 'want', 'make', 'take', 'go', 'come', 'use', 'includ', 'get', 'give', 'year', 'old', 'just', 'now', 'even', 'still', 'also', 'yet', 'ago']);
const MODAL = /\b(?:may|might|could|would|possibly|perhaps|reportedly|allegedly|purportedly|supposedly|rumou?red|appears? to|seems? to|likely|expected to|plans? to|hopes? to|set to|claims?|claimed|if|whether)\b/i;

/**
 * A news outlet given as the claim's source ("according to The Wall Street Journal", "according to a
 * new report in the Daily Herald", "the Leeds Herald reported"): who relays the claim, not part of it.
 * A report giving the same claim from another source states it (issue 15, failure kind 4).
 */
const SOURCED = new RegExp(
  `\\b[Aa]ccording to (?:an?(?: new)? report (?:in|by|from) )?(?:[Tt]he )?(${OUTLET})|\\b(?:[Tt]he )?(${OUTLET})\\s+(?:reported|reports|has reported|said|says|revealed)\\b`,
  'g',
);

/** The claim's words that name the outlet it is sourced to, as stems. */
function sourceStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(SOURCED)) for (const t of tokenize(m[1] ?? m[2] ?? '')) out.add(stem(t));
  return out;
}

/** Capitalised words: names (the sentence's first word too: it may be one, and then it must be there, not a synonym). */
function nameStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\w,;)]\s+|^\W*)[A-Z][\w'-]*/g)) for (const t of tokenize(m[0])) if (!STOP_WORDS.has(t)) out.add(stem(t));
  return out;
}

/** A stem without an agent or action suffix ("creator" → creat, "boxer" → box, "election" → elect): derived words meet their verb. */
export function derived(s: string): string {
  if (/(?:er|or)$/.test(s) && s.length >= 5) return s.slice(0, -2);
  if (s.endsWith('ion') && s.length >= 7) return s.slice(0, -3);
  return s;
}

/** A modal or allegation word within a few words before one of `words` (the claim's words in this sentence). */
function modalNear(text: string, words: Set<string>): boolean {
  const ws = tokenize(text);
  return ws.some((w, i) => MODAL.test(w) && ws.slice(i + 1, i + 6).some((x) => words.has(stem(x))));
}

/** How much of claim `a` the report sentence `b` states. */
export function coverage(a: string, b: string, A: Frame, B: Frame): Coverage {
  const reportTokens = tokenize(b).filter((t) => !STOP_WORDS.has(t));
  const reportStems = new Set(reportTokens.flatMap((t) => [stem(t), derived(stem(t))]));
  const reportBases = new Set(reportTokens.map(base));
  const reportSenses = new Set(reportTokens.flatMap((t) => senses(t)));
  const names = nameStems(a);
  const source = sourceStems(a);
  const covered: string[] = [];
  const missing: string[] = [];
  const missingFacts: string[] = [];
  for (const t of new Set(tokenize(a))) {
    if (STOP_WORDS.has(t) || NEGATORS.has(t)) continue;
    const s = stem(t);
    if (LIGHT.has(s)) continue;
    // the outlet the claim is sourced to need not be the report's ("…, the Leeds Herald reported" / "…, police said")
    if (source.has(s) && !reportStems.has(s)) continue;
    const figure = /^\d/.test(t);
    const found = reportStems.has(s) || (!names.has(s) && !figure && reportStems.has(derived(s))) || (figure ? B.numbers.includes(Number(t)) : !names.has(s) && (reportBases.has(base(t)) || senses(t).some((g) => reportSenses.has(g))));
    if (found) covered.push(s);
    else {
      missing.push(s);
      if (figure || names.has(s)) missingFacts.push(s);
    }
  }
  // every figure of the claim, in digits or words ("two of the four boats"), must be in the report too
  for (const n of new Set(A.numbers)) if (!B.numbers.includes(n) && !tokenize(a).includes(String(n))) missingFacts.push(String(n));
  // a dictionary term the claim names must be named by the report too (aliases count)
  for (const id of A.entities.keys()) if (!B.entities.has(id) && ![...tokenize(A.entities.get(id)!)].every((t) => reportStems.has(stem(t)))) missingFacts.push(`T:${id}`);
  return { covered, missing, missingFacts, predicate: claimPredicate(a) };
}

/** The rule for a claim stated: all of it covered (one ordinary word, not the predicate, may be missing in a claim of six or more). */
function whole(c: Coverage): boolean {
  // a predicate of place or membership the report says by apposition is no word of the claim to find ("Vancouver, Canada")
  const linkUnsaid = !!c.predicate && linkPredicate(c.predicate) && c.missing.includes(c.predicate);
  if (linkUnsaid) c = { ...c, missing: c.missing.filter((m) => m !== c.predicate) };
  const n = c.covered.length + c.missing.length;
  // the one word that may be missing is never the event's predicate ("arrested" / "released")
  // nor the claim's predicate ("Hillary Clinton is Bill's sister" / "Bill and Hillary Clinton")
  return c.covered.length >= 2 && !c.missingFacts.length && c.missing.length <= (n >= 4 ? 1 : 0) && !c.missing.some((m) => eventKind(m) || (m === c.predicate && !linkPredicate(m)));
}

/**
 * The report sentence speaks to the claim's words in the claim's polarity and mood: a negation, a
 * denial or a modal counts when it bears on the claim's words (a negation of one of them, a modal a
 * few words before one), not anywhere in a long sentence.
 */
function sameMood(a: string, A: Frame, b: string, B: Frame, c: Coverage): boolean {
  // the claim's covered words, and their bases ("bought" → buy), as the report sentence may word them
  const words = new Set([...c.covered, ...tokenize(a).filter((t) => c.covered.includes(stem(t))).map(base)]);
  const negated = [...B.negated].some((x) => words.has(x)) || B.asserted.has('E:deny');
  const claimNegated = A.hasNegation;
  return negated === claimNegated && modalNear(b, words) === MODAL.test(a);
}

/**
 * The report sentence states the claim: all of it covered, the same polarity, and no modality or
 * allegation on one side only.
 */
export function states(a: string, b: string, A: Frame, B: Frame): Coverage | null {
  const c = coverage(a, b, A, B);
  if (!whole(c) || !sameMood(a, A, b, B, c)) return null;
  return c;
}

/**
 * The report states the claim across a few of its sentences (a headline's points given one by one):
 * every point found in one of them, none of them negated or hedged unless the claim is.
 */
export function statesAcross(a: string, A: Frame, sentences: { text: string; frame: Frame }[]): boolean {
  const each = sentences.map((s) => coverage(a, s.text, A, s.frame));
  // a sentence that speaks to the claim in another polarity or mood makes it no plain statement
  if (sentences.length < 2 || sentences.some((s, i) => each[i]!.covered.length >= 2 && !sameMood(a, A, s.text, s.frame, each[i]!))) return false;
  const covered = new Set(each.flatMap((c) => c.covered));
  const missing = [...new Set(each.flatMap((c) => c.missing))].filter((m) => !covered.has(m));
  const missingFacts = [...new Set(each.flatMap((c) => c.missingFacts))].filter((m) => each.every((c) => c.missingFacts.includes(m)));
  // the best sentence must state most of it: scattered words are not a statement
  const best = Math.max(...each.map((c) => c.covered.length));
  const predicate = claimPredicate(a);
  return predicateSaid(a, sentences.map((s) => s.text)) && whole({ covered: [...covered], missing, missingFacts, predicate }) && best >= 0.5 * (covered.size + missing.length);
}

/**
 * The claim's predicate (predicate.ts) is said of its names in one report sentence, not gathered from
 * another ("Claudia Lawrence …" / "… a hotel in Malton" is no "Claudia Lawrence resides in Malton").
 * A claim without a predicate this reading finds, or without a name, passes.
 */
export function predicateSaid(a: string, sentences: readonly string[]): boolean {
  const predicate = claimPredicate(a);
  const names = nameStems(a);
  if (!predicate || !names.size) return true;
  const word = tokenize(a).find((t) => stem(t) === predicate) ?? predicate;
  // a predicate of place, membership or employment is said by the claim's other words standing in one sentence
  const others = linkPredicate(predicate) ? tokenize(a).filter((t) => !STOP_WORDS.has(t) && !NEGATORS.has(t) && !LIGHT.has(stem(t)) && stem(t) !== predicate) : [];
  return sentences.some((text) => {
    const ts = tokenize(text).filter((t) => !STOP_WORDS.has(t));
    const stems = new Set(ts.flatMap((t) => [stem(t), derived(stem(t))]));
    const has = (w: string) => stems.has(stem(w)) || (!names.has(stem(w)) && !/^\d/.test(w) && (stems.has(derived(stem(w))) || ts.some((t) => base(t) === base(w)) || senses(w).some((g) => ts.some((t) => senses(t).includes(g)))));
    if (others.length) return others.every(has);
    return has(word) && [...names].some((n) => stems.has(n));
  });
}

/** The words of a whole report as coverage reads them (stems, derived stems, bases, senses), kept per report. */
const REPORT_WORDS = new WeakMap<readonly string[], Set<string>>();

function reportWords(sentences: readonly string[], title: string): Set<string> {
  let out = REPORT_WORDS.get(sentences);
  if (out) return out;
  out = new Set<string>();
  for (const s of [title, ...sentences]) {
    for (const t of tokenize(s)) {
      if (STOP_WORDS.has(t)) continue;
      const st = stem(t);
      out.add(st).add(derived(st)).add(`b:${base(t)}`);
      for (const g of senses(t)) out.add(`s:${g}`);
    }
  }
  REPORT_WORDS.set(sentences, out);
  return out;
}

/**
 * How much of a claim a whole report states, in any of its sentences: the claim's content words
 * found (by stem, derived stem, base or synonym sense; names and figures literally) and missing, and
 * the names and figures missing.
 */
export function coveredByReport(a: string, report: { title?: string | null; sentences: readonly string[] }): { covered: string[]; missing: string[]; missingFacts: string[] } {
  const words = reportWords(report.sentences, report.title ?? '');
  // in a headline written in title case every word is capitalised: there only figures are taken literally
  const names = (a.match(/\b[a-z]{4,}/g) ?? []).length < 2 ? new Set<string>() : nameStems(a);
  const covered: string[] = [];
  const missing: string[] = [];
  const missingFacts: string[] = [];
  for (const t of new Set(tokenize(a))) {
    if (STOP_WORDS.has(t) || NEGATORS.has(t)) continue;
    const s = stem(t);
    if (LIGHT.has(s)) continue;
    const literal = names.has(s) || /^\d/.test(t);
    const found = words.has(s) || (!literal && (words.has(derived(s)) || words.has(`b:${base(t)}`) || senses(t).some((g) => words.has(`s:${g}`))));
    (found ? covered : missing).push(t);
    if (!found && literal) missingFacts.push(t);
  }
  return { covered, missing, missingFacts };
}
