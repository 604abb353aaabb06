/**
 * The stored evidence index's shard rows (lib/background/evidence-store.ts), read and changed
 * without decoding them whole. A row's keys are one string, sorted, one key per line: IndexedDB
 * clones one string where it cloned one per key, a reader finds a key by binary search, and a
 * write that changes a few keys of a row copies the rest of it in runs (before, each row was decoded
 * into a Map of every key and encoded again).
 */
import type { EvidenceBlockRow, EvidenceCountsRow } from '../db';

/** A row's keys as an array (sorted). */
export const rowKeys = (row: { keys: string }): string[] => (row.keys ? row.keys.split('\n') : []);

/** Where `key` is in sorted `keys`, or -(where it would go) - 1. */
export function findKey(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === key ? lo : -lo - 1;
}

/** A key's sentence count and the blocks of report numbers that hold its postings (ascending). */
export interface KeyCount {
  n: number;
  blocks: Int32Array;
}

export const NO_COUNT: KeyCount = { n: 0, blocks: new Int32Array(0) };

/** The count of the key at `j` of a count row. */
export const countAt = (row: EvidenceCountsRow, j: number): KeyCount => ({ n: row.n[j]!, blocks: row.bl.subarray(row.bo[j]!, row.bo[j + 1]!) });

/** A count row with its keys split out. */
export interface HeldCounts {
  row: EvidenceCountsRow;
  keys: string[];
}

export const held = (row: EvidenceCountsRow): HeldCounts => ({ row, keys: rowKeys(row) });

/**
 * A key's count over its shard's rows (one per group of reports, in group order): the sentences of
 * every group, and their blocks end to end (still ascending). Undefined when no row holds the key.
 */
export function countOver(rows: readonly HeldCounts[], k: string): KeyCount | undefined {
  let n = 0;
  const parts: Int32Array[] = [];
  for (const { row, keys } of rows) {
    const j = findKey(keys, k);
    if (j < 0) continue;
    const c = countAt(row, j);
    n += c.n;
    parts.push(c.blocks);
  }
  if (!parts.length) return undefined;
  if (parts.length === 1) return { n, blocks: parts[0]! };
  return { n, blocks: packRuns(parts).all };
}

/** The postings of the key at `j` of a block row. */
export const postingsAt = (row: EvidenceBlockRow, j: number): Int32Array => row.p.subarray(row.at[j]!, row.at[j + 1]!);

/**
 * A row's keys with `changes` applied (a change that is not `kept` takes its key out): the sorted
 * keys, and for each where its values come from (its index in the old row, or its change).
 */
function merged<T>(
  keys: readonly string[],
  changes: ReadonlyMap<string, T>,
  kept: (value: T) => boolean,
): { keys: string[]; from: (number | T)[] } {
  const order = [...changes.keys()].sort();
  const out: string[] = [];
  /** per output key: its index in the old row, or its new value */
  const from: (number | T)[] = [];
  let i = 0;
  for (const k of order) {
    let at = findKey(keys, k);
    const found = at >= 0;
    if (!found) at = -at - 1;
    for (; i < at; i++) {
      out.push(keys[i]!);
      from.push(i);
    }
    if (found) i++;
    const v = changes.get(k)!;
    if (kept(v)) {
      out.push(k);
      from.push(v);
    }
  }
  for (; i < keys.length; i++) {
    out.push(keys[i]!);
    from.push(i);
  }
  return { keys: out, from };
}

/** Lay runs of numbers end to end: their offsets (one more than runs) and the numbers. */
function packRuns(runs: ArrayLike<number>[]): { at: Int32Array; all: Int32Array } {
  const at = new Int32Array(runs.length + 1);
  for (let j = 0; j < runs.length; j++) at[j + 1] = at[j]! + runs[j]!.length;
  const all = new Int32Array(at[runs.length]!);
  for (let j = 0; j < runs.length; j++) all.set(runs[j]!, at[j]!);
  return { at, all };
}

/** Shard `s`'s count row of group `g` with `changes` (a key's new count there; n 0 takes it out); null when no key is left. */
export function withCounts(s: number, g: number, row: EvidenceCountsRow | undefined, changes: ReadonlyMap<string, KeyCount>): EvidenceCountsRow | null {
  const { keys, from } = merged(row ? rowKeys(row) : [], changes, (c) => c.n > 0);
  if (!keys.length) return null;
  const n = new Int32Array(keys.length);
  const runs = from.map((f, j) => {
    if (typeof f === 'number') {
      n[j] = row!.n[f]!;
      return row!.bl.subarray(row!.bo[f]!, row!.bo[f + 1]!);
    }
    n[j] = f.n;
    return f.blocks;
  });
  const { at, all } = packRuns(runs);
  return { s, g, keys: keys.join('\n'), n, bo: at, bl: all };
}

/** Shard `s`'s row of block `b` with `changes` (a key's new postings; none takes it out); null when no key is left. */
export function withPostings(s: number, b: number, row: EvidenceBlockRow | undefined, changes: ReadonlyMap<string, ArrayLike<number>>): EvidenceBlockRow | null {
  const { keys, from } = merged(row ? rowKeys(row) : [], changes, (p) => p.length > 0);
  if (!keys.length) return null;
  const { at, all } = packRuns(from.map((f) => (typeof f === 'number' ? row!.p.subarray(row!.at[f]!, row!.at[f + 1]!) : f)));
  return { s, b, keys: keys.join('\n'), at, p: all };
}
