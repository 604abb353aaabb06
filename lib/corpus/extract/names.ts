/**
 * Proper names of any English news text as capitalised spans: runs of capitalised words kept whole
 * with connectors ("Institute of Territorial Studies", "al-Shabab"), initials, acronyms and the
 * numbers of model names ("Surface Pro 3", "2014 RC"); person titles split a span and are dropped
 * ("Rear Admiral John Kirby" → "John Kirby"); a sentence's first word is a name only when it is no
 * common English word or the text also capitalises it mid-sentence. Each name gets a kind from
 * cues (Airlines, University, Street…), the gazetteer, compromise's own tags or a first name.
 */
import { demonymPlace, isPlace, placeKey } from '../../evidence/places';
import { DEMONYMS_AN_I_CH } from './demonyms';
import { isCompoundNoun, isPersonNoun } from './topics';
import { PERSON_TITLES } from '../../match/names';
import { foldToken, tokenKey } from '../../match/tokens';
import { wordKind } from '../../match/words';
import { MONTHS, STOP_WORDS, WEEKDAYS, splitSentencesWithOffsets } from '../../text';
import type { TermKind } from '../terms';

export interface NameSpan {
  name: string;
  kind: TermKind;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*/gu;
const CONNECTORS = new Set(['of', 'de', 'la', 'las', 'los', 'du', 'des', 'del', 'van', 'von', 'der', 'den', 'da', 'di', 'bin', 'ibn', 'al', 'el', 'y', '&']);
const ORG_CUES = new Set(
  ('airlines airline airways ministry bureau university college school hospital clinic party court agency police journal times post news ' +
    'herald tribune gazette telegraph guardian observer chronicle express institute department foundation corporation corp inc ltd co company ' +
    'group council committee commission society museum studios studio survey club bank assembly press network association union league ' +
    'federation organization organisation board authority service services office army navy force forces government administration ' +
    'parliament senate congress church fund trust centre center reporter magazine daily tv television radio records games media labs ' +
    'motors electric mills dynamics consortium coalition alliance academy observatory laboratory forum archdiocese diocese')
    .split(' '),
);
const PLACE_CUES = new Set(
  ('street st avenue ave road square island islands beach building airport station province region county city river lake mount valley ' +
    'tower towers mall terminal hall bay sea ocean coast state park bridge district village town peninsula desert mountains hills gulf strait ' +
    'republic kingdom emirates cathedral basilica abbey mosque synagogue monastery')
    .split(' '),
);
/** An institution's or a place's word, plural too ("National Institutes of Health"). */
const isCue = (folded: string) => ORG_CUES.has(folded) || PLACE_CUES.has(folded) || ORG_CUES.has(folded.replace(/s$/, ''));
/** The words of a state's formal name, before "of" ("Islamic Republic of Iran"). */
const STATE_WORDS = new Set(['republic', 'kingdom', 'emirates']);
/** Lower-case words that end a place's or an institution's name written before them ("Ninety Mile beach"). */
const LOWER_CUE = /^ (hospital|beach|police|airport|university|college|school|island|river|lake|station|bridge)\b/;
/** Acronyms that are units, times or shouting rather than names. */
const TIME_ZONE_ACRONYMS = 'am pm et pt pst pdt est edt cst cdt mst mdt gmt bst cet cest eet eest wet aest aedt awst ist jst kst hkt msk utc';
const NOT_ACRONYMS = new Set(`${TIME_ZONE_ACRONYMS} ok tv pdf ps usd gbp eur km mph cm mm kg hq`.split(' '));
const ZONE_ACRONYMS = new Set(TIME_ZONE_ACRONYMS.split(' '));
/** The words of a time zone's name before "Time" ("Eastern Time", "British Summer Time", "Greenwich Mean Time"). */
const ZONE_WORDS = new Set(
  'eastern central mountain pacific atlantic alaska hawaii greenwich british irish indian australian european western japan india china korea moscow arabia gulf coordinated universal standard daylight saving summer mean'.split(' '),
);

/** A time zone ("GMT", "EST", "Eastern Time", "British Summer Time"): never a name. */
export function isTimeZone(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length === 1) return ZONE_ACRONYMS.has(name.toLowerCase()) && /^\p{Lu}+$/u.test(name);
  return words[words.length - 1] === 'Time' && words.slice(0, -1).every((w) => ZONE_WORDS.has(w.toLowerCase()));
}
const TIME_WORDS = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  ...WEEKDAYS.map((d) => `${d}s`),
  ...'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat today yesterday tomorrow'.split(' '),
]);
/** A day, a month or their abbreviations, plural or possessive too ("Monday's", "Mondays", "Wed.", "Sept."). */
const isTimeWord = (word: string) => TIME_WORDS.has(foldToken(word).replace(/\.$/, ''));
/** Words before a day that make it a date ("on Monday", "last Sunday"), not the first word of a name. */
const DATE_BEFORE = new Set('on by last next this that every each since until till from through late early mid'.split(' '));
/**
 * A day that opens a name: before an institution's word ("Sunday Times") or two capitalised words
 * ("Monday Night Football", "Saturday Night Live"), not after a preposition of time ("on Monday Night
 * Football fans", "since Tuesday") nor before a title or another date ("Monday President X", "Monday June 5").
 */
