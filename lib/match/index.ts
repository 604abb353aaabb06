/**
 * Finds mentions of dictionary terms in text: exact label, alias (inflections, transliterations)
 * and fuzzy (misspelt names). Used by the content script on page text and by the corpus build on
 * report text, so both agree on what "mentions" means.
 */
import type { Term, TermKind } from '../corpus/terms';
import { fold } from '../text';
import { TokenAutomaton } from './automaton';
import { FuzzyIndex } from './fuzzy';
import { continuesName, isInnerDot, isPhraseGap, isSpaceGap, isTitleCase, startsSentence } from './names';
import { foldToken, isAcronym, isCapitalised, Tokenizer, type Token } from './tokens';
import { isEnglishWord } from './words';

export { editDistance } from './fuzzy';
export { tokenKey, tokens, type Token } from './tokens';

export type MatchHow = 'exact' | 'alias' | 'fuzzy';

export interface Mention {
  termId: string;
  start: number;
  end: number;
  text: string;
  how: MatchHow;
}

export interface MatcherOptions {
  /** look for misspelt names (default true); the corpus build turns it off */
  fuzzy?: boolean;
  /** only terms of these kinds are found (default: all); `terms` still holds every term */
  kinds?: readonly TermKind[];
  /** a tokenizer kept across matchers (its memo of word stems), for one rebuilt at every write */
  tokenizer?: Tokenizer;
}

/** One surface form (label or alias) of a term, as the automaton reports it. */
interface Entry {
  termId: string;
  kind: TermKind;
  /** per token, the exact text an acronym must be written as (null: any case); null if no acronym */
  exactCase: (string | null)[] | null;
  /** names: the folded tokens the page must have ("Americas" is not "America", though both stem alike); null for topics */
  folded: string[] | null;
  /** first token must be capitalised (names; single-word topics) */
  capital: boolean;
  isLabel: boolean;
}

/** One text being matched, with what the rules ask of it computed at most once. */
interface PageText {
  text: string;
  toks: Token[];
  /** tokens inside some dictionary phrase */
  covered: Uint8Array;
  /** the text between token j - 1 and token j */
  gap: (j: number) => string;
  titleCase: boolean | null;
}

interface FuzzyTarget {
  termId: string;
  kind: TermKind;
}

/** Misspellings are plausible from this many letters: names of people 5, other names 7 (Franco is not France). */
const fuzzyMinLength = (kind: TermKind) => (kind === 'person' ? 5 : 7);
const fuzzyMaxDistance = (word: string) => (word.length >= 8 ? 2 : 1);
const MIDDLE_INITIAL = /^\p{Lu}$/u;
/** Words whose fuzzy answer is remembered; bounded so an endless page cannot grow it without end. */
const FUZZY_MEMO = 20_000;

/**
 * An Arabic article before a capitalised word opens a name in lower case ("al-Qaeda", "el-Sisi", "al Qaeda"): the
 * name's capital is the word after it.
 */
function articleJoined(toks: readonly Token[], first: number): boolean {
  const [article, next] = [toks[first]!, toks[first + 1]];
  return (article.text === 'al' || article.text === 'el') && !!next && next.start === article.end + 1 && isCapitalised(next.text);
}

export class Matcher {
  readonly terms: Map<string, Term>;
  private readonly automaton = new TokenAutomaton<Entry>();
  private readonly fuzzyIndex = new FuzzyIndex<FuzzyTarget>();
  private readonly fuzzyCache = new Map<string, FuzzyTarget | null>();
  /** person term id -> folded given names of its multi-word forms ("steve" for Steve Witkoff) */
  private readonly givenNames = new Map<string, string[]>();
  private readonly tokenizer: Tokenizer;

  constructor(terms: Term[], private readonly options: MatcherOptions = {}) {
    this.terms = new Map();
    this.tokenizer = options.tokenizer ?? new Tokenizer();
    for (const term of terms) this.add(term);
    this.automaton.compile();
  }

