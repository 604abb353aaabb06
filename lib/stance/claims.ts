/**
 * Claim-level comparison of two sentences that mention the same thing: finds the specific
 * facts they share or contradict (numbers, dates, places, titles, attribution, negation) and
 * says so in words a reader can check.
 */
import { NEGATORS, STOP_WORDS, contentTokens, fold, stem, tokenize } from '../text';

export interface Fact {
  kind: 'number' | 'date' | 'place' | 'title' | 'attribution' | 'negation';
  text: string;
}

export interface Comparison {
  /** share of content words in common (Dice coefficient over stems) */
  overlap: number;
  shared: string[];
  conflicts: string[];
  agreements: string[];
  attribution?: string;
}

/** What the comparator needs to know about named things, supplied by the term dictionary. */
export interface EntityLookup {
  /** canonical place/person ids mentioned in a sentence, with their surface text and offset */
  find(text: string): { id: string; kind: string; text: string; start: number }[];
}

/** Containment for places the corpus talks about: Paris is in France, Kyiv in Ukraine. */
export const PLACE_PARENTS: Record<string, string> = {
  paris: 'france', lyon: 'france', berlin: 'germany', kyiv: 'ukraine', kharkiv: 'ukraine', kherson: 'ukraine', odesa: 'ukraine',
  lviv: 'ukraine', donbas: 'ukraine', moscow: 'russia', 'st-petersburg': 'russia', washington: 'united-states',
  'palm-beach': 'united-states', 'new-york': 'united-states', london: 'united-kingdom', brussels: 'belgium', warsaw: 'poland',
  france: 'europe', germany: 'europe', ukraine: 'europe', 'united-kingdom': 'europe', poland: 'europe', belgium: 'europe',
  caracas: 'venezuela',
};

function ancestors(id: string): string[] {
  const out = [id];
  let cur = id;
  while (PLACE_PARENTS[cur] && out.length < 6) out.push((cur = PLACE_PARENTS[cur]!));
  return out;
}

export function placesCompatible(a: string, b: string): boolean {
  return ancestors(a).includes(b) || ancestors(b).includes(a);
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TITLE_WORDS = /^(former|ex|then|acting|interim|president|vice|prime|minister|secretary|of|state|special|envoy|chancellor|governor|senator|leader|foreign|defence|defense|u\.s\.|us|american|ukrainian|russian|french|german|british)$/i;
const AUXILIARIES = new Set(['yet', 'publicly', 'officially', 'formally', 'been', 'be', 'even', 'ever', 'still', 'already']);
const CONFIRM = new Set(['confirm', 'announc', 'agre', 'schedul', 'approv', 'accept', 'acknowledg'].map((w) => w));
const ASSERTIVE_FUTURE = /\b(will|is set to|are set to|is scheduled to|are scheduled to)\s+(meet|hold|host|travel|visit|sign|attend)\b/i;

export interface Extracted {
  stems: Set<string>;
  numbers: Map<string, string>;
  dates: Set<string>;
  places: Map<string, string>;
  titles: Map<string, string>;
  negated: Set<string>;
  asserted: Set<string>;
  futureEvent: string | null;
  attribution: string | null;
}

function extractFacts(sentence: string, entities: EntityLookup): Extracted {
  const text = sentence.replace(/[’‘]/g, "'");
  const raw = tokenize(text);
  const stems = new Set(contentTokens(text));
  const numbers = new Map<string, string>();
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)?)\s*(%|percent|per cent)?[\s-]*([A-Za-z]+)?/g)) {
    if (/^(19|20)\d\d$/.test(m[1]!) && !m[2]) continue; // years are dates
    const unit = m[2] ? '%' : stem((m[3] ?? '').toLowerCase());
    if (!unit || ['and', 'to', 'of', 'in'].includes(unit)) continue;
    numbers.set(unit, m[1]!.replace(',', '') + (m[2] ? '%' : ' ' + (m[3] ?? '')));
  }
  const dates = new Set<string>();
  for (const w of raw) if (WEEKDAYS.includes(w)) dates.add(w);
  for (const m of fold(text).matchAll(/\b(?:(end|start|beginning|middle|mid) of )?(january|february|march|april|may|june|july|august|september|october|november|december)\b(?: (\d{4}))?/g)) {
    if (m[2] === 'may' && !m[1] && !m[3]) continue; // the modal verb
    dates.add([m[1], m[2], m[3]].filter(Boolean).join(' '));
  }
  for (const m of text.matchAll(/\b(19|20)\d\d\b/g)) dates.add(m[0]);
  for (const m of fold(text).matchAll(/\b(next|this|last) (week|month|year)\b/g)) dates.add(m[0]);

  const places = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const e of entities.find(text)) {
    if (e.kind === 'place') places.set(e.id, e.text);
    if (e.kind === 'person') {
      const before = text.slice(0, e.start).trim().split(/\s+/);
      const title: string[] = [];
      // skip a first name directly before the surname ("Donald" Trump)
      let k = before.length - 1;
      if (k >= 0 && /^[A-Z][a-z]+$/.test(before[k]!) && !TITLE_WORDS.test(before[k]!)) k--;
      for (; k >= 0 && TITLE_WORDS.test(before[k]!.replace(/,$/, '')); k--) title.unshift(before[k]!);
      while (title.length && /^(of|state)$/i.test(title[0]!)) title.shift();
      if (!title.length) {
        const after = text.slice(e.start + e.text.length).match(/^,\s+(?:the\s+)?((?:former|ex-|then-)?\s*(?:[A-Z][\w.]*\s+)*(?:President|Prime Minister|Secretary of State|Chancellor|envoy|leader))\b/);
        if (after) title.push(after[1]!.trim());
      }
      if (title.length) titles.set(e.id, title.join(' '));
    }
  }

  // Negation scope: the first content word after a negator ("has not yet publicly confirmed").
  const negated = new Set<string>();
  const asserted = new Set<string>();
  let inScope = false;
  for (const w of raw) {
    if (NEGATORS.has(w)) {
      inScope = true;
      continue;
    }
    if (STOP_WORDS.has(w) || AUXILIARIES.has(w)) continue;
    const s = stem(w);
    if (inScope) negated.add(s);
    else asserted.add(s);
    inScope = false;
  }
  const fe = text.match(ASSERTIVE_FUTURE);
  const attribution =
    text.match(/\baccording to ([A-Z][\w.]*(?: [A-Z][\w.]*)*|(?:an? |the )?[a-z]+(?: [a-z]+)? (?:official|source|sources|officials|governor))/)?.[1] ??
    text.match(/,?\s*(an? [A-Za-z. ]*?official|the [a-z ]*governor|[A-Z][\w.]+(?: [A-Z][\w.]+)*) (?:said|says|told)\b/)?.[1] ??
    null;
  return { stems, numbers, dates, places, titles, negated, asserted, futureEvent: fe ? stem(fe[2]!.toLowerCase()) : null, attribution };
}