function dayOfName(text: string, ts: readonly Tok[], i: number): boolean {
  const day = foldToken(ts[i]!.text);
  if (!WEEKDAYS.includes(day)) return false;
  const [next, after] = [ts[i + 1], ts[i + 2]];
  if (!next || !isUpperStart(next.text) || !spacesOnly(text, ts[i]!.end, next.start) || isTimeWord(next.text) || PERSON_TITLES.has(foldToken(next.text))) return false;
  const before = ts[i - 1];
  if (before && (DATE_BEFORE.has(foldToken(before.text)) || /^\d/.test(before.text))) return false;
  if (ORG_CUES.has(foldToken(next.text))) return true;
  return !!after && isUpperStart(after.text) && spacesOnly(text, next.end, after.start) && !isTimeWord(after.text) && /^\p{Lu}\p{Ll}+$/u.test(next.text) && common(next.text);
}
/** Holidays: days of the calendar too. */
const HOLIDAY = /^(?:New Year(?:['’]s(?: Day| Eve)?)?|Christmas(?: Day| Eve)?|Easter(?: Sunday| Monday)?|Thanksgiving(?: Day)?|Halloween|Boxing Day)$/;
/** A calendar date ("Monday", "June 5", "Friday, March 3", "New Year"): never a name. */
export const isCalendarDate = (name: string) =>
  HOLIDAY.test(name) || (name.split(/[\s,]+|-(?=\d)/).filter(Boolean).every((w) => isTimeWord(w) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(w)) && /\p{L}/u.test(name));
/** A speech verb after a name says the name is a person's ("…, Nandakumar said"). */
const SPEECH = /^['’]?,?\s+(?:said|says|told|added|explained|wrote|apologi[sz]ed|insisted|admitted|warned|denied)\b/;
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|ch|i)$/u;
let demonymsAnIch: Set<string> | null = null;
/** "Kenyan", "Iraqi", "Czech" (listed: -an, -i and -ch end names too: "Satan", "Milan"), "Ukrainian", "Chinese", "Scottish". */
function isDemonymWord(w: string): boolean {
  // (an institution's word that ends like one is none: "the Guardian")
  if (!DEMONYM.test(w) || ORG_CUES.has(w.toLowerCase())) return false;
  if (/(?:ian|ean|ese|ish)$/.test(w)) return true;
  demonymsAnIch ??= new Set(DEMONYMS_AN_I_CH.split(' '));
  return demonymsAnIch.has(w.toLowerCase()) || demonymPlace(w) !== undefined;
}

/** A demonym, singular or plural ("Kenyan", "Kenyans", "Iraqis", "Somalis"): a people, not an organisation's or a place's name. */
export const isDemonym = (w: string) => isDemonymWord(w) || (/\p{Ll}s$/u.test(w) && isDemonymWord(w.slice(0, -1)));

/**
 * A French article or pronoun elided before a name ("l'UMP", "L'Assemblée", "d'Orsay", "qu'Amazon"): not
 * the name's. A capital D' starts names ("D'Angelo"), so only l' and qu' are cut when capitalised.
 */
export const ELISION = /^(?:[lL]|[Qq]u|[dnjsc])['’](?=\p{Lu})/u;

/** An amount a page ran into the next word ("$500Apple's mid-range watch"): the digits are no part of the name. */
export const RUN_ON_NUMBER = /^\d{2,}(?=\p{Lu}\p{Ll}{2})/u;

const isUpperStart = (t: string) => /^\p{Lu}/u.test(t);
/** iPhone, eBay, iGen, 9to5Mac: lower-case or digit start, capital inside. */
const isInnerCapital = (t: string) => /^[\p{Ll}\p{N}][\p{Ll}\p{N}]*\p{Lu}/u.test(t) && !/^\p{Ll}+-/u.test(t);
const isAcronymToken = (t: string) => /^(?:\p{Lu}\.){2,}$/u.test(t) || /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(t);
const isAllCaps = (s: string) => /\p{Lu}{2,}/u.test(s) && !/\p{Ll}/u.test(s);
/**
 * Letters and digits alternating in four runs or more, with lower-case letters: a video id or a
 * handle ("yrXx9dBo8M"), a date run together ("Nov11th-2014"); never a name ("H5N1", "XR7", "iPhone6s" stay).
 */
const isMachineToken = (t: string) =>
  (/\p{Ll}/u.test(t) && (t.match(/\p{L}+|\p{N}+/gu)?.length ?? 0) >= 4 && !SITE_NAME.test(t)) ||
  // … and a link's code of eight characters or more mixing digits, lower case and three capitals ("L01FrUFKwz")
  (t.length >= 8 && /\p{N}/u.test(t) && /\p{Ll}/u.test(t) && (t.match(/\p{Lu}/gu)?.length ?? 0) >= 3);
/** A site's name written after a number run together ("9to5Mac", "9to5Google"): it ends in a capitalised word. */
const SITE_NAME = /\p{N}\p{Lu}\p{Ll}{2,}$/u;
/** wordKind of a word, remembered (a block of the word list is decoded per look-up); bounded. */
const kinds = new Map<string, ReturnType<typeof wordKind>>();
function kindOfWord(t: string): ReturnType<typeof wordKind> {
  let k = kinds.get(t);
  if (k === undefined) {
    if (kinds.size > 50_000) kinds.clear();
    k = wordKind(tokenKey(t));
    kinds.set(t, k);
  }
  return k;
}
const common = (t: string) =>
  STOP_WORDS.has(foldToken(t)) || kindOfWord(t) === 'common' || (t.includes('-') && t.split('-').every((p) => !p || STOP_WORDS.has(foldToken(p)) || kindOfWord(p) === 'common'));
/** Stop words that also begin names ("New York", "Will Smith", "One World Trade Center"). */
const NAME_STARTS = new Set(['new', 'one', 'two', 'will', 'like', 'us']);
const isStop = (f: string) => STOP_WORDS.has(f) && !NAME_STARTS.has(f);
/** Titles of legal offices, a title before a capitalised name ("District Attorney Kenneth Thompson"). */
export const OFFICE_TITLES = new Set(['attorney', 'prosecutor', 'solicitor']);
/** Words that name an office with the title after them ("Press Secretary", "District Attorney", "Defence Minister"). */
export const OFFICE_WORDS = new Set(
  'press district defence defense foreign home health interior finance trade education energy transport labour labor environment culture communications'.split(' '),
);
/** Words that are a title only before another title ("Prime Minister", "Vice President", "Rear Admiral"): "Prime" alone is a name (Amazon's). */
export const TITLE_HALVES = new Set(['prime', 'vice', 'rear']);
/** A title, hyphenated ones too when each part is a title ("Secretary-General", "Lieutenant-Colonel"). */
export const isTitleWord = (folded: string) => PERSON_TITLES.has(folded) || (folded.includes('-') && folded.split('-').every((p) => PERSON_TITLES.has(p)));
/** Words that make a title of the title after them ("Senior Vice President", "Executive Director"), no name's words then. */
const TITLE_MODIFIERS = new Set(['senior', 'executive', 'assistant', 'associate', 'principal']);
const isTitle = (folded: string, next: string) =>
  (isTitleWord(folded) && !(TITLE_HALVES.has(folded) && !PERSON_TITLES.has(foldToken(next)))) || (TITLE_MODIFIERS.has(folded) && isTitleWord(foldToken(next)));
/** "They're", "It'll", "I'd": a contraction is never a name. */
const CONTRACTION = /['’](?:re|ll|d|ve|m|t)$/i;
const DIRECTIONS = new Set('north south east west northern southern eastern western central northeast northwest southeast southwest'.split(' '));
/** Title Case (a headline inside the text): capitals say nothing about names there. */
function titleCase(ts: { text: string }[]): boolean {
  const long = ts.filter((t) => t.text.length >= 4 && /^\p{L}/u.test(t.text));
  if (long.length >= 4) return long.filter((t) => isUpperStart(t.text)).length >= long.length * 0.9;
  // a short line all capitalised, two everyday words, ending in one ("Movie Stars", "Paramount Moves Forward"),
  // is a heading too; a name's line is not ("Credit Harry Campbell", "Food Standards Agency": ends in a name's word)
  const words = ts.filter((t) => /^\p{L}/u.test(t.text));
  const last = words[words.length - 1]?.text ?? '';
  return (
    words.length >= 2 &&
    words.every((t) => isUpperStart(t.text)) &&
    long.filter((t) => common(t.text)).length >= 2 &&
    common(last) &&
    !ORG_CUES.has(foldToken(last)) &&
    !PLACE_CUES.has(foldToken(last))
  );
}

/**
 * A sentence of names that ends in a full stop, with a word in lower case, is prose, not a headline ("Wrote DJ
 * Funkmaster Flex on Instagram."): headings and related links end without one.
 */
function namesSentence(sentence: string, ts: { text: string }[]): boolean {
  // (not where words were run together: "Targets Shabab LeaderSEPT. 2", a headline and its date)
  return /[^.]\.["”’)]?$/.test(sentence) && ts.some((t) => /^\p{Ll}{2,}$/u.test(t.text)) && !ts.some((t) => /\p{Ll}\p{Lu}{2}/u.test(t.text));
}

/** A web address's ending after a site's name ("Snopes.com", "Wired.co.uk"). */
const WEB_DOMAIN = /\.(?:com|org|net|co\.uk|com\.au|co)$/i;

/** Do the capitalised words from token `i` end in a web address ("Hip Hop Wired.com notes …")? Its first word is the site's, even where a sentence opens. */
function siteName(text: string, ts: readonly Tok[], i: number): boolean {
  for (let j = i; j < ts.length && j <= i + 3; j++) {
    if (!isUpperStart(ts[j]!.text) || (j > i && !spacesOnly(text, ts[j - 1]!.end, ts[j]!.start))) return false;
    if (WEB_DOMAIN.test(ts[j]!.text)) return j > i;
  }
  return false;
}

/** "al-Shabab", "bin-Laden": a connector joined by a hyphen to a capitalised word. */
const isConnectedName = (t: string) => /^(?:al|el|bin|ibn|abu|de|van|von)-\p{Lu}/u.test(t);

/** "Pakistan-based", "Qaeda-linked": a name with a common lower-case word hyphenated after it. */
function trimSuffix(t: string): string {
  // (a short syllable before the hyphen is a name's own: "Kim Il-sung", "Kim Jong-un")
  const m = /^(.+?)-(\p{Ll}{4,})$/u.exec(t);
  return m && kindOfWord(m[2]!) === 'common' && !/^\p{Lu}\p{Ll}{1,2}$/u.test(m[1]!) ? m[1]! : t;
}

interface Tok {
  text: string;
  start: number;
  end: number;
  /** after an elided French article ("l'UMP"): a name, though it spells an English word */
  elided?: boolean;
}

/** What says a name is a person's: a title before it ("Captain Solberg") or a speech verb after it ("…, Nandakumar said"). */
type PersonCue = 'title' | 'speech' | null;

function kindOf(name: string, words: string[], tagged: Map<string, TermKind>, firstNames: Set<string>, personCue: PersonCue): TermKind {
  const last = foldToken(words[words.length - 1]!);
  if (ORG_CUES.has(last) || ORG_CUES.has(last.replace(/s$/, ''))) return 'organization';
  // "State" after an adjective of a faith or a creed is a movement's name ("Islamic State"), not a territory's ("Ohio State")
  if (last === 'state' && words.length === 2 && /\p{Ll}ic$/u.test(words[0]!)) return 'organization';
  if (PLACE_CUES.has(last)) return 'place';
  // "Democratic Republic of Congo", "United Kingdom of Great Britain"
  if (words.some((w, k) => STATE_WORDS.has(foldToken(w)) && words[k + 1] === 'of')) return 'place';
  // a title before it or a speech verb after it: a person, when it reads like a name ("Priya Nandakumar said")
  if (personCue && words.length >= 2 && words.length <= 3 && !/\d/.test(name) && kindOfWord(words[words.length - 1]!) !== 'common') return 'person';
  // a title before one word that is no English word: a surname ("Captain Solberg"; a speech verb follows organisations too)
  if (personCue === 'title' && words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(name) && kindOfWord(name) === null) return 'person';
  const known = tagged.get(name);
  if (known) return known;
  if (isPlace(placeKey(name))) return 'place';
  // two or three words none of which is an English word ("Kumar Ramesh", "Hori Parata"): a person's name
  const named = words.filter((w) => !/^\p{Lu}\.?$/u.test(w));
  if (named.length >= 2 && words.length <= 4 && named.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && kindOfWord(w) === null) && !isPlace(placeKey(named[0]!))) return 'person';
  if (words.length >= 2 && words.length <= 4 && firstNames.has(foldToken(words[0]!)) && !/\d/.test(name)) return 'person';
  return 'organization';
}

/**
 * The capitalised names of `text` (one piece of a report), in order of appearance. `tagged` holds
 * what compromise typed in the same text (name → kind), `firstNames` the words it tagged as given
 * names. `midCaps` collects, across calls, the words seen capitalised inside a sentence. In `foreign`
 * text (not English: the word lists say nothing there) a sentence's first word is a name only
 * where the text also capitalises it inside a sentence.
 */
export function capitalisedNames(text: string, tagged: Map<string, TermKind>, firstNames: Set<string>, foreign = false, shortLines = false): NameSpan[] {
  const sentences = splitSentencesWithOffsets(text).flatMap(splitRunTogether);
  const toks: Tok[][] = sentences.map((s) =>
    [...s.text.matchAll(TOKEN)].map((m) => {
      const elided = ELISION.exec(m[0])?.[0].length ?? 0;
      const cut = elided || (RUN_ON_NUMBER.exec(m[0])?.[0].length ?? 0);
      return { text: m[0].slice(cut), start: s.start + m.index! + cut, end: s.start + m.index! + m[0].length, ...(elided ? { elided: true } : {}) };
    }),
  );
  // words this text capitalises inside a sentence, and words it writes in lower case
  const mid = new Set<string>();
  const lower = new Set<string>();
  // and the pairs of capitalised words it writes so ("the Super Bowl"): a sentence that opens with one opens with a name
  const midPairs = new Set<string>();
  for (const ts of toks) {
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!.text;
      if (/^\p{Ll}/u.test(t)) {
        if (!isInnerCapital(t)) lower.add(t);
      }
      // capitalised right after a lower-case word ("by Apple", "at Vogue"): a name, not a sentence start
      // or after a comma that follows one ("Messages, Safari, and Photos")
      else if (i > 0 && /^\p{Ll}/u.test(ts[i - 1]!.text) && (spacesOnly(text, ts[i - 1]!.end, ts[i]!.start) || /^, +$/.test(text.slice(ts[i - 1]!.end, ts[i]!.start)))) {
        mid.add(foldToken(t));
        const next = ts[i + 1];
        if (next && isUpperStart(next.text) && spacesOnly(text, ts[i]!.end, next.start)) midPairs.add(`${foldToken(t)} ${foldToken(next.text)}`);
      }
      // capitalised after the article that opens a sentence ("The Guardian reported …"): prose writes "The" before a
      // lower-case noun, so this is a name's capital too (not in a Title Case line: "The Big Picture")
      else if (i === 1 && ts[0]!.text === 'The' && /^\p{Lu}\p{Ll}+$/u.test(t) && spacesOnly(text, ts[0]!.end, ts[1]!.start) && !titleCase(ts)) mid.add(foldToken(t));
    }
  }
  // the first two words of the tagger's names: a sentence's first word that opens one is a name's ("University College London …")
  const taggedStarts = new Set<string>();
  for (const [name, kind] of tagged) if (kind !== 'person' && /^\S+ \S+/.test(name)) taggedStarts.add(name.split(' ', 2).join(' '));
  const out: NameSpan[] = [];
  let acronyms: Set<string> | undefined;
  for (const [k, ts] of toks.entries()) {
    // a credit line ("(H/T: Daily Mail)", "Source: MacRumors | Via: Wired") names its sources after the marker, whatever their words
    const credited = creditNames(sentences[k]!.text);
    if (credited) {
      for (const { words, by } of credited) {
        const name = words.join(' ');
        // (whom a credit says a thing is "by" reads like a person's name when it is one: "Reporting by Jane Doyle")
        if (!(words.length === 1 && (common(name) || isDemonymWord(name))) && !isCalendarDate(name) && !isTimeZone(name)) out.push({ name, kind: kindOf(name, words, tagged, firstNames, by ? 'speech' : null) });
      }
      continue;
    }
    const sentenceCaps = ts.filter((t) => /\p{L}/u.test(t.text)).every((t) => !/\p{Ll}/u.test(t.text));
    if (!shortLines && ((sentenceCaps && ts.length > 3) || (titleCase(ts) && !namesSentence(sentences[k]!.text, ts)))) continue; // a shouted line or a headline says nothing about names
    let span: Tok[] = [];
    let afterTitle = false;
    const flush = () => {
      while (span.length && (CONNECTORS.has(span[span.length - 1]!.text.toLowerCase()) || ['for', 'and'].includes(span[span.length - 1]!.text) || /^\d/.test(span[span.length - 1]!.text) && !isInnerCapital(span[span.length - 1]!.text) && span.length === 1)) span.pop();
      if (span.length) {
        // "Royal Shrewsbury hospital", "Ninety Mile beach": a name of two words or more that is no known
        // place, written before a lower-case institution's or place's word, is named with that word
        const last = span[span.length - 1]!;
        // (a place's police is named for the place: "the Gotham City police", "Orange County police")
        let cue = LOWER_CUE.exec(text.slice(last.end, last.end + 14));
        if (cue?.[1] === 'police' && PLACE_CUES.has(foldToken(last.text))) cue = null;
        // (not a person's name: one everyday word at least, no given name first; "Boris Johnson police" stays apart)
        const place = text.slice(span[0]!.start, last.end);
        if (cue && span.length >= 2 && !/['’]s?$/.test(last.text) && span.some((t) => common(t.text)) && !firstNames.has(foldToken(span[0]!.text)) && tagged.get(place) !== 'person' && !isPlace(placeKey(place))) {
          const start = last.end + cue[0].length - cue[1]!.length;
          span.push({ text: cue[1]!, start, end: start + cue[1]!.length });
        }
        const after = text.slice(span[span.length - 1]!.end, span[span.length - 1]!.end + 14);
        emit(span, text, mid, lower, tagged, firstNames, afterTitle ? 'title' : SPEECH.test(after) ? 'speech' : null, out);
        afterTitle = false;
      }
      span = [];
    };
    // the end of a quoted Title Case title being read ("The Girl with the Dragon Tattoo"): its small words are its own
    let titleEnd = -1;
    for (let i = 0; i < ts.length; i++) {
      const tok = ts[i]!;
      const t = tok.text;
      // a span runs over spaces (and a hyphen, and an ampersand between capitalised words: "Johnson & Johnson"); punctuation ends it
      const ampersand = !!span.length && tok.start - ts[i - 1]!.end === 3 && text[tok.start - 2] === '&' && text[tok.start - 1] === ' ' && text[tok.start - 3] === ' ' && isUpperStart(t) && isUpperStart(span[span.length - 1]!.text);
      // (and a full stop after "vs" between two names: "Batman Vs. Superman")
      const versus = !!span.length && span[span.length - 1] === ts[i - 1] && VERSUS.has(foldToken(ts[i - 1]!.text)) && text.slice(ts[i - 1]!.end, tok.start) === '. ' && isUpperStart(t);
      if (span.length && !spacesOnly(text, ts[i - 1]!.end, tok.start) && !(tok.start - ts[i - 1]!.end === 1 && text[tok.start - 1] === '-') && !ampersand && !versus) flush();
      if (!span.length) titleEnd = Math.max(titleEnd, quotedTitle(text, tok.start));
      if (span.length && tok.end < titleEnd && TITLE_SMALL.has(t) && t !== 'and' && ts.slice(i + 1).some((x) => x.end <= titleEnd && isUpperStart(x.text))) {
        span.push(tok);
        continue;
      }
      const folded = foldToken(t);
      const initial = i === 0 || opensClause(text, tok.start);
      const next = ts[i + 1]?.text ?? '';
      // a capital letter alone inside a sentence, before a name, is an initial ("A Kumar Ramesh")
      const initialLetter = /^\p{Lu}$/u.test(t) && !initial && isUpperStart(next) && spacesOnly(text, tok.end, ts[i + 1]!.start);
      const name =
        initialLetter ||
        ((isUpperStart(t) || isInnerCapital(t) || isConnectedName(t)) &&
          (!isTimeWord(t) || dayOfName(text, ts, i)) &&
          !CONTRACTION.test(t) &&
          !isMachineToken(t) &&
          !(isStop(folded) && !isAcronymToken(t) && !/^the$/i.test(t)) &&
          !(initial && (foreign || common(t)) && !mid.has(folded) && quotedTitle(text, tok.start) < 0 && !tok.elided && !taggedStarts.has(`${t} ${next}`) && !knownPlacePair(t, next) && !midPairs.has(`${folded} ${foldToken(next)}`) && !speaks(text, ts, i, mid) && !siteName(text, ts, i)) &&
          !(isAllCaps(t) && t.length > 6));
      // a small word capitalised inside a sentence, after a name's word, is a Title Case title's ("with The Lover In You",
      // "Bank Of America"): prose writes it in lower case (not "I", nor a clause's first word)
      if (span.length && !initial && t !== 'I' && /^\p{Lu}\p{Ll}*$/u.test(t) && isStop(folded) && !isTimeWord(t) && isUpperStart(span[span.length - 1]!.text) && spacesOnly(text, ts[i - 1]!.end, tok.start)) {
        span.push(tok);
        continue;
      }
      // a nickname of one word, "the" and one word after "known as" or "nicknamed" is one name ("known as Imp the Dimp",
      // "nicknamed Ivan the Terrible"; not "known as Boko Haram the group…": two words before "the")
      if (span.length === 1 && t === 'the' && NICKNAMED.test(text.slice(Math.max(0, span[0]!.start - 16), span[0]!.start)) && isUpperStart(next) && !isUpperStart(ts[i + 2]?.text ?? '') && spacesOnly(text, ts[i - 1]!.end, tok.start) && spacesOnly(text, tok.end, ts[i + 1]!.start)) {
        span.push(tok, ts[i + 1]!);
        i++;
        continue;
      }
      // a company's legal suffix ends its name and is no part of how it is called ("Business Insider Inc Nintendo/Apple")
      if (span.length && /^(?:inc|ltd|llc|plc|gmbh)$/.test(folded.replace(/\.$/, ''))) {
        flush();
        continue;
      }
      // (a title before an institution's word is the institution's: "General Assembly")
      const institution = isUpperStart(next) && ORG_CUES.has(foldToken(next)) && spacesOnly(text, tok.end, ts[i + 1]!.start);
      if ((isTitle(folded.replace(/\.$/, ''), next) || (OFFICE_TITLES.has(folded) && isUpperStart(next))) && (isUpperStart(t) || span.length) && !institution) {
        // the word of an office before its title is the title's, not the name's ("Pentagon Press Secretary", "Brooklyn District Attorney")
        const alone = span.length === 1;
        if (span.length > 1 && OFFICE_WORDS.has(foldToken(span[span.length - 1]!.text))) span.pop();
        // an award's category before its title is the award's ("an Oscar for Best Director" → Oscar)
        if (span.length > 2 && span[span.length - 2]!.text === 'for' && common(span[span.length - 1]!.text)) span.splice(-2);
        // … and one everyday word alone before a title qualifies it ("for Best Director", "Police Commissioner")
        else if (alone && common(span[0]!.text) && !isAcronymToken(span[0]!.text)) span = [];
        flush();
        // "Secretary of State Marco Rubio", "Minister of Defence X": the office belongs to the title
        if (ts[i + 1]?.text === 'of' && isUpperStart(ts[i + 2]?.text ?? '')) i += 2;
        afterTitle = true;
        continue;
      }
      // a capital letter alone after a name, where no full stop makes it an initial, is a model's letter ("Samsung Gear S", "Model X")
      if (!name && span.length && /^\p{Lu}$/u.test(t) && t !== 'A' && t !== 'I' && text[tok.end] !== '.' && spacesOnly(text, ts[i - 1]!.end, tok.start) && isUpperStart(span[span.length - 1]!.text)) {
        span.push(tok);
        continue;
      }
      if (name) {
        const trimmed = trimSuffix(t);
        span.push(trimmed === t ? tok : { ...tok, text: trimmed, end: tok.start + trimmed.length });
        // a possessive ends a name, unless an institution's or place's word follows ("Sam's Club", "Fisherman's Terminal"; not "Russia's Army")
        const cueNext = /['’]s$/.test(t) && isUpperStart(next) && spacesOnly(text, tok.end, ts[i + 1]!.start) && (ORG_CUES.has(foldToken(next)) || PLACE_CUES.has(foldToken(next)) || /^(?:day|eve)$/.test(foldToken(next))) && !isPlace(placeKey(t.replace(/['’]s$/, '')));
        if ((/['’]s?$/.test(t) && !cueNext) || trimmed !== t) flush();
        continue;
      }
      // "of", "de", "al" between two capitalised words; numbers of a model name; "34th Street"; "2014 RC"
      // "of" joins a name only after its first word or after an institution's word ("University of …")
      const lastWord = span.length ? foldToken(span[span.length - 1]!.text) : '';
      const ofOk =
        !['of', 'for'].includes(t) || span.length === 1 || isCue(lastWord) || span.some((x) => x.text === 'of' || x.text === 'for') || (t === 'of' && span.length > 0 && isBodyOfMembers(span[span.length - 1]!.text));
      // "and" inside an institution's name only ("Office for Product Safety and Standards")
      // (or before a run of names that ends in an institution's word or a law's: "Food and Drug Administration", "Health and Safety Act")
      // (never before "The" or an acronym: "the BBC and The Washington Post", "The Mirror and NT News" are two names)
      const andOk = t === 'and' && next !== 'The' && !isAcronymToken(next) && (span.some((x) => x.text === 'of' || x.text === 'for') || endsInInstitution(text, ts, i + 1));
      // "vs" or "v" between two names is one name ("Kramer vs. Kramer", "Batman v Superman")
      const versusOk = VERSUS.has(folded) && /^\.? $/.test(text.slice(tok.end, ts[i + 1]?.start ?? tok.end));
      // (a known place alone before "for" is the place of a post, not a name's first part: "analyst on Nigeria for Crisis Group")
      const forOk = t !== 'for' || span.length > 1 || !isPlace(placeKey(span[0]?.text ?? ''));
      // "to" inside an institution's name whose acronym the text writes ("Society for Prevention of Cruelty to Animals
      // (SPCA)", "Committee to Protect Journalists … CPJ")
      const toOk = t === 'to' && span.length > 0 && spelledAcronym(text, ts, span, i + 1, (acronyms ??= textAcronyms(text)));
      if (span.length && (CONNECTORS.has(t) || t === 'for' || andOk || versusOk || toOk) && isUpperStart(next) && ofOk && forOk) span.push(tok);
      // "and the" inside an institution's name whose acronym the text writes ("Islamic State of Iraq and the Levant … ISIL")
      else if (t === 'and' && next === 'the' && span.some((x) => x.text === 'of') && spacesOnly(text, tok.end, ts[i + 1]!.start) && isUpperStart(ts[i + 2]?.text ?? '') && spelledAcronym(text, ts, span, i + 2, (acronyms ??= textAcronyms(text)))) {
        span.push(tok, ts[i + 1]!);
        i++;
      }
      // two connectors before a name ("Rafael van der Vaart", "Ana de la Cruz")
      else if (span.length && CONNECTORS.has(t) && CONNECTORS.has(next) && isUpperStart(ts[i + 2]?.text ?? '') && spacesOnly(text, tok.end, ts[i + 1]!.start) && spacesOnly(text, ts[i + 1]!.end, ts[i + 2]!.start)) {
        span.push(tok, ts[i + 1]!);
        i++;
      }
      // another language's institution names only its first word with a capital ("Conseil constitutionnel", "Front de
      // gauche", "Partido popular"): the lower-case word after it (or "de" and one word) is the name's
      else if (foreign && span.length === 1 && FOREIGN_INSTITUTIONS.has(foldToken(span[0]!.text)) && /^\p{Ll}{2,}$/u.test(t) && spacesOnly(text, ts[i - 1]!.end, tok.start)) {
        const de = /^(?:de|del|di)$/.test(t) && /^\p{Ll}{3,}$/u.test(next) && spacesOnly(text, tok.end, ts[i + 1]?.start ?? tok.end);
        if (de || (t.length > 2 && !STOP_WORDS.has(t) && !FOREIGN_SMALL.has(t))) span.push(tok);
        if (de) span.push(ts[++i]!);
        flush();
      }
      // "Institute for the Study of War", "Bank of the West"
      // (and after the members of a body: "Little Sisters of the Poor", "Friends of the Earth")
      else if (span.length && (t === 'of' || t === 'for') && ofOk && span.length >= 1 && next === 'the' && isUpperStart(ts[i + 2]?.text ?? '') && (ORG_CUES.has(lastWord) || (t === 'of' && isBodyOfMembers(span[span.length - 1]!.text)))) {
        span.push(tok, ts[i + 1]!);
        i++;
      }
      // (a model's number may have a hyphenated variant: "Boeing 787-8 Dreamliner", "Boeing 737-800")
      else if (span.length && /^\d{1,3}(?:-\d{1,3})?[a-z]?$/i.test(t) && !/^\d+$/.test(span[span.length - 1]!.text)) span.push(tok);
      else if ((/^\d+(?:st|nd|rd|th)$/.test(t) && isUpperStart(next)) || (/^(?:\d|\d{4})$/.test(t) && isAcronymToken(next) && !NOT_ACRONYMS.has(next.toLowerCase()) && !startsName(text, ts, i + 2))) {
        flush();
        span.push(tok);
      } else flush();
    }
    flush();
  }
  return out;
}

/**
 * A credit line's marker, at the line's start: a hat tip ("H/T", "h/t", "Hat tip"), "Via", "Source", "Credit",
 * "Courtesy of", "Reporting by", "Writing by", "Editing by", "Photo by". What follows is sources, people and places, whose words may be everyday ones
 * ("Daily Mail", "Press Trust of India") and whose line may look like Title Case.
 */
const CREDIT = /^[([]?\s*(?:h\/t|hat tip|via|sources?|credits?|courtesy(?: of)?|(?:additional )?(?:reporting|writing|editing)(?: by)?|(?:photos?|images?|pictures?)(?: by)?)\s*(?::\s*|\s+)(\S.*?)[)\]]?\s*$/iu;
/** A credit's segment that dates the line ("Posted: January 8, 2015 2:10 pm", "Updated 3 hours ago"): no source. */
const DATED = /^(?:posted|updated|published|first published|last updated|modified)\b/i;
/** A name's word in a credit: capitalised, an acronym or inner capital ("FTVLive", "iDownloadBlog"), or a connector inside it. */
const CREDIT_WORD = /^(?:\p{Lu}[\p{L}\p{N}'’.&-]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\d+[\p{L}\p{N}]*)$/u;

/**
 * The names of a credit line ("(H/T: Daily Mail)", "Source: MacRumors | Via: iDownloadBlog", "By: Press Trust of India |
 * New Delhi | Posted: …"), each as its words and whether the credit says "by" before it, or null when `line` is no credit line: one of its segments (split at "|",
 * ",", ";", "/", "•", "and" and "in" before a place, or at another marker) is no name (a sentence that opens "Via the bridge …").
 */
export function creditNames(line: string): { words: string[]; by: boolean }[] | null {
  const text = line.trim().replace(/^by:\s+/i, 'Source: ');
  if (text.length > 160 || !CREDIT.test(text)) return null;
  const out: { words: string[]; by: boolean }[] = [];
  for (const part of text.split(/\s*[|•;]\s*/)) {
    if (DATED.test(part)) continue;
    const m = CREDIT.exec(part);
    const body = (m ? m[1]! : part).replace(/[.)\]]+$/, '');
    const by = !!m && /\bby\s*:?$/i.test(part.slice(0, part.lastIndexOf(m[1]!)).trim());
    for (const seg of body.split(/\s*[,/]\s*|\s+and\s+|\s+in\s+(?=\p{Lu})|\s+&\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu})/u)) {
      const words = seg.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const ok = words.length <= 6 && CREDIT_WORD.test(words[0]!) && CREDIT_WORD.test(words[words.length - 1]!) && words.every((w) => CREDIT_WORD.test(w) || CONNECTORS.has(w) || w === 'the' || w === 'for');
      if (!ok) return null;
      out.push({ words, by });
    }
  }
  return out.length ? out : null;
}

/**
 * A capitalised plural of members ("Sisters", "Brothers", "Friends", "Knights") names a body, whose name goes on after "of"
 * or "of the" ("Missionary Sisters of the Love of Christ"); not a people ("Americans") nor a place ("Philippines").
 */
function isBodyOfMembers(word: string): boolean {
  return /^\p{Lu}\p{Ll}{3,}[^s'’u]s$/u.test(word) && !isDemonym(word) && !isPlace(placeKey(word)) && !isPlace(placeKey(word.slice(0, -1)));
}

/** The acronyms a text writes ("SPCA", "CPJ"). */
function textAcronyms(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])/gu)].map((m) => m[0]));
}

