/**
 * Kinds of news event and the words that name them ("met", "talks", "gathered" → meet): the
 * same-event gate of the claim comparator and the paraphrase tokens of the evidence index.
 */
import { stem, tokenize } from '../text';

/** event kind → [the noun a reason uses, the words that name it] */
const LEXICON: Record<string, [string, string]> = {
  meet: ['meeting', 'meet meets met meeting meetings talk talks gather gathered gathering summit session join joined attend attended participate participated conference host hosted convene convened'],
  kill: ['deaths', 'kill kills killed killing die died dies dead death deaths fatal behead beheads beheaded beheading execute executed execution murder murdered'],
  injure: ['injuries', 'injure injured injuries wound wounded hurt stab stabbed stabbing'],
  flood: ['flooding', 'flood floods flooded flooding inundated'],
  strike: ['strike', 'strike strikes struck attack attacks attacked hit hits shelling shelled shell bomb bombed bombing target targeted'],
  fire: ['fire', 'fire blaze blazes burn burned burning'],
  confirm: ['confirmation', 'confirm confirmed confirms announce announced announcement acknowledge acknowledged'],
  approve: ['decision', 'approve approved approves sign signed signing pass passed adopt adopted accept accepted agree agreed'],
  arrest: ['arrests', 'arrest arrested detain detained'],
  invade: ['invasion', 'invade invaded invasion'],
  occupy: ['occupation', 'occupy occupies occupied occupying control controls'],
  discuss: ['discussion', 'discuss discussed discussions centered centred focus focused cover covered'],
  capture: ['capture', 'capture captured seize seized'],
  kidnap: ['kidnapping', 'kidnap kidnaps kidnapped kidnapping abduct abducts abducted abduction hostage captive captivity'],
  travel: ['trip', 'visit visited travel travelled traveled trip'],
  vote: ['vote', 'vote votes voted elect elected election polls'],
  resign: ['resignation', 'resign resigned resignation quit'],
  rise: ['rise', 'rise rose risen increase increased climb climbed'],
  fall: ['fall', 'fall fell drop dropped decline declined shrank'],
  measure: ['measurement', 'measure measured magnitude'],
  landfall: ['landfall', 'landfall ashore'],
  flee: ['escape', 'flee fled leave'],
  gain: ['gains', 'gain gains gained'],
  complete: ['draft', 'complete completed finished ready'],
  // ("forces" are troops and an "effect" a result: only "take effect" and "come into force" name the start, as phrases)
  enforce: ['start', 'enforced'],
  appoint: ['appointments', 'appoint appointed name named naming'],
  request: ['request', 'request requested call called ask asked'],
  hope: ['plan', 'hope hopes hoping plan plans planned want wants aim seek seeks'],
  claim: ['claim', 'claim claimed claims accuse accused allege alleged allegation'],
  deny: ['denial', 'deny denied denies reject rejected dismiss dismissed'],
  fight: ['fighting', 'fight fights fighting defend'],
  injury: ['casualties', 'casualties'],
  strikeWork: ['strike', 'walkout'],
  concern: ['concern', 'concern concerned worry worried'],
  call: ['call', 'phone'],
  say: ['statement', 'say says said tell tells told stated'],
};

const KIND_OF = new Map<string, string>();
const NOUN: Record<string, string> = {};
for (const [kind, [noun, words]] of Object.entries(LEXICON)) {
  NOUN[kind] = noun;
  for (const w of words.split(' ')) {
    KIND_OF.set(w, kind);
    KIND_OF.set(stem(w), kind);
  }
}

/** Multi-word names of events, rewritten to a word of the lexicon ("took part" → participated). */
const PHRASES: [RegExp, string][] = [
  [/\b(?:take|takes|took|taken|taking) part\b/gi, 'participated'],
  [/\bstep(?:s|ped)? down\b/gi, 'resigned'],
  [/\b(?:walk(?:ed|s)? off the job|went on strike|go on strike|goes on strike)\b/gi, 'walkout'],
  [/\b(?:hit|hits|made|make|makes) land(?:fall)?\b|\bc(?:a|o)me ashore\b/gi, 'landfall'],
  [/\bcame up\b/gi, 'discussed'],
  [/\b(?:take|takes|took|taken|taking) effect\b|\b(?:come|comes|came|coming|enter|enters|entered|entering) into force\b/gi, 'enforced'],
  // held, taken or kept hostage or captive is a kidnapping, told with another verb
  [/\b(?:held|taken|kept|seized) (?:as )?(?:a )?(?:hostage|captive)\b/gi, 'kidnapped'],
];

export function normalizeEventPhrases(text: string): string {
  let t = text;
  for (const [re, word] of PHRASES) t = t.replace(re, word);
  return t;
}

/** The event kind a word names, if any. */
export function eventKind(word: string): string | undefined {
  return KIND_OF.get(word) ?? KIND_OF.get(stem(word));
}

/** The event kinds a sentence names, each with the first word that names it. */
export function eventsIn(sentence: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of tokenize(normalizeEventPhrases(sentence))) {
    const k = eventKind(w);
    if (k && !out.has(k)) out.set(k, w);
  }
  return out;
}

/** Kinds that say how something was reported rather than what happened. */
export const SPEECH_KINDS = new Set(['say', 'claim', 'deny', 'confirm', 'discuss', 'hope', 'request']);

export function eventNoun(kind: string): string {
  return NOUN[kind] ?? 'event';
}
