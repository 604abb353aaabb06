/**
 * Aho–Corasick automaton over word tokens: every dictionary phrase ending at each token is found in
 * one left-to-right pass, with a goto step and failure links, so the cost per page token does not
 * grow with the number of phrases. States and token keys are small integers and transitions live in
 * one open-addressing table of typed arrays, so a 20,000-phrase dictionary is a handful of objects.
 */

/** (state, key id) -> state, open addressing with linear probing; -1 = no edge. */
class Edges {
  private from = new Int32Array(1024).fill(-1);
  private key = new Int32Array(1024);
  private to = new Int32Array(1024);
  private size = 0;

  private slot(s: number, k: number): number {
    const mask = this.from.length - 1;
    let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) & mask;
    while (this.from[h] !== -1 && (this.from[h] !== s || this.key[h] !== k)) h = (h + 1) & mask;
    return h;
  }

  get(s: number, k: number): number {
    const h = this.slot(s, k);
    return this.from[h] === -1 ? -1 : this.to[h]!;
  }

  set(s: number, k: number, target: number): void {
    if ((this.size + 1) * 2 > this.from.length) this.grow();
    const h = this.slot(s, k);
    if (this.from[h] === -1) this.size++;
    this.from[h] = s;
    this.key[h] = k;
    this.to[h] = target;
  }

  private grow(): void {
    const [from, key, to] = [this.from, this.key, this.to];
    this.from = new Int32Array(from.length * 2).fill(-1);
    this.key = new Int32Array(from.length * 2);
    this.to = new Int32Array(from.length * 2);
    this.size = 0;
    for (let i = 0; i < from.length; i++) if (from[i] !== -1) this.set(from[i]!, key[i]!, to[i]!);
  }
}

export interface PhraseHit<T> {
  value: T;
  /** index of the phrase's first and last token */
  first: number;
  last: number;
}

interface Output<T> {
  value: T;
  length: number;
}

export class TokenAutomaton<T> {
  /** token key -> small integer; a key not here starts no phrase and continues none */
  private readonly keyIds = new Map<string, number>();
  /** (state, key id) -> next state; state 0 is the root */
  private readonly goto = new Edges();
  private readonly fail: number[] = [0];
  /** phrases ending at each state, those reached by failure links included (after build) */
  private readonly out: (Output<T>[] | undefined)[] = [undefined];
  private readonly children: number[][] = [[]];
  private built = false;

  /** Is `key` a token of some phrase? */
  has(key: string): boolean {
    return this.keyIds.has(key);
  }

  add(keys: string[], value: T): void {
    if (this.built) throw new Error('TokenAutomaton: add() after the first scan');
    let s = 0;
    for (const k of keys) {
      let id = this.keyIds.get(k);
      if (id === undefined) this.keyIds.set(k, (id = this.keyIds.size));
      let n = this.goto.get(s, id);
      if (n === -1) {
        n = this.fail.length;
        this.goto.set(s, id, n);
        this.fail.push(0);
        this.out.push(undefined);
        this.children.push([]);
        this.children[s]!.push(id);
      }
      s = n;
    }
    (this.out[s] ??= []).push({ value, length: keys.length });
  }

  private next(s: number, keyId: number): number | undefined {
    const n = this.goto.get(s, keyId);
    return n === -1 ? undefined : n;
  }

  /** Breadth-first: failure link = longest proper suffix that is also a prefix of some phrase. */
  private build(): void {
    this.built = true;
    const queue: number[] = [];
    for (const k of this.children[0]!) queue.push(this.next(0, k)!);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const k of this.children[s]!) {
        const child = this.next(s, k)!;
        let f = s;
        let target: number | undefined;
        while (f !== 0) {
          f = this.fail[f]!;
          target = this.next(f, k);
          if (target !== undefined) break;
        }
        const fc = target ?? 0;
        this.fail[child] = fc;
        const inherited = this.out[fc];
        if (inherited) this.out[child] = (this.out[child] ?? []).concat(inherited);
        queue.push(child);
      }
    }
    this.children.length = 0;
  }

  /**
   * All phrase occurrences in `keys`. `joined(j)` says whether token j continues the phrase of
   * token j - 1 (e.g. only spaces between them); where it does not, no phrase spans the gap.
   */
  scan(keys: readonly string[], joined: (j: number) => boolean): PhraseHit<T>[] {
    if (!this.built) this.build();
    const hits: PhraseHit<T>[] = [];
    let s = 0;
    for (let j = 0; j < keys.length; j++) {
      const id = this.keyIds.get(keys[j]!);
      if (id === undefined) {
        s = 0;
        continue;
      }
      if (s !== 0 && !joined(j)) s = 0;
      let n = this.next(s, id);
      while (n === undefined && s !== 0) {
        s = this.fail[s]!;
        n = this.next(s, id);
      }
      s = n ?? 0;
      const out = this.out[s];
      if (out) for (const o of out) hits.push({ value: o.value, first: j - o.length + 1, last: j });
    }
    return hits;
  }
}
