/**
 * Term dictionary: people, places, organisations and key phrases, extracted per report (compromise's
 * tagger, bounded per report) and derived from document-frequency counts, so one report's terms can
 * be added or removed without re-reading the others. Aliases come from rules (surnames,
 * transliterations, inflections, titles stripped) plus abbreviations no tagger can infer.
 */
import nlp from './fast-nlp';
import { capitalisedNames, ELISION, headlineLines, RUN_ON_NUMBER, isCalendarDate, isDemonym, isTimeZone, isTitleWord, lineNames, OFFICE_TITLES, OFFICE_WORDS, onlyInCompounds, onlyInHeadlines, TITLE_HALVES } from './extract/names';
import { isCompoundNoun, isDistinctive, isEverydayWord, isQualityPhrase, isRolePhrase, stemRank, TOPIC_RANK } from './extract/topics';
import { nounPhrases } from './noun-phrases';
import { demonymPlace, isPlace, placeKey } from '../evidence/places';
import { languageOf } from '../language';
import { PERSON_TITLES } from '../match/names';
import { tokenKey } from '../match/tokens';
import { wordKind } from '../match/words';
import { escapeRegExp, fold, MONTHS, normalizeQuotes, STOP_WORDS, tokenize } from '../text';

export type TermKind = 'person' | 'place' | 'organization' | 'topic';

export interface Term {
  id: string;
  label: string;
  kind: TermKind;
  aliases: string[];
}

