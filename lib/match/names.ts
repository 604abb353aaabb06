/**
 * Where a name ends: whether a capitalised word next to a matched name continues a longer proper
 * name ("The Washington Post", "Latin America", "Agence France-Presse") or only stands beside it
 * ("President Donald Trump", "in Washington on Monday").
 */
import { STOP_WORDS } from '../text';
import { isAcronym, isCapitalised, type Token } from './tokens';
import { isEnglishWord, wordKind } from './words';

/** Titles, roles, institutions and times: capitalised words written next to a name without being part of it. */
const BESIDE_NAMES = new Set(
  (
    'president vice prime minister secretary foreign defence defense interior finance chancellor senator sen rep representative ' +
    'congressman congresswoman governor gov mayor ambassador envoy special general gen admiral colonel col lieutenant lt sergeant ' +
    'captain king queen prince princess pope leader chief spokesman spokeswoman spokesperson commander judge justice premier ' +
    'former then acting deputy sir dame lord lady mr mrs ms dr prof officials official forces troops government administration ' +
    'state mp mep ceo chairman chairwoman chair director founder candidate nominee dc district attorney prosecutor inc ltd llc plc gmbh ' +
    'embassy embassies consulate congress senate parliament army navy military treasury ministry department ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight ' +
    'january february march april may june july august september october november december'
  ).split(' '),
);

/** Titles and roles written before a person's name: never a name, nor part of one ("Captain X" is X). */
export const PERSON_TITLES = new Set(
  (
    'president vice prime minister secretary chancellor senator sen rep representative congressman congresswoman governor gov mayor ' +
    'ambassador envoy general gen admiral adm rear colonel col lieutenant lt sergeant sgt captain capt king queen prince princess pope ' +
    'chief spokesman spokeswoman spokesperson commander judge justice premier former acting deputy sir dame lord lady mr mrs ms dr prof ' +
    'professor sheikh inspector insp detective det officer father rev reverend bishop archbishop cardinal dj director editor ceo chairman chairwoman ' +
    'founder commissioner attorney-general editor-in-chief pilot co-pilot first-officer superintendent constable marshal'
  ).split(' '),
);

const SPACES = /^[\s\u00A0]+$/;
const HYPHEN = /^[-\u2010\u2011]$/;
const POSSESSIVE = /['’]s?$/;

/** Only spaces between two tokens. */
export const isSpaceGap = (gap: string) => SPACES.test(gap);
/** Spaces or one hyphen between two tokens: they may belong to one phrase ("Mar-a-Lago", "Palm Beach"). */
export const isPhraseGap = (gap: string) => SPACES.test(gap) || HYPHEN.test(gap);
/**
 * A full stop with no space after it, before a lower-case word, is inside one name ("Will.i.am", "Snopes.com"):
 * no sentence ends there (a run-on sentence, "died.Airstrike", has a capital after it).
 */
export const isInnerDot = (gap: string, next: string) => gap === '.' && /^\p{Ll}/u.test(next);

/**
 * Capitalised words that head or end names whatever the case of the text around them
 * ("Washington Post", "Kyiv Independent", "Latin America", "North America", "Trump Tower").
 */
const NAME_PARTS = new Set(
  (
    'post times journal herald tribune independent telegraph gazette guardian observer chronicle daily news express ' +
    'street avenue road square park bridge tower airport station university college institute school hospital museum ' +
    'club party company group bank council foundation agency hotel centre center stadium city county province region ' +
    'valley river sea ocean island islands bay lake mount fort port saint st san santa new north south east west ' +
    'northern southern eastern western central upper lower greater'
  ).split(' '),
);

/** Where the text around a name stands. */
export interface NameContext {
  /** the text is in Title Case (a headline): capitals say nothing about names there */
  titleCase: boolean;
  /** the neighbour is the first word of a sentence */
  sentenceStart: boolean;
  /** the name is a person's, written whole (given name and surname) */
  fullName?: boolean;
}

/** Title Case: three or more words of 4+ letters, nearly all capitalised. */
export function isTitleCase(toks: readonly Token[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const t of toks) {
    if (t.text.length < 4) continue;
    long++;
    if (isCapitalised(t.text)) capitalised++;
  }
  return long >= 3 && capitalised >= long * 0.8;
}

/** Does a sentence start after `gap` (the text before a token)? */
export const startsSentence = (gap: string | null) => gap === null || /[.!?:;"“”|•·\n]\s*$/.test(gap);

/**
 * Does `neighbour`, separated from a matched name by `gap`, continue a longer proper name?
 * `side` says which side of the name it is on; `name` is the name's token on that side.
 */
export function continuesName(neighbour: Token, gap: string, name: Token, side: 'left' | 'right', context: NameContext): boolean {
  if (!isCapitalised(neighbour.text)) return false;
  // "Trump's Mar-a-Lago", "Russia's Putin": a possessive closes the name before it.
  if (POSSESSIVE.test(side === 'right' ? name.text : neighbour.text)) return false;
  // "Agence France-Presse" is one name; "U.S.-Israeli relations" joins two words that stand alone.
  if (HYPHEN.test(gap)) return !isEnglishWord(neighbour.key);
  if (!SPACES.test(gap)) return false;
  // "U.S. Embassy", "EU Commission": an acronym names the country or body the next word belongs to.
  if (side === 'right' && isAcronym(name.text)) return false;
  const w = neighbour.folded;
  if (STOP_WORDS.has(w) || BESIDE_NAMES.has(w) || PERSON_TITLES.has(w)) return false;
  // an English word before a person's full name says what kind of person they are ("Beatle John Lennon", "Democrat Nancy Pelosi")
  if (side === 'left' && context.fullName && wordKind(neighbour.key)) return false;
  // Where capitals say nothing ("Trump Tweet About…", "Watch Donald Trump…"), a common word is not
  // part of the name unless it is one that names are made of.
  if (context.titleCase || (side === 'left' && context.sentenceStart)) return NAME_PARTS.has(w) || wordKind(neighbour.key) !== 'common';
  return true;
}