  /**
   * The same matcher, built in slices of about `sliceMs` with `pause()` between them, so that a
   * large dictionary never holds the page's main thread for long.
   */
  static async create(
    terms: Term[],
    options: MatcherOptions = {},
    { sliceMs = 8, pause = () => new Promise<void>((r) => setTimeout(r, 0)) }: { sliceMs?: number; pause?: () => Promise<void> } = {},
  ): Promise<Matcher> {
    const m = new Matcher([], options);
    let sliceStart = performance.now();
    for (let i = 0; i < terms.length; i++) {
      m.add(terms[i]!);
      if ((i & 63) === 63 && performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    await pause();
    m.automaton.compile();
    return m;
  }

  private add(term: Term): void {
    this.terms.set(term.id, term);
    if (this.options.kinds && !this.options.kinds.includes(term.kind)) return;
    for (const surface of [term.label, ...term.aliases]) {
      const toks = this.tokenizer.tokens(surface);
      if (!toks.length) continue;
      const single = toks.length === 1;
      // A single lower-case word is never a name, whatever the dictionary says.
      if (single && !isCapitalised(toks[0]!.text)) continue;
      this.automaton.add(
        toks.map((t) => t.key),
        {
          termId: term.id,
          kind: term.kind,
          exactCase: toks.some((t) => isAcronym(t.text)) ? toks.map((t) => (isAcronym(t.text) ? t.text : null)) : null,
          folded: term.kind === 'topic' ? null : toks.map((t) => t.folded),
          capital: term.kind !== 'topic' || single,
          isLabel: surface === term.label,
        },
      );
      if (term.kind === 'person' && !single) {
        const given = toks[0]!.folded;
        const names = this.givenNames.get(term.id);
        if (!names) this.givenNames.set(term.id, [given]);
        else if (!names.includes(given)) names.push(given);
      }
      if (this.options.fuzzy !== false && term.kind !== 'topic' && single && toks[0]!.text.length >= 5 && !isAcronym(toks[0]!.text)) {
        this.fuzzyIndex.add(toks[0]!.folded, { termId: term.id, kind: term.kind });
      }
    }
  }

  find(text: string): Mention[] {
    const toks = this.tokenizer.tokens(text);
    if (!toks.length) return [];
    const gap = (j: number) => text.slice(toks[j - 1]!.end, toks[j]!.start);
    // Best valid phrase per first token (longest, then the label), and which tokens any phrase covers.
    const best: ({ entry: Entry; last: number } | undefined)[] = new Array(toks.length);
    const covered = new Uint8Array(toks.length);
    for (const h of this.automaton.scan(
      toks.map((t) => t.key),
      (j) => isPhraseGap(gap(j)) || isInnerDot(gap(j), toks[j]!.text),
    )) {
      if (!this.fits(h.value, toks, h.first)) continue;
      covered.fill(1, h.first, h.last + 1);
      const b = best[h.first];
      if (!b || h.last > b.last || (h.last === b.last && h.value.isLabel && !b.entry.isLabel)) best[h.first] = { entry: h.value, last: h.last };
    }

    const out: Mention[] = [];
    const page: PageText = { text, toks, covered, gap, titleCase: null };
    for (let i = 0; i < toks.length; ) {
      const b = best[i];
      if (b) {
        const m = this.mention(page, i, b.last, b.entry.termId, b.entry.kind, null);
        if (m) out.push(m);
        i = b.last + 1;
        continue;
      }
      const hit = this.fuzzy(toks[i]!);
      if (hit) {
        const m = this.mention(page, i, i, hit.termId, hit.kind, 'fuzzy');
        if (m) out.push(m);
      }
      i++;
    }
    return out;
  }

  /** Case and form rules: names start with a capital and are not inflected, acronyms match case exactly. */
  private fits(e: Entry, toks: Token[], first: number): boolean {
    if (e.capital && !isCapitalised(toks[first]!.text) && !/^\d/.test(toks[first]!.text) && !articleJoined(toks, first)) return false;
    if (e.folded) {
      for (let k = 0; k < e.folded.length; k++) if (toks[first + k]!.folded !== e.folded[k]) return false;
    }
    if (e.exactCase) {
      for (let k = 0; k < e.exactCase.length; k++) {
        const exact = e.exactCase[k];
        if (exact && toks[first + k]!.text.replace(/['’]s$/, '') !== exact) return false;
      }
    }
    return true;
  }

  /**
   * The mention of tokens first..last, or null where they sit inside a longer proper name. A
   * person's given name just before the surname joins the mark ("Steve Witkof").
   */
  private mention(page: PageText, first: number, last: number, termId: string, kind: TermKind, how: MatchHow | null): Mention | null {
    const { text, toks, covered, gap } = page;
    if (kind === 'person' && first === last) first = this.withGivenName(toks, first, termId, gap);
    if (kind !== 'topic') {
      const titleCase = (page.titleCase ??= isTitleCase(toks));
      const left = first - 1;
      if (left >= 0 && !covered[left]) {
        const context = { titleCase, sentenceStart: startsSentence(left > 0 ? gap(left) : null), fullName: kind === 'person' && last > first };
        if (continuesName(toks[left]!, gap(first), toks[first]!, 'left', context)) return null;
      }
      const right = last + 1;
      if (right < toks.length && !covered[right] && continuesName(toks[right]!, gap(right), toks[last]!, 'right', { titleCase, sentenceStart: false })) return null;
    }
    const start = toks[first]!.start;
    const end = toks[last]!.end;
    const surface = text.slice(start, end);
    if (!how) how = foldToken(surface) === fold(this.terms.get(termId)!.label) ? 'exact' : 'alias';
    return { termId, start, end, text: surface, how };
  }

  /** Index of the person's given name before token `i` (allowing a middle initial), or `i`. */
  private withGivenName(toks: Token[], i: number, termId: string, gap: (j: number) => string): number {
    const names = this.givenNames.get(termId);
    if (!names || i === 0) return i;
    let j = i - 1;
    if (MIDDLE_INITIAL.test(toks[j]!.text) && /^\.?\s+$/.test(gap(i)) && j > 0) {
      if (!isSpaceGap(gap(j))) return i;
      j--;
    } else if (!isSpaceGap(gap(i))) return i;
    return names.includes(toks[j]!.folded) ? j : i;
  }

  /** The term a capitalised unknown word misspells, if any: never an English word, a known key or an acronym. */
  private fuzzy(tok: Token): FuzzyTarget | null {
    if (this.options.fuzzy === false || !this.fuzzyIndex.size) return null;
    if (tok.text.length < 5 || !isCapitalised(tok.text) || isAcronym(tok.text) || this.automaton.has(tok.key)) return null;
    const word = tok.folded;
    let hit = this.fuzzyCache.get(word);
    if (hit === undefined) {
      hit = this.fuzzyIndex.lookup(word, fuzzyMaxDistance(word), (t) => word.length >= fuzzyMinLength(t.kind))?.item ?? null;
      if (hit && isEnglishWord(tok.key)) hit = null;
      if (this.fuzzyCache.size >= FUZZY_MEMO) this.fuzzyCache.clear();
      this.fuzzyCache.set(word, hit);
    }
    return hit;
  }
}
