/**
 * Aho–Corasick automaton over word tokens: every dictionary phrase ending at each token is found in
 * one left-to-right pass, with a goto step, failure links and output (dictionary-suffix) links, so
 * the cost per page token does not grow with the number of phrases. The trie grows as phrases are
 * added (transitions in one typed-array hash table, so a 20,000-phrase dictionary is a handful of
 * objects); compile() then adds the links in one pass over the states.
 */

export interface PhraseHit<T> {
  value: T;
  /** index of the phrase's first and last token */
  first: number;
  last: number;
}

/** (state, key id) -> state, open addressing with linear probing, doubling when half full; -1 = no edge. */
class Edges {
  private from = new Int32Array(1024).fill(-1);
  private key = new Int32Array(1024);
  private to = new Int32Array(1024);
  private size = 0;

  private slot(s: number, k: number): number {
    const mask = this.from.length - 1;
    let h = Math.imul(s ^ Math.imul(k, 0x85ebca6b), 0x9e3779b1);
    h = (h ^ (h >>> 15)) & mask;
    while (this.from[h] !== -1 && (this.from[h] !== s || this.key[h] !== k)) h = (h + 1) & mask;
    return h;
  }

  get(s: number, k: number): number {
    const h = this.slot(s, k);
    return this.from[h] === -1 ? -1 : this.to[h]!;
  }

  /** Adds the edge unless there is one already; returns the state it leads to. */
  add(s: number, k: number, target: number): number {
    if ((this.size + 1) * 2 > this.from.length) this.grow();
    const h = this.slot(s, k);
    if (this.from[h] !== -1) return this.to[h]!;
    this.from[h] = s;
    this.key[h] = k;
    this.to[h] = target;
    this.size++;
    return target;
  }

  private grow(): void {
    const { from, key, to } = this;
    this.from = new Int32Array(from.length * 2).fill(-1);
    this.key = new Int32Array(from.length * 2);
    this.to = new Int32Array(from.length * 2);
    this.size = 0;
    for (let i = 0; i < from.length; i++) if (from[i] !== -1) this.add(from[i]!, key[i]!, to[i]!);
  }
}

export class TokenAutomaton<T> {
  /** token key -> small integer; a key not here starts no phrase and continues none */
  private readonly keyIds = new Map<string, number>();
  /** the trie, built as phrases are added: state 0 is the root */
  private readonly edges = new Edges();
  private readonly parent: number[] = [0];
  private readonly keyOf: number[] = [0];
  private readonly depth: number[] = [0];
  /** first phrase ending at a state (-1: none), and the next phrase ending at the same state */
  private readonly outHead: number[] = [-1];
  private readonly outNext: number[] = [];
  private readonly values: T[] = [];
  private readonly lengths: number[] = [];
  /** failure and output links, computed by compile() */
  private links: { fail: Int32Array; outLink: Int32Array } | null = null;

  /** Is `key` a token of some phrase? */
  has(key: string): boolean {
    return this.keyIds.has(key);
  }

  add(keys: string[], value: T): void {
    this.links = null;
    let s = 0;
    for (const k of keys) {
      let id = this.keyIds.get(k);
      if (id === undefined) this.keyIds.set(k, (id = this.keyIds.size));
      const states = this.parent.length;
      const n = this.edges.add(s, id, states);
      if (n === states) {
        this.parent.push(s);
        this.keyOf.push(id);
        this.depth.push(this.depth[s]! + 1);
        this.outHead.push(-1);
      }
      s = n;
    }
    const pi = this.values.length;
    this.values.push(value);
    this.lengths.push(keys.length);
    this.outNext.push(this.outHead[s]!);
    this.outHead[s] = pi;
  }

  /** Computes the failure and output links (the next scan does it if not called; an add() undoes it). */
  compile(): void {
    this.links ??= this.link();
  }

  private link() {
    const { edges, parent, keyOf, depth, outHead } = this;
    const states = parent.length;
    // States in order of depth (a counting sort): a state's failure link always points to a shallower one.
    let maxDepth = 0;
    for (let s = 1; s < states; s++) maxDepth = Math.max(maxDepth, depth[s]!);
    const firstAt = new Int32Array(maxDepth + 2);
    for (let s = 1; s < states; s++) firstAt[depth[s]! + 1]!++;
    for (let d = 1; d < firstAt.length; d++) firstAt[d]! += firstAt[d - 1]!;
    const byDepth = new Int32Array(states - 1);
    for (let s = 1; s < states; s++) byDepth[firstAt[depth[s]!]!++] = s;
    const fail = new Int32Array(states);
    /** nearest state on the failure chain that ends a phrase (0: none) */
    const outLink = new Int32Array(states);
    for (const s of byDepth) {
      const p = parent[s]!;
      if (p !== 0) {
        let f = fail[p]!;
        let t = edges.get(f, keyOf[s]!);
        while (t === -1 && f !== 0) {
          f = fail[f]!;
          t = edges.get(f, keyOf[s]!);
        }
        fail[s] = t === -1 ? 0 : t;
      }
      const f = fail[s]!;
      outLink[s] = outHead[f] !== -1 ? f : outLink[f]!;
    }
    return { fail, outLink };
  }

  /**
   * All phrase occurrences in `keys`. `joined(j)` says whether token j continues the phrase of
   * token j - 1 (e.g. only spaces between them); where it does not, no phrase spans the gap.
   */
  scan(keys: readonly string[], joined: (j: number) => boolean): PhraseHit<T>[] {
    const { fail, outLink } = (this.links ??= this.link());
    const { edges, outHead, outNext } = this;
    const hits: PhraseHit<T>[] = [];
    let s = 0;
    for (let j = 0; j < keys.length; j++) {
      const id = this.keyIds.get(keys[j]!);
      if (id === undefined) {
        s = 0;
        continue;
      }
      if (s !== 0 && !joined(j)) s = 0;
      let n = edges.get(s, id);
      while (n === -1 && s !== 0) {
        s = fail[s]!;
        n = edges.get(s, id);
      }
      s = n === -1 ? 0 : n;
      for (let t = outHead[s] !== -1 ? s : outLink[s]!; t !== 0; t = outLink[t]!) {
        for (let pi = outHead[t]!; pi !== -1; pi = outNext[pi]!) {
          hits.push({ value: this.values[pi]!, first: j - this.lengths[pi]! + 1, last: j });
        }
      }
    }
    return hits;
  }
}