/**
 * Do the capitalised words of `span`, "to" and the run of capitalised words from token `from` end in the letters of an
 * acronym the text writes, with a letter from after "to" ("Scottish Society for Prevention of Cruelty to Animals": SPCA)?
 */
function spelledAcronym(text: string, ts: readonly Tok[], span: readonly Tok[], from: number, acronyms: Set<string>): boolean {
  if (!acronyms.size) return false;
  let j = from;
  while (j < ts.length && j < from + 4 && isUpperStart(ts[j]!.text) && spacesOnly(text, ts[j - 1]!.end, ts[j]!.start)) j++;
  if (j === from) return false;
  const initials = [...span, ...ts.slice(from, j)].filter((t) => isUpperStart(t.text)).map((t) => t.text[0]).join('');
  for (let k = 0; k + 3 <= initials.length; k++) if (acronyms.has(initials.slice(k))) return true;
  return false;
}

/** A year before an acronym that opens a longer name is the year of that name's event ("the 2011 PGA Championship"), not a model's ("2014 RC"). */
function startsName(text: string, ts: readonly Tok[], k: number): boolean {
  const after = ts[k];
  return !!after && isUpperStart(after.text) && spacesOnly(text, ts[k - 1]!.end, after.start);
}

/** Institutions that French, Spanish and Italian write with one capital ("Conseil constitutionnel", "Partido popular"). */
const FOREIGN_INSTITUTIONS = new Set('conseil front parti assemblee cour tribunal ministere banque mouvement comite partido tribunal congreso ministerio consejo corte partito consiglio camera'.split(' '));

