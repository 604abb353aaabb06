/**
 * A sentence read as a claim frame: what happened (event kinds), who and where (dictionary
 * entities, gazetteer places), when (weekday, date, year), how many (quantities with their
 * approximation), polarity with its scope, confirmation, attribution and titles. Pure.
 */
import nlp from 'compromise';
import { ancestors, canonicalPlace, demonymPlace, findPlaces, placeKey } from '../evidence/places';
import { MONTHS, NEGATORS, STOP_WORDS, WEEKDAYS, contentTokens, fold, stem, tokenize } from '../text';
import { eventKind, eventsIn, normalizeEventPhrases } from './events';
import { timesOfDay, type TimeOfDay } from './times';

/** What the comparator needs to know about named things, supplied by the term dictionary. */
export interface EntityLookup {
  /** canonical term ids mentioned in a sentence, with their kind, surface text and offset */
  find(text: string): { id: string; kind: string; text: string; start: number }[];
}

export interface Quantity {
  value: number;
  unit: string;
  approx: boolean;
  /** "at least / more than N" (min), "up to / nearly N" (max), "about N" (about), or exact */
  bound: 'min' | 'max' | 'about' | null;
  /** what an age belongs to ("113-year-old capsule" → capsul); else the unit */
  head: string;
  /** for an age, the person it is given for ("the 40-year-old rapist, Suresh Kumar", "Chandler, 41") */
  owner?: string;
  /** a bound that excludes its figure ("more than 300", "under 20"; not "at least 300") */
  exclusive?: boolean;
  /** "another $100", "a further 20 troops": one more of the kind, not the figure given before */
  another?: boolean;
  /** what it counts is a noun the sentence gives ("18 countries", "six shots, then four more"), not a word before the figure ("killed 10") */
  counted?: boolean;
  text: string;
}

/** An offset: "ten minutes later" (from a moment the sentence names) or "nine days ago" (from the day it was written). */
export interface Offset {
  value: number;
  /** the time unit, stemmed */
  unit: string;
  dir: 'later' | 'earlier' | 'ago';
  text: string;
}

export interface Frame {
  stems: Set<string>;
  /** event kind → the word that names it */
  events: Map<string, string>;
  /** dictionary term ids (persons, organisations, places) → surface text */
  entities: Map<string, string>;
  /** places where it happened (after in/at/on/near …): place key → surface text */
  places: Map<string, string>;
  quantities: Quantity[];
  /** every figure in the sentence, with or without a unit (a total may be given as its parts) */
  numbers: number[];
  /** ranges ("2 or 3 years old", "aged 13 to 15", "between two and three"), with what they count */
  ranges: { lo: number; hi: number; unit: string; text: string }[];
  /** offsets from a moment ("five minutes later", "after three days", "nine days ago"): not figures of the event */
  offsets: Offset[];
  /** times of day ("1:38 pm", "18:18 GMT") */
  times: TimeOfDay[];
  /** weekday → surface text ("late Sunday", "January 5" when the year is known) */
  days: Map<string, string>;
  /** month, "month day", year, "month year" → surface text */
  dates: Map<string, string>;
  /** person term id → title as written */
  titles: Map<string, string>;
  /** stems and event kinds under a negation, and outside one */
  negated: Set<string>;
  asserted: Set<string>;
  hasNegation: boolean;
  /** who says so, as country keys or folded source names; empty when unattributed */
  speakers: Map<string, string>;
  /** named people and organisations (term ids as T:id, other names folded); topics are not participants */
  names: Set<string>;
  /** dictionary topics named (T:id): what the sentence is about, besides who */
  topics: Set<string>;
  /** "will meet" / "is set to meet": stated as going to happen */
  assertiveFuture: string | null;
  hedged: boolean;
}