const MEMO_LIMIT = 5000;
const memo = new WeakMap<EntityLookup, Map<string, Extracted>>();

/**
 * The facts of a sentence, memoised per dictionary: report sentences are compared on every
 * hover, and the page claim against every candidate sentence of every report.
 */
export function claimFacts(sentence: string, entities: EntityLookup): Extracted {
  let m = memo.get(entities);
  if (!m) memo.set(entities, (m = new Map()));
  let f = m.get(sentence);
  if (!f) {
    if (m.size >= MEMO_LIMIT) m.clear();
    m.set(sentence, (f = extractFacts(sentence, entities)));
  }
  return f;
}

/** Dice coefficient of two stem sets, with the shared stems. */
export function stemOverlap(a: Set<string>, b: Set<string>): { overlap: number; shared: string[] } {
  const shared = [...a].filter((s) => b.has(s));
  return { overlap: a.size + b.size ? (2 * shared.length) / (a.size + b.size) : 0, shared };
}

const TEMPORAL = /^(former|ex|then|acting|interim)$/i;
const QUALIFIER = /^(u\.s\.|us|american|ukrainian|russian|french|german|british|foreign|defence|defense|of|state|special|vice)$/i;

/**
 * Do two titles of the same person contradict each other? "former U.S. President" vs
 * "U.S. President" does (one says he no longer holds it); "Ukrainian President" vs "President"
 * does not (one only leaves out the country); "U.S. President" vs "Ukrainian President" does.
 */
export function titlesConflict(a: string, b: string): boolean {
  const words = (t: string) => t.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.some((w) => TEMPORAL.test(w)) !== wb.some((w) => TEMPORAL.test(w))) return true;
  const role = (ws: string[]) => ws.filter((w) => !TEMPORAL.test(w) && !QUALIFIER.test(w)).join(' ');
  if (role(wa) && role(wb) && role(wa) !== role(wb)) return true;
  const quals = (ws: string[]) => new Set(ws.filter((w) => QUALIFIER.test(w) && !/^(of|state)$/.test(w)));
  const qa = quals(wa);
  const qb = quals(wb);
  return qa.size > 0 && qb.size > 0 && ![...qa].some((q) => qb.has(q));
}