/** Their function words and commonest verbs, which follow such a word without naming it ("le Conseil est …", "el Partido que …"). */
const FOREIGN_SMALL = new Set('les des une est qui que sur par pour dans avec sont ont aux ses son leur mais elle lui été fait peut doit los las por para con una del fue son han che per non sono gli nel della'.split(' '));

/** The words between two names that make one name of them ("Kramer vs. Kramer", "Batman v Superman"). */
const VERSUS = new Set(['v', 'vs', 'versus']);

/** Does the run of two capitalised words or more from token `from` end in an institution's or a law's word ("… Drug Administration", "… Welfare Act")? */
function endsInInstitution(text: string, ts: readonly Tok[], from: number): boolean {
  let j = from;
  while (j < ts.length && isUpperStart(ts[j]!.text) && (j === from || spacesOnly(text, ts[j - 1]!.end, ts[j]!.start))) j++;
  // (a law's or an institution's word after a place in brackets ends it too: "Animal Health and Welfare (Scotland) Act")
  const bracketed = j > from && /^ \(\p{Lu}[\p{L} ]*\) (\p{Lu}\p{Ll}+)/u.exec(text.slice(ts[j - 1]!.end, ts[j - 1]!.end + 40));
  if (bracketed && spacesOnly(text, ts[from - 1]!.end, ts[from]!.start) && (ORG_CUES.has(foldToken(bracketed[1]!)) || foldToken(bracketed[1]!) === 'act')) return true;
  // (two words at least: "People and News" are two names)
  if (j - from < 2 || !spacesOnly(text, ts[from - 1]!.end, ts[from]!.start)) return false;
  const last = foldToken(ts[j - 1]!.text);
  return ORG_CUES.has(last) || last === 'act';
}

