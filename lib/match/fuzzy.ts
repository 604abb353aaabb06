/**
 * Fuzzy index for misspelt names (Witkof -> Witkoff): a symmetric-deletion (SymSpell) index over
 * the dictionary's single-word names, built once per dictionary, so a lookup costs a word's
 * length in hash probes whatever the dictionary's size. Candidates are confirmed with an edit distance.
 */

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

/** `word` with one letter deleted at each position after the first (the first letter is never misspelt here). */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export interface FuzzyHit<T> {
  item: T;
  word: string;
  distance: number;
}

/**
 * Words and their one-letter deletions point to the items they came from. Looking up a word and its
 * own one-letter deletions finds every item within one insertion, deletion, substitution or
 * transposition; `maxDistance(query)` then decides what counts as a plausible misspelling.
 */
export class FuzzyIndex<T> {
  private readonly words: string[] = [];
  /** items per word, in the order added */
  private readonly items: T[][] = [];
  private readonly wordIds = new Map<string, number>();
  /** a word or one-letter deletion -> the word ids it comes from */
  private readonly byKey = new Map<string, number | number[]>();

  add(word: string, item: T): void {
    const known = this.wordIds.get(word);
    if (known !== undefined) {
      this.items[known]!.push(item);
      return;
    }
    const id = this.words.length;
    this.wordIds.set(word, id);
    this.words.push(word);
    this.items.push([item]);
    this.index(word, id);
    for (let i = 1; i < word.length; i++) this.index(word.slice(0, i) + word.slice(i + 1), id);
  }

  private index(key: string, id: number): void {
    const had = this.byKey.get(key);
    if (had === undefined) this.byKey.set(key, id);
    else if (typeof had === 'number') {
      if (had !== id) this.byKey.set(key, [had, id]);
    } else if (had[had.length - 1] !== id) had.push(id);
  }

  get size(): number {
    return this.words.length;
  }

  /** The closest word within `max` edits with an item `accept` allows (ties: the first added), or null. */
  lookup(query: string, max: number, accept: (item: T) => boolean = () => true): FuzzyHit<T> | null {
    let best: FuzzyHit<T> | null = null;
    let bestId = -1;
    const tried: number[] = [];
    for (let i = 0; i < query.length; i++) {
      // i = 0: the query itself; then the query with its i-th letter deleted.
      const ids = this.byKey.get(i === 0 ? query : query.slice(0, i) + query.slice(i + 1));
      if (ids === undefined) continue;
      for (const id of typeof ids === 'number' ? [ids] : ids) {
        if (tried.includes(id)) continue;
        tried.push(id);
        const word = this.words[id]!;
        if (word.charCodeAt(0) !== query.charCodeAt(0)) continue;
        const d = editDistance(query, word, max);
        if (d > max || (best && (d > best.distance || (d === best.distance && id > bestId)))) continue;
        const item = this.items[id]!.find(accept);
        if (item === undefined) continue;
        best = { item, word, distance: d };
        bestId = id;
      }
    }
    return best;
  }
}