function quote(s: string, max = 60): string {
  return `“${s.length > max ? s.slice(0, max - 1) + '…' : s}”`;
}

/** Compare a claim from the page (a) with a corpus sentence (b). */
export function compareClaims(a: string, b: string, entities: EntityLookup): Comparison {
  const A = claimFacts(a, entities);
  const B = claimFacts(b, entities);
  const { overlap, shared } = stemOverlap(A.stems, B.stems);
  const conflicts: string[] = [];
  const agreements: string[] = [];
  const sameEvent = shared.length >= 3 || overlap >= 0.3;

  // Titles describe the person, whatever the event: "former U.S. President" vs "U.S. President".
  for (const [id, ta] of A.titles) {
    const tb = B.titles.get(id);
    if (!tb) continue;
    if (titlesConflict(ta, tb)) conflicts.push(`different title: ${quote(ta)} here, ${quote(tb)} in the report`);
    else if (sameEvent) agreements.push(`same title ${quote(ta)}`);
  }

  // Negation and confirmation: "has not confirmed a meeting" vs "confirmed" / "leaders will meet".
  const negConfirmA = [...A.negated].some((s) => CONFIRM.has(s));
  const negConfirmB = [...B.negated].some((s) => CONFIRM.has(s));
  const confirmA = [...A.asserted].some((s) => CONFIRM.has(s)) && !negConfirmA;
  const confirmB = [...B.asserted].some((s) => CONFIRM.has(s)) && !negConfirmB;
  const sharedSubject = shared.filter((s) => !CONFIRM.has(s)).length >= 3;
  if (sharedSubject) {
    if (negConfirmA && (confirmB || B.futureEvent)) {
      conflicts.push(`negation: here it is not confirmed; the report states ${quote(B.futureEvent ? b.match(ASSERTIVE_FUTURE)![0] : 'confirmed')}`);
    } else if (negConfirmB && (confirmA || A.futureEvent)) {
      conflicts.push(`negation: here it is stated as settled; the report says it has not been confirmed`);
    } else if (negConfirmA && negConfirmB) {
      agreements.push('both say it has not been confirmed');
    } else {
      const flipped = [...A.negated].filter((s) => B.asserted.has(s) && !B.negated.has(s) && s.length > 3);
      const flippedB = [...B.negated].filter((s) => A.asserted.has(s) && !A.negated.has(s) && s.length > 3);
      if (sameEvent && (flipped.length || flippedB.length)) {
        conflicts.push(`negation: ${quote((flipped[0] ?? flippedB[0])!)} is negated in one and affirmed in the other`);
      }
    }
  }

  if (sameEvent) {
    for (const [unit, va] of A.numbers) {
      const vb = B.numbers.get(unit);
      if (!vb) continue;
      if (va.split(' ')[0] !== vb.split(' ')[0]) conflicts.push(`different number: ${quote(va)} here, ${quote(vb)} in the report`);
      else agreements.push(`same figure ${quote(va)}`);
    }
    const da = [...A.dates];
    const db = [...B.dates];
    const sharedDates = da.filter((d) => db.includes(d));
    if (sharedDates.length) agreements.push(`same time: ${sharedDates.join(', ')}`);
    else {
      const wa = da.filter((d) => WEEKDAYS.includes(d));
      const wb = db.filter((d) => WEEKDAYS.includes(d));
      if (wa.length && wb.length && overlap >= 0.35) conflicts.push(`different day: ${wa.join('/')} here, ${wb.join('/')} in the report`);
    }
    const pa = [...A.places.keys()];
    const pb = [...B.places.keys()];
    const samePlaces = pa.filter((p) => pb.some((q) => placesCompatible(p, q)));
    for (const p of samePlaces) {
      const q = pb.find((x) => placesCompatible(p, x))!;
      agreements.push(p === q ? `same place: ${A.places.get(p)}` : `same place: ${A.places.get(p)} / ${B.places.get(q)}`);
    }
    if (!samePlaces.length && pa.length && pb.length && overlap >= 0.35) {
      conflicts.push(`different place: ${pa.map((p) => A.places.get(p)).join(', ')} here, ${pb.map((p) => B.places.get(p)).join(', ')} in the report`);
    }
  }

  let attribution: string | undefined;
  if (A.attribution && B.attribution && fold(A.attribution) !== fold(B.attribution) && sameEvent) {
    attribution = `attributed to ${quote(A.attribution, 40)} here, to ${quote(B.attribution, 40)} in the report`;
  }
  const strong = agreements.some((x) => !x.startsWith('same place'));
  return { overlap, shared, conflicts, agreements: strong || overlap >= 0.3 ? agreements : [], attribution };
}