/**
 * Sentences a page's markup ran together ("…had died.Airstrike in Somalia by U.S. Forces"): a full
 * stop between a lower-case letter and a capitalised word ends a sentence there too ("U.S.", "Mr.X" stay whole).
 */
function splitRunTogether(s: { text: string; start: number }): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of s.text.matchAll(/\p{Ll}{2}[.!?](?=\p{Lu}\p{Ll})/gu)) {
    const end = m.index! + m[0].length;
    out.push({ text: s.text.slice(from, end), start: s.start + from });
    from = end;
  }
  if (!from) return [s];
  out.push({ text: s.text.slice(from), start: s.start + from });
  return out;
}

/**
 * Does `name` stand in `text` only inside Title Case or shouted lines (headlines, related links)?
 * Capitals say nothing about names there, so a tagger's name found only there is no evidence
 * ("Persuaded Them To Hire Their First Chef").
 */
export function onlyInHeadlines(text: string): (name: string) => boolean {
  let lines: { start: number; end: number }[] | null = null;
  return (name) => {
    lines ??= headlineLines(text);
    if (!lines.length || !name) return false;
    let seen = false;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!lines.some((l) => at >= l.start && at < l.end)) return false;
      seen = true;
    }
    return seen;
  };
}

/** The Title Case or shouted lines (headlines, related links) of `text`, as offsets. */
export function headlineLines(text: string): { start: number; end: number }[] {
  return splitSentencesWithOffsets(text)
    .flatMap(splitRunTogether)
    .filter((s) => {
      const ts = [...s.text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: 0, end: 0 }));
      const caps = ts.filter((t) => /\p{L}/u.test(t.text)).every((t) => !/\p{Ll}/u.test(t.text));
      return (caps && ts.length > 3) || (titleCase(ts) && !namesSentence(s.text, ts));
    })
    .map((s) => ({ start: s.start, end: s.start + s.text.length }));
}

