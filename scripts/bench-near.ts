/**
 * npm run bench:near [-- --list]: near-duplicate detection (lib/corpus/near-duplicate.ts) on the
 * FNC-1 training bodies. Prints (a) pairs of different bodies flagged as near-duplicates, and how
 * many of the pairs the exact test accepts the band keys find; (b) recall on synthetic variants of
 * every body, per kind of edit; (c) time per check, signature and lookup through a Dexie
 * multiEntry index (fake-indexeddb), as a write does. --list prints every flagged pair. Asserts nothing.
 */
import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { foldedWords, textKey } from '../lib/corpus/identity';
import { containment, firstNearDuplicate, isNearDuplicate, MIN_SHINGLES, nearKeysOf, shingles, type Shingles } from '../lib/corpus/near-duplicate';
import { readBodies } from './fnc';
import { variant, VARIANT_KINDS } from './near-variants';

const FNC = resolve(import.meta.dirname, '../../shared/data/fnc-1/train_bodies.csv');
const LIST = process.argv.includes('--list');

interface Body {
  id: string;
  text: string;
  set: Shingles;
  keys: string[];
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0;
const lead = (text: string) => foldedWords(text).slice(0, 12).join(' ');

/** value -> indexes of the bodies holding it, for band keys and shingles alike. */
function invert<K>(bodies: Body[], of: (b: Body) => Iterable<K>): Map<K, number[]> {
  const map = new Map<K, number[]>();
  bodies.forEach((b, i) => {
    for (const k of of(b)) {
      const ids = map.get(k);
      if (ids) ids.push(i);
      else map.set(k, [i]);
    }
  });
  return map;
}

/** Pairs of bodies listed together under some value, as `i * N + j` with i < j. */
function pairsSharing<K>(map: Map<K, number[]>, n: number): Set<number> {
  const out = new Set<number>();
  for (const ids of map.values()) for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) out.add(ids[a]! * n + ids[b]!);
  return out;
}

/** The pairs among `pairs` that pass the exact test. */
function nearPairs(bodies: Body[], pairs: Set<number>): [number, number][] {
  const n = bodies.length;
  return [...pairs].map((p) => [Math.floor(p / n), p % n] as [number, number]).filter(([i, j]) => isNearDuplicate(bodies[i]!.set, bodies[j]!.set));
}

function falsePositives(bodies: Body[], map: Map<string, number[]>): void {
  const n = bodies.length;
  const pairs = nearPairs(bodies, pairsSharing(map, n));
  // the reference: every pair sharing at least one shingle, tested exactly
  const exact = nearPairs(bodies, pairsSharing(invert(bodies, (b) => b.set), n));
  const identical = pairs.filter(([i, j]) => textKey(bodies[i]!.text) === textKey(bodies[j]!.text));
  const different = pairs.filter(([i, j]) => textKey(bodies[i]!.text) !== textKey(bodies[j]!.text));
  console.log(`\n(a) ${bodies.length} bodies, ${(bodies.length * (bodies.length - 1)) / 2} pairs`);
  console.log(`  flagged: ${pairs.length} pairs — ${identical.length} with identical text (FNC-1 repeats bodies), ${different.length} of different texts`);
  console.log(`  the band keys find ${pairs.length} of the ${exact.length} pairs the exact test accepts (${pct(pairs.length, exact.length)})`);
  const c = (i: number, j: number) => {
    const [a, b] = [bodies[i]!.set, bodies[j]!.set];
    return a.length <= b.length ? containment(a, b) : containment(b, a);
  };
  const shown = [...different].sort((x, y) => c(...x) - c(...y)).slice(0, LIST ? undefined : 12);
  console.log(`  ${LIST ? 'all' : 'the 12 least similar'} flagged pairs of different texts (containment, shingles, leads):`);
  for (const [i, j] of shown) {
    const [a, b] = [bodies[i]!, bodies[j]!];
    console.log(`   ${a.id}/${b.id} ${c(i, j).toFixed(2)} ${a.set.length}/${b.set.length}\n     « ${lead(a.text)} »\n     « ${lead(b.text)} »`);
  }
}