/** Abbreviations and exonyms a tagger cannot infer. Keys are canonical labels. */
export const KNOWN_EQUIVALENTS: Record<string, { kind: TermKind; aliases: string[] }> = {
  'United States': { kind: 'place', aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America'] },
  'United Kingdom': { kind: 'place', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  'European Union': { kind: 'organization', aliases: ['EU', 'E.U.'] },
  NATO: { kind: 'organization', aliases: ['North Atlantic Treaty Organization', 'Nato'] },
  Kyiv: { kind: 'place', aliases: ['Kiev'] },
  'White House': { kind: 'organization', aliases: [] },
  'United Nations': { kind: 'organization', aliases: ['UN', 'U.N.'] },
};

const TITLE_WORDS = new Set(
  ('president former vice prime minister secretary state mr mrs ms dr sen senator rep gov governor gen general special envoy chief ' +
    'ukrainian u.s. us american russian french german british foreign defence defense of the king queen pope chancellor ambassador')
    .split(' '),
);
/** (days and months: isCalendarDate) */
const NOT_NAMES = new Set('president the a an it he she they this that'.split(' '));
const GENERIC_MODIFIERS = new Set(
  ('future potential several other recent many some new key senior significant major critical further such any all both ' +
    'coming high-level first last next previous possible certain various own same different whole').split(' '),
);
/** Size and degree adjectives, with their comparatives and superlatives: "a large blast", "the tallest building", "a marked increase" name no topic. */
const DEGREE_MODIFIERS = new Set(
  ('large larger largest small smaller smallest big bigger biggest huge tiny vast massive enormous tall taller tallest ' +
    'marked substantial considerable slight dramatic').split(' '),
);
const DEMONYM = /^[A-Z][a-z]+(?:an|ian|ean|ese|ish|ch)$/;
/** Adjectives of a faith, which qualify a kind of thing as a demonym does ("Muslim scholars", "Sunni militias"). */
const FAITHS = new Set('Muslim Islamic Catholic Protestant Orthodox Hindu Sikh Buddhist Sunni Shia Shiite Mormon Evangelical Anglican Jewish Christian'.split(' '));
/** Irregular past tenses the tagger may read as nouns after a noun ("the unemployment rate rose", "police brutality drew protests"). */
const PAST_TENSES = new Set(
  ('rose fell drew grew threw knew took began won came went gave told said found kept held led met sent spent stood struck fought sought ' +
    'brought bought thought caught taught wrote spoke broke chose froze stole drove flew blew shook forgot became ran sank swam')
    .split(' '),
);
/** Words the tagger leaves at a noun phrase's end that are no noun ("complications due to", "sold the animal online", "fed the seals daily"). */
const NOT_HEADS = new Set('due online offline overseas abroad ahead nearby alone together apart away instead elsewhere ago afterwards overnight daily weekly monthly nightly hourly'.split(' '));
const GENERIC_HEADS = new Set(('time way level part need aim effort efforts end moment thing things people stake stakes').split(' '));

/** A title alone ("Captain", "Inspector"); a title's first half alone is a name ("Prime" of "Prime membership"). */
const bareTitle = (name: string) => isTitleWord(name.toLowerCase().replace(/\.$/, '')) && !TITLE_HALVES.has(name.toLowerCase());

/** Strip quotes, punctuation, possessives and honorifics around a tagged name. */
export function cleanName(raw: string): string {
  let s = normalizeQuotes(raw)
    // a gap of spaces inside a tagged name is a layout's (a caption run into its text: "Dylan Thomas   Sore:")
    .split(/ {2,}|\t|\n/)[0]!
    // a bracket inside a tagged name ends it ("Photo/Evan Vucci) Photo")
    .replace(/^([^()[\]]*\p{L}[^()[\]]*)[)\]].*$/su, '$1')
    // a place's possessive before a name is the place's, not the name's ("Brazil's National Institute")
    .replace(/^(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)'s (?=\p{Lu})/u, (m, place: string) => (isPlace(placeKey(place)) ? '' : m))
    // … and so is any one word's possessive before a name of two capitalised words or more ("Manhattan's Stuyvesant High
    // School", "Apple's Tim Cook"; "Sam's Club" stays)
    .replace(/^\p{Lu}[\p{L}-]*'s (?=\p{Lu}[\p{L}-]* \p{Lu})/u, '')
    .replace(/["“”()[\]]/g, '')
    .replace(/[—–]/g, '')
    .replace(/'s\b/g, '')
    .replace(/'$/, '')
    .replace(/[,;:!?-]+$/, '')
    .replace(ELISION, '') // "l'UMP" → "UMP"
    .replace(RUN_ON_NUMBER, '') // "$500Apple" → "Apple"
    .replace(/([^A-Z])\.$/, '$1') // "Russia." -> "Russia"; "U.S." stays
    .replace(/,?\s+(?:Inc|Ltd|LLC|PLC|GmbH)\b.*$/, '') // a legal suffix ends a company's name: "Business Insider Inc Nintendo/Apple"
    .trim();
  // Keep only the leading run of capitalised words ("Kherson region" -> "Kherson"), up to a comma ("of Prime, Amazon's" -> "Prime").
  const words = s.split(/\s+/);
  const comma = words.findIndex((w) => w.endsWith(','));
  if (comma >= 0) words.splice(comma + 1);
  if (comma >= 0) words[comma] = words[comma]!.slice(0, -1);
  const kept: string[] = [];
  for (const w of words) {
    // (a particle joined to a surname is the name's: "Nuri al-Maliki"; `capitalisedNames` reads one that opens a name, "al-Qaeda")
    if (/^[A-Z\p{Lu}]/u.test(w) || (kept.length && (w === 'of' || SURNAME_PARTICLES.has(w) || CONNECTED_NAME.test(w)))) kept.push(w);
    else if (kept.length) break;
  }
  const title = (w: string) => TITLE_WORDS.has(w) || PERSON_TITLES.has(w);
  while (kept.length > 1 && title(kept[0]!.toLowerCase().replace(/\.$/, ''))) kept.shift();
  // the article that opens a sentence is no initial before a place ("A Texas plumber said" → Texas)
  if (kept.length > 1 && kept[0] === 'A' && isPlace(placeKey(kept.slice(1).join(' ')))) kept.shift();
  while (kept.length && (kept[kept.length - 1] === 'of' || SURNAME_PARTICLES.has(kept[kept.length - 1]!))) kept.pop();
  s = kept.join(' ');
  // a credit names the photographer after the agency ("AP Photo/Evan Vucci")
  const credit = s.split('/');
  if (credit.length > 1 && /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}.]*)+$/u.test(credit[credit.length - 1]!.trim())) s = credit[credit.length - 1]!.trim();
  s = shoutedPlace(s);
  // a shouted word ("KYIV", "OBAMA") is written as a name; an acronym ("AAIB", "NASA", "CNN") stays in capitals
  const kind = /^[A-Z]{3,}$/.test(s) && !KNOWN_EQUIVALENTS[s] ? wordKind(s.toLowerCase()) : undefined;
  if (kind !== undefined && (isPlace(placeKey(s)) || kind === 'common' || (kind === 'proper' && s.length > 4))) s = s.charAt(0) + s.slice(1).toLowerCase(); // KYIV -> Kyiv
  return s;
}

/**
 * Words before a name that say where its bearer comes from are no part of it: a birthplace ("Kuwaiti-born
 * Emwazi", "London-born Smith" → the person), and a people before a person's full name ("Britons Alan
 * Henning", "Australian Dylan Thomas" → Alan Henning, Dylan Thomas; not "American Airlines": no person).
 */
/** A word made of a place and a participle is an adjective, no name ("Kuwaiti-born", "London-based", "Saudi-led"). */
const PLACE_PARTICIPLE = /^\S+-(?:born|based|bred|led|backed|owned|made|run|funded|style|bound)$/i;
/** Peoples whose name is not shaped like a demonym ("Britons", "Kurds"). */
const PEOPLES = new Set('Briton Brit Kurd Scot Pole Swede Dane Finn Turk Arab Jew Serb Croat Thai Yemeni Saudi'.split(' '));
export function leadingQualifierCut(kind: TermKind, name: string): string {
  const born = /^\p{Lu}[\p{L}.]*-born\s+(?=\p{Lu})/u.exec(name);
  if (born) name = name.slice(born[0].length);
  const words = name.split(' ');
  if (kind === 'person' && words.length >= 3 && (isDemonym(words[0]!) || PEOPLES.has(words[0]!.replace(/s$/, ''))) && words.slice(1).every((w) => /^\p{Lu}/u.test(w))) name = words.slice(1).join(' ');
  return name;
}

/** A shouted place of a dateline ("NEW YORK (Reuters)", "SAN FRANCISCO —"), written as a name; any other name as it is. */
export function shoutedPlace(name: string): string {
  if (!/^[A-Z]+(?: [A-Z]+)+$/.test(name)) return name;
  const written = name.toLowerCase().replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  return isPlace(placeKey(written)) ? written : name;
}

/** Transliteration variants of Slavic surnames: Zelensky / Zelenskyy / Zelenskiy / Zelenskyi. */
export function transliterationVariants(name: string): string[] {
  const m = name.match(/^(.*sk)(yy|yi|iy|y|ii|i)$/i);
  if (!m) return [name];
  return [...new Set(['y', 'yy', 'iy', 'yi', 'i'].map((e) => m[1] + e))];
}

/** A key that is the same for all transliteration variants of a name. */
export function nameKey(name: string): string {
  return fold(name).replace(/sk(yy|yi|iy|y|ii|i)\b/g, 'sky');
}

/** A model or flight number written joined, spaced or hyphenated: "XR-7" → "XR 7", "XR7". */
export function numberVariants(name: string): string[] {
  const m = /^(.*?\p{L})[ -]?(\d[\p{L}\d]*)$/u.exec(name);
  if (!m || !/\p{Lu}/u.test(m[1]!.slice(-1)) || m[1]!.length > 40) return [];
  return [`${m[1]} ${m[2]}`, `${m[1]}${m[2]}`].filter((v) => v !== name);
}

function plural(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words[words.length - 1]!;
  const alts = new Set<string>([last]);
  if (last.endsWith('ies')) alts.add(last.slice(0, -3) + 'y');
  else if (last.endsWith('s') && !last.endsWith('ss')) alts.add(last.slice(0, -1));
  else if (last.endsWith('y')) alts.add(last.slice(0, -1) + 'ies');
  else if (/(?:sh|ch|x|z)$/.test(last)) alts.add(last + 'es');
  else alts.add(last + 's');
  return [...alts].map((l) => [...words.slice(0, -1), l].join(' '));
}

export function slug(label: string): string {
  return fold(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}


/** Bounds: the text compromise tags per report (≈2,000 words), and what one report may contribute. */
export const TERM_LIMITS = {
  extractChars: 12_000,
  entitiesPerReport: 60,
  phrasesPerReport: 80,
  /** the page-marked dictionary, ranked by how many reports name a term */
  dictionary: 3_000,
  minTopicReports: 2,
} as const;

/** One entity or key phrase of one report: its key (kind-prefixed) and the surface forms seen, with counts. */
export interface KeyForms {
  key: string;
  kind: TermKind;
  forms: [form: string, count: number][];
}

/** What one report contributes to the dictionary; stored per report so it can be taken out again. */
export interface ReportTerms {
  entities: KeyForms[];
  phrases: KeyForms[];
}

const PREPOSITION_NAME = '(in|from|to|of|near|across|into|at|over|inside|outside|through) (the|his|her|its|their)? [#ProperNoun+]';
const NOT_A_NAME_TAG = '(#Person|#Place|#Organization|#Date|#Demonym|#Month|#WeekDay|#Adjective)';

function entityKey(kind: TermKind, name: string): { key: string; kind: TermKind } {
  const equivalent = Object.entries(KNOWN_EQUIVALENTS).find(([k, v]) => k === name || v.aliases.includes(name));
  if (equivalent) return { key: 'eq:' + equivalent[0], kind: equivalent[1].kind };
  if (kind === 'person') return { key: 'p:' + nameKey(name.split(' ').pop()!), kind };
  return { key: kind + ':' + fold(name).replace(/([a-z])[ -](?=\d)/g, '$1'), kind };
}

const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Keep a report's `max` most frequent keys (ties by key, so the choice is stable). */
function topKeys(map: Map<string, { kind: TermKind; forms: Map<string, number> }>, max: number): KeyForms[] {
  const total = (forms: Map<string, number>) => [...forms.values()].reduce((a, b) => a + b, 0);
  return [...map]
    .map(([key, e]) => ({ key, kind: e.kind, forms: [...e.forms].sort(byCount), n: total(e.forms) }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1))
    .slice(0, max)
    .map(({ key, kind, forms }) => ({ key, kind, forms }));
}

/** Text is tagged in pieces of about this many characters, paragraph by paragraph. */
const STEP_CHARS = 2_500;

function pieces(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const para of text.split(/\n+/)) {
    if (cur && cur.length + para.length > STEP_CHARS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n${para}` : para;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A name the tagger took for a person that starts with a month after a preposition of time ("In
 * June Islamic State militants …", "since May Theresa …") is the month and the name after it.
 */
function afterDatePreposition(text: string, name: string): boolean {
  const [first] = name.split(/\s+/);
  if (!first || !MONTHS.includes(fold(first))) return false;
  const at = new RegExp(`\\b(?:in|on|since|by|until|till|from|through|during|of|last|next|early|late|mid|mid-)\\s+${escapeRegExp(name)}`, 'i');
  return at.test(text);
}

/**
 * The entities and candidate key phrases of one report (title and body), one step per piece of
 * text so a caller can yield between steps. Only the first TERM_LIMITS.extractChars characters
 * are tagged, so a 1 MB report costs what a long article costs.
 */
export function* reportTermSteps(text: string, lines: readonly string[] = []): Generator<void, ReportTerms> {
  const clipped = nicknameAfter(normalizeQuotes(text.length > TERM_LIMITS.extractChars ? text.slice(0, text.lastIndexOf(' ', TERM_LIMITS.extractChars) + 1 || TERM_LIMITS.extractChars) : text));
  const entities = new Map<string, { kind: TermKind; forms: Map<string, number> }>();
  const add = (kind: TermKind, raw: string) => {
    let name = leadingQualifierCut(kind, cleanName(raw));
    // the word of an office before its title is the title's ("Pentagon Press Secretary" → Pentagon)
    const office = / (\p{Lu}\p{Ll}+)$/u.exec(name);
    if (office && OFFICE_WORDS.has(office[1]!.toLowerCase()) && PERSON_TITLES.has(clipped.slice(clipped.indexOf(name) + name.length).match(/^\s+(\p{L}+)/u)?.[1]?.toLowerCase() ?? ''))
      name = name.slice(0, office.index);
    // … and so are the office and its title that end a tagged name ("Brooklyn District Attorney" → Brooklyn)
    const titled = / (\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)$/u.exec(name);
    if (titled && OFFICE_WORDS.has(titled[1]!.toLowerCase()) && (PERSON_TITLES.has(titled[2]!.toLowerCase()) || OFFICE_TITLES.has(titled[2]!.toLowerCase())))
      name = name.slice(0, titled.index);
    // (a bare title is no name: the tagger reads "Captain" of "Captain Solberg" as a person)
    if (name.length < 2 || NOT_NAMES.has(name.toLowerCase()) || TITLE_WORDS.has(name.toLowerCase()) || bareTitle(name) || isCalendarDate(name) || PLACE_PARTICIPLE.test(name)) return;
    // demonyms, "Western" (not an institution's word that ends like one: "the Guardian")
    if (kind !== 'person' && /(?:ian|ean|ese|ish|ern)$/.test(name) && !name.includes(' ') && (isDemonym(name) || name.endsWith('ern'))) return;
    // a people ("Somalis", "Americans"), or its demonym where the tagger took it for a name, is named for its place
    if (kind !== 'person' && !name.includes(' ') && isDemonym(name)) kind = 'place';
    if (addressPart(clipped, name)) return;
    if (name.split(' ').some((w) => w.length > 1 && STOP_WORDS.has(w.toLowerCase()) && !/^(of|de)$/.test(w))) return;
    // a single common English word the report also writes in lower case is no name ("Rest", "Web")
    if (!name.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(name) && wordKind(tokenKey(name)) === 'common' && (new RegExp(`\\b${name.toLowerCase()}\\b`).test(clipped) || onlyInCompounds(clipped, name))) return;
    if (isTimeZone(name)) return;
    // the letters of a flight's or a model's code ("QK" of "QK 482", "QK-482") are no name of their own
    if (/^\p{Lu}{1,3}$/u.test(name) && onlyBeforeNumber(clipped, name)) return;
    const { key, kind: k } = entityKey(kind, name);
    const e = entities.get(key) ?? { kind: k, forms: new Map() };
    e.forms.set(name, (e.forms.get(name) ?? 0) + 1);
    entities.set(key, e);
  };
  /** a capitalised span, already whole and clean ("Surface Pro 3", "iPhone", "al-Shabab") */
  const addName = (kind: TermKind, span: string): void => {
    const name = leadingQualifierCut(kind, shoutedPlace(span));
    // an institution named for a place, then a person's name run into it ("told Voice of America Danladi Ahmadu"): two names
    const runOn = /^(\p{Lu}.* of (?:the )?(\p{Lu}\p{Ll}+)) (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)$/u.exec(name);
    if (runOn && isPlace(placeKey(runOn[2]!)) && !isPlace(placeKey(runOn[3]!)) && runOn[3]!.split(' ').every((w) => wordKind(tokenKey(w)) !== 'common')) {
      addName(kind, runOn[1]!);
      addName('person', runOn[3]!);
      return;
    }
    // (a title's first half alone is a name there: "Prime" of "Prime membership")
    if (name.length < 2 || NOT_NAMES.has(name.toLowerCase()) || (TITLE_WORDS.has(name.toLowerCase()) && !TITLE_HALVES.has(name.toLowerCase())) || bareTitle(name) || PLACE_PARTICIPLE.test(name)) return;
    if (addressPart(clipped, name)) return;
    const { key, kind: k } = entityKey(kind, name);
    const e = entities.get(key) ?? { kind: k, forms: new Map() };
    e.forms.set(name, (e.forms.get(name) ?? 0) + 1);
    entities.set(key, e);
  };
  const phrases = new Map<string, { kind: TermKind; forms: Map<string, number> }>();
  /** Candidate key phrases of a noun phrase's words: the 2-3 word lower-case runs that end at one of `ends`. */
  const addPhrases = (words: string[], ends: Iterable<number>) => {
    const modifierOk = (w: string, k: number, len: number) => /^[a-z][a-z-]*[a-z]$/.test(w) || (k < len - 1 && (DEMONYM.test(w) || FAITHS.has(w)));
    for (const end of ends) for (let len = 2; len <= 3; len++) {
      const seq = words.slice(end - len, end);
      if (seq.length !== len || !seq.every((w, k) => modifierOk(w, k, len))) continue;
      if (seq.some((w) => STOP_WORDS.has(w) || GENERIC_MODIFIERS.has(w))) continue;
      // the particles of a name ("van der" of "Rafael van der Vaart") are no phrase
      if (seq.every((w) => SURNAME_PARTICLES.has(w))) continue;
      if (GENERIC_HEADS.has(seq[len - 1]!) || NOT_HEADS.has(seq[len - 1]!)) continue;
      // a plural before an -ing word is a subject and its verb ("users writing", "workers striking"), no kind of thing
      if (seq.some((w, k) => k > 0 && /^[a-z]{3,}[^su]s$/.test(seq[k - 1]!) && /^[a-z]{3,}ing$/.test(w))) continue;
      // a size or degree is no kind of thing ("large blast"), unless English names the pair ("small arms")
      if (DEGREE_MODIFIERS.has(seq[0]!) && !isCompoundNoun(seq.join(' '))) continue;
      // a participle or a verb's past is no head noun ("meteorite disintegrated", "injury unattended", "rate rose")
      if (/.{3,}ed$/.test(seq[len - 1]!) || PAST_TENSES.has(seq[len - 1]!)) continue;
      addPhrase(seq);
    }
  };
  function addPhrase(seq: string[]): void {
    const phrase = seq.join(' ');
    const key = seq.map((w) => tokenKey(w)).join(' ');
    const entry = phrases.get(key) ?? { kind: 'topic' as const, forms: new Map() };
    entry.forms.set(phrase, (entry.forms.get(phrase) ?? 0) + 1);
    phrases.set(key, entry);
  }
  /** the words the tagger read as given names, in any piece */
  const givenNames = new Set<string>();
  for (const piece of pieces(clipped)) {
    const doc = nlp(piece);
    const tagged = new Map<string, TermKind>();
    // Another language's text (a French page): people as tagged, other names from capitals alone, and no key phrases
    // (the tagger and the word lists are English: "Les", "loi sur")
    const english = isEnglishPiece(piece);
    const headlineOnly = onlyInHeadlines(piece);
    const typed = (kind: TermKind, raw: string) => {
      const name = cleanName(raw);
      tagged.set(name, kind);
      if ((english || kind === 'person') && !headlineOnly(name)) add(kind, raw);
    };
    for (const p of doc.people().out('array') as string[]) for (const part of p.split(/,\s*/)) if (!afterDatePreposition(piece, part)) typed('person', part);
    for (const p of doc.places().out('array') as string[]) for (const part of p.split(/,\s*|\s+and\s+/)) typed('place', part);
    for (const o of doc.organizations().out('array') as string[]) typed('organization', o);
    const firstNames = new Set<string>();
    for (const sentence of doc.docs) for (const term of sentence) if (term.tags?.has('FirstName')) firstNames.add(fold(term.text));
    for (const f of firstNames) givenNames.add(f);
    for (const n of capitalisedNames(piece, tagged, firstNames, !english)) addName(n.kind, n.name);
    if (!english) {
      yield;
      continue;
    }
    // Proper nouns the tagger does not classify, named after a preposition ("from Britain", "of the
    // Donbas", "at his Mar-a-Lago resort"), are places; not when part of a longer name ("Study of War").
    doc.match(PREPOSITION_NAME).forEach((m) => {
      const before = m.lookBehind('.').last();
      if (before.found && before.has('#ProperNoun')) return;
      m.match(PREPOSITION_NAME, 0)
        .not(NOT_A_NAME_TAG)
        .forEach((name) => {
          if (name.lookAhead('^(of|for|and) the? #ProperNoun').found) return;
          const surface = (name.out('text') as string).trim();
          if (/^\p{Lu}/u.test(surface)) add('place', surface);
        });
    });
    doc.match('#Hyphenated+').forEach((m) => {
      const surface = (m.out('text') as string).trim().replace(/\s+/g, '');
      // (not a word made of a place and a participle: "Kuwaiti-born", "London-based", "Saudi-led")
      if (m.has('#ProperNoun') && /^\p{Lu}[\p{L}]*(?:-[\p{L}]+)+$/u.test(cleanName(surface)) && !PLACE_PARTICIPLE.test(surface)) add('place', surface);
    });

    for (const np of nounPhrases(doc)) {
      const words = np
        .replace(/["“”]/g, '')
        .replace(/[.,;:!?—–]+/g, ' ')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      // a sentence's capital on an everyday word is no name's ("Climate change is to blame"), unless the
      // text capitalises it inside sentences too ("Amazon users": Amazon is a name there)
      if (/^\p{Lu}\p{Ll}+$/u.test(words[0] ?? '') && /^\p{Ll}/u.test(words[1] ?? '') && wordKind(tokenKey(words[0]!)) === 'common' && opensSentence(piece, `${words[0]} ${words[1]}`) && !capitalisedInside(piece, words[0]!))
        words[0] = words[0]!.toLowerCase();
      // Candidate key phrases: 2-3 word lower-case runs ending at a head noun: the phrase's last
      // lower-case word, or one a preposition follows ("a brick-and-mortar store in New York City")
      const lowerWord = (w: string | undefined) => !!w && /^[a-z][a-z-]+$/.test(w) && !STOP_WORDS.has(w);
      let last = words.length;
      while (last > 0 && !/^[a-z][a-z-]+$/.test(words[last - 1]!)) last--;
      const ends = new Set([last]);
      // (a word the tagger left after the head is no head, the word before it is: "kidney complications due to cancer")
      if (last > 1 && NOT_HEADS.has(words[last - 1]!)) ends.add(last - 1);
      for (let e = 1; e < last; e++) if (lowerWord(words[e - 1]) && STOP_WORDS.has(words[e]!)) ends.add(e);
      addPhrases(words, ends);
      // a compound written as one hyphenated word of three parts or more names a thing itself ("stop-and-frisk")
      for (const w of words) if (/^[a-z]+(?:-[a-z]+){2,}$/.test(w) || spacedToo(clipped, w)) addPhrase([w]);
    }
    // "a highly toxic industrial chemical.": a determiner's run of adjectives with no noun after it ends in its head
    // noun, which the tagger took for an adjective
    for (const sentence of doc.docs) {
      for (let i = 0; i < sentence.length; i++) {
        if (!sentence[i]!.tags?.has('Determiner')) continue;
        let j = i + 1;
        while (j < sentence.length && sentence[j]!.tags?.has('Adverb')) j++;
        let k = j;
        while (k < sentence.length && sentence[k]!.tags?.has('Adjective') && !sentence[k]!.tags?.has('Noun') && (k === j || !/[^\s]/.test(sentence[k - 1]!.post ?? ''))) k++;
        const next = sentence[k];
        if (k - j < 2 || (next && !/[^\s]/.test(sentence[k - 1]!.post ?? '') && (next.tags?.has('Noun') || next.tags?.has('Adjective')))) continue;
        const words = sentence.slice(j, k).map((t) => t.text.replace(/[.,;:!?"“”]+$/, ''));
        addPhrases(words, [words.length]);
        i = k - 1;
      }
    }
    // "charged with attempted murder", "denied attempted murder": a past participle the tagger read as a verb,
    // after a preposition or another verb, with a noun after it, qualifies that noun
    for (const sentence of doc.docs) {
      for (let i = 1; i + 1 < sentence.length; i++) {
        const [before, word, noun, after] = [sentence[i - 1]!, sentence[i]!, sentence[i + 1]!, sentence[i + 2]];
        if (!word.tags?.has('PastTense') || !/^[a-z]{3,}ed$/.test(word.text) || /[^\s]/.test(before.post ?? '') || /[^\s]/.test(word.post ?? '')) continue;
        if (!(before.tags?.has('Preposition') || (before.tags?.has('Verb') && !before.tags?.has('Auxiliary') && !before.tags?.has('Copula')))) continue;
        if (!noun.tags?.has('Noun') || noun.tags?.has('Pronoun') || noun.tags?.has('ProperNoun') || !/^[a-z]+$/.test(noun.text)) continue;
        if (after && !/[^\s]/.test(noun.post ?? '') && after.tags?.has('Noun') && !after.tags?.has('Pronoun')) continue;
        addPhrases([word.text, noun.text], [2]);
      }
    }
    yield;
  }

  // Short lines (captions, credits, sub-headings) give names only, read by capitals, not tagged:
  // a tagger takes a heading's capitals for names ("Movie Stars")
  if (lines.length) {
    const text = lines.join('\n').slice(0, TERM_LIMITS.extractChars);
    const firstNames = new Set<string>();
    for (const sentence of nlp(text).docs) for (const term of sentence) if (term.tags?.has('FirstName')) firstNames.add(fold(term.text));
    for (const n of lineNames([text], firstNames)) addName(n.kind, n.name);
  }

  // A tagged place/organisation that is a person's first name here ("Secretary of State Marco Rubio"
  // tagged "Marco") joins that person.
  const surnames = [...entities].filter(([k]) => k.startsWith('p:')).map(([k, e]) => [k, [...e.forms.keys()].map((f) => f.split(' ').pop()!)] as const);
  for (const [key, e] of [...entities]) {
    if (e.kind === 'person' || key.startsWith('eq:') || e.forms.size !== 1) continue;
    const name = [...e.forms.keys()][0]!;
    if (name.includes(' ')) continue;
    for (const [pk, ss] of surnames) {
      // only a name never written without that surname ("Marco", not "Mozilla" of "Mozilla Reps")
      const s = ss.find((x) => clipped.includes(`${name} ${x}`) && occurrences(clipped, name) === occurrences(clipped, `${name} ${x}`));
      if (!s) continue;
      const person = entities.get(pk)!;
      person.forms.set(`${name} ${s}`, (person.forms.get(`${name} ${s}`) ?? 0) + 1);
      entities.delete(key);
      break;
    }
  }

  // An acronym a report spells out ("Aircraft Accident Investigation Bureau (AAIB)") is one term with it.
  for (const m of clipped.matchAll(EXPANSION)) {
    const short = m[2]!;
    // the expansion is the run of words whose capitals spell the acronym ("The Aircraft … Bureau")
    const words = m[1]!.split(/\s+/);
    const start = words.findIndex((_, k) => words.slice(k).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('') === short.replace(/[^\p{Lu}]/gu, ''));
    if (start < 0 || !/^\p{Lu}/u.test(words[start]!)) continue;
    const long = words.slice(start).join(' ');
    const entry = [...entities].find(([, e]) => e.forms.has(long));
    const kind = entry?.[1].kind ?? 'organization';
    addName(kind, long);
    const e = entities.get(entityKey(kind, long).key)!;
    e.forms.set(short, (e.forms.get(short) ?? 0) + 1);
    for (const [k, other] of entities) if (other !== e && other.forms.size === 1 && other.forms.has(short)) entities.delete(k);
  }

  // A capitalised span typed as a place or organisation that ends in a person's surname is that person.
  for (const [key, e] of [...entities]) {
    if (e.kind === 'person' || key.startsWith('eq:')) continue;
    const names = [...e.forms.keys()];
    if (!names.every((n) => /^[\p{Lu}][\p{L}'’.-]*(?: [\p{Lu}][\p{L}'’.-]*){1,3}$/u.test(n))) continue;
    const person = entities.get('p:' + nameKey(names[0]!.split(' ').pop()!));
    if (!person) continue;
    for (const [form, c] of e.forms) {
      const n = leadingQualifierCut('person', form);
      person.forms.set(n, (person.forms.get(n) ?? 0) + c);
    }
    entities.delete(key);
  }

  // A product's name is written with its kind in lower case after it ("Hellfire missiles", "the Fire phone"): the name
  // and its kind are one term, the name alone a fragment of it where it never stands without the kind (below)
  for (const m of clipped.matchAll(PRODUCT_TAIL)) {
    const [, word, noun] = m as unknown as [string, string, string];
    if (STOP_WORDS.has(word.toLowerCase()) || isCalendarDate(word) || isDemonym(word) || isPlace(placeKey(word)) || entities.has('p:' + nameKey(word))) continue;
    // (not the last word of a longer name: "Big Mac burger" is no "Mac burger"; a people's adjective may come before: "French Roquefort cheese")
    const before = /(\p{Lu}[\p{L}\p{N}'’.-]*) $/u.exec(clipped.slice(Math.max(0, m.index! - 40), m.index!));
    if (before && !isDemonym(before[1]!) && !demonymPlace(before[1]!) && !opensSentence(clipped, `${before[1]} ${word}`)) continue;
    // (nor a kind of thing English names with a people's adjective or a compound: "Swiss cheese", "Cheddar cheese")
    if (demonymPlace(word) || isCompoundNoun(`${word.toLowerCase()} ${noun}`)) continue;
    // (a sentence's first common word is a name only when the text also writes it inside a sentence)
    if (opensSentence(clipped, `${word} ${noun}`) && !capitalisedInside(clipped, word) && wordKind(tokenKey(word)) === 'common') continue;
    addName('organization', `${word} ${noun}`);
  }

  // A name the text never writes outside a longer name of the report is a fragment of it ("University College"
  // and "College London" of "University College London"), no name of its own
  const named = [...entities].filter(([k, e]) => !k.startsWith('p:') && !k.startsWith('eq:') && e.forms.size > 0);
  const longer = named.flatMap(([, e]) => [...e.forms.keys()]).filter((f) => f.includes(' '));
  for (const [key, e] of named) {
    const fragment = [...e.forms.keys()].every((f) => {
      const within = longer.filter((g) => g !== f && g.length > f.length && occurrences(g, f) > 0);
      return within.length > 0 && occurrences(clipped, f) <= within.reduce((n, g) => n + occurrences(clipped, g) * occurrences(g, f), 0);
    });
    if (fragment) entities.delete(key);
  }
  // A person's form that is another of their forms after a people's name ("Australian Dylan Thomas") or after the
  // everyday word of a title's office ("Retail Angela Ahrendts" of "Vice President of Retail Angela Ahrendts") is that form
  for (const [key, e] of entities) {
    if (!key.startsWith('p:')) continue;
    for (const [f, n] of [...e.forms]) {
      const [first, ...rest] = f.split(' ');
      const shorter = rest.join(' ');
      if (rest.length < 2 || !e.forms.has(shorter) || !(isDemonym(first!) || (wordKind(tokenKey(first!)) === 'common' && clipped.includes(`of ${f}`)))) continue;
      e.forms.set(shorter, e.forms.get(shorter)! + n);
      e.forms.delete(f);
    }
  }
  // … and so is a person's given name and surname after a capitalised word for the kind of person they are, a member
  // of a band, a team, a party ("Beatle John Lennon", "Yankee Derek Jeter", "Democrat Nancy Pelosi"): an English
  // word the tagger read as no given name, before one it did
  for (const [key, e] of entities) {
    if (!key.startsWith('p:')) continue;
    for (const [f, n] of [...e.forms]) {
      const [first, given, ...rest] = f.split(' ');
      if (!rest.length || !/^\p{Lu}\p{Ll}{2,}$/u.test(first!) || givenNames.has(fold(first!)) || !givenNames.has(fold(given!)) || !wordKind(tokenKey(first!)) || namePart(first!)) continue;
      // (not a place's name before a name ("Nottingham Trent University"), nor a name ending in an everyday word ("Super Mario Run"))
      if (isPlace(placeKey(first!)) || rest.some((w) => wordKind(tokenKey(w)) === 'common')) continue;
      const shorter = [given, ...rest].join(' ');
      e.forms.set(shorter, (e.forms.get(shorter) ?? 0) + n);
      e.forms.delete(f);
    }
  }
  // … and so is a person's name the tagger cut from a longer one ("George W" of "George W. Bush", "Kim Jong" of "Kim Jong-un")
  const people = [...entities].filter(([k]) => k.startsWith('p:'));
  const fullNames = people.flatMap(([, e]) => [...e.forms.keys()]).filter((f) => f.includes(' '));
  for (const [key, e] of people) {
    for (const f of [...e.forms.keys()]) {
      if (!f.includes(' ')) continue;
      const within = fullNames.filter((g) => g.length > f.length && g.startsWith(f) && occurrences(g, f) > 0);
      if (within.length && occurrences(clipped, f) <= within.reduce((n, g) => n + occurrences(clipped, g), 0)) e.forms.delete(f);
    }
    if (!e.forms.size) entities.delete(key);
  }

  // An English compound noun the tagger split ("Kindle vending machines": "vending" read as a verb) is a phrase too
  // (each pair of neighbouring words: the second is matched ahead, so it can open the next pair), also where it opens a
  // sentence, which the tagger reads as an order ("Interest rates rose", "Tax cuts passed")
  const pairs = [
    ...clipped.matchAll(/(?<![\p{L}-])([a-z]{3,})(?= ([a-z]{3,})(?![\p{L}-]))/gu),
    ...clipped.matchAll(/(?:^|[.!?]["'”’)]?[ \t]+|\n\s*)([A-Z][a-z]{2,}) ([a-z]{3,})(?![\p{L}-])/gu),
  ];
  for (const m of pairs) {
    const seq = [m[1]!.toLowerCase(), m[2]!];
    if (STOP_WORDS.has(seq[0]!) || STOP_WORDS.has(seq[1]!) || !isCompoundNoun(`${seq[0]} ${seq[1]}`)) continue;
    const key = seq.map((w) => tokenKey(w));
    // (of frequent words only, a compound says little: "local time", "first step")
    if (!phrases.has(key.join(' ')) && isDistinctive(key, TOPIC_RANK.shared)) addPhrase(seq);
  }

  // An English compound with "of" inside ("chief of staff", "state of emergency") is a phrase too
  for (const m of clipped.matchAll(/(?<![\p{L}-])([a-z]{3,}) of ([a-z]{3,})(?![\p{L}-])/gu)) {
    if (!STOP_WORDS.has(m[1]!) && !STOP_WORDS.has(m[2]!) && isCompoundNoun(m[0])) addPhrase([m[1]!, 'of', m[2]!]);
  }

  // A phrase the tagger read as a noun phrase once may stand twice in the text ("sell prescription inserts that
  // clip on", tagged as a verb there): its count is how often the text writes it
  // (as written, or capitalised in a headline: "Ukrainian President" before a name is no "Ukrainian president")
  const headlines = headlineLines(clipped);
  const lowerText = headlines.length ? clipped.toLowerCase() : clipped;
  for (const e of phrases.values()) {
    const [form, n] = [...e.forms].sort(byCount)[0]!;
    let written = occurrences(clipped, form);
    for (const h of headlines) written += occurrences(lowerText.slice(h.start, h.end), form.toLowerCase()) - occurrences(clipped.slice(h.start, h.end), form);
    if (written > [...e.forms.values()].reduce((a, b) => a + b, 0)) e.forms.set(form, n + written - [...e.forms.values()].reduce((a, b) => a + b, 0));
  }
  // A two-word phrase named once whose words the report keeps writing is its subject ("an asset sale like
  // this" in a report of sales and assets, "pygmy whales" among whales): it counts as named twice, so a
  // distinctive one is a topic. Not a modifier that is a name, a plural, a participle, a number or a place
  // word ("Nicaraguan impact", "whales beach", "related assets", "billion sale", "crater near").
  const wordCount = new Map<string, number>();
  for (const t of tokenize(clipped)) {
    const k = tokenKey(t);
    wordCount.set(k, (wordCount.get(k) ?? 0) + 1);
  }
  for (const [key, e] of phrases) {
    const stems = key.split(' ');
    if (stems.length !== 2 || e.forms.size !== 1) continue;
    const [form, n] = [...e.forms][0]!;
    const [modifier, head] = form.split(' ') as [string, string];
    if (n !== 1 || !/^[a-z]/.test(modifier) || /[^su]s$|ed$/.test(modifier) || /ing$/.test(head) || [modifier, head].some((w) => NOT_SUBJECT_WORDS.has(w))) continue;
    const counts = stems.map((w) => wordCount.get(w) ?? 0);
    // (an English compound with a word past the most frequent needs only one of its words to be the report's: "pilot
    // whales" among whales; not after a generic modifier: "first quarter")
    const compound = isCompoundNoun(form) && isDistinctive(stems, TOPIC_RANK.shared) && !GENERIC_MODIFIERS.has(modifier);
    // (nor does a kind of thing whose modifier is a rare word the report keeps writing: "halibut schooner" among halibut)
    const subjectKind = counts[0]! >= SUBJECT_WORD_COUNT && stemRank(stems[0]!) >= TOPIC_RANK.single;
    if (Math.max(...counts) >= SUBJECT_WORD_COUNT && (Math.min(...counts) >= 2 || compound || subjectKind)) e.forms.set(form, 2);
  }

  return { entities: topKeys(entities, TERM_LIMITS.entitiesPerReport), phrases: topKeys(phrases, TERM_LIMITS.phrasesPerReport) };
}


/**
 * A nickname quoted between a given name and a surname ('Henry "Big Bank Hank" Jackson') is read after
 * the full name ('Henry Jackson "Big Bank Hank"'), so the person is one name and the nickname another
 * (the same length: only what extraction reads changes).
 */
export function nicknameAfter(text: string): string {
  return text.replace(NICKNAME, (_, given: string, nick: string, surname: string) => `${given} ${surname} "${nick}"`);
}
const NICKNAME = /(?<![\p{L}-])(\p{Lu}\p{Ll}+) "(\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*){0,3})" (\p{Lu}[\p{Ll}'-]+)(?![\p{L}-])/gu;

/** Does the tagger's lexicon know a word as a person's name or a part of one ("Lee" of "Lee Harvey Oswald")? */
function namePart(word: string): boolean {
  const tag = (nlp.world() as { model: { one: { lexicon: Record<string, string | undefined> } } }).model.one.lexicon[word.toLowerCase()];
  return !!tag && /Person|Name/.test(tag);
}

/**
 * A word of two parts the report writes both hyphenated and spaced ("hip-hop" and "Hip Hop") is a compound that names a
 * thing; not a verb and its particle ("cover-up", "follow up"), nor a span ("long-term").
 */
function spacedToo(text: string, word: string): boolean {
  const m = /^([a-z]{2,})-([a-z]{2,})$/.exec(word);
  if (!m || PARTICLES.has(m[2]!) || SPAN_MODIFIERS.has(m[1]!)) return false;
  return new RegExp(`(?<![\\p{L}-])${m[1]} ${m[2]}(?![\\p{L}-])`, 'iu').test(text);
}
const PARTICLES = new Set('up down out in off on over back away about around through'.split(' '));
const SPAN_MODIFIERS = new Set('long short high low well full half part mid self all one two'.split(' '));

/** A report's subject words: one of a phrase's words written this often, the other at least twice. */
const SUBJECT_WORD_COUNT = 3;
/** Words that qualify no subject: places, times and amounts ("crater near", "item online", "billion sale"). */
const NOT_SUBJECT_WORDS = new Set('near nearby online overseas abroad ahead million billion thousand hundred dozen'.split(' '));

/**
 * One capitalised word before a kind of product in lower case ("Hellfire missiles", "Fire phone", "Kindle tablets"), a
 * food's or a drink's too ("Stilton cheese", "Snickers bars", "Rioja wine").
 */
const PRODUCT_TAIL =
  /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}\p{N}]+) (missiles?|rockets?|rifles?|drones?|phones?|smartphones?|tablets?|laptops?|consoles?|headsets?|vaccines?|pills?|jets?|helicopters?|satellites?|browsers?|cheeses?|bars?|wines?|beers?|whisky|whiskey|vodka|chocolates?|biscuits?|crisps|cereals?|sauces?|burgers?)(?![\p{L}-])/gu;

/** "Capitalised Words of the Name (CWN)": an expansion followed by its acronym in brackets. */
const EXPANSION = /(\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|for|and|the|on|to|de)\s+)?\p{Lu}[\p{L}-]*)+)\s+\((\p{Lu}{2,8})\)/gu;

/**
 * Is a piece of a report English? English prose is a fifth or more our function words (no language
 * model needed then); other text is English when franc says so or cannot tell.
 */
export function isEnglishPiece(text: string): boolean {
  const words = tokenize(text);
  if (words.length < 30 || words.filter((w) => STOP_WORDS.has(w)).length >= words.length * 0.2) return true;
  const lang = languageOf(text);
  return lang === 'eng' || lang === 'und';
}

/** Does `text` open a sentence or line with `words`? */
function opensSentence(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (at === 0 || /(?:[.!?]["')]?\s+|\n\s*)$/.test(before)) return true;
  }
  return false;
}

/** Does `text` write `word`, capitalised, after a lower-case word or a comma? */
function capitalisedInside(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (/[\p{Ll},] $/u.test(text.slice(Math.max(0, at - 2), at))) return true;
  return false;
}

/** Does `name` stand in `text` (as a whole word, once at least) only before a number ("QK 482", "QK-482")? */
function onlyBeforeNumber(text: string, name: string): boolean {
  let seen = false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ')) continue;
    const after = text.slice(at + name.length, at + name.length + 2);
    if (/^\p{L}/u.test(after)) continue;
    if (!/^[ -]?\d/.test(after)) return false;
    seen = true;
  }
  return seen;
}

/**
 * A state's or district's two letters after a place ("Washington, DC", "Austin, TX", "Washington D.C."):
 * part of how the place is written wherever the text writes them, no name of their own.
 */
export function addressPart(text: string, name: string): boolean {
  // (or a state's abbreviation after a comma: "Boston, Mass.", "San Francisco, Calif.")
  const abbreviation = /^\p{Lu}\p{Ll}{1,4}\.?$/u.test(name);
  if ((!/^(?:\p{Lu}\.?){2}$/u.test(name) && !abbreviation) || KNOWN_EQUIVALENTS[name] || Object.values(KNOWN_EQUIVALENTS).some((e) => e.aliases.includes(name))) return false;
  const letters = name.replace(/\.$/, '');
  if (abbreviation && !/^(?:\p{Lu}\.?){2}$/u.test(name) && !text.includes(`, ${letters}.`)) return false;
  let seen = false;
  for (let at = text.indexOf(letters); at >= 0; at = text.indexOf(letters, at + 1)) {
    const end = at + letters.length;
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
    // (in a list of names it is one of them: "Britain, HK and France")
    const place = /((?:\p{Lu}[\p{L}'’-]* ){0,2}\p{Lu}[\p{L}'’-]*)(,?)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
    const words = place?.[1]!.split(' ') ?? [];
    if (!place || !words.some((_, k) => isPlace(placeKey(words.slice(k).join(' ')))) || /^\.?(?:,?\s+(?:and|or)\b|,\s*\p{Lu})/u.test(text.slice(end, end + 8))) return false;
    if (abbreviation && (!place[2] || text[end] !== '.')) return false;
    seen = true;
  }
  return seen;
}

/** How often `name` stands in `text` as whole words. */
function occurrences(text: string, name: string): number {
  let n = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) n++;
  }
  return n;
}

/** reportTermSteps run to the end at once. */
export function extractReportTerms(text: string, lines: readonly string[] = []): ReportTerms {
  const steps = reportTermSteps(text, lines);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

interface Counted {
  kind: TermKind;
  /** how many reports contribute this key */
  docs: number;
  forms: Map<string, number>;
  /** bumped on every change, so the term derived from it is built again only when it moved */
  rev: number;
}

/** Document-frequency counts over all reports' ReportTerms; adding then removing a report restores them. */
export class TermStats {
  readonly entities = new Map<string, Counted>();
  readonly phrases = new Map<string, Counted>();

  add(rt: ReportTerms, sign: 1 | -1 = 1): void {
    const apply = (map: Map<string, Counted>, items: KeyForms[]) => {
      for (const item of items) {
        const c = map.get(item.key) ?? { kind: item.kind, docs: 0, forms: new Map<string, number>(), rev: 0 };
        c.docs += sign;
        c.rev++;
        for (const [form, n] of item.forms) {
          const left = (c.forms.get(form) ?? 0) + sign * n;
          if (left > 0) c.forms.set(form, left);
          else c.forms.delete(form);
        }
        if (c.docs > 0) map.set(item.key, c);
        else map.delete(item.key);
      }
    };
    apply(this.entities, rt.entities);
    apply(this.phrases, rt.phrases);
  }
}

function entityTerm(key: string, e: Counted): Term {
  const forms = [...e.forms].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || byCount(a, b));
  const eq = key.startsWith('eq:') ? key.slice(3) : null;
  const label = eq ?? forms[0]![0];
  const aliases = new Set<string>(eq ? KNOWN_EQUIVALENTS[eq]!.aliases : []);
  for (const [form] of forms) aliases.add(form);
  // "XR-7", "XR 7" and "XR7" are one name: each form gets its spaced and joined spelling
  for (const [form] of forms) for (const v of numberVariants(form)) aliases.add(v);
  if (e.kind === 'person') {
    // Surnames seen alone and full names are one person, in every transliteration.
    // "de Blasio" and "Blasio" (the matcher joins the particle before it, as it joins a given name)
    const surnames = new Set(forms.flatMap(([f]) => [surnameOf(f), f.split(' ').pop()!]));
    for (const [full] of forms.filter(([f]) => f.includes(' '))) {
      const first = full.slice(0, full.length - surnameOf(full).length).trim();
      if (!first) continue;
      for (const s of surnames) if (![...surnames].some((o) => o.endsWith(` ${s}`))) for (const v of transliterationVariants(s)) aliases.add(`${first} ${v}`);
    }
    for (const s of surnames) if (s.length >= 3) for (const v of transliterationVariants(s)) aliases.add(v);
    // an initial written joined to the next name: "A Kumar B" is also written "Akumar B"
    for (const [full] of forms) {
      const m = /^(\p{Lu}) (\p{Lu})(\p{Ll}+)( .+)$/u.exec(full);
      if (m) aliases.add(`${m[1]}${m[2]!.toLowerCase()}${m[3]}${m[4]}`);
    }
  }
  aliases.delete(label);
  return { id: slug(label), label, kind: e.kind, aliases: [...aliases].sort() };
}

/** A name's particle joined by a hyphen to its capitalised word ("al-Maliki", "bin-Laden", "el-Sisi"). */
const CONNECTED_NAME = /^(?:al|el|bin|ibn|abu|de|van|von)-\p{Lu}/u;

/** Lower-case particles that belong to the surname after them ("Bill de Blasio" is "de Blasio"). */
const SURNAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el']);

/** A full name's surname, with the particles written before it ("de Blasio", "van der Berg"). */
export function surnameOf(full: string): string {
  const words = full.split(' ');
  let k = words.length - 1;
  while (k > 0 && SURNAME_PARTICLES.has(words[k - 1]!.toLowerCase())) k--;
  return words.slice(k).join(' ');
}

function topicTerm(e: Counted): Term {
  const label = [...e.forms].sort(byCount)[0]![0];
  const aliases = new Set<string>();
  for (const f of e.forms.keys()) for (const p of plural(f)) aliases.add(p);
  aliases.delete(label);
  return { id: slug(label), label, kind: 'topic', aliases: [...aliases].sort() };
}

/**
 * The dictionary the counts imply: every named entity, and key phrases shared by at least
 * `minTopicReports` reports; at most TERM_LIMITS.dictionary terms, those most reports name first.
 * A pure function of the counts (not of the order reports arrived in).
 */
export function deriveTerms(stats: TermStats, minTopicReports: number = TERM_LIMITS.minTopicReports, max: number = TERM_LIMITS.dictionary): Term[] {
  // Candidates by how many reports name them: only the top levels are read (in full: sorted by
  // kind then key, so ties are broken the same way whatever order reports arrived in).
  const levels = new Map<number, Ranked[]>();
  const rank = (r: Ranked) => {
    const level = levels.get(r.c.docs);
    if (level) level.push(r);
    else levels.set(r.c.docs, [r]);
  };
  for (const [key, c] of stats.entities) if (c.forms.size) rank({ key, c, topic: false });
  for (const [key, c] of stats.phrases) {
    if (!c.forms.size || !isTopicPhrase(key, c, minTopicReports)) continue;
    // "national security advisers" gives way to "security advisers" when that is a topic itself
    if (threeWords(key) && (stats.phrases.get(key.slice(key.indexOf(' ') + 1))?.docs ?? 0) >= minTopicReports) continue;
    rank({ key, c, topic: true });
  }
  const terms: Term[] = [];
  // an acronym that some report spells out is an alias of that name, not a term of its own
  const spelledOut = new Set<string>();
  for (const c of stats.entities.values()) if (c.forms.size > 1) for (const f of c.forms.keys()) if (/^\p{Lu}{2,8}$/u.test(f)) spelledOut.add(f);
  const joined = joinedNames(stats);
  const taken = new Set<string>();
  for (const docs of [...levels.keys()].sort((a, b) => b - a)) {
    if (terms.length >= max) break;
    const level = levels.get(docs)!.sort((a, b) => Number(a.topic) - Number(b.topic) || (a.key < b.key ? -1 : 1));
    for (const { key, c, topic } of level) {
      if (terms.length >= max) break;
      if (!topic && c.kind !== 'person' && !key.startsWith('eq:')) {
        // A single-word place/organisation that is some person's surname ("Trump administration") is that person.
        const name = formsOf(c).name;
        if (!name.includes(' ') && stats.entities.has('p:' + nameKey(name))) continue;
      }
      if (!topic && c.forms.size === 1 && spelledOut.has(formsOf(c).name)) continue;
      // a single everyday word is no name ("People", "News", shouted too: "PEOPLE"), unless a person's
      if (!topic && c.kind !== 'person' && !key.startsWith('eq:') && formsOf(c).everydayOnly) continue;
      if (!topic && c.kind !== 'person' && [...c.forms.keys()].every(joined)) continue;
      const t = derivedTerm(key, c, topic);
      if (!t.id || taken.has(t.id)) continue;
      taken.add(t.id);
      terms.push(t);
    }
  }
  return terms.sort((a, b) => (a.kind === b.kind ? (a.label < b.label ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}

/** Whether a key has exactly three words (without splitting it: deriveTerms asks this of every phrase on every corpus write). */
function threeWords(key: string): boolean {
  const second = key.indexOf(' ', key.indexOf(' ') + 1);
  return second > 0 && key.indexOf(' ', second + 1) < 0;
}

const formFacts = new WeakMap<Counted, { rev: number; name: string; everydayOnly: boolean }>();

/** A name's commonest form and whether its forms are one everyday word, remembered until its counts move. */
function formsOf(c: Counted): { name: string; everydayOnly: boolean } {
  const hit = formFacts.get(c);
  if (hit?.rev === c.rev) return hit;
  const facts = { rev: c.rev, name: [...c.forms].sort(byCount)[0]![0], everydayOnly: everydayWordOnly([...c.forms.keys()]) };
  formFacts.set(c, facts);
  return facts;
}

/** Whether a phrase is a topic, by its own counts, remembered until they move (deriveTerms runs on every corpus write). */
const topicDecided = new WeakMap<Counted, { rev: number; min: number; topic: boolean }>();

function isTopicPhrase(key: string, c: Counted, minTopicReports: number): boolean {
  const hit = topicDecided.get(c);
  if (hit?.rev === c.rev && hit.min === minTopicReports) return hit.topic;
  const words = key.split(' ');
  // A topic is distinctive for the corpus. A phrase one report names is a topic when it is rarer
  // and named twice ("ankle surgery"); an English compound noun, when named twice ("black box")
  // or rarer ("solitary confinement").
  const named = [...c.forms.values()].reduce((a, b) => a + b, 0);
  // An English compound noun that several reports name is a topic whatever its words ("blood pressure").
  const compound = [...c.forms.keys()].some(isCompoundNoun);
  // A kind of thing qualified by a hyphenated phrase of three words or more ("proof-of-concept code", "change-of-control
  // provisions", "brick-and-mortar store") is one named once too: such a modifier is coined for one thing.
  const coined = [...c.forms.keys()].some((f) => HYPHENATED_MODIFIER.test(f) && !f.split(' ')[0]!.split('-').some((w) => SPAN_WORDS.has(w)));
  const topic =
    (coined ||
      (c.docs >= minTopicReports
        ? compound || isDistinctive(words, TOPIC_RANK.shared)
        : compound
          ? named >= 2 || isDistinctive(words, TOPIC_RANK.single)
          : named >= 2 && isDistinctive(words, TOPIC_RANK.twice))) &&
    // a kind of person named by frequent words is a role, not a topic ("government spokeswoman")
    !isRolePhrase(words) &&
    ![...c.forms.keys()].every(isQualityPhrase);
  topicDecided.set(c, { rev: c.rev, min: minTopicReports, topic });
  return topic;
}

/** A phrase that opens with one hyphenated word of three parts or more, before one or two words. */
const HYPHENATED_MODIFIER = /^[a-z]+(?:-[a-z]+){2,}(?: [a-z]+){1,2}$/;
/** Numbers and spans of time: a hyphenated modifier with one says how long or how old ("four-year-long war", "day-to-day work"), no kind of thing. */
const SPAN_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand million half year years month months week weeks day days hour hours minute minutes second seconds old long'.split(' '),
);

/** Forms that are one everyday word, capitalised or shouted beside it ("People", "PEOPLE"; not "WHO" alone). */
function everydayWordOnly(forms: string[]): boolean {
  return forms.some(isEverydayWord) && forms.every((f) => isEverydayWord(f) || forms.some((g) => g !== f && isEverydayWord(g) && g.toUpperCase() === f));
}

const folded = new WeakMap<Counted, { rev: number; forms: string[] }>();

/** A name's forms, folded (and a known name's abbreviations: "U.S. State Department"), remembered until its counts move. */
function foldedForms(key: string, c: Counted): string[] {
  const hit = folded.get(c);
  if (hit?.rev === c.rev) return hit.forms;
  const forms = [...c.forms.keys(), ...(key.startsWith('eq:') ? KNOWN_EQUIVALENTS[key.slice(3)]?.aliases ?? [] : [])].map(fold);
  folded.set(c, { rev: c.rev, forms });
  return forms;
}

/**
 * Two names written side by side and read as one ("Apple MacBook Air", "Nintendo/Apple Nintendo"):
 * a form whose first word is a one-word name of the corpus and whose rest is a name of the corpus
 * too, or whose last word is a one-word name that is no everyday word nor a place and whose rest is a name ("Sportex
 * Italia Facebook") (no everyday word alone: "Samsung Gear", "Washington Post" stay whole; no demonym first:
 * "Nicaraguan Institute of …"). Persons excluded.
 */
function joinedNames(stats: TermStats): (form: string) => boolean {
  const single = new Set<string>();
  const all = new Set<string>();
  // (a person's name may come first: "… Italia Facebook" where the tagger took "… Italia" for a person)
  const people = new Set<string>();
  for (const [key, c] of stats.entities) {
    if (c.kind === 'person' && c.docs) for (const f of foldedForms(key, c)) people.add(f);
    if (c.kind === 'person' || !c.docs) continue;
    for (const f of foldedForms(key, c)) {
      all.add(f);
      if (!f.includes(' ')) single.add(f);
    }
  }
  return (form) => {
    const words = form.split(' ');
    if (words.length < 2) return false;
    const rest = words.slice(1).join(' ');
    if (single.has(fold(words[0]!)) && !DEMONYM.test(words[0]!) && all.has(fold(rest)) && (words.length > 2 || wordKind(tokenKey(rest)) !== 'common')) return true;
    // … or a name, then a one-word name that is no everyday word nor a place ("Sportex Italia Facebook"; "New York Times"
    // stays whole: "Times" is an everyday word, the word a newspaper's name ends in; so does "Disneyland Paris")
    const last = words[words.length - 1]!;
    const first = fold(words.slice(0, -1).join(' '));
    return single.has(fold(last)) && wordKind(tokenKey(last)) !== 'common' && !isPlace(placeKey(last)) && (all.has(first) || people.has(first));
  };
}

interface Ranked {
  key: string;
  c: Counted;
  topic: boolean;
}

/** Terms already built from counts that have not moved since (deriveTerms runs on every corpus write). */
const built = new WeakMap<Counted, { rev: number; term: Term }>();

function derivedTerm(key: string, c: Counted, topic: boolean): Term {
  const hit = built.get(c);
  if (hit?.rev === c.rev) return hit.term;
  const term = topic ? topicTerm(c) : entityTerm(key, c);
  built.set(c, { rev: c.rev, term });
  return term;
}

/** The dictionary of a set of report texts (title and body each), extracted and derived in one go. */
export function extractTerms(texts: string[], minTopicReports: number = TERM_LIMITS.minTopicReports): Term[] {
  const stats = new TermStats();
  for (const t of texts) stats.add(extractReportTerms(t));
  return deriveTerms(stats, minTopicReports);
}
