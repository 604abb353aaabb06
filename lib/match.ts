/**
 * Finds mentions of dictionary terms in text: exact label, alias (including inflections and
 * transliterations, via a token trie on folded/stemmed keys), and fuzzy (misspellings, via
 * Fuse.js candidates checked with an edit distance). Used by the content script on page text and
 * by the corpus build on report text, so both agree on what "mentions" means.
 */
import Fuse from 'fuse.js';
import type { Term, TermKind } from './corpus/terms';
import { fold, stem } from './text';

export type MatchHow = 'exact' | 'alias' | 'fuzzy';

export interface Mention {
  termId: string;
  start: number;
  end: number;
  text: string;
  how: MatchHow;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  key: string;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenKey(tok: string): string {
  const t = fold(tok).replace(/'s$|'$/, '');
  return /\./.test(t) ? t : stem(t);
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, key: tokenKey(m[0]) });
  }
  return out;
}

interface Entry {
  termId: string;
  /** per token: must the page token match case exactly (acronyms) */
  exactCase: boolean[];
  /** first token must be capitalised (names) */
  capital: boolean;
  isLabel: boolean;
  /** the alias's own tokens, for the exact-case check */
  surfaceTokens: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

const isAcronym = (t: string) => /^(?:\p{Lu}\.?){2,}$/u.test(t.replace(/\.$/, '')) && t.length <= 6;
const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

interface FuzzyItem {
  surface: string;
  folded: string;
  termId: string;
  kind: TermKind;
}

export interface MatcherOptions {
  fuzzy?: boolean;
}

export class Matcher {
  private root: TrieNode = { next: new Map(), entries: [] };
  private fuse: Fuse<FuzzyItem>;
  private fuzzyCache = new Map<string, FuzzyItem | null>();
  private knownKeys = new Set<string>();
  readonly terms: Map<string, Term>;

  constructor(terms: Term[], private options: MatcherOptions = {}) {
    this.terms = new Map(terms.map((t) => [t.id, t]));
    const fuzzyItems: FuzzyItem[] = [];
    for (const term of terms) {
      for (const surface of [term.label, ...term.aliases]) {
        const toks = tokens(surface);
        if (!toks.length) continue;
        let node = this.root;
        for (const t of toks) {
          let n = node.next.get(t.key);
          if (!n) node.next.set(t.key, (n = { next: new Map(), entries: [] }));
          node = n;
          this.knownKeys.add(t.key);
        }
        node.entries.push({
          termId: term.id,
          exactCase: toks.map((t) => isAcronym(t.text)),
          capital: term.kind !== 'topic',
          isLabel: surface === term.label,
          surfaceTokens: toks.map((t) => t.text),
        });
        // Single-token proper names of 5+ letters are the fuzzy targets (Witkof -> Witkoff).
        if (term.kind !== 'topic' && toks.length === 1 && toks[0]!.text.length >= 5 && !isAcronym(toks[0]!.text)) {
          fuzzyItems.push({ surface, folded: fold(surface), termId: term.id, kind: term.kind });
        }
      }
    }
    this.fuse = new Fuse(fuzzyItems, { keys: ['folded'], includeScore: true, threshold: 0.34, ignoreLocation: true });
  }

  private fuzzy(tok: Token): FuzzyItem | null {
    const f = fold(tok.text).replace(/'s$|'$/, '');
    const cached = this.fuzzyCache.get(f);
    if (cached !== undefined) return cached;
    let found: FuzzyItem | null = null;
    for (const r of this.fuse.search(f, { limit: 3 })) {
      // Misspelt surnames are common (Witkof, Zelenski); short place names are too close to
      // other words (Franco/France), so places and organisations need 7+ letters.
      const max = f.length >= 8 ? 2 : 1;
      if (r.item.kind !== 'person' && f.length < 7) continue;
      if (r.item.folded[0] === f[0] && editDistance(f, r.item.folded, max) <= max) {
        found = r.item;
        break;
      }
    }
    this.fuzzyCache.set(f, found);
    return found;
  }

  find(text: string): Mention[] {
    const toks = tokens(text);
    const out: Mention[] = [];
    for (let i = 0; i < toks.length; ) {
      let node: TrieNode | undefined = this.root;
      let best: { entry: Entry; len: number } | null = null;
      for (let j = i; j < toks.length && node; j++) {
        node = node.next.get(toks[j]!.key);
        if (!node) break;
        // Tokens of a phrase must be adjacent (only spaces between them).
        if (j > i && !/^[\s\u00A0]+$/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) break;
        for (const e of node.entries) {
          if (e.capital && !isCapitalised(toks[i]!.text)) continue;
          if (e.exactCase.some((c, k) => c && toks[i + k]!.text.replace(/['’]s$/, '') !== e.surfaceTokens[k])) continue;
          if (!best || j - i + 1 > best.len || (j - i + 1 === best.len && e.isLabel)) best = { entry: e, len: j - i + 1 };
        }
      }
      if (best) {
        const first = toks[i]!;
        const last = toks[i + best.len - 1]!;
        const surface = text.slice(first.start, last.end);
        out.push({
          termId: best.entry.termId,
          start: first.start,
          end: last.end,
          text: surface,
          how: fold(surface).replace(/'s$/, '') === fold(this.terms.get(best.entry.termId)!.label) ? 'exact' : 'alias',
        });
        i += best.len;
        continue;
      }
      const tok = toks[i]!;
      if (this.options.fuzzy !== false && tok.text.length >= 5 && isCapitalised(tok.text) && !isAcronym(tok.text) && !this.knownKeys.has(tok.key)) {
        const hit = this.fuzzy(tok);
        if (hit) out.push({ termId: hit.termId, start: tok.start, end: tok.end, text: tok.text, how: 'fuzzy' });
      }
      i++;
    }
    return out;
  }
}