const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)\b/i;
const FRACTIONS: Record<string, number> = { half: 50, third: 33, quarter: 25, fifth: 20, tenth: 10 };
const APPROX = /\b(?:about|around|roughly|some|nearly|almost|approximately|more than|over|at least|up to|close to|an estimated|estimated|just under|just over)\s+(?:a\s+)?$/i;
const MIN_BOUND = /\b(?:more than|over|at least|upwards of|in excess of|just over)\s+(?:a\s+)?$/i;
const MAX_BOUND = /\b(?:up to|nearly|almost|less than|under|fewer than|just under|close to|as many as|as much as)\s+(?:a\s+)?$/i;
const APPROX_WORDS = new Set(['about', 'around', 'roughly', 'some', 'nearly', 'almost', 'approximately', 'over', 'least', 'estimated', 'under']);
/** Counted nouns that name the same unit. */
const UNIT_SYNONYMS: Record<string, string> = Object.fromEntries(
  [
    ['nations', 'countries'], ['persons', 'people'], ['residents', 'people'], ['civilians', 'people'], ['foot', 'feet'], ['ft', 'feet'],
    ['meters', 'metres'], ['meter', 'metres'], ['m', 'metres'], ['kilometers', 'kilometres'], ['kilometer', 'kilometres'], ['km', 'kilometres'],
    ['centimeters', 'centimetres'], ['cm', 'centimetres'], ['millimeters', 'millimetres'], ['mm', 'millimetres'], ['lbs', 'pounds'], ['lb', 'pounds'],
    ['kg', 'kilograms'], ['kgs', 'kilograms'], ['kilos', 'kilograms'], ['kilo', 'kilograms'], ['mins', 'minutes'], ['min', 'minutes'],
    ['hrs', 'hours'], ['hr', 'hours'], ['yrs', 'years'], ['secs', 'seconds'], ['sec', 'seconds'],
  ].map(([a, b]) => [stem(a!), stem(b!)]),
);
/** Speeds written out, as their abbreviations ("90 miles per hour" = "90 mph"). */
const SPEEDS: [RegExp, string][] = [
  [/\bmiles (?:per|an|a) hour\b/gi, 'mph'],
  [/\b(?:kilometres|kilometers) (?:per|an|a) hour\b|\bkm\/h\b|\bkmh\b/gi, 'kph'],
];

/**
 * A news outlet named as the one spoken to ("told Reuters", "said to AFP", "in an interview with CNN"):
 * where a statement was made, not who took part in what it is about.
 */
export const OUTLET =
  '(?:Reuters|AFP|AP|Associated Press|Agence France-Presse|Bloomberg(?: News)?|CNN|CNBC|BBC|NBC|CBS|ABC|MSNBC|NPR|PBS|TASS|Interfax|RIA Novosti|Xinhua|Al Jazeera|Sky News|Politico|Axios|BuzzFeed(?: News)?|TMZ|Variety|Fox News|' +
  "(?:[A-Z][\\w.'-]*\\s+){0,3}(?:News|Times|Post|Journal|Telegraph|Guardian|Mail|Herald|Tribune|Press|Reporter|Magazine|Radio|Television|TV))";
const ADDRESSEE = new RegExp(`\\b(told|tells|telling|said to|says to|speaking to|spoke to|an interview with)\\s+(?:the\\s+)?${OUTLET}(?![\\w-])`, 'g');

/** The sentence without the outlet it was told to (the verb stays, so "told" still marks a statement). */
export function withoutAddressee(text: string): string {
  return text.replace(ADDRESSEE, '$1');
}

const SKIP_AUX = new Set(['yet', 'publicly', 'officially', 'formally', 'been', 'be', 'even', 'ever', 'still', 'already', 'immediate', 'any']);
/** A speech verb right after a place (at most one word between): the place is the speaker's ("a spokesman in Moscow said"). */
const SPOKEN_FROM = /^(?:\s+[\p{L}-]+)?\s+(?:said|says|told|tells|added|announced|stated|claimed|confirmed|denied|insisted)\b/u;
const LOCATIVE = new Set(['in', 'at', 'near', 'into', 'outside', 'inside', 'across']);
const ASSERTIVE_FUTURE = /\b(?:will|is set to|are set to|is scheduled to|are scheduled to|is due to|are due to)\s+(meet|hold|host|travel|visit|sign|attend|take place|go ahead)\b/i;
// ("in talks to play the role" is a prospect, not yet the fact: a later "will not play" does not contradict it)
const HEDGE = /\b(?:may|might|could|possibly|potentially|expected|hopes?|hoping|reportedly|likely|in (?:talks|negotiations|discussions) to)\b/i;
const SPEECH = '(?:said|says|say|told|stated|claimed|claims|accused|alleged|denied|denies|rejected|insisted|reported|announced|concluded|confirmed|added|warned)';
const SUBJECT_BEFORE = new RegExp(`((?:[A-Z][\\w.'’-]*\\s+){0,4}?(?:(?:the|a|an)\\s+)?(?:[A-Za-z][\\w.'’-]*\\s+){0,3}?)(?:also\\s+|later\\s+)?${SPEECH}\\b`, 'g');
const ACCORDING = /\b[Aa]ccording to ((?:the |an? )?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|[a-z]+(?: [a-z]+)? (?:officials?|sources?)))/g;
const GENERIC_SPEAKERS = /^(?:he|she|they|it|officials?|sources?|people|analysts?|diplomats?|police|authorities|the|a|an|who|which|that|and|but|reports?|experts?)$/i;