function recall(bodies: Body[], map: Map<string, number[]>): void {
  console.log(`\n(b) recall on synthetic variants (the original found through its keys and the exact test; bodies of ${MIN_SHINGLES}+ shingles)`);
  for (const kind of VARIANT_KINDS) {
    let n = 0;
    let exact = 0;
    let found = 0;
    for (const [i, b] of bodies.entries()) {
      const text = b.set.length >= MIN_SHINGLES ? variant(b.text, kind, Number(b.id)) : null;
      if (!text) continue;
      n++;
      const set = shingles(text);
      if (isNearDuplicate(set, b.set)) exact++;
      const candidates = new Set(nearKeysOf(set).flatMap((k) => map.get(k) ?? []));
      if (candidates.has(i) && isNearDuplicate(set, b.set)) found++;
    }
    console.log(`  ${kind.padEnd(15)} ${found}/${n} = ${pct(found, n)}   (exact test alone: ${pct(exact, n)})`);
  }
}

class BenchDB extends Dexie {
  reports!: Table<{ id: string; text: string; nearKeys: string[] }, string>;
  constructor() {
    super('bench-near');
    this.version(1).stores({ reports: 'id, *nearKeys' });
  }
}

/** What a write does before it stores a report: shingles + signature, then the index lookup and exact test. */
async function timing(bodies: Body[]): Promise<void> {
  const db = new BenchDB();
  await db.reports.bulkPut(bodies.map((b) => ({ id: b.id, text: b.text, nearKeys: b.keys })));
  const sign: number[] = [];
  const look: number[] = [];
  let hits = 0;
  let read = 0;
  for (const [i, b] of bodies.entries()) {
    const text = variant(b.text, VARIANT_KINDS[i % VARIANT_KINDS.length]!, i) ?? b.text + ' Updated.';
    const t0 = performance.now();
    const set = shingles(text);
    const keys = nearKeysOf(set);
    const t1 = performance.now();
    // one key range per key, as store.ts does: anyOf() walks the whole index in fake-indexeddb
    const ids = await Promise.all(keys.map((k) => db.reports.where('nearKeys').equals(k).primaryKeys()));
    const candidates = (await db.reports.bulkGet([...new Set(ids.flat())])).filter((r) => r !== undefined);
    read += candidates.length;
    if (firstNearDuplicate(text, candidates)) hits++;
    const t2 = performance.now();
    sign.push(t1 - t0);
    look.push(t2 - t1);
  }
  const long = Array.from({ length: 60 }, (_, i) => bodies[i]!.text).join('\n').repeat(20).slice(0, 1_000_000);
  const t0 = performance.now();
  nearKeysOf(shingles(long));
  const tLong = performance.now() - t0;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`\n(c) time per check, ${bodies.length} checks against ${bodies.length} stored reports (Node, fake-indexeddb); ${hits} found their original`);
  console.log(`  shingles + signature: median ${ms(quantile(sign, 0.5))}, p95 ${ms(quantile(sign, 0.95))}`);
  console.log(`  index lookup + exact test: median ${ms(quantile(look, 0.5))}, p95 ${ms(quantile(look, 0.95))}; ${(read / bodies.length).toFixed(2)} candidates read per check`);
  console.log(`  a 1,000,000-character report: shingles + signature ${ms(tLong)}`);
  db.close();
  await Dexie.delete('bench-near');
}

async function main(): Promise<void> {
  if (!existsSync(FNC)) {
    console.log(`FNC-1 bodies not found at ${FNC}`);
    return;
  }
  const bodies: Body[] = [...readBodies(readFileSync(FNC, 'utf8'))].map(([id, text]) => {
    const set = shingles(text);
    return { id, text, set, keys: nearKeysOf(set) };
  });
  const map = invert(bodies, (b) => b.keys);
  falsePositives(bodies, map);
  recall(bodies, map);
  await timing(bodies);
}

await main();
