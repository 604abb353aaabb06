/**
 * Aho–Corasick automaton over word tokens: every dictionary phrase ending at each token is found in
 * one left-to-right pass, with a goto step, failure links and output (dictionary-suffix) links, so
 * the cost per page token does not grow with the number of phrases. Phrases are collected first and
 * compiled once into typed arrays: a 20,000-phrase dictionary is a handful of objects.
 */

export interface PhraseHit<T> {
  value: T;
  /** index of the phrase's first and last token */
  first: number;
  last: number;
}

/** (state, key id) -> state, open addressing with linear probing; sized once, -1 = no edge. */
class Edges {
  private readonly from: Int32Array;
  private readonly key: Int32Array;
  private readonly to: Int32Array;
  private readonly mask: number;

  constructor(maxEdges: number) {
    let size = 16;
    while (size < maxEdges * 2) size *= 2;
    this.from = new Int32Array(size).fill(-1);
    this.key = new Int32Array(size);
    this.to = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(s: number, k: number): number {
    let h = Math.imul(s ^ Math.imul(k, 0x85ebca6b), 0x9e3779b1);
    h = (h ^ (h >>> 15)) & this.mask;
    while (this.from[h] !== -1 && (this.from[h] !== s || this.key[h] !== k)) h = (h + 1) & this.mask;
    return h;
  }

  get(s: number, k: number): number {
    const h = this.slot(s, k);
    return this.from[h] === -1 ? -1 : this.to[h]!;
  }

  /** Adds the edge unless there is one already; returns the state it leads to. */
  add(s: number, k: number, target: number): number {
    const h = this.slot(s, k);
    if (this.from[h] !== -1) return this.to[h]!;
    this.from[h] = s;
    this.key[h] = k;
    this.to[h] = target;
    return target;
  }
}

export class TokenAutomaton<T> {
  /** token key -> small integer; a key not here starts no phrase and continues none */
  private readonly keyIds = new Map<string, number>();
  private readonly phrases: { ids: number[]; value: T }[] = [];
  private compiled: {
    edges: Edges;
    fail: Int32Array;
    /** nearest state on the failure chain that ends a phrase (0: none) */
    outLink: Int32Array;
    /** first phrase ending at a state (-1: none), and the next phrase ending at the same state */
    outHead: Int32Array;
    outNext: Int32Array;
  } | null = null;

  /** Is `key` a token of some phrase? */
  has(key: string): boolean {
    return this.keyIds.has(key);
  }

  add(keys: string[], value: T): void {
    this.compiled = null;
    const ids = keys.map((k) => {
      let id = this.keyIds.get(k);
      if (id === undefined) this.keyIds.set(k, (id = this.keyIds.size));
      return id;
    });
    this.phrases.push({ ids, value });
  }

  /** Compiles the phrases added so far (the next scan does it if not called; an add() undoes it). */
  compile(): void {
    this.compiled ??= this.build();
  }

  private build() {
    let maxStates = 1;
    for (const p of this.phrases) maxStates += p.ids.length;
    const edges = new Edges(maxStates);
    const parent = new Int32Array(maxStates);
    const keyOf = new Int32Array(maxStates);
    const depth = new Int32Array(maxStates);
    const outHead = new Int32Array(maxStates).fill(-1);
    const outNext = new Int32Array(this.phrases.length).fill(-1);
    let states = 1;
    this.phrases.forEach((p, pi) => {
      let s = 0;
      for (const k of p.ids) {
        const n = edges.add(s, k, states);
        if (n === states) {
          parent[n] = s;
          keyOf[n] = k;
          depth[n] = depth[s]! + 1;
          states++;
        }
        s = n;
      }
      outNext[pi] = outHead[s]!;
      outHead[s] = pi;
    });
    // Failure links in order of depth (a counting sort): a state's link always points to a shallower state.
    let maxDepth = 0;
    for (let s = 1; s < states; s++) maxDepth = Math.max(maxDepth, depth[s]!);
    const firstAt = new Int32Array(maxDepth + 2);
    for (let s = 1; s < states; s++) firstAt[depth[s]! + 1]!++;
    for (let d = 1; d < firstAt.length; d++) firstAt[d]! += firstAt[d - 1]!;
    const byDepth = new Int32Array(states - 1);
    for (let s = 1; s < states; s++) byDepth[firstAt[depth[s]!]!++] = s;
    const fail = new Int32Array(states);
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
    return { edges, fail, outLink, outHead, outNext };
  }

  /**
   * All phrase occurrences in `keys`. `joined(j)` says whether token j continues the phrase of
   * token j - 1 (e.g. only spaces between them); where it does not, no phrase spans the gap.
   */
  scan(keys: readonly string[], joined: (j: number) => boolean): PhraseHit<T>[] {
    const a = (this.compiled ??= this.build());
    const hits: PhraseHit<T>[] = [];
    let s = 0;
    for (let j = 0; j < keys.length; j++) {
      const id = this.keyIds.get(keys[j]!);
      if (id === undefined) {
        s = 0;
        continue;
      }
      if (s !== 0 && !joined(j)) s = 0;
      let n = a.edges.get(s, id);
      while (n === -1 && s !== 0) {
        s = a.fail[s]!;
        n = a.edges.get(s, id);
      }
      s = n === -1 ? 0 : n;
      for (let t = a.outHead[s] !== -1 ? s : a.outLink[s]!; t !== 0; t = a.outLink[t]!) {
        for (let pi = a.outHead[t]!; pi !== -1; pi = a.outNext[pi]!) {
          const p = this.phrases[pi]!;
          hits.push({ value: p.value, first: j - p.ids.length + 1, last: j });
        }
      }
    }
    return hits;
  }
}