const TITLED_NAME = /((?:(?:[Ff]ormer|[Ee]x-|[Tt]hen-|[Aa]cting|[Ii]nterim)\s+)?(?:[A-Z][\w.]*\s+){0,3}?(?:President|Prime Minister|Secretary of State|Secretary|Minister|Chancellor|Governor|Senator|[Ee]nvoy))\s+((?:[A-Z][\w'’-]+\s?){1,3})/g;

export const TITLE_WORDS = /^(former|ex|then|acting|interim|president|vice|prime|minister|secretary|of|state|special|envoy|chancellor|governor|senator|foreign|defence|defense|u\.s\.|us|american|ukrainian|russian|french|german|british|venezuelan|chinese)$/i;

/** Weekday of a calendar date (UTC), or undefined when the date is not real. */
export function weekdayOf(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCMonth() !== month) return undefined;
  return WEEKDAYS[(d.getUTCDay() + 6) % 7];
}

const VERBISH = /(?:ing|ed)$|^(?:came|was|is|has|had|were|said|says|went|got|made)$/;

type Range = Frame['ranges'][number];

/** A range read at its first figure ("2 or 3 years old", "aged 13 to 15", "between two and three"), or null. */
function rangeAt(after: string, before: string, lo: number): Range | null {
  const r = after.match(/^\s*(-|–|to|or|and)\s*(\d+(?:[.,]\d+)*)(?:[\s-]+(?:of\s+)?([A-Za-z]+))?([\s-]+old\b)?/);
  // "between 13 and 15", "aged 13 and 14", "13 and 14 years old" (ages of a group); not "6 and 4 more"
  if (!r || (r[1] === 'and' && !/\b(?:between|aged)\s*$/i.test(before) && !(r[3] && /^years?$/i.test(r[3]) && r[4]))) return null;
  const hi = Number(r[2]!.replace(/,(?=\d{3}\b)/g, ''));
  if (!Number.isFinite(hi) || hi <= lo) return null;
  const word = r[3]?.toLowerCase();
  const unit = word && /^years?$/.test(word) && r[4] ? 'year-old' : word && !STOP_WORDS.has(word) ? stem(word) : /\baged\s+(?:between\s+)?$/i.test(before) ? 'year-old' : '';
  return unit ? { lo, hi, unit, text: '' } : null;
}

function quantities(text: string, numbers: number[], ranges: Range[] = [], offsets: Offset[] = []): Quantity[] {
  // compromise turns number words into digits ("fifteen" → 15); it is only called when needed.
  // "twice" is two times; "once" too where the sentence counts times ("shot six times, including once in the head")
  const counted = (t: string) => t.replace(/\btwice\b/gi, '2 times').replace(/\bthrice\b/gi, '3 times');
  let digits = counted(withFractions(NUMBER_WORDS.test(text) ? numberWordsToDigits(text) : text));
  const once = /\bonce\b/i.test(digits) && /\d\s+times\b/i.test(digits);
  if (once) digits = digits.replace(/\bonce\b/gi, '1 times');
  const out: Quantity[] = [];
  const re = /(\$|€|£)?(\d+(?:[.,]\d+)*)(?:\s*(%|percent|per cent|billion|million|thousand|bn\b|m\b|k\b))?(?:[\s-]+(?:of\s+)?([A-Za-z]+))?/gi;
  for (const m of digits.matchAll(re)) {
    const raw = m[2]!.replace(/,(?=\d{3}\b)/g, '');
    let value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const scale = m[3]?.toLowerCase();
    const before = digits.slice(Math.max(0, m.index! - 30), m.index!);
    // a year ("in 2014"), but not a sum or a count written like one ("$2,000", "2,000 people")
    if (/^(19|20)\d\d$/.test(m[2]!) && !scale && !m[1]) continue;
    if (/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/i.test(before)) continue; // a day of the month
    if (/^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i.test(digits.slice(m.index! + m[0].length - (m[4]?.length ?? 0)))) continue;
    numbers.push(value);
    // a fraction, a range or a ratio ("6 1/2", "9-12 months", "between 13 and 15") is not one figure
    const after = digits.slice(m.index! + (m[1]?.length ?? 0) + m[2]!.length);
    if (/^\/|^\s*(?:-|–|to|and|or)\s*\d/.test(after) || /(?:\d\s*(?:-|–|to|or|and)|\/|\bbetween)\s*$/.test(before)) {
      const r = !/^\//.test(after) && !/\d\s*(?:-|–|to|or|and)\s*$/.test(before) ? rangeAt(after, before, value) : null;
      if (r) ranges.push({ ...r, text: digits.slice(m.index!, m.index! + (m[1]?.length ?? 0) + m[2]!.length + (after.match(/^\s*(?:-|–|to|or|and)\s*\d+(?:[.,]\d+)*(?:[\s-]+[A-Za-z]+)?(?:[\s-]+old\b)?/)?.[0].length ?? 0)) });
      continue;
    }
    // an offset from a moment the sentence does not fix ("seven days later", "after three days") is not a figure of the event
    const TIME_UNIT = /^[\s-]*(?:second|minute|hour|day|week|month|year)s?\b/i;
    // ("for six days before the verdict" is how long, not an offset)
    const lasting = /\b(?:for|lasted|lasting)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$/i.test(before);
    const offset = !lasting && after.match(/^[\s-]*(second|minute|hour|day|week|month|year)s?\s+(later|earlier|after|before|ago)\b/i);
    const afterSome = TIME_UNIT.test(after) && /\b(?:after|within)\s+(?:some\s+|about\s+)?$/i.test(before);
    if (offset || afterSome || /^[\s-]*(?:second|minute|hour|day|week|month|year)s?\s+ago\b/i.test(after)) {
      const unitWord = offset ? offset[1]! : after.match(TIME_UNIT)?.[0].trim().replace(/^-/, '') ?? '';
      const dirWord = offset ? offset[2]!.toLowerCase() : 'later';
      const dir = dirWord === 'ago' ? 'ago' : dirWord === 'earlier' || dirWord === 'before' ? 'earlier' : 'later';
      const written = digits.slice(m.index!, m.index! + (m[1]?.length ?? 0) + m[2]!.length) + (offset ? offset[0] : after.match(TIME_UNIT)![0]);
      if (unitWord) offsets.push({ value, unit: stem(unitWord.toLowerCase().replace(/s$/, '')), dir, text: written.replace(/\s+/g, ' ').trim() });
      continue;
    }
    // "one" is mostly an article ("one Marine team"), not a count
    // (but after a bound, "more than one year", "at least one child", it is a count)
    if (value === 1 && !/\b(?:more than|at least|over|less than|fewer than|only|just|under)\s+$/i.test(before) && !/(?<![\d,.])\b1\b(?![,.]\d)/.test(text) && !(once && /^\s*times\b/.test(digits.slice(m.index! + 1)))) continue;
    let unit: string;
    let counted = false;
    let countedWord: string | undefined;
    if (scale === '%' || scale === 'percent' || scale === 'per cent') unit = '%';
    else if ((scale === 'm' || scale === 'k' || scale === 'bn') && !m[1]) continue; // "5m" without a currency: metres, not money
    else if (m[1] || scale) {
      unit = 'money';
      value *= scale === 'billion' || scale === 'bn' ? 1e9 : scale === 'million' || scale === 'm' ? 1e6 : scale === 'thousand' || scale === 'k' ? 1e3 : 1;
    } else if (Number.isInteger(value) && value >= 1 && value <= 115 && /(?:^|[^\w])[A-Z][\w'-]+,\s*$/.test(before) && /^\s*(?:,|\)|;|\.(?:\s|$)|$)/.test(after)) {
      // "Cirillo, 25, stood guard": an age after a name
      const owner = fold(before.match(/([A-Z][\w'-]+),\s*$/)![1]!);
      out.push({ value, unit: 'year-old', approx: false, bound: null, head: '', owner, text: `${before.match(/([A-Z][\w'-]+,\s*)$/)![1]}${m[2]}` });
      continue;
    } else {
      // the counted noun follows ("18 countries") or, for a measure, comes first ("magnitude 5.9")
      // "two of the four helicopters": the part counts what the whole counts
      const ofWhole = m[4] && /^of$/i.test(digits.slice(m.index! + (m[1]?.length ?? 0) + m[2]!.length).trim().split(/\s+/)[0] ?? '') ? digits.slice(m.index! + m[0].length).match(/^\s+\d+(?:[.,]\d+)*\s+([a-z]+)/)?.[1] : undefined;
      const next = ofWhole ?? m[4]?.toLowerCase();
      const prev = before.toLowerCase().match(/([a-z]+)(?:\s+of)?\s*$/)?.[1];
      // "9 fishing boats": a participle before the counted noun
      const next2 = /(?:ing|ed)$/.test(next ?? '') ? digits.slice(m.index! + m[0].length).match(/^\s+([a-z]+)/)?.[1] : undefined;
      const byNoun = next && !STOP_WORDS.has(next) && !/(?:ing|ed)$/.test(next) ? stem(next) : next2 && !STOP_WORDS.has(next2) && !VERBISH.test(next2) ? stem(next2) : '';
      counted = !!byNoun;
      unit = byNoun || (prev && !STOP_WORDS.has(prev) && !APPROX_WORDS.has(prev) ? stem(prev) : '');
      // a counted noun whose stem is a stop word ("4,044 likes" → like) is still what the figure counts
      if (byNoun && STOP_WORDS.has(byNoun)) countedWord = next;
      unit = UNIT_SYNONYMS[unit] ?? unit;
      // "out of the 28 girls, seven …": the part counts what the whole counts
      const ofThe = digits.slice(Math.max(0, m.index! - 60), m.index!).match(/\b(?:out )?of (?:the|these|those|its|their) \d+(?:[.,]\d+)* ([a-z]+),\s*$/i)?.[1];
      if (ofThe && (!unit || /ly$/.test(next ?? '') || VERBISH.test(next ?? ''))) {
        unit = UNIT_SYNONYMS[stem(ofThe.toLowerCase())] ?? stem(ofThe.toLowerCase());
        counted = true;
      }
      // "six shots, then four more", "another four": the same unit as the figure before
      if ((/^(?:more|others|additional|extra)$/.test(next ?? '') || /\banother\s+$/i.test(before)) && out.length) {
        unit = out[out.length - 1]!.unit;
        counted = !!out[out.length - 1]!.counted;
      }
    }
    if (!unit || (STOP_WORDS.has(unit) && !countedWord) || unit === 'and' || unit === 'to') continue;
    const rest = digits.slice(m.index! + m[0].length);
    let head = unit;
    let owner: string | undefined;
    if (unit === 'year' && /^[\s-]*old\b/i.test(rest)) {
      unit = 'year-old';
      // the noun the age belongs to: "a 113-year-old time capsule", "the 40-year-old rapist"
      const [w1, w2] = (rest.match(/^[\s-]*old((?:\s+[A-Za-z]+){1,2})/)?.[1] ?? '').toLowerCase().trim().split(/\s+/);
      const noun = w2 && !STOP_WORDS.has(w2) && !VERBISH.test(w2) ? w2 : w1;
      head = noun && !STOP_WORDS.has(noun) && !VERBISH.test(noun) ? stem(noun) : '';
      // the name before ("Horner, a 34-year-old born in Liverpool") or after ("the 40-year-old rapist, Suresh Kumar"),
      // never across a preposition (Liverpool is where he was born, not who)
      owner = before.match(/([A-Z][\w'-]+),\s*(?:an?\s+)?$/)?.[1] ?? rest.match(/^[\s-]*old(?:\s+(?!(?:in|from|at|of|on|near|to|for|with|by)\b)[a-z]+){0,2},?\s+(?:[A-Z][a-z'-]+\s+)?([A-Z][\w'-]+)/)?.[1];
      if (owner) owner = fold(owner);
    }
    const bound = MIN_BOUND.test(before) ? 'min' : MAX_BOUND.test(before) ? 'max' : APPROX.test(before) ? 'about' : null;
    const asWord = unit === 'time' && value <= 3 && !new RegExp(`\\b${value}\\s+times`).test(text) ? text.match(new RegExp(`\\b${['once', 'twice', 'thrice'][value - 1]}\\b`, 'i'))?.[0] : undefined;
    const written = asWord ?? m[0].trim() + (unit === 'year-old' && /year$/i.test(m[0].trim()) ? '-old' : '');
    const exclusive = /\b(?:more than|over|upwards of|in excess of|just over|less than|under|fewer than|just under)\s+(?:a\s+)?$/i.test(before);
    const another = /\b(?:another|a further|an additional|an extra)\s+(?:\$|€|£)?$/i.test(digits.slice(Math.max(0, m.index! - 20), m.index! + (m[1]?.length ?? 0)));
    out.push({ value, unit, approx: APPROX.test(before), bound, head, ...(owner ? { owner } : {}), ...(exclusive ? { exclusive } : {}), ...(counted ? { counted } : {}), ...(another ? { another } : {}), text: written });
  }
  for (const m of fold(text).matchAll(/\b(?:(about|around|roughly|nearly|almost|some) )?an? (half|third|quarter|fifth|tenth) of\b/g)) {
    out.push({ value: FRACTIONS[m[2]!]!, unit: '%', approx: true, bound: 'about', head: '%', text: m[0] });
  }
  return out;
}

/** Mixed fractions as decimals ("6 1/2 feet", "6½ feet" → "6.5 feet"), so that they compare with "6.5 feet". */
export function withFractions(text: string): string {
  const F: Record<string, string> = { '1/2': '5', '½': '5', '1/4': '25', '¼': '25', '3/4': '75', '¾': '75' };
  return text.replace(/\b(\d+)(?:\s+|-)?(1\/2|1\/4|3\/4|½|¼|¾)(?![\d/])/g, (_, n: string, f: string) => `${n}.${F[f]}`);
}

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
/** "one of six people", "one of 150 women": a part and its whole, which the number parser would read as a fraction (0.167). */
const PART_OF_WHOLE = new RegExp(`\\b(${SMALL_NUMBERS.join('|')}) of (${SMALL_NUMBERS.join('|')}|\\d{1,3}(?:,\\d{3})+|\\d+)\\b`, 'gi');

function numberWordsToDigits(text: string): string {
  const digits = (w: string) => (/^\d/.test(w) ? w : String(SMALL_NUMBERS.indexOf(w.toLowerCase())));
  // held out of the parser's sight, which reads "1 of 6" as a fraction too, and put back as digits
  const held: string[] = [];
  text = text.replace(PART_OF_WHOLE, (_, part: string, whole: string) => `partofwhole${held.push(`${digits(part)} of ${digits(whole)}`) - 1}x`);
  const doc = nlp(text);
  doc.numbers().toNumber();
  return held.length ? doc.text().replace(/partofwhole(\d+)x/g, (_, i: string) => held[Number(i)]!) : doc.text();
}

function dates(text: string, year: number | undefined): { days: Map<string, string>; dates: Map<string, string> } {
  const days = new Map<string, string>();
  const dateMap = new Map<string, string>();
  const f = fold(text);
  for (const m of text.matchAll(/\b(?:(late|early) (?:on )?)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi)) days.set(m[2]!.toLowerCase(), m[0]);
  const monthRe = new RegExp(`\\b(?:(end|start|beginning|middle|mid) of )?(?:(\\d{1,2}) )?(${MONTHS.join('|')})\\b(?: (\\d{1,2})\\b)?(?:,? ((?:19|20)\\d\\d))?`, 'g');
  for (const m of f.matchAll(monthRe)) {
    const [, part, dayBefore, month, dayAfter, y] = m;
    if (month === 'may' && !part && !dayBefore && !dayAfter && !y) continue; // the modal verb
    if (month === 'march' && !part && !dayBefore && !dayAfter && !y && !/\bin march\b/.test(f)) continue; // the verb
    const day = dayBefore ?? dayAfter;
    const key = [part, month, day].filter(Boolean).join(' ');
    const surface = text.slice(m.index!, m.index! + m[0].length);
    dateMap.set(key, surface);
    if (y) dateMap.set(`${month} ${y}`, surface);
    const yr = y ? Number(y) : year;
    if (day && yr) {
      const wd = weekdayOf(yr, MONTHS.indexOf(month!), Number(day));
      if (wd && !days.has(wd)) days.set(wd, surface);
    }
  }
  for (const m of text.matchAll(/\b(?:19|20)\d\d\b/g)) dateMap.set(m[0], m[0]);
  return { days, dates: dateMap };
}

function speakerKey(phrase: string, entities: { id: string; kind: string; text: string }[]): string | null {
  const words = phrase.trim().replace(/[,;:]$/, '').split(/\s+/).filter(Boolean);
  // a source with a multi-word name ("The Wall Street Journal") that is not a place as a whole
  let k = words.length;
  while (k > 0 && /^[A-Z]/.test(words[k - 1]!) && !TITLE_WORDS.test(words[k - 1]!)) k--;
  const run = words.slice(k).filter((w) => w !== 'The');
  if (run.length >= 2 && !findPlaces(run.join(' ')).some((p) => p.text.split(' ').length === run.length) && !entities.some((e) => e.text === run.join(' '))) return fold(run.join(' '));
  // the nearest named thing before the verb: a dictionary term, a place (→ its country), a demonym, a name
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/['’]s$/, '');
    const ent = entities.find((e) => e.text.split(/\s+/).includes(w));
    if (ent) return ent.kind === 'place' ? countryOf(canonicalPlace(placeKey(ent.text))) : `T:${ent.id}`;
    const place = demonymPlace(w) ?? findPlaces(w)[0]?.key;
    if (place) return countryOf(place);
  }
  const last = words[words.length - 1];
  if (last && /^[A-Z]/.test(last) && !GENERIC_SPEAKERS.test(last) && !TITLE_WORDS.test(last)) return fold(last);
  return null;
}

/** Places stand for their country when they speak ("Kyiv said" = Ukraine, "Moscow claimed" = Russia). */
function countryOf(place: string): string {
  const chain = ancestors(place);
  return chain.length >= 3 ? chain[chain.length - 2]! : chain[0]!;
}

const MONTH_ABBREVIATIONS: Record<string, string> = { jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July', aug: 'August', sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December' };

/** "Aug. 4" → "August 4", so that a date written short is the date written in full. */
export function fullMonths(text: string): string {
  return text.replace(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s+\d{1,2}\b)/g, (m, k: string) => MONTH_ABBREVIATIONS[k.toLowerCase()] ?? m);
}

function extract(sentence: string, entities: EntityLookup, year: number | undefined): Frame {
  const text = withoutAddressee(SPEEDS.reduce((t, [re, abbr]) => t.replace(re, abbr), fullMonths(sentence.replace(/[’‘]/g, "'"))));
  // "has yet to confirm" says "has not confirmed"
  const raw = tokenize(normalizeEventPhrases(text).replace(/\b(has|have|had|is|are|was|were) yet to\b/gi, '$1 not'));
  const found = entities.find(text);
  const entityMap = new Map<string, string>();
  for (const e of found) entityMap.set(e.id, e.text);

  // Places: dictionary places and gazetteer places that follow a locative preposition.
  const places = new Map<string, string>();
  const placeHits = [...found.filter((e) => e.kind === 'place').map((e) => ({ key: placeKey(e.text) === e.id ? e.id : e.id, text: e.text, start: e.start })), ...findPlaces(text)];
  for (const p of placeHits) {
    const before = text.slice(Math.max(0, p.start - 40), p.start).toLowerCase().split(/[\s]+/).filter(Boolean).slice(-5);
    const after = text.slice(p.start + p.text.length, p.start + p.text.length + 3);
    if (/^['’]s|^-/.test(after)) continue; // "Ukraine's allies", "U.S.-brokered"
    if (before.some((w) => /[,;:.]$/.test(w)) && !LOCATIVE.has(before[before.length - 1]!)) continue;
    // "strike on Kharkiv": on is locative after an attack word
    const locative = before.some((w, i) => LOCATIVE.has(w) || (w === 'on' && i > 0 && eventKind(before[i - 1]!.replace(/[^a-z]/g, '')) === 'strike'));
    if (!locative) continue;
    if (before[before.length - 1] === 'from') continue;
    // where the source speaks, not where the event is: "officials in Moscow said …"
    if (SPOKEN_FROM.test(text.slice(p.start + p.text.length, p.start + p.text.length + 40))) continue;
    places.set(p.key, p.text);
  }

  // Titles before a person's name ("former U.S. President Donald Trump") or after it (", the … President").
  const titles = new Map<string, string>();
  for (const e of found) {
    if (e.kind !== 'person') continue;
    const before = text.slice(0, e.start).trim().split(/\s+/);
    const title: string[] = [];
    let k = before.length - 1;
    if (k >= 0 && /^[A-Z][a-z]+$/.test(before[k]!) && !TITLE_WORDS.test(before[k]!)) k--; // a first name
    for (; k >= 0 && TITLE_WORDS.test(before[k]!.replace(/,$/, '')); k--) title.unshift(before[k]!);
    while (title.length && /^(of|state)$/i.test(title[0]!)) title.shift();
    if (!title.length) {
      const after = text.slice(e.start + e.text.length).match(/^,\s+(?:the\s+)?((?:former|ex-|then-)?\s*(?:[A-Z][\w.]*\s+)*(?:President|Prime Minister|Secretary of State|Chancellor|envoy))\b/);
      if (after) title.push(after[1]!.trim());
    }
    if (title.some((w) => !/^(of|state|u\.s\.|us)$/i.test(w))) titles.set(e.id, title.join(' '));
  }

  // Titled names outside the dictionary ("Governor Mark Ellison"), keyed by surname.
  for (const m of text.matchAll(TITLED_NAME)) {
    const surname = m[2]!.trim().split(/\s+/).pop()!;
    const known = found.find((e) => e.kind === 'person' && e.text.split(/\s+/).includes(surname));
    const key = known ? known.id : `N:${fold(surname)}`;
    if (!titles.has(key)) {
      titles.set(key, m[1]!.trim());
      if (!known) entityMap.set(key, m[2]!.trim());
    }
  }

  // Negation scope: the next content word after a negator ("has not yet publicly confirmed"); after
  // "no", the noun and, in the passive, its verb ("no breakthrough was announced").
  const negated = new Set<string>();
  const asserted = new Set<string>();
  let scope = 0;
  let hasNegation = false;
  let nominal = false;
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    // "if not dead, close to death": a condition, not a denial
    if (w === 'not' && raw[i - 1] === 'if') continue;
    if (NEGATORS.has(w)) {
      scope = 1;
      nominal = w === 'no' || w === 'nothing';
      hasNegation = true;
      continue;
    }
    if (STOP_WORDS.has(w) || SKIP_AUX.has(w)) continue;
    const s = stem(w);
    const kind = eventKind(w);
    const target = scope > 0 ? negated : asserted;
    target.add(s);
    if (kind) target.add(`E:${kind}`);
    if (scope > 0) {
      scope--;
      if (nominal && /^(?:was|were|is|are|been|be|has|have|had)$/.test(raw[i + 1] ?? '')) scope = 1;
      nominal = false;
    }
  }

  // who says so, in the order they appear: the first is the sentence's source
  const said: { at: number; key: string; text: string }[] = [];
  for (const m of text.matchAll(ACCORDING)) {
    const k = speakerKey(m[1]!, found);
    if (k) said.push({ at: m.index!, key: k, text: m[1]! });
  }
  for (const m of text.matchAll(SUBJECT_BEFORE)) {
    const k = speakerKey(m[1]!, found);
    if (k) said.push({ at: m.index!, key: k, text: m[1]!.trim() });
  }
  const speakers = new Map<string, string>();
  for (const s of said.sort((a, b) => a.at - b.at)) if (!speakers.has(s.key)) speakers.set(s.key, s.text);

  // named participants other than places: dictionary persons/organisations and capitalised names
  const names = new Set<string>();
  const topics = new Set<string>();
  for (const e of found) if (e.kind === 'person' || e.kind === 'organization') names.add(`T:${e.id}`);
  for (const e of found) if (e.kind === 'topic') topics.add(`T:${e.id}`);
  // people named in full outside the dictionary ("Xi Jinping", "Olaf Scholz")
  for (const m of text.matchAll(/(?<=\S\s+)[A-Z][a-z][\w'-]*\s+[A-Z][a-z][\w'-]*/g)) {
    const ws = m[0].replace(/'s$/, '').split(/\s+/);
    if (found.some((e) => m.index! < e.start + e.text.length && e.start < m.index! + m[0].length)) continue;
    if (ws.some((w) => TITLE_WORDS.test(w) || demonymPlace(w) || findPlaces(w).length || WEEKDAYS.includes(fold(w)) || MONTHS.includes(fold(w)))) continue;
    names.add(fold(ws[ws.length - 1]!));
  }
  const fe = text.match(ASSERTIVE_FUTURE);
  const futureAsked = fe && /\b(?:whether|if)\b[^,;]*$/i.test(text.slice(0, fe.index));
  const numbers: number[] = [];
  const ranges: Range[] = [];
  const offsets: Offset[] = [];
  const stems = new Set(contentTokens(text));
  for (const id of entityMap.keys()) stems.add(`T:${id}`);
  return {
    stems,
    events: eventsIn(text),
    entities: entityMap,
    places,
    quantities: quantities(text, numbers, ranges, offsets),
    numbers,
    ranges,
    offsets,
    times: timesOfDay(text),
    ...dates(text, year),
    titles,
    negated,
    asserted,
    hasNegation: hasNegation || negated.size > 0 || asserted.has('E:deny'),
    speakers,
    names,
    topics,
    assertiveFuture: fe && !futureAsked ? fe[0] : null,
    hedged: HEDGE.test(text),
  };
}

const MEMO_LIMIT = 5000;
const memo = new WeakMap<EntityLookup, Map<string, Frame>>();

/**
 * The frame of a sentence, memoised per dictionary (report sentences are read again on every
 * hover). `year` dates a weekday-less calendar date ("January 5") when the sentence has no year.
 */
export function claimFrame(sentence: string, entities: EntityLookup, year?: number): Frame {
  let m = memo.get(entities);
  if (!m) memo.set(entities, (m = new Map()));
  const key = year ? `${year}|${sentence}` : sentence;
  let f = m.get(key);
  if (!f) {
    if (m.size >= MEMO_LIMIT) m.clear();
    m.set(key, (f = extract(sentence, entities, year)));
  }
  return f;
}
