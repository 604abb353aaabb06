/**
 * The claim comparator: a page sentence against a report sentence, as frames. A differing slot
 * (number, day, date, place, polarity, confirmation, attribution, title) is a conflict only when
 * both describe the same event; the reason names the differing words on both sides.
 */
import nlp from 'compromise';
import { rolesSwapped } from './roles';
import { otherActs, otherDirection } from './actions';
import { ancestors, placesCompatible } from '../evidence/places';
import { MONTHS, STOP_WORDS, WEEKDAYS, contentTokens, stem } from '../text';
import { SPEECH_KINDS, eventKind, eventNoun, normalizeEventPhrases } from './events';

/** Event kinds that name the same happening from another side (talks are where things are discussed). */
const KIN: Record<string, string> = { meet: 'discuss', discuss: 'meet', kill: 'strike', strike: 'kill', injure: 'strike', kidnap: 'capture', capture: 'kidnap', arrest: 'capture' };
import { claimFrame, type EntityLookup, type Frame, type Quantity } from './frame';
import { compareFigures, figuresAgree } from './quantities';
import { predicateSaid, states } from './coverage';
import { base, sameSense } from './synonyms';
import { timesAgree } from './times';
import { fatesConflict } from './outcomes';
import { sameIdentity } from './identity';
import { ALLEGED, debunks } from './debunk';
import { existenceConflict } from './existence';
import { asksOrHedges, relayedBy, relayedThenContradicted, relays } from './relay';

export type { EntityLookup } from './frame';
export { placesCompatible } from '../evidence/places';

export type ClaimVerdict = 'conflicts' | 'corroborates' | 'related';
export type Slot = 'number' | 'day' | 'date' | 'time' | 'place' | 'polarity' | 'fate' | 'identity' | 'confirmation' | 'attribution' | 'title' | 'roles';

export interface Finding {
  slot: Slot;
  agree: boolean;
  /** the words on the page side and on the report side */
  page: string;
  report: string;
  /** a figure within the other's bound but not the same ("at least six" / "11"): no corroboration by itself */
  compatible?: boolean;
  /** a difference that may be of two things (part of a set, two people introduced anew): neither a conflict nor the same fact */
  doubt?: boolean;
}

export interface Comparison {
  verdict: ClaimVerdict;
  sameEvent: boolean;
  /** Dice coefficient of the two sentences' content stems and entities */
  overlap: number;
  shared: string[];
  findings: Finding[];
  /** the differing words, for a reason shown in parts */
  parts: { page: string; report: string; context: string } | null;
  reason: string;
  /** for ordering evidence: how much the report sentence has to say about the claim */
  strength: number;
}

export interface CompareContext {
  /** year of the page (publication date) and of the report, to date "January 5" */
  pageYear?: number;
  reportYear?: number;
}

/** Dice coefficient of two stem sets, with the shared stems. */
export function stemOverlap(a: Set<string>, b: Set<string>): { overlap: number; shared: string[] } {
  let n = 0;
  const shared: string[] = [];
  for (const s of a) if (b.has(s)) (n++, shared.push(s));
  return { overlap: a.size + b.size ? (2 * n) / (a.size + b.size) : 0, shared };
}

const TEMPORAL = /^(former|ex|then|acting|interim)$/i;
const QUALIFIER = /^(u\.s\.|us|american|ukrainian|russian|french|german|british|venezuelan|chinese|foreign|defence|defense|of|state|special|vice)$/i;
const ROLES = /^(president|prime minister|secretary|secretary of state|minister|envoy|special envoy|chancellor|governor|senator)$/i;

/**
 * Do two titles of the same person contradict each other? "former U.S. President" vs
 * "U.S. President" does (one says he no longer holds it); "Ukrainian President" vs "President"
 * does not (one only leaves out the country); "U.S. President" vs "Ukrainian President" does.
 */
export function titlesConflict(a: string, b: string): boolean {
  const words = (t: string) => t.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  const role = (ws: string[]) => ws.filter((w) => !TEMPORAL.test(w) && !QUALIFIER.test(w)).join(' ');
  const ra = role(wa);
  const rb = role(wb);
  // only titles that name an office can differ; "leader" or "chief" name none
  if ((ra && !ROLES.test(ra)) || (rb && !ROLES.test(rb))) return false;
  if (wa.some((w) => TEMPORAL.test(w)) !== wb.some((w) => TEMPORAL.test(w))) return !!(ra || rb);
  if (ra && rb && ra !== rb) return true;
  const quals = (ws: string[]) => new Set(ws.filter((w) => QUALIFIER.test(w) && !/^(of|state|special|vice|foreign|defence|defense)$/.test(w)).map((w) => (w === 'us' || w === 'american' ? 'u.s.' : w)));
  const qa = quals(wa);
  const qb = quals(wb);
  return qa.size > 0 && qb.size > 0 && ![...qa].some((q) => qb.has(q));
}

const q = (s: string) => `“${s.length > 60 ? s.slice(0, 59) + '…' : s}”`;

/** Words shared by unrelated sentences that say nothing about who took part. */
const GENERIC = new Set(['year', 'old', 'peopl', 'time', 'day', 'week', 'month', 'last', 'first', 'new', 'late', 'earli']);

