/** Word tokens of page and dictionary text, with the folded/stemmed key the matcher compares. */
import { fold, stem } from '../text';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** what the dictionary is looked up by: folded, possessive-free, stemmed */
  key: string;
  /** folded and possessive-free, not stemmed: how names are compared ("Americas" is not "America") */
  folded: string;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** A French article or pronoun elided before a name ("l'Assemblée", "qu’Amazon"): not the name's. */
const ELIDED = /^(?:[lLdnjsc]|[Qq]u)['’](?=\p{Lu})/u;
/** How many characters of a token an elided article takes (0: none; looked for only where an apostrophe is second or third). */
function elided(t: string): number {
  const c1 = t.charCodeAt(1);
  const c2 = t.charCodeAt(2);
  if (c1 !== 39 && c1 !== 0x2019 && c2 !== 39 && c2 !== 0x2019) return 0;
  return ELIDED.exec(t)?.[0].length ?? 0;
}

/** British spellings whose American form differs by more than an inflection: one key for both (a Map: "constructor" is a word too). */
const SPELLING = new Map<string, string>(Object.entries({
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license', licences: 'licenses',
  pretence: 'pretense', adviser: 'advisor', advisers: 'advisors', programme: 'program', programmes: 'programs', catalogue: 'catalog',
  catalogues: 'catalogs', jewellery: 'jewelry', grey: 'gray', aluminium: 'aluminum', sceptic: 'skeptic', sceptical: 'skeptical',
  manoeuvre: 'maneuver', manoeuvres: 'maneuvers', tyre: 'tire', tyres: 'tires', kerb: 'curb', plough: 'plow', cheque: 'check',
}));
const OUR = /^(col|hon|lab|fav|behavi|neighb|harb|rum|hum|flav|vap|arm|endeav|od|vig|rig|splend|parl)our(s|ed|ing|ite|ites|ful|hood|ly)?$/;
const RE = /^(cent|theat|met|fib|lit|calib|spect|sab|lust|sombr|meag)re(s|d)?$/;
const ISE = /^(organ|recogn|real|apolog|critic|author|emphas|priorit|mobil|stabil|privat|legal|character|summar|final|normal|minim|maxim|util|categor|special|civil|global|modern|subsid|jeopard|harmon|symbol|capital|neutral|militar|radical|polar)is(e|es|ed|ing|er|ers|ation|ations)$/;
const DOUBLED_L = /^(travel|cancel|label|model|fuel|signal|counsel|level|total|channel|tunnel|marshal|dial)l(ed|ing|er|ers)$/;

/** The endings the four patterns above need: most words have none, and are returned at once. */
const BRITISH_ENDING = /(?:our(?:s|ed|ing|ites?|ful|hood|ly)?|re[sd]?|is(?:e|es|ed|ing|ers?|ations?)|ll(?:ed|ing|ers?))$/;

/** The American spelling of a folded word ("defence" → "defense", "organisation" → "organization"). */
export function americanSpelling(w: string): string {
  const table = SPELLING.get(w);
  if (table) return table;
  if (w.length < 5 || !BRITISH_ENDING.test(w)) return w;
  return w.replace(OUR, '$1or$2').replace(RE, '$1er$2').replace(ISE, '$1iz$2').replace(DOUBLED_L, '$1$2');
}

/** Folded with the possessive stripped ("Zelenskyy’s" -> "zelenskyy") and one spelling for British and American words. */
export const foldToken = (tok: string) => americanSpelling(fold(tok).replace(/'s$|'$/, ''));

/** Folded, possessive stripped and stemmed ("Zelenskyy’s" -> "zelenskyy"); acronyms with dots keep them ("u.s."). */
export function tokenKey(tok: string): string {
  const t = foldToken(tok);
  return t.includes('.') ? t : stem(t);
}

const isAsciiLower = (c: number) => c >= 97 && c <= 122;

/** Upper-case letters, optionally dotted, 2 to 6 characters: "US", "NATO", "U.S.", "E.U". */
export function isAcronym(t: string): boolean {
  if (t.length < 2 || t.length > 6 || isAsciiLower(t.charCodeAt(0)) || isAsciiLower(t.charCodeAt(1))) return false;
  return /^(?:\p{Lu}\.?){2,}$/u.test(t.endsWith('.') ? t.slice(0, -1) : t);
}

/** Starts with a capital, or is a name written with one inside ("iPhone", "eBay", "9to5Mac"). */
export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && INNER_CAPITAL.test(t);
  return /^\p{Lu}/u.test(t);
}
const INNER_CAPITAL = /^[a-z\d]{1,5}[A-Z][a-z]/;

/**
 * Tokenises with a memo of keys: folding and stemming are the costly part, and a page repeats
 * its words. The memo is bounded so a long session cannot grow it without end.
 */
export class Tokenizer {
  private memo = new Map<string, { key: string; folded: string }>();

  constructor(private readonly maxMemo = 50_000) {}

  private forms(tok: string): { key: string; folded: string } {
    let f = this.memo.get(tok);
    if (f === undefined) {
      if (this.memo.size >= this.maxMemo) this.memo.clear();
      const folded = foldToken(tok);
      f = { key: folded.includes('.') ? folded : stem(folded), folded };
      this.memo.set(tok, f);
    }
    return f;
  }

  tokens(text: string): Token[] {
    const out: Token[] = [];
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
      const cut = elided(m[0]);
      const tok = cut ? m[0].slice(cut) : m[0];
      const { key, folded } = this.forms(tok);
      out.push({ text: tok, start: m.index + cut, end: m.index + m[0].length, key, folded });
    }
    return out;
  }
}

const shared = new Tokenizer();

/** Tokens of `text` with their offsets and keys. */
export function tokens(text: string): Token[] {
  return shared.tokens(text);
}