const OPENERS = new Set('"“‘\'(:[]—–|•');
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\u00a0' || c === '\r';

/** Does a clause open at `at` (after a quote, colon, bracket or dash)? Its first word is then like a sentence's. */
function opensClause(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && at - j <= 3 && isSpace(text[j]!)) j--;
  if (j < 0) return true;
  if (at - j > 3) return true; // only spaces before: a line's start
  if (!OPENERS.has(text[j]!)) return false;
  // an apostrophe after a letter ends a word ("Jones' car"), it opens nothing
  return !((text[j] === "'" || text[j] === '’') && j > 0 && /\p{L}/u.test(text[j - 1]!));
}

const TITLE_SMALL = new Set(['of', 'the', 'a', 'an', 'in', 'on', 'and', 'to', 'with', 'for', 'at', 'from', 'by', 'v', 'vs']);

/**
 * Where a Title Case title that starts at `at` ends, or -1: a quoted one ("“Super Mario Run”", "‘The
 * Social Network’") or one after "called", "titled", "entitled" or "dubbed" (a documentary called
 * Improving the Lives of the People, …), ending at its closing quote or at punctuation.
 */
function quotedTitle(text: string, at: number): number {
  const open = text[at - 1];
  let end: number;
  if (open === '"' || open === '“' || open === '‘' || open === "'") end = text.slice(at, at + 80).search(/["”’']/);
  else if (CALLED.test(text.slice(Math.max(0, at - 12), at))) {
    end = text.slice(at, at + 80).search(/[,.;:!?()\n"“”]/);
    if (end < 0) end = Math.min(80, text.length - at);
  } else return -1;
  if (end < 0) return -1;
  const words = text.slice(at, at + end).replace(/[,.:!?]+$/, '').trim().split(/\s+/);
  return words.length >= 2 && words.length <= 8 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL.has(w)) && /^[\p{Lu}\d]/u.test(words[words.length - 1]!) ? at + end : -1;
}
/** What introduces a nickname ("also known as", "nicknamed", "aka"). */
const NICKNAMED = /\b(?:known as|nicknamed|aka|a\.k\.a\.)\s+["“]?$/;
const CALLED = /\b(?:called|titled|entitled|dubbed)\s+$/;

/** Speech and reporting verbs whose subject, opening a sentence without an article, is a name ("Apple said", "Shell and BP said", "Business Insider reached out"). */
const SPEAKS = /^(?:said|says|told|added|declined|announced|reported|confirmed|denied|admitted|warned|insisted|reached|asked|wrote|noted|revealed|claimed|contacted|obtained)$/;
/** Words that open a sentence before a speech verb without being names: a group, a kind of person ("Police said", "Mother said"). */
const COLLECTIVE = new Set('police staff management security government family everyone everybody nobody someone somebody mother mum mom witness doctor'.split(' '));

/**
 * A sentence that opens with one singular everyday word before a speech verb ("Apple said", "Amazon
 * declined", "Shell and BP said") opens with a name: an everyday noun would take an article ("The
 * company said"). Not a plural ("Officials said"), a group or a kind of person ("Police said",
 * "Mother said"). The word counts as capitalised inside a sentence (`mid`) from then on.
 */
function speaks(text: string, ts: readonly Tok[], i: number, mid: Set<string>): boolean {
  const t = ts[i]!.text;
  const f = foldToken(t);
  if (!/^\p{Lu}\p{Ll}+$/u.test(t) || /[^s]s$/.test(f) || COLLECTIVE.has(f) || STOP_WORDS.has(f) || isPersonNoun(tokenKey(t))) return false;
  let j = i + 1;
  if (ts[j]?.text === 'and' && isUpperStart(ts[j + 1]?.text ?? '')) j += 2;
  // (or one or two capitalised words more: a name of everyday words, "Business Insider reached out", "Daily Mail reported")
  else while (j < i + 3 && /^\p{Lu}[\p{L}]+$/u.test(ts[j]?.text ?? '') && !STOP_WORDS.has(foldToken(ts[j]!.text)) && !isTitleWord(foldToken(ts[j]!.text)) && !COLLECTIVE.has(foldToken(ts[j]!.text)) && !/[^s]s$/.test(foldToken(ts[j]!.text)) && spacesOnly(text, ts[j - 1]!.end, ts[j]!.start)) j++;
  const verb = ts[j];
  if (!verb || !SPEAKS.test(verb.text) || !spacesOnly(text, ts[j - 1]!.end, verb.start) || (j > i + 1 && !spacesOnly(text, ts[i]!.end, ts[i + 1]!.start))) return false;
  mid.add(f);
  return true;
}

/** An everyday word capitalised before the word it makes an English compound with (ending at `end`) is the compound's ("the Web site", "Apple pie"). */
function compoundWord(text: string, end: number, word: string): boolean {
  if (!common(word)) return false;
  NEXT_WORD.lastIndex = end;
  const next = NEXT_WORD.exec(text);
  return !!next && isCompoundNoun(`${foldToken(word)} ${next[1]}`);
}
const NEXT_WORD = / ([a-z]{3,})\b/y;

/** Does `text` write the everyday word `word`, capitalised, only as the first word of English compounds ("the Web site")? */
export function onlyInCompounds(text: string, word: string): boolean {
  let seen = false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[at + word.length] ?? ' ')) continue;
    if (!compoundWord(text, at + word.length, word)) return false;
    seen = true;
  }
  return seen;
}

/** A kind of institution written before its name ("the rights group CAGE", "the band KISS"): that name is no shouted word. */
const INSTITUTION_KIND = /\b(?:group|charity|organi[sz]ation|campaign|band|firm|company|agency|network|website|site|magazine|newspaper|app|brand|label|union|party|movement|coalition|outlet|channel|start-?up|programme|program|project|initiative|committee|watchdog|institute|association|society|lobby)\s+$/;

/** Interjections ("Ahh", "Hmm", "Ugh", "Oops"): never names, though a sentence opens with one. */
const INTERJECTION = /^(?:a+h+|o+h+|u+h+|e+h+|h+m+|m{2,}|s+h{2,}|u+g+h+|a+w{2,}|w+o+w+|y+a+y+|o+o+p+s+|h+u+h+|b+a+h+)$/i;

/** A word and the next that name a known place together ("Los Angeles", "Las Vegas"): the first is the place's, though a sentence opens with it. */
const knownPlacePair = (word: string, next: string) => isUpperStart(next) && isPlace(placeKey(`${word} ${next}`));

/** Only spaces between `from` and `to` (and at least one). */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let j = from; j < to; j++) if (!isSpace(text[j]!)) return false;
  return true;
}