/** The page's own words for up to three shared stems, in the order the page has them. */
function sharedWords(a: string, stems: string[]): string {
  const want = new Set(stems);
  const out: string[] = [];
  for (const w of a.replace(/[’‘]/g, "'").split(/[^\p{L}\p{N}'-]+/u)) {
    const t = w.replace(/'s$/, '');
    const k = stem(t.toLowerCase());
    if (want.has(k) && t.length > 2) {
      out.push(t);
      want.delete(k);
    }
    if (out.length >= 3) break;
  }
  return out.join(', ');
}

/** Verbs of saying: shared by any two reports of statements. */
const SPEECH_WORDS = new Set(['said', 'say', 'told', 'tell', 'report', 'claim', 'accord', 'ad']);

/** Words right after a negator (its scope: the next word that is not a particle), by base ("did not make" → make → make). */
function negatedBases(text: string): Map<string, string> {
  const ws = wordsOf(text.replace(/n't\b/gi, ' not'));
  const out = new Map<string, string>();
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] !== 'not' && ws[i] !== 'never') continue;
    const next = ws.slice(i + 1, i + 4).find((w) => w && !AUX.test(w) && !['the', 'a', 'an', 'be', 'been', 'being', 'get', 'got'].includes(w));
    if (next && next.length > 2) out.set(base(next), next);
  }
  return out;
}

/**
 * The page says plainly what the report says did not happen, about the same figure or the same named
 * person ("made $72 million" / "says he did not make $72 million"; "the wife of Baghdadi was held" /
 * "the woman … was not the wife of Baghdadi"): a conflict of polarity, naming both words. Only the
 * report negates, not conditionally ("if not dead"); neither side hedges; the page neither reports an
 * allegation nor gives the claim to a source (a source's claim and another's denial are two voices).
 * (A page that negates against a report sentence that affirms is mostly a report retelling the
 * rumour it goes on to refute: left to the event lexicon's polarity.)
 */
function polarityFlip(a: string, b: string, A: Frame, B: Frame, sharedFigure: boolean, sharedNames: number, aligned: number): Finding | null {
  // a page that asks, relays or purports its claim ("Is the singer dead?", "sources are reporting that …") states no polarity to deny
  if (A.hasNegation || !B.hasNegation || A.hedged || B.hedged || A.speakers.size || ALLEGED.test(a) || relayedBy(a) || /\bif not\b/i.test(b)) return null;
  if (!(sharedFigure || (sharedNames >= 1 && aligned >= 2))) return null;
  const plain = new Map(wordsOf(a).filter((w) => w.length > 2).map((w) => [base(w), w]));
  // the negation scopes the predicate both share, not a saying, knowing or commenting about it
  // ("did not say whether the bridge was closed" / "said the bridge was closed"), nor "not only"
  const flipped = [...negatedBases(b.replace(/\bnot only\b/gi, 'only'))].find(([w, as]) => plain.has(w) && !GENERIC.has(w) && !SPEECH_WORDS.has(stem(w)) && !UNSCOPED.test(as) && eventKind(w) !== 'say');
  return flipped ? { slot: 'polarity', agree: false, page: plain.get(flipped[0])!, report: `not ${flipped[1]}` } : null;
}

/** Verbs of saying, knowing and commenting: a negation of one says nothing of the predicate it is about. */
const UNSCOPED = /^(?:say|said|says|saying|tell|told|know|knew|known|comment|commented|disclose|disclosed|specify|specified|elaborate|reveal|revealed|confirm|confirmed|clear|sure|yet|immediately|only)$/i;

/** A denial, which negates all that follows it. */
const DENIAL = /\b(?:deny|denies|denied|denying|refute[sd]?|refuting|rebut(?:s|ted|ting)?|counter(?:s|ed|ing)? (?:the )?claims?)\b/i;

/** Does `x` deny what the other sentence states: a denial followed by two or more of its words ("denied rumours that it launched …")? */
function deniesWhat(x: string, Y: Frame): boolean {
  const m = x.match(DENIAL);
  return !!m && contentTokens(x.slice(m.index! + m[0].length)).filter((w) => Y.asserted.has(w) && !GENERIC.has(w)).length >= 2;
}

const isDayOrMonth = (s: string) => WEEKDAYS.includes(s) || MONTHS.includes(s);

/** Stems that say nothing of what is claimed: saying, time words, figures, generic words. */
export const uninformative = (x: string) => GENERIC.has(x) || SPEECH_WORDS.has(x) || isDayOrMonth(x) || /^\d/.test(x);

/** Does a frame name this source other than as a speaker (a country, a term, a name)? */
function names(F: Frame, key: string): boolean {
  if (key.startsWith('T:')) return F.entities.has(key.slice(2));
  return F.names.has(key) || F.stems.has(stem(key)) || [...F.places.keys()].some((p) => placesCompatible(p, key));
}

/** Not a source's name: a phrase the parse cut at a preposition or a verb ("in Nigeria despite", "Boko Haram has"). */
const CUT_SOURCE = /^(?:in|on|at|despite|after|before|and|but|of|for|with|from|to|by)\b|\b(?:and|or|has|have|had|was|were|is|are)$/i;

/**
 * Two speakers that are two sources: both names of one (not a phrase the parse cut), sharing no
 * capitalised word, neither's the start of the other's ("Boko Haram" / "Boko Haram leader Abubakar
 * Shekau", "Iraq" / "An Iraqi official", "Nigeria" / "Nigeria's official news agency" are one).
 */
export function twoSources(a: string, b: string): boolean {
  if (CUT_SOURCE.test(a.trim()) || CUT_SOURCE.test(b.trim())) return false;
  const caps = (t: string) => (t.match(/\b[A-Z][\p{L}-]{2,}/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => !/^(?:the|an?|this|that|its|his|her|their)$/.test(w));
  const wb = caps(b);
  return !caps(a).some((x) => wb.some((y) => x === y || (x.length >= 4 && y.startsWith(x)) || (y.length >= 4 && x.startsWith(y))));
}

/** Compare the facts of two frames that may describe the same event. */
function findings(A: Frame, B: Frame, sameEvent: boolean, overlap: number, people: Set<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  const sharedPeople = [...A.titles.keys()].filter((id) => B.titles.has(id));
  for (const id of sharedPeople) {
    const ta = A.titles.get(id)!;
    const tb = B.titles.get(id)!;
    // a title describes the person at the time, whatever the event: compared for any shared person
    out.push({ slot: 'title', agree: !titlesConflict(ta, tb), page: `${ta} ${A.entities.get(id) ?? ''}`.trim(), report: `${tb} ${B.entities.get(id) ?? ''}`.trim() });
  }

  // Confirmation: "has not confirmed the meeting" against "confirmed" / "leaders will meet".
  const notConfirmedA = A.negated.has('E:confirm');
  const notConfirmedB = B.negated.has('E:confirm');
  const confirmedA = !notConfirmedA && (A.asserted.has('E:confirm') || !!A.assertiveFuture);
  const confirmedB = !notConfirmedB && (B.asserted.has('E:confirm') || !!B.assertiveFuture);
  if (sameEvent) {
    if (notConfirmedA && confirmedB) out.push({ slot: 'confirmation', agree: false, page: 'not confirmed', report: B.assertiveFuture ?? 'confirmed' });
    else if (notConfirmedB && confirmedA) out.push({ slot: 'confirmation', agree: false, page: A.assertiveFuture ?? 'confirmed', report: 'not confirmed' });
    else if (notConfirmedA && notConfirmedB) out.push({ slot: 'confirmation', agree: true, page: 'not confirmed', report: 'not confirmed' });
  }
  if (!sameEvent) return out;

  // Polarity: a word negated on one side and plainly affirmed on the other (which negates nothing).
  // the same event word on both sides ("did not discuss" / "discussed"), not merely the same kind
  // ("would not accept" / "economic agreements")
  const flips = (X: Frame, Y: Frame) => [...X.negated].filter((s) => !s.startsWith('E:') && eventKind(s) && !['confirm', 'say', 'claim', 'deny'].includes(eventKind(s)!) && Y.asserted.has(s) && !Y.hasNegation);
  if (!out.some((f) => f.slot === 'confirmation')) {
    const fa = flips(A, B);
    const fb = flips(B, A);
    const word = (s: string, F: Frame) => (s.startsWith('E:') ? F.events.get(s.slice(2)) ?? s.slice(2) : F.events.get(eventKind(s) ?? '') ?? s);
    if (fa.length) out.push({ slot: 'polarity', agree: false, page: `not ${word(fa[0]!, A)}`, report: word(fa[0]!, B) });
    else if (fb.length) out.push({ slot: 'polarity', agree: false, page: word(fb[0]!, A), report: `not ${word(fb[0]!, B)}` });
    else {
      const both = [...A.negated].filter((s) => s.startsWith('E:') && B.negated.has(s));
      if (both.length) out.push({ slot: 'polarity', agree: true, page: `not ${word(both[0]!, A)}`, report: `not ${word(both[0]!, B)}` });
    }
  }


  if (A.days.size && B.days.size) {
    const shared = [...A.days.keys()].find((d) => B.days.has(d));
    out.push(shared ? { slot: 'day', agree: true, page: A.days.get(shared)!, report: B.days.get(shared)! } : { slot: 'day', agree: false, page: [...A.days.values()].join(', '), report: [...B.days.values()].join(', ') });
  }
  const kinds = (F: Frame, re: RegExp) => [...F.dates.keys()].filter((k) => re.test(k));
  for (const re of [/^\d{4}$/, /^(?:end|start|beginning|middle|mid) \w+$/, /^\w+ \d{4}$/, /^\w+ \d{1,2}$/]) {
    const da = kinds(A, re);
    const db = kinds(B, re);
    if (!da.length || !db.length) continue;
    const shared = da.find((d) => db.includes(d));
    out.push(shared ? { slot: 'date', agree: true, page: A.dates.get(shared)!, report: B.dates.get(shared)! } : { slot: 'date', agree: false, page: A.dates.get(da[0]!)!, report: B.dates.get(db[0]!)! });
  }

  if (A.places.size && B.places.size) {
    let pair: [string, string] | null = null;
    for (const a of A.places.keys()) for (const b of B.places.keys()) if (!pair && placesCompatible(a, b)) pair = [a, b];
    // a place the gazetteer cannot locate ("Binesh", with no known country) may lie within the other: no conflict
    const located = (F: Frame) => [...F.places.keys()].some((k) => ancestors(k).length > 1);
    if (pair) out.push({ slot: 'place', agree: true, page: A.places.get(pair[0])!, report: B.places.get(pair[1])! });
    else if (located(A) && located(B)) out.push({ slot: 'place', agree: false, page: [...A.places.values()].join(', '), report: [...B.places.values()].join(', ') });
  }

  if (A.speakers.size && B.speakers.size && overlap >= 0.3) {
    // the source of one is nowhere a speaker in the other (a report may quote a claim and its denial)
    const speaks = (F: Frame, key: string) => [...F.speakers.keys()].find((k) => k === key || placesCompatible(k, key));
    const [a0] = A.speakers.keys();
    const [b0] = B.speakers.keys();
    const match = speaks(B, a0!);
    // Another source for the same claim is context, not a conflict; it is one only when the report
    // gives the claim to the other side ("Ukraine said …" / "Russia accused Ukraine of …").
    // (a named person on one side and a group on the other, "Ali al-Budairi said" / "several Iraqi officials
    // confirmed": the person may be one of them, so the two are not shown to be two sides)
    const sides = people.has(a0!) === people.has(b0!);
    if (match) out.push({ slot: 'attribution', agree: true, page: A.speakers.get(a0!)!, report: B.speakers.get(match)! });
    else if (sides && !speaks(A, b0!) && twoSources(A.speakers.get(a0!)!, B.speakers.get(b0!)!) && /[A-Z]/.test(A.speakers.get(a0!)!) && /[A-Z]/.test(B.speakers.get(b0!)!) && (names(B, a0!) || names(A, b0!))) out.push({ slot: 'attribution', agree: false, page: `according to ${A.speakers.get(a0!)}`, report: `according to ${B.speakers.get(b0!)}` });
  }
  return out;
}

/** Word overlap (Dice) at which two plain statements with the same cast say the same thing, without a shared event word. */
const SAME_WORDS = 0.45;
const MODAL_WORD = /\b(?:would|should|if|whether|unless)\b/i;

/** The key of an age given, on one side, for nobody in particular: the age of whom the sentence is about. */
const SUBJECT_AGE = 'age:subject';

/** Two one-word names (folded) written together as a full name in the text: "Dylan Thomas" for dylan and thomas. */
function fullName(x: string, y: string, text: string): boolean {
  const w = (s: string) => s.replace(/[^a-z'-]/g, '');
  if (!w(x) || !w(y)) return false;
  return new RegExp(`\\b(?:${w(x)}\\s+${w(y)}|${w(y)}\\s+${w(x)})\\b`, 'i').test(text);
}

/** What a figure counts: its unit, and for an age the noun it belongs to. */
const YEAR = /\b(?:19|20)\d\d\b/g;
const RATE = /\b(?:a|per|each|every) (?:year|month|week|day)\b|\bannually\b/i;

/**
 * Figures of the same kind on both sides, compared when the sentences are about the same thing:
 * the same event, or enough shared words besides the figure (who or what it counts, the predicate)
 * and no sign that the figures are from different times (other years, a rate on one side).
 */
/** A partitive word before a figure's noun phrase, the figure a few words on: "some bottles costing more than", "several of the houses, worth". Not "some 15" (about 15). */
const SUBSET_BEFORE = /\b(?:some|several|many|a few|most|certain|other)\s+(?:of\s+(?:the|its|their|his|her)\s+)?[a-z]+(?:\s+(?!\d)\S+){0,4}\s*$/i;

/** Is one of `qs` given for part of a set (SUBSET_BEFORE just before it in `text`)? */
function ofSubset(text: string, qs: Quantity[]): boolean {
  return qs.some((q) => {
    const at = text.indexOf(q.text);
    return at > 0 && SUBSET_BEFORE.test(text.slice(Math.max(0, at - 60), at).replace(/(?:more|less|fewer) than\s*$|(?:at least|at most|up to|about|around|nearly|almost|over|under)\s*$/i, ''));
  });
}

/** Is one of `qs` given per item: "$15,000 each", "£20 apiece", "$50 a head", "$9 per bottle"? */
function perItem(text: string, qs: Quantity[]): boolean {
  return qs.some((q) => {
    const at = text.indexOf(q.text);
    return at >= 0 && (/\b(?:each|apiece)$/i.test(q.text) || /^\s*(?:each|apiece|a (?:head|piece|person)|per (?!cent\b)[a-z]+)\b/i.test(text.slice(at + q.text.length, at + q.text.length + 20)));
  });
}

/** Are all of `qs` ages of someone introduced by "a"/"an" ("a 22-year-old man", "an 80-year-old Welsh woman")? */
function indefinite(text: string, qs: Quantity[]): boolean {
  return qs.length > 0 && qs.every((q) => {
    const at = text.indexOf(q.text);
    return at >= 0 && /\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, at - 4), at));
  });
}

function figureFindings(a: string, b: string, A: Frame, B: Frame, sameEvent: boolean, aligned: number, sharedNames: number, kindShared = sameEvent): Finding[] {
  // an age is compared for the same person, or the same thing it is given for; a person named in full
  // on one side and by one of those names on the other is one person ("Dylan Thomas, 21" / "21-year-old Dylan")
  const alias = new Map<string, string>();
  for (const x of A.quantities) for (const y of B.quantities) if (x.owner && y.owner && x.owner !== y.owner && fullName(x.owner, y.owner, `${a} ${b}`)) alias.set(y.owner, x.owner);
  const owner = (q: Quantity) => (q.owner ? alias.get(q.owner) ?? q.owner : undefined);
  const key = (q: Quantity, other: Frame) => (q.unit !== 'year-old' ? q.unit : owner(q) && other.quantities.some((o) => owner(o) === owner(q)) ? `age of ${owner(q)}` : q.head ? `age:${q.head}` : '');
  const keysA = new Map(A.quantities.map((q) => [q, key(q, B)]));
  const keysB = new Map(B.quantities.map((q) => [q, key(q, A)]));
  unifyCompounds(keysA, keysB);
  // one age on each side, one of them given for nobody in particular ("The 12-year-old had been walking home" /
  // "Twelve-year-old Nikolai was walking home"): the age of whom the sentence is about, on both sides
  const agesA = A.quantities.filter((x) => x.unit === 'year-old');
  const agesB = B.quantities.filter((x) => x.unit === 'year-old');
  if (agesA.length === 1 && agesB.length === 1 && keysA.get(agesA[0]!) !== keysB.get(agesB[0]!) && [agesA[0]!, agesB[0]!].some((x) => !x.owner && !x.head)) {
    keysA.set(agesA[0]!, SUBJECT_AGE);
    keysB.set(agesB[0]!, SUBJECT_AGE);
  }
  const keys = new Set([...keysA.values()].filter((k) => k && [...keysB.values()].includes(k)));
  if (!keys.size) return [];
  const yearsA = new Set(a.match(YEAR) ?? []);
  const yearsB = new Set(b.match(YEAR) ?? []);
  if (yearsA.size && yearsB.size && ![...yearsA].some((y) => yearsB.has(y))) return [];
  if (RATE.test(a) !== RATE.test(b)) return [];
  // named people on both sides and none shared: another person's figure
  const differentCast = A.names.size > 0 && B.names.size > 0 && sharedNames === 0;
  if (!sameEvent && (differentCast || !(aligned >= 2 || (sharedNames > 0 && aligned >= 1)))) return [];
  const out: Finding[] = [];
  for (const k of keys) {
    const f = compareFigures(A.quantities.filter((q) => keysA.get(q) === k), B.quantities.filter((q) => keysB.get(q) === k));
    if (!f) continue;
    // (an age read as the subject's on one side only differs within one event)
    if (!f.agree && k === SUBJECT_AGE && !sameEvent) continue;
    // a figure that the other sentence also gives, or the total of its figures, is not contradicted
    if (!f.agree && (hasFigure(B, f.pageValue) || hasFigure(A, f.reportValue))) continue;
    const qsA = A.quantities.filter((q) => keysA.get(q) === k);
    const qsB = B.quantities.filter((q) => keysB.get(q) === k);
    // a figure given for part of a set ("some bottles costing more than $20,000 each") is not the set's ("bottles costing $15,000 each")
    // and a price or count per item on one side only ("bottles costing $15,000 each" / "dropped $300,000 on a meal") is not the total's
    const doubt = !f.agree && (ofSubset(a, qsA) || ofSubset(b, qsB) || perItem(a, qsA) !== perItem(b, qsB));
    // two people introduced anew on both sides ("a 22-year-old man" / "a 40-year-old man"), outside one event of a kind both tell of
    // (a strike, a killing: "a 5-year-old child died" / "a 3-year-old child was killed" there is one child), may be two people
    if (doubt || (!f.agree && k.startsWith('age:') && k !== SUBJECT_AGE && !kindShared && indefinite(a, qsA) && indefinite(b, qsB))) {
      out.push({ slot: 'number', agree: false, page: f.page, report: f.report, doubt: true });
      continue;
    }
    // two counts differ only when both count a noun they give, the same ("killed 10" / "12 soldiers were killed" may count other things)
    const counts = !MEASURES.has(f.unit) && !DURATIONS.has(f.unit) && !k.startsWith('age');
    if (!f.agree && counts && ![...keysA, ...keysB].every(([q, key]) => key !== k || q.counted)) continue;
    // named things on both sides, none shared: the figure may be another one's (another fish, another deal)
    if (!f.agree && !sameEvent && castDisjoint(new Set([...A.names, ...A.topics]), A, new Set([...B.names, ...B.topics]), B)) continue;
    // a count is of the same thing only when the same thing happens to it ("7 girls fell pregnant" / "28 girls went on the trip"),
    // in the same event too: a story's counts of different moments or subsets ("taken 28 girls" / "seven girls dropped out")
    // a duration is of what happens during it: the same verb, or the same words around it ("6 days of darkness" / "three days, without sunlight due to …")
    const duration = DURATIONS.has(f.unit);
    const around = (least = 1) => sameSurroundings(a, f.page, b, f.report, least);
    if (!f.agree && !MEASURES.has(f.unit) && !k.startsWith('age') && (sameEvent ? differentPredicates(a, b, f.unit) : !samePredicate(a, b, f.unit) && !(duration && around(2)))) continue;
    // and the words around the two figures say what they are of ("28 bundles of weapons" / "27 bundles containing weapons")
    if (!f.agree && !sameEvent && !k.startsWith('age') && !duration && !around()) continue;
    // a bound met by another figure ("at least six" / "11") is compatible, not the same figure
    // and "another $100" is one more of the kind, not the $100 the other side tells of
    const oneMore = [...keysA, ...keysB].some(([q, key]) => key === k && q.another);
    const compatible = f.agree && !f.page.includes(' + ') && !f.report.includes(' + ') && (Math.abs(f.pageValue - f.reportValue) > 0.1 * Math.max(f.pageValue, f.reportValue) || !!f.oneBound || oneMore);
    out.push({ slot: 'number', agree: f.agree, page: f.page, report: f.report, ...(compatible ? { compatible } : {}) });
  }
  return out;
}

/**
 * Ranges ("2 or 3 years old", "aged 13 to 15") against ranges and figures of the same unit, where
 * the sentences are about the same thing: the same range agrees; a figure inside the other's range is
 * compatible (no corroboration by itself); two different ranges of the same event conflict.
 */
function rangeFindings(A: Frame, B: Frame, sameEvent: boolean, about: boolean): Finding[] {
  if (!about || (!A.ranges.length && !B.ranges.length)) return [];
  const out: Finding[] = [];
  for (const [X, Y, flip] of [[A, B, false], [B, A, true]] as const) {
    for (const r of X.ranges) {
      const pair = (agree: boolean, other: string, compatible = false): Finding => ({ slot: 'number', agree, page: flip ? other : r.text, report: flip ? r.text : other, ...(compatible ? { compatible } : {}) });
      const same = Y.ranges.find((o) => o.unit === r.unit);
      if (same && !flip) out.push(same.lo === r.lo && same.hi === r.hi ? pair(true, same.text) : sameEvent ? pair(false, same.text) : pair(true, same.text, true));
      if (same) continue;
      const inside = Y.quantities.find((q) => q.unit === r.unit && q.value >= r.lo && q.value <= r.hi);
      if (inside) out.push(pair(true, inside.text, true));
    }
  }
  return out;
}

/**
 * Offsets on both sides, one of each kind a side: "five minutes later" / "10 minutes later" from the same
 * moment differ only within one event; the same offset agrees. Offsets from the day of writing ("nine days
 * ago" / "10 days ago") may be of one day seen from two days: never a conflict (see `otherAgo`).
 */
function offsetFindings(A: Frame, B: Frame, sameEvent: boolean, about: boolean): Finding[] {
  const out: Finding[] = [];
  for (const dir of ['later', 'earlier'] as const) {
    const xs = A.offsets.filter((o) => o.dir === dir);
    const ys = B.offsets.filter((o) => o.dir === dir);
    if (xs.length !== 1 || ys.length !== 1 || xs[0]!.unit !== ys[0]!.unit) continue;
    const [x, y] = [xs[0]!, ys[0]!];
    if (x.value === y.value && about) out.push({ slot: 'number', agree: true, page: x.text, report: y.text });
    else if (x.value !== y.value && sameEvent) out.push({ slot: 'number', agree: false, page: x.text, report: y.text });
  }
  return out;
}

/** "10 days ago" / "nine days ago": one day from two days of writing, or two days; either way not the same fact as written. */
function otherAgo(A: Frame, B: Frame): [string, string] | null {
  for (const x of A.offsets) {
    if (x.dir !== 'ago') continue;
    const ys = B.offsets.filter((o) => o.dir === 'ago' && o.unit === x.unit);
    if (ys.length && ys.every((y) => y.value !== x.value)) return [x.text, ys[0]!.text];
  }
  return null;
}

/** Times of day on both sides, compared where the sentences are about the same thing (as figures are). */
function timeFindings(A: Frame, B: Frame, about: boolean): Finding[] {
  if (!about || !A.times.length || !B.times.length) return [];
  let differ: Finding | null = null;
  for (const x of A.times) {
    for (const y of B.times) {
      const t = timesAgree(x, y);
      if (t === true) return [{ slot: 'time', agree: true, page: x.text, report: y.text }];
      if (t === false) differ ??= { slot: 'time', agree: false, page: x.text, report: y.text };
    }
  }
  // a time that differs says so only when each side gives one time (others may be of other moments)
  return differ && A.times.length === 1 && B.times.length === 1 ? [differ] : [];
}

/** The last word of each name both sides give, lower case (what a fate is said of). */
function sharedNameWords(A: Frame, B: Frame): string[] {
  const word = (n: string, F: Frame) => (n.startsWith('T:') ? (F.entities.get(n.slice(2)) ?? '').split(/\s+/).pop()!.toLowerCase().replace(/'s$/, '') : n);
  return [...A.names].filter((n) => B.names.has(n)).map((n) => word(n, A)).filter((w) => w.length > 1);
}

/** Words both sentences give that one of them capitalises (not at the head of a sentence only): a name's words, lower-cased. */
function capitalisedShared(a: string, b: string): string[] {
  const words = (t: string) => t.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/['’]s$/, ''));
  const wa = words(a);
  const wb = words(b);
  const lower = new Set(wb.map((w) => w.toLowerCase()));
  const capsIn = (ws: string[], w: string) => ws.some((x, i) => i > 0 && x.toLowerCase() === w && /^\p{Lu}/u.test(x)) || (/^\p{Lu}/u.test(ws[0] ?? '') && ws[0]!.toLowerCase() === w && ws.length > 1 && /^\p{Lu}/u.test(ws[1] ?? ''));
  return [...new Set(wa.map((w) => w.toLowerCase()))].filter((w) => w.length > 2 && lower.has(w) && !STOP_WORDS.has(w) && (capsIn(wa, w) || capsIn(wb, w)));
}

/**
 * A compound counted noun and its head count the same thing ("10 gunshots" / "10 shots", "6 airstrikes" / "6 strikes"):
 * the longer unit of one side is renamed to the other side's head when it ends with it (four letters or more).
 */
export function unifyCompounds(keysA: Map<Quantity, string>, keysB: Map<Quantity, string>): void {
  const a = new Set(keysA.values());
  const b = new Set(keysB.values());
  // (a unit of measure with a prefix is another unit: kilometres are not metres, kilograms not grams)
  const head = (long: string, short: string) => long !== short && short.length >= 4 && !long.startsWith('age') && !MEASURES.has(long) && !MEASURES.has(short) && long.endsWith(short);
  for (const [q, k] of keysA) if (!b.has(k)) for (const h of b) if (head(k, h)) keysA.set(q, h);
  for (const [q, k] of keysB) if (!a.has(k)) for (const h of a) if (head(k, h)) keysB.set(q, h);
}

/** Units of time: a figure of one is a duration. */
const DURATIONS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year'].map((u) => stem(u)));

/** Units of measure: what a measure belongs to does not hang on a verb. */
const MEASURES = new Set(['money', '%', 'pound', 'stone', 'feet', 'foot', 'ft', 'inch', 'mile', 'kilometr', 'kilomet', 'km', 'metr', 'meter', 'acr', 'acre', 'ton', 'tonn', 'kg', 'kilogram', 'gram', 'degre', 'mph', 'year-old', 'squar', 'gallon', 'litr', 'barrel', 'magnitude'].map((u) => stem(u)));

/** Auxiliaries and particles of a verb phrase: the main verb is the last word besides these. */
const AUX = /^(?:am|is|are|was|were|be|been|being|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|might|must|not|never|also|just|now|reportedly|allegedly|n't)$/i;

/** The verb nearest the counted noun (its main word, "were injured" → injured, else the infinitive), or null. */
function predicateOf(text: string, unit: string): string | null {
  const key = `${unit}|${text}`;
  if (predicateMemo.has(key)) return predicateMemo.get(key)!;
  if (predicateMemo.size >= 5000) predicateMemo.clear();
  const p = parsePredicate(text, unit);
  predicateMemo.set(key, p);
  return p;
}
/** compromise is slow: a sentence's predicate is parsed once per counted unit (report sentences come back on every hover) */
const predicateMemo = new Map<string, string | null>();

function parsePredicate(text: string, unit: string): string | null {
  const at = text.toLowerCase().search(new RegExp(`\\b${unit.replace(/[^a-z]/g, '')}`));
  if (at < 0) return null;
  let best: { d: number; v: string } | null = null;
  for (const v of nlp(text).verbs().json({ offset: true }) as { text: string; offset: { start: number; length: number }; verb?: { infinitive?: string } }[]) {
    const inf = v.verb?.infinitive;
    const main = v.text.toLowerCase().split(/\s+/).filter((w) => !AUX.test(w)).pop()?.replace(/[^a-z]/g, '');
    const word = inf && !AUX.test(inf.split(' ')[0]!) ? inf : main;
    if (!word || /^(?:be|have|do|say|said|says|report|reported|tell|told|claim|claimed|add|added|age|aged)\b/.test(word)) continue;
    const d = Math.min(Math.abs(v.offset.start - at), Math.abs(v.offset.start + v.offset.length - at));
    if (!best || d < best.d) best = { d, v: word };
  }
  return best?.v ?? null;
}

/** The same verb, the same kind of event, or synonyms ("battled" / "fought"). */
const predicatesAlike = (pa: string, pb: string) => {
  const [wa, wb] = [pa.split(' ')[0]!, pb.split(' ')[0]!];
  const ka = eventKind(wa);
  // (a compound verb and its head: "airdropped" / "dropped")
  const head = (x: string, y: string) => y.length >= 4 && x.length > y.length && x.endsWith(y);
  return pa === pb || stem(pa) === stem(pb) || head(wa, wb) || head(wb, wa) || (!!ka && ka === eventKind(wb)) || sameSense(wa, wb);
};

function samePredicate(a: string, b: string, unit: string): boolean {
  const pa = predicateOf(a, unit);
  const pb = predicateOf(b, unit);
  return !!pa && !!pb && predicatesAlike(pa, pb);
}

/**
 * Both counts hang on a verb, not the same one, and neither sentence names the other's verb by its
 * own count ("taken 28 girls …, the girls dropped out" / "seven girls dropped out"; but "ten people
 * were injured" / "14 people were hurt" name the same thing however the parser reads them).
 */
function differentPredicates(a: string, b: string, unit: string): boolean {
  const pa = predicateOf(a, unit);
  const pb = predicateOf(b, unit);
  return !!pa && !!pb && !predicatesAlike(pa, pb) && !namedBy(a, unit, pb) && !namedBy(b, unit, pa);
}

/** Does the verb (or its kind of event) stand within a few words of the counted noun? */
export function namedBy(text: string, unit: string, verb: string, within = 4): boolean {
  const ws = wordsOf(normalizeEventPhrases(text));
  const at = ws.findIndex((w) => w && stem(w) === unit);
  if (at < 0) return false;
  const v = verb.split(' ')[0]!;
  const k = eventKind(v);
  return ws.slice(Math.max(0, at - within), at + within + 1).some((w) => !!w && (stem(w) === stem(v) || (!!k && eventKind(w) === k)));
}



/** Number words by value, to find a figure the sentence writes in words. */
const WORD_VALUES: Record<string, number> = Object.fromEntries(
  'once one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ').map((w, i) => [w, Math.max(1, i)] as [string, number]),
);
Object.assign(WORD_VALUES, { twice: 2, thrice: 3, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12 });

/** Content stems within a few words of a figure, besides the figure's own words. */
function surroundings(text: string, figure: string): Set<string> {
  const words = text.replace(/[’‘]/g, "'").split(/\s+/);
  const first = figure.split(/\s+/)[0]!.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  // "once" / "twice" stand for "1 times" / "2 times" (frame.ts); other number words are not looked up here:
  // figures in words outside one event stay uncompared (measured: no gain on the tune part, one false conflict held out)
  const value = Number(first.replace(/,/g, ''));
  const at = words.findIndex((w) => {
    const x = w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
    return x.startsWith(first) || (Number.isFinite(value) && /^(?:once|twice|thrice)$/.test(x) && WORD_VALUES[x] === value);
  });
  const own = new Set(contentTokens(figure));
  const near = at < 0 ? [] : words.slice(Math.max(0, at - 5), at + 6);
  return new Set(contentTokens(near.join(' ')).filter((x) => !own.has(x) && !/^\d/.test(x) && !GENERIC.has(x)));
}

function sameSurroundings(a: string, fa: string, b: string, fb: string, least = 1): boolean {
  const sa = surroundings(a, fa);
  return [...surroundings(b, fb)].filter((x) => sa.has(x)).length >= least;
}

/** Words of a sentence, lower case, without punctuation. */
const wordsOf = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));

/** Is the first word of `slot` (as written in `text`) within a few words of a word naming the event `kind` (or its kin)? */
function near(text: string, slot: string, kind: string, within = 12): boolean {
  const ws = wordsOf(normalizeEventPhrases(text));
  const first = wordsOf(slot.split(',')[0]!)[0] ?? '';
  const at = ws.flatMap((x, i) => (x === first ? [i] : []));
  const ev = ws.flatMap((x, i) => (x && (eventKind(x) === kind || eventKind(x) === KIN[kind]) ? [i] : []));
  if (!at.length || !ev.length) return true; // not found as written: no evidence either way
  return at.some((i) => ev.some((j) => Math.abs(i - j) <= within));
}

/**
 * The kind of the event word nearest the first word of `slot` as written in `text` (a saying counts as
 * one: "said on Monday" dates the saying), or undefined when the slot or no event word is found.
 */
/** A verb of threat or vow before "to": what follows has not happened ("threatening to kill", "vowed to strike"). */
const THREATENED = /^(?:threat\w*|vow\w*|pledg\w*|promis\w*|plan(?:s|ned|ning)?|intend\w*|want\w*|demand\w*)$/;

export function nearestKind(text: string, slot: string): string | undefined {
  const raw = normalizeEventPhrases(text).toLowerCase().split(/\s+/);
  const ws = raw.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const first = wordsOf(slot.split(',')[0]!)[0] ?? '';
  const at = ws.flatMap((x, i) => (x === first ? [i] : []));
  // a saying dates the slot only right beside it, in the same clause ("said on Friday", "on Friday announced";
  // not "on Thursday, saying", nor "according to")
  const said = (i: number, j: number) => {
    if (Math.abs(i - j) > 2 || /^accord/.test(ws[j]!)) return false;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    return !raw.slice(lo, hi).some((w) => /[,;:]$/.test(w));
  };
  let best: { d: number; kind: string } | undefined;
  ws.forEach((x, j) => {
    if (!x) return;
    const k0 = eventKind(x) ?? (SPEECH_WORDS.has(stem(x)) ? 'say' : undefined);
    if (!k0 || /^accord/.test(x)) return;
    // an act threatened or vowed ("threatening to kill him in three days") has not happened: the slot beside it is not the act's
    const k = j >= 2 && ws[j - 1] === 'to' && THREATENED.test(ws[j - 2]!) ? `threat:${k0}` : k0;
    const speech = SPEECH_KINDS.has(k);
    for (const i of at) {
      if (i === j || (speech && !said(i, j))) continue;
      // a saying beside the slot wins over an event word as near
      const d = Math.abs(i - j) - (speech ? 0.5 : 0);
      if (!best || d < best.d) best = { d, kind: k };
    }
  });
  return best?.kind;
}

/** A wire dateline at the head of a sentence ("WASHINGTON, Nov 3 (Reuters) -"): the date the story was filed, not the event's. */
const DATELINE = /^(\s*[A-Z][A-Z .'\/-]+(?:,\s*[A-Z][A-Za-z .]+?)?),?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(\((?:[A-Za-z .]+)\)\s*[-–—]+\s*)/;

/** The sentence without the date of a wire dateline at its head (its place stays: where the story was filed says who tells it). */
export const withoutDateline = (text: string) => text.replace(DATELINE, '$1 $2');

/** The head word of a dictionary term ("T:stone-catfish" → catfish, "T:michael-brown" → brown), stemmed. */
const headOf = (id: string) => stem(id.slice(2).split('-').pop() ?? '');

/**
 * Is a participant or topic of one side named by the other: the same term, or a term whose head
 * word the other sentence has ("a 19 stone catfish" / "an enormous catfish"; "a lion statue" / "a statue of a lion").
 */
export const castIn = (x: string, cast: Set<string>, F: Frame) => cast.has(x) || (x.startsWith('T:') && F.stems.has(headOf(x)));

/** Named things on both sides, none of them named by the other side, even by its head word. */
const castDisjoint = (ca: Set<string>, A: Frame, cb: Set<string>, B: Frame) => ca.size > 0 && cb.size > 0 && ![...ca].some((x) => castIn(x, cb, B)) && ![...cb].some((x) => castIn(x, ca, A));

const hasFigure = (F: Frame, v: number) => F.numbers.includes(v) || (F.numbers.length >= 2 && F.numbers.reduce((t, n) => t + n, 0) === v);

/** A date precise enough to pin a happening: a year, "month day" or "month year". */
const PINNING_DATE = /^(?:\d{4}|\w+ \d{1,2}|\w+ \d{4})$/;

/**
 * The same happening pinned on both sides, whatever else each names: the same kind of event (not
 * a saying), the same date by the event's word, a named thing (person, place, organisation) in
 * common, and no person on each side that the other lacks ("travelled to Syria in 2012" / "He …
 * traveled to Syria in 2012 and later joined IS"; not "Ann flew to Rome in 2012" / "Bob flew to Rome in 2012").
 */
export function anchoredFact(a: string, b: string, A: Frame, B: Frame, eventKinds: string[], entities: EntityLookup): boolean {
  const kind = eventKinds[0];
  if (!kind) return false;
  const date = [...A.dates.keys()].find((k) => PINNING_DATE.test(k) && B.dates.has(k));
  if (!date || !near(a, A.dates.get(date)!, kind) || !near(b, B.dates.get(date)!, kind)) return false;
  if (![...A.entities.keys()].some((id) => B.entities.has(id))) return false;
  const persons = (text: string) => new Set(entities.find(text).filter((e) => e.kind === 'person').map((e) => e.id));
  const pa = persons(a);
  const pb = persons(b);
  return !([...pa].some((x) => !pb.has(x) && !B.entities.has(x)) && [...pb].some((x) => !pa.has(x) && !A.entities.has(x)));
}

/** A count given as it stands at some moment ("so far", "to date", "by Monday", "now"): it may grow from one report to the next. */
const RUNNING = /\b(?:so far|to date|thus far|as of|until now|by (?:then|now|the time|noon|midnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[A-Z][a-z]+ \d{1,2}\b|\d)|now|already)\b/i;

/**
 * A figure of the claim that the other sentence gives otherwise, as its words on both sides: the same
 * unit (not an age), another value, neither within the other's bound ("more than 198,000 times" /
 * "more than 610,000 times"; not "at least six" / "11"), and no figure on the other side the same.
 */
function differingFigure(a: string, b: string, A: Frame, B: Frame): [string, string] | null {
  for (const x of A.quantities) {
    if (x.unit === 'year-old' || hasFigure(B, x.value)) continue;
    const ys = B.quantities.filter((y) => y.unit === x.unit);
    if (ys.length && ys.every((y) => figuresAgree(x, y) !== true)) return [withBound(a, x.text), withBound(b, ys[0]!.text)];
  }
  return null;
}

/** A figure as the sentence writes it, with its bound ("more than 198,000 times"). */
function withBound(text: string, figure: string): string {
  const m = text.match(new RegExp(`\\b(?:more than|at least|over|nearly|almost|about|around|some|up to|under|fewer than|less than|roughly|approximately)\\s+${figure.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}`, 'i'));
  return m?.[0] ?? figure;
}

/**
 * `x` relays, in one clause, what the other sentence states, and turns against it in a later clause
 * ("Rumours that the singer died spread on Sunday, but she is alive"): the relaying words and the
 * contrary clause, when the other sentence's words stand in the relayed clause more than in the contrary one.
 */
function turnedAgainst(x: string, Y: Frame): { relay: string; contrary: string } | null {
  const t = relayedThenContradicted(x);
  if (!t) return null;
  const count = (text: string) => new Set(contentTokens(text).filter((w) => Y.stems.has(w) && !uninformative(w))).size;
  const relayed = x.slice(0, x.length - t.contrary.length);
  return count(relayed) > count(t.contrary) ? t : null;
}

/** Compare a claim from the page (a) with a report sentence (b). */
/** Hearsay words: what follows is someone's account, not the writer's fact. */
const HEARSAY = /\b(?:reportedly|allegedly|purportedly|rumou?red(?:ly)?)\b/i;

export function compareClaims(pageText: string, reportText: string, entities: EntityLookup, ctx: CompareContext = {}): Comparison {
  const a = withoutDateline(pageText);
  const b = withoutDateline(reportText);
  const A = claimFrame(a, entities, ctx.pageYear);
  const B = claimFrame(b, entities, ctx.reportYear);
  const { overlap, shared } = stemOverlap(A.stems, B.stems);
  const sharedKinds = [...A.events.keys()].filter((k) => B.events.has(k) || [...B.events.keys()].some((b) => KIN[k] === b));
  const eventKinds = sharedKinds.filter((k) => !SPEECH_KINDS.has(k));
  const participants = shared.filter((s) => !eventKind(s) && !isDayOrMonth(s) && !/^\d/.test(s) && s.length > 1 && !GENERIC.has(s));
  const unit = A.quantities.find((x) => B.quantities.some((y) => y.unit === x.unit))?.unit;
  const who = participants.length + (unit && !participants.includes(unit) ? 1 : 0);
  // other named people or organisations on both sides: a different cast, so a different event
  const sharedNames = [...A.names].filter((n) => B.names.has(n)).length;
  // (dictionary topics count here as well: "the largest catfish" and "a three-inch pet" are not the same thing)
  const castA = new Set([...A.names, ...A.topics]);
  const castB = new Set([...B.names, ...B.topics]);
  const otherCast = [...castA].filter((n) => castIn(n, castB, B)).length < 2 && [...castA].some((n) => !castIn(n, castB, B)) && [...castB].some((n) => !castIn(n, castA, A));
  const anchored = anchoredFact(a, b, A, B, eventKinds, entities);
  const sameEvent = (!otherCast || anchored) && ((sharedKinds.length > 0 && (who >= 2 || (who >= 1 && overlap >= 0.25))) || overlap >= 0.6);
  // shared words that say what the sentences are about, besides any figure: who, what, the predicate
  const aligned = shared.filter((x) => !isDayOrMonth(x) && !/^\d/.test(x) && x.length > 2 && !GENERIC.has(x) && !SPEECH_WORDS.has(x) && !A.quantities.some((q) => q.unit === x)).length;
  // the sentences are about the same thing, as figures need it: the same event, or enough shared words and no other cast
  const differentCast = A.names.size > 0 && B.names.size > 0 && sharedNames === 0;
  const aboutSame = sameEvent || (!differentCast && (aligned >= 3 || (sharedNames > 0 && aligned >= 2)));
  // dictionary people among the sources (a person is no side by a country's name)
  const people = new Set([...entities.find(a), ...entities.find(b)].filter((e) => e.kind === 'person').map((e) => `T:${e.id}`));
  const found = [...findings(A, B, sameEvent, overlap, people), ...figureFindings(a, b, A, B, sameEvent, aligned, sharedNames, sameEvent && sharedKinds.length > 0), ...rangeFindings(A, B, sameEvent, aboutSame), ...timeFindings(A, B, aboutSame), ...offsetFindings(A, B, sameEvent, aboutSame)];
  // what became of a person both name (or of a whole group): dead on one side, alive on the other
  // (a name the parse missed, at the head of a headline or lower-cased in a post, "Macaulay culkin RIP": words both give, capitalised on a side)
  const capsShared = capitalisedShared(a, b);
  const fates = sameEvent || sharedNames > 0 || aligned >= 3 || capsShared.length >= 2 ? fatesConflict(a, b, [...new Set([...sharedNameWords(A, B), ...capsShared])]) : null;
  if (fates) found.push({ slot: 'fate', agree: false, ...fates });
  // both name someone as the same person ("has been named as Mohammed Emwazi" / "The man is Mohammed Emwazi")
  const identity = !A.hasNegation && !B.hasNegation ? sameIdentity(a, b) : null;
  if (identity) {
    const written = (t: string) => t.match(new RegExp(`(?:[A-Z][\\w'’.-]*\\s)+?${identity.replace(/[^a-z-]/g, '')}\\b`, 'i'))?.[0] ?? identity;
    found.push({ slot: 'identity', agree: true, page: written(a), report: written(b) });
  }
  const kind = eventKinds[0] ?? sharedKinds[0];
  // a differing day, date or place belongs to the shared event only when it stands by the event's
  // word on both sides ("since taking charge in 2008, … killed 67" is not the killing's year)
  // and a statement dated on one side and given a weekday on the other may be two statements ("said … on Fox News Oct. 7, 2014" / "told BuzzFeed News Wednesday")
  const speechOnly = !eventKinds.length && sharedKinds.length > 0;
  // and two sayings on other days or dates ("said on Monday" / "said on Tuesday") are two statements unless they say the same
  const twoSayings = (f: Finding) => speechOnly && !f.agree && (f.slot === 'day' || f.slot === 'date') && overlap < 0.6;
  // a day, date or place is the event's only when the event word nearest it on each side is one both sentences
  // tell of, not a saying ("said on Monday" / "told reporters on Tuesday" are two statements, not one event on two days)
  const PINS = new Set<Slot>(['day', 'date', 'place']);
  // (a saying both tell of, in mostly the same words, is one statement: "announced his resignation on Monday" / "announced on Friday that he would resign")
  // ("a phone call" reads as a request's word too)
  const sharedKind = (k: string | undefined) => k === undefined || eventKinds.some((e) => e === k || KIN[e] === k || (e === 'call' && k === 'request')) || (SPEECH_KINDS.has(k) && sharedKinds.includes(k) && overlap >= 0.4);
  // and the same one on both sides ("flooded … on Monday" / "arrested … on Wednesday" date two events)
  const sameKind = (x: string | undefined, y: string | undefined) => !x || !y || x === y || KIN[x] === y || SPEECH_KINDS.has(x) || SPEECH_KINDS.has(y) || [x, y].sort().join() === 'call,request';
  const pinned = (f: Finding) => {
    if (!PINS.has(f.slot)) return true;
    const [ka, kb] = [nearestKind(a, f.page), nearestKind(b, f.report)];
    return (eventKinds.length > 0 || overlap >= 0.6) && sharedKind(ka) && sharedKind(kb) && sameKind(ka, kb);
  };
  // two sources (neither names the other's speaker): a difference between them is a conflict only when they say mostly the same
  const [sa] = A.speakers.values();
  const [sb] = B.speakers.values();
  const apart = !!sa && !!sb && ![...A.speakers.keys()].some((k) => [...B.speakers.keys()].some((j) => j === k || placesCompatible(j, k))) && twoSources(sa, sb) && overlap < 0.5;
  const ofEvent = (f: Finding) => !twoSayings(f) && pinned(f) && !apart && !(f.slot === 'day' && speechOnly && /\d/.test(f.page) !== /\d/.test(f.report)) && (!kind || !['day', 'date', 'time', 'place'].includes(f.slot) || (near(a, f.page, kind) && near(b, f.report, kind)));
  // a sentence that relays a claim (an allegation, a rumour, a question, a story retold) states no polarity or fate of its own
  // nor does one that hedges it ("may", "likely")
  const relayed = (f: Finding) => (f.slot === 'polarity' || f.slot === 'fate') && (A.hedged || B.hedged || relays(a, f.page) || relays(b, f.report));
  // a figure of the claim that the report gives otherwise: the same unit, another value, neither within the other's bound
  // ("viewed more than 198,000 times" / "more than 610,000 times")
  const otherCount = differingFigure(a, b, A, B);
  // a running count given at two moments ("by Monday" / "by Thursday", "so far" / "now") is no conflict: the count grew
  const twoMoments = !!otherCount && (RUNNING.test(a) || RUNNING.test(b));
  const ofMoment = (f: Finding) => !(twoMoments && ['number', 'day', 'date', 'time'].includes(f.slot));
  // a figure the page gives only as hearsay ("had reportedly won $100,000") against another source's figure is two accounts, not a contradiction
  // (the hearsay word within a few words before the figure: "was reportedly born Michael Hall" leaves the age ", 23," the writer's own)
  const hearsayBefore = (t: string, figure: string) => {
    const at = t.indexOf(figure);
    return at >= 0 && HEARSAY.test(t.slice(0, at).split(/\s+/).slice(-6).join(' '));
  };
  const hearsay = (f: Finding) => f.slot === 'number' && (hearsayBefore(a, f.page) || hearsayBefore(b, f.report));
  const conflicts = found.filter((f) => !f.agree && !f.doubt && ofEvent(f) && !relayed(f) && ofMoment(f) && !hearsay(f));
  const otherSaying = found.some(twoSayings);
  const agreements = found.filter((f) => f.agree);

  const placeAgree = agreements.find((f) => f.slot === 'place');
  const anyPlace = placeAgree?.report ?? [...B.places.values()].find((p) => [...A.places.keys()].some((k) => placesCompatible(k, [...B.places.entries()].find(([, v]) => v === p)![0])));
  const figs = found.filter((f) => f.slot === 'number');
  // without a named kind of event, the shared words say what both sentences are about
  const about = kind ? '' : sharedWords(a, shared.filter((x) => !isDayOrMonth(x) && !/^\d/.test(x) && !GENERIC.has(x) && !SPEECH_WORDS.has(x)));
  const context = kind || !about ? `the same ${kind ? eventNoun(kind) : 'event'}${anyPlace ? ` in ${anyPlace}` : ''}` : `both about ${about}`;

  // (a count or a sum, not a span of time: "would not have access for two weeks" / "until I have access again in 2 weeks")
  const sharedFigure = A.quantities.some((x) => !DURATIONS.has(x.unit) && x.unit !== 'year-old' && B.quantities.some((y) => y.unit === x.unit && y.value === x.value && x.value > 1));
  const flip = conflicts.length ? null : polarityFlip(a, b, A, B, sharedFigure, sharedNames, aligned);
  if (flip) conflicts.push(flip);
  // a change told in the other direction ("shares rose 5%" / "shares fell 5%"), both stated plainly
  const direction = conflicts.length || A.hasNegation || B.hasNegation || A.hedged || B.hedged ? null : otherDirection(a, b, A.events, B.events);
  if (direction) conflicts.push({ slot: 'polarity', agree: false, page: direction[0], report: direction[1] });
  // The report calls the claim a hoax or false, about what the page says: the page asserts it, the report denies it (debunk.ts).
  const debunked = conflicts.length ? null : debunks(a, b, A, B, sameEvent, uninformative);
  if (debunked) conflicts.push({ slot: 'polarity', agree: false, page: 'stated as fact', report: debunked.report });
  // one side says that a name the other states does not exist ("Police Chief Lyndon Edwards doesn't exist") (existence.ts)
  const unreal = conflicts.length ? null : existenceConflict(a, b);
  if (unreal) conflicts.push({ slot: 'polarity', agree: false, ...unreal });
  // the same act with doer and victim swapped ("the guard killed the intruder" / "the guard was killed by the intruder"), both stated plainly (roles.ts)
  // (hedged or negated on a side: no conflict, but never the same fact either)
  // (in the writer's own voice only: a quote or a source's account may be one side's version)
  const ownVoice = (X: Frame, x: string) => !X.speakers.size && !/["“”]/.test(x) && !relayedBy(x);
  const swapped = ownVoice(A, a) && ownVoice(B, b) ? rolesSwapped(a, b) : null;
  if (swapped && !conflicts.length && !A.hasNegation && !B.hasNegation && !A.hedged && !B.hedged) conflicts.push({ slot: 'roles', agree: false, ...swapped });
  // a differing detail belongs to the page's act only when the report tells of that act too
  // ("arrested two men on Saturday" / "three men were stabbed on Sunday" are two acts, actions.ts)
  const DETAIL = new Set<Slot>(['number', 'day', 'date', 'time', 'place']);
  const acts = conflicts.length && conflicts.every((f) => DETAIL.has(f.slot)) ? otherActs(A.events, B.events) : null;
  if (acts) conflicts.length = 0;
  // two sources that say mostly other things: what differs between them is a difference of sources
  const sourcesDiffer = apart && conflicts.length > 0;
  if (sourcesDiffer) conflicts.length = 0;
  // a detail kept from making a conflict (another moment, a saying's day, a detail of another act) keeps it from corroborating too
  const blockedDetail = sourcesDiffer || found.some((f) => !f.agree && DETAIL.has(f.slot) && f.slot !== 'place' && !conflicts.includes(f));
  if (conflicts.length) {
    const c = conflicts.find((f) => f.slot !== 'title') ?? conflicts[0]!;
    const ctxText = c.slot === 'title' ? `the same person` : c.slot === 'place' ? `the same ${kind ? eventNoun(kind) : 'event'}` : context;
    return {
      verdict: 'conflicts',
      sameEvent,
      overlap,
      shared,
      findings: found,
      parts: { page: c.page, report: c.report, context: ctxText },
      reason: `This page: ${q(c.page)}. The report: ${q(c.report)} — ${ctxText}.`,
      strength: 0.6 + 0.4 * Math.min(1, overlap * 2),
    };
  }
  const checkable = agreements.filter((f) => f.slot !== 'title' && f.slot !== 'place' && !f.compatible);
  // A shared day, date or speaker only places two sentences side by side; it takes a shared fact
  // (a number, a denial, a confirmation) or the same words to say they state the same thing.
  const substantive = checkable.filter((f) => f.slot !== 'day' && f.slot !== 'date' && f.slot !== 'attribution');
  // a figure both give, in sentences that share what it counts and more, is the same fact
  // (not when one side says it is unconfirmed or denied and the other does not: "no agency confirms … at least 10" / "claims … at least ten")
  const NOBODY_CONFIRMS = /\b(?:no|none of the)\s+(?:[a-z]+\s+){0,3}(?:confirms?|has confirmed|have confirmed|can confirm)\b/i;
  const unconfirmed = (F: Frame, t: string) => F.negated.has('E:confirm') || F.asserted.has('E:deny') || NOBODY_CONFIRMS.test(t);
  const sameFigure = figs.some((f) => f.agree && !f.compatible) && unconfirmed(A, a) === unconfirmed(B, b);
  // the report sentence states every point of the claim, in its words or synonyms
  const stated = states(a, b, A, B);
  // a figure of the claim that the report gives otherwise (the same unit, another value) is no corroboration, even
  // where the gates above keep it from being a conflict ("58 seats" / "525 seats")
  // (the claim's figures of a unit taken together: "two of the four helicopters" gives the report's "two helicopters")
  const otherFigure = [...new Set(A.quantities.filter((x) => x.unit !== 'year-old').map((x) => x.unit))].some((u) => {
    const as = A.quantities.filter((x) => x.unit === u);
    const bs = B.quantities.filter((y) => y.unit === u);
    const f = compareFigures(as, bs);
    if (f) return !f.agree && !hasFigure(B, f.pageValue);
    return bs.length > 0 && as.some((x) => !hasFigure(B, x.value) && bs.every((y) => figuresAgree(x, y) !== true));
  });
  // a figure only within the other's bound or range ("more than 300" / "300", "2 or 3 years old" / "two-year-old"),
  // and no figure the same: compatible, never the same fact
  const onlyCompatible = figs.some((f) => f.agree && f.compatible) && !figs.some((f) => f.agree && !f.compatible);
  // never the same fact when exactly one side negates a word the other affirms ("was not closed" / "was closed"),
  // or denies what the other states ("denied rumours that it launched …" / "launched …": a denial scopes over all it says)
  const negatedOnce = (X: Frame, Y: Frame, x: string) =>
    X.hasNegation && !Y.hasNegation && (deniesWhat(x, Y) || [...X.negated].some((w) => !w.startsWith('E:') && w.length > 2 && !GENERIC.has(w) && Y.asserted.has(w)));
  const oneSided = negatedOnce(A, B, a) || negatedOnce(B, A, b);
  // most of the words the same, both stating them plainly (no negation, hedge, allegation or question), the same cast: the same fact in other words
  const plainly = (X: Frame, x: string) => !X.hasNegation && !X.hedged && !relayedBy(x) && !MODAL_WORD.test(x);
  // (and every figure on either side given by the other: "viewed more than 610,000 times" / "more than 198,000 times" is no paraphrase)
  const sameFigures = A.quantities.every((x) => hasFigure(B, x.value)) && B.quantities.every((y) => hasFigure(A, y.value));
  // (and the page's predicate said of its names: "Oren and Mara Quint opened a bakery" is no "Mara Quint is Oren Quint's sister", predicate.ts)
  const sameWords = overlap >= SAME_WORDS && !otherCast && !differentCast && sameFigures && plainly(A, a) && plainly(B, b) && predicateSaid(a, [b]);
  // the report relays the claim in one clause and turns against it in the next ("Rumours that she died spread, but she is alive")
  const turned = turnedAgainst(b, A) ?? turnedAgainst(a, B);
  // the report asks or hedges what the page states ("Did the mayor resign …?", "may have resigned")
  const asked = !asksOrHedges(a, (w) => B.stems.has(stem(w.toLowerCase()))) ? asksOrHedges(b, (w) => A.stems.has(stem(w.toLowerCase()))) : null;
  // what would state the same fact, figures, relaying and mood aside
  const held = !onlyCompatible && !oneSided && (!!identity || (sameEvent && (substantive.length || overlap >= 0.4 || ((checkable.length || placeAgree) && (overlap >= 0.3 || anchored)))) || sameFigure || stated || sameWords) && !otherSaying;
  const agoDiffers = otherAgo(A, B);
  // (naming someone is its own act: "has been named as Peter Lang" / "The man is Peter Lang")
  const otherAct = held && !identity && !otherFigure && !agoDiffers && !turned && !asked && !swapped ? acts ?? otherActs(A.events, B.events) : acts;
  const same = held && !blockedDetail && !otherFigure && !agoDiffers && !turned && !asked && !swapped && !otherAct;
  if (same) {
    // a shared source is named as the page names it (the report may word the title differently)
    const say = (f: Finding) => (f.slot === 'attribution' ? `it comes from ${q(f.page)}` : f.page === f.report ? q(f.page) : `${q(f.page)} (the report: ${q(f.report)})`);
    const what = checkable.length ? checkable.map(say).join(', ') : null;
    return {
      verdict: 'corroborates',
      sameEvent,
      overlap,
      shared,
      findings: found,
      parts: null,
      reason: what ? `Both say ${what} — ${context}.` : stated && !sameEvent ? `The report states every point of this sentence, in its words or synonyms.` : `The report says the same in other words — ${context}.`,
      strength: 0.5 + 0.3 * Math.min(1, overlap * 2) + 0.1 * checkable.length,
    };
  }
  const names = [...A.entities.keys()].filter((id) => B.entities.has(id)).map((id) => A.entities.get(id)!);
  return {
    verdict: 'related',
    sameEvent,
    overlap,
    shared,
    findings: found,
    parts: null,
    reason: held && turned
      ? `${about ? `Both are about ${about}, but t` : 'T'}he report relays it (${q(turned.relay)}) and goes on to say otherwise: ${q(turned.contrary)}.`
      : held && asked
      ? `${about ? `Both are about ${about}, but t` : 'T'}he report ${asked === '?' ? 'asks it' : `hedges it (“${asked}”)`}; it does not state it.`
      : held && otherFigure && otherCount
      ? `Both give a figure for the same thing, not the same one: this page ${q(otherCount[0])}, the report ${q(otherCount[1])}.`
      : otherAct
      ? `${about ? `Both are about ${about}, but t` : 'T'}hey tell of different acts: this page ${q(otherAct[0])}, the report ${q(otherAct[1])}.`
      : found.some((f) => f.doubt)
      ? `Both give a figure, perhaps not of the same one (part of a set, or someone else): this page ${q(found.find((f) => f.doubt)!.page)}, the report ${q(found.find((f) => f.doubt)!.report)}.`
      : held && agoDiffers
      ? `Both tell of ${context.replace(/^both about /, '')}, counted from another day: this page ${q(agoDiffers[0])}, the report ${q(agoDiffers[1])}.`
      : sameEvent
      ? `The report covers ${context} but states nothing this sentence can be checked against.`
      : overlap >= SAME_WORDS && about
        ? `Both are about ${about}, but the report does not state it as this sentence does.`
        : names.length
        ? `Both mention ${names.slice(0, 2).join(' and ')}, but not the same event.`
        : 'The report is about something else.',
    strength: Math.min(0.45, overlap),
  };
}