function emit(span: Tok[], text: string, mid: Set<string>, lower: Set<string>, tagged: Map<string, TermKind>, firstNames: Set<string>, personCue: PersonCue, out: NameSpan[]): void {
  // an acronym before a person's name the tagger found is the person's party or employer ("l'UMP Laure de la Raudière")
  if (span.length > 2 && isAcronymToken(span[0]!.text) && tagged.get(text.slice(span[1]!.start, span[span.length - 1]!.end).replace(/['’]s?$/, '')) === 'person') {
    emit(span.slice(0, 1), text, mid, lower, tagged, firstNames, null, out);
    emit(span.slice(1), text, mid, lower, tagged, firstNames, personCue, out);
    return;
  }
  let words = span.map((t) => t.text);
  words[words.length - 1] = words[words.length - 1]!.replace(/['’]s?$/, '');
  words[words.length - 1] = trimSuffix(words[words.length - 1]!);
  // "The Hollywood Reporter" is known as "Hollywood Reporter"; "The Fighter" only with its article
  const bare = words.length === 2 && /^the$/i.test(words[0]!) && common(words[1]!);
  while (words.length > 1 && /^the$/i.test(words[0]!) && !bare) words = words.slice(1);
  if (!words.length || !words[0]) return;
  const name = text.slice(span[0]!.start, span[span.length - 1]!.end).replace(/['’]s?$/, '').replace(/\s+/g, ' ');
  const label = rebuild(words, name);
  if (words.length === 1) {
    const w = words[0]!;
    const f = foldToken(w);
    if (w.length < 2 || STOP_WORDS.has(f) || (PERSON_TITLES.has(f) && !TITLE_HALVES.has(f)) || DIRECTIONS.has(f) || INTERJECTION.test(w)) return;
    if (compoundWord(text, span[0]!.end, w)) return;
    if (isAcronymToken(w)) {
      // (an everyday word in capitals is shouted, not a name, unless a kind of institution names it: "the rights group CAGE")
      if (NOT_ACRONYMS.has(f) || (wordKind(f) === 'common' && !span[0]!.elided && !INSTITUTION_KIND.test(text.slice(Math.max(0, span[0]!.start - 16), span[0]!.start)))) return;
    } else if (common(w) && !isInnerCapital(w)) {
      // a common word is a name only where the text never writes it in lower case
      if (!mid.has(f) || lower.has(w.toLowerCase())) return;
    } else if (!mid.has(f) && lower.has(w.toLowerCase()) && !isInnerCapital(w)) return; // a rarer word capitalised only where a sentence opens, written in lower case elsewhere ("Counterterrorism")
    if (isDemonymWord(w)) return;
    // a people ("Kenyans", "Iraqis") is named for its place
    if (isDemonym(w)) {
      out.push({ name: label, kind: 'place' });
      return;
    }
    if (/(?:ern)$/.test(w) && kindOfWord(w) !== null) return;
  } else if (words.every((w) => STOP_WORDS.has(foldToken(w)) || CONNECTORS.has(w) || NOT_ACRONYMS.has(foldToken(w)) || /^\d+$/.test(w)) || isTimeZone(label)) return;
  if (isCalendarDate(label)) return;
  // a website is called by its name, not its address ("Snopes.com", "Hip Hop Wired.com")
  const site = label.replace(WEB_DOMAIN, '');
  // (one everyday word keeps its address: "Golf.com" is a site, "Golf" a sport)
  if (site !== label && /^\p{Lu}/u.test(site) && !(words.length === 1 && common(site))) {
    words[words.length - 1] = words[words.length - 1]!.replace(WEB_DOMAIN, '');
    out.push({ name: site, kind: kindOf(site, words, tagged, firstNames, personCue) });
    return;
  }
  out.push({ name: label, kind: kindOf(label, words, tagged, firstNames, personCue) });
}

/** The span's text with its leading "The" and trailing possessive or "-based" gone. */
function rebuild(words: string[], raw: string): string {
  let s = raw;
  if (/^the\s/i.test(s) && !/^the$/i.test(words[0]!)) s = s.replace(/^the\s+/i, '');
  const last = words[words.length - 1]!;
  // (where the last word starts: a whole word, not the same letters inside it, "al" of "al-Maliki" in "Maliki")
  const head = last.split('-')[0]!;
  let at = s.lastIndexOf(head);
  while (at > 0 && /[\p{L}\p{N}]/u.test(s[at - 1]!)) at = s.lastIndexOf(head, at - 1);
  if (at >= 0) s = s.slice(0, at) + last;
  return s.trim();
}

/**
 * The names of a page's short lines (captions, credits, sub-headings, related links), read by
 * capitals alone: such lines capitalise everyday words ("Read more: Movie Stars to Agents"), so a
 * span is a name there only when each of its words is no everyday word, a given name (`firstNames`),
 * a connector, or an institution's or place's last word ("Credit Harry Campbell", "Food Standards Agency").
 */
export function lineNames(lines: readonly string[], firstNames: Set<string>): NameSpan[] {
  // (a line of names alone looks like Title Case: "Agence France Presse, Reuters"; the filter below reads such lines)
  return capitalisedNames(lines.join('\n'), new Map(), firstNames, false, true).filter(({ name }) => {
    const words = name.split(/\s+/);
    return words.every((w, k) => {
      const f = foldToken(w);
      // (a known place is no everyday word: "Agence France Presse", though "France" stems like "franc")
      if (!common(w) || isAcronymToken(w) || firstNames.has(f) || CONNECTORS.has(w) || isPlace(placeKey(w))) return true;
      // an institution's word ends the name, in another language's spelling too ("Presse")
      return k > 0 && k === words.length - 1 && (ORG_CUES.has(f) || PLACE_CUES.has(f) || ORG_CUES.has(tokenKey(w)));
    });
  });
}
