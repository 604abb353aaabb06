/**
 * The evidence index in IndexedDB. Retrieval keys are spread over shards by hash: per count shard
 * (COUNT_SHARDS) and group of 1,024 report numbers the sentence count of each of its keys in that
 * group (evidenceCounts), and per shard (SHARDS) and block of 256 report numbers the postings of its
 * keys (evidenceBlocks); per report its number and keys (evidenceReports), totals in meta. A write
 * touches at most one count row per count shard and group and one block row per shard and block,
 * however many keys its reports hold (IndexedDB's cost is per row), and changes only its keys in a
 * row (lib/background/evidence-rows.ts). Reports added take new numbers, so an import's batch or an
 * added report rewrites the counts of the last group only, not of the whole corpus. The
 * store's writes keep it in step inside their own transactions (writeEvidence); a hover reads only
 * its claim's shards and best reports (EvidenceReader), so a restarted background answers without
 * rebuilding anything.
 */
import type { Mention, Report } from '../corpus';
import type { CrosscheckDB, EvidenceBlockRow, EvidenceCountsRow, EvidenceReportRow } from '../db';
import { hash32 } from '../text';
import { countAt, countOver, findKey, held, NO_COUNT, postingsAt, rowKeys, withCounts, withPostings, type HeldCounts, type KeyCount } from './evidence-rows';
import { docKey, EvidenceIndex, evidenceVersion, mentionsBySentence, NO_ENTITIES, POSTING_WIDTH, reportDocs, type EvidenceSlice, type SentenceDoc } from '../evidence';
import { judgedSearch } from '../evidence/judged';
import type { EntityLookup } from '../stance/frame';

/** Report numbers per postings row: a write rewrites only the rows of its reports' blocks. */
const BLOCK_BITS = 8;
/** Shards of keys for postings (a power of two): the rows a write touches per block. */
const SHARDS = 256;
export const shardOf = (key: string): number => hash32(key) & (SHARDS - 1);
/**
 * Shards of keys for counts (a power of two, a multiple of SHARDS). A write of one report (a few
 * hundred keys) still touches most shards of its group; more shards would make each row smaller but
 * a batch's write and a reader's rows (a claim's shards times the groups) more numerous.
 */
const COUNT_SHARDS = 1024;
export const countShardOf = (key: string): number => hash32(key) & (COUNT_SHARDS - 1);
/**
 * Report numbers per group of count rows (a multiple of a block). With one count row per shard, each
 * batch of an import rewrote the counts of the whole corpus; by group, it rewrites its own group's. A
 * reader sums a key over the groups (10 rows per shard at 10,000 reports).
 */
const GROUP_BITS = 10;
export const groupOf = (no: number): number => no >> GROUP_BITS;
/** The groups that hold the counts of report numbers below `next`. */
const groupsBelow = (next: number): number => (next > 0 ? groupOf(next - 1) + 1 : 0);
/** Postings kept in memory between hovers (numbers); past it the cache starts again. */
const CACHE_POSTINGS = 8_000_000;

export const EVIDENCE_VERSION = evidenceVersion();

/** The tables a write that changes the evidence index must hold in its transaction. */
export const evidenceTables = (db: CrosscheckDB) => [db.evidenceCounts, db.evidenceBlocks, db.evidenceReports, db.meta];

/**
 * The postings of `keys` (in report order), reading only the block rows that hold them: the blocks
 * each key is in come from `known` (its count, as read before) or are read here first.
 */
async function readPostings(db: CrosscheckDB, keys: readonly string[], groups: number, known: (k: string) => KeyCount | undefined): Promise<Map<string, Int32Array>> {
  const unknown = keys.filter((k) => !known(k));
  const read = unknown.length ? await readCounts(db, unknown, groups) : null;
  const countOf = (k: string) => known(k) ?? read?.get(k) ?? NO_COUNT;
  const wanted = new Map<string, [number, number]>();
  for (const k of keys) for (const b of countOf(k).blocks) wanted.set(`${shardOf(k)}|${b}`, [shardOf(k), b]);
  const pairs = [...wanted.values()];
  const rows = await db.evidenceBlocks.bulkGet(pairs);
  const byPair = new Map(pairs.map(([s, b], j) => [`${s}|${b}`, rows[j] && { row: rows[j]!, keys: rowKeys(rows[j]!) }]));
  const out = new Map<string, Int32Array>();
  for (const k of keys) {
    const parts: Int32Array[] = [];
    for (const b of countOf(k).blocks) {
      const held = byPair.get(`${shardOf(k)}|${b}`);
      const j = held ? findKey(held.keys, k) : -1;
      if (j >= 0) parts.push(postingsAt(held!.row, j));
    }
    out.set(k, parts.length === 1 ? parts[0]!.slice() : concat(parts)); // a copy: not the whole row kept alive
  }
  return out;
}

/** The sentence counts and blocks of `keys` (none for a key no sentence holds), reading each shard's count rows (one per group of `groups`) once. */
async function readCounts(db: CrosscheckDB, keys: readonly string[], groups: number): Promise<Map<string, KeyCount>> {
  const shards = [...new Set(keys.map(countShardOf))];
  const pairs = shards.flatMap((s) => Array.from({ length: groups }, (_, g): [number, number] => [s, g]));
  const rows = await db.evidenceCounts.bulkGet(pairs);
  const byShard = new Map<number, HeldCounts[]>(shards.map((s) => [s, []]));
  pairs.forEach(([s], j) => {
    if (rows[j]) byShard.get(s)!.push(held(rows[j]!));
  });
  return new Map(keys.map((k) => [k, countOver(byShard.get(countShardOf(k))!, k) ?? NO_COUNT]));
}

interface Stats {
  docs: number;
  length: number;
  /** writes so far (a reader that kept what it read sees from this stamp whether it is still true) */
  writes?: number;
  /** the next report number */
  next: number;
}

const ZERO: Stats = { docs: 0, length: 0, next: 0 };

async function readStats(db: CrosscheckDB): Promise<Stats> {
  const v = (await db.meta.get('evidenceStats'))?.value;
  return v ? (JSON.parse(v) as Stats) : { ...ZERO };
}

/** A report ready to go into the evidence index: its sentences' keys, computed outside any transaction. */
export interface EvidenceEntry {
  id: string;
  docs: SentenceDoc[];
}

/** The entry of a report whose mentions the corpus index has (no matching here). */
export function evidenceEntry(report: Pick<Report, 'id' | 'title' | 'sentences'>, mentions: readonly Mention[]): EvidenceEntry {
  return { id: report.id, docs: reportDocs(report, NO_ENTITIES, mentionsBySentence(mentions)) };
}

/**
 * Put reports into the evidence index (replacing what it held of them) and take others out. Runs
 * inside the caller's transaction, which must hold `evidenceTables(db)`.
 */
export async function writeEvidence(db: CrosscheckDB, put: EvidenceEntry[], remove: string[] = []): Promise<void> {
  const plan = await planEvidence(db, put, remove);
  if (plan) await applyEvidence(db, plan);
}

/** The rows a write of the evidence index puts and deletes, worked out from what the index holds (planEvidence). */
export interface EvidencePlan {
  blocks: EvidenceBlockRow[];
  blocksGone: [number, number][];
  counts: EvidenceCountsRow[];
  countsGone: [number, number][];
  reports: EvidenceReportRow[];
  reportsGone: number[];
  stats: Stats;
}

/**
 * What writeEvidence would write, read and worked out without writing. A large write reads and
 * works out its plan before it opens its write transaction, so that readers (hovers) wait only for
 * the rows to be put; nothing may write the evidence index between the plan and its applyEvidence
 * (the store's writes go one at a time).
 */
export async function planEvidence(db: CrosscheckDB, put: EvidenceEntry[], remove: string[] = []): Promise<EvidencePlan | null> {
  if (!put.length && !remove.length) return null;
  const ids = [...new Set([...remove, ...put.map((e) => e.id)])];
  const [old, stats] = await Promise.all([db.evidenceReports.where('id').anyOf(ids).toArray(), readStats(db)]);
  const byId = new Map(old.map((r) => [r.id, r]));
  /** report numbers to take out of each block row, and entries to add to it */
  const drop = new Map<string, Set<number>>();
  const addTo = new Map<string, number[]>();
  /** change of each key's sentence count in a group (`group \0 key`) */
  const dfDelta = new Map<string, number>();
  const groupKey = (k: string, g: number) => `${g}\u0000${k}`;
  const addDf = (k: string, g: number, d: number) => dfDelta.set(groupKey(k, g), (dfDelta.get(groupKey(k, g)) ?? 0) + d);
  const rowKey = (k: string, no: number) => `${no >> BLOCK_BITS}\u0000${k}`;
  const entries = put.map((e) => ({ e, postings: keyPostings(e) }));
  const puts = new Map(entries.map((x) => [x.e.id, x]));
  /**
   * Of a report written again, the keys whose postings are as stored (same hashes): neither taken
   * out nor put back. Matching a report again changes the postings of a few keys, not its hundreds.
   */
  const same = new Map<string, Set<string>>();
  for (const r of old) {
    stats.docs -= r.docs;
    stats.length -= r.length;
    const now = puts.get(r.id)?.postings;
    const kept = new Set<string>();
    same.set(r.id, kept);
    const keys = r.keys ? r.keys.split('\n') : [];
    for (const [j, k] of keys.entries()) {
      const p = now?.get(k);
      if (p && r.h && r.h[2 * j] === p.h1 && r.h[2 * j + 1] === p.h2) {
        kept.add(k);
        continue;
      }
      const key = rowKey(k, r.no);
      let s = drop.get(key);
      if (!s) drop.set(key, (s = new Set()));
      s.add(r.no);
    }
  }
  /** blocks and groups past these hold only numbers given out by this write: they have no stored rows to read */
  const lastOldBlock = (stats.next - 1) >> BLOCK_BITS;
  const lastOldGroup = groupOf(stats.next - 1);
  const rows: EvidenceReportRow[] = [];
  for (const { e, postings } of entries) {
    const no = byId.get(e.id)?.no ?? stats.next++;
    const kept = same.get(e.id);
    const h = new Int32Array(2 * postings.size);
    let j = 0;
    for (const [k, p] of postings) {
      h[j++] = p.h1;
      h[j++] = p.h2;
      if (kept?.has(k)) continue;
      addDf(k, groupOf(no), p.runs.length / 3);
      const key = rowKey(k, no);
      let l = addTo.get(key);
      if (!l) addTo.set(key, (l = []));
      for (let x = 0; x < p.runs.length; x += 3) l.push(no, p.runs[x]!, p.runs[x + 1]!, p.runs[x + 2]!);
    }
    const length = e.docs.reduce((n, d) => n + d.len, 0);
    stats.docs += e.docs.length;
    stats.length += length;
    rows.push({ no, id: e.id, keys: [...postings.keys()].join('\n'), h, docs: e.docs.length, length });
  }
  // the rows to rewrite: one per shard and block that a dropped or added posting falls in
  const split = (key: string): [string, number] => {
    const at = key.indexOf('\u0000');
    return [key.slice(at + 1), Number(key.slice(0, at))];
  };
  const rowsTouched = new Map<string, [number, number]>();
  for (const key of [...drop.keys(), ...addTo.keys()]) {
    const [k, b] = split(key);
    const s = shardOf(k);
    rowsTouched.set(`${s}|${b}`, [s, b]);
  }
  const touched = [...rowsTouched.values()];
  // an import's or a rebuild's reports take new numbers: most of their rows start blocks of their own
  const stored = touched.filter(([, b]) => b <= lastOldBlock);
  const read = await db.evidenceBlocks.bulkGet(stored);
  const current = new Map(stored.map(([s, b], j) => [`${s}|${b}`, read[j]]));
  /** the keys each touched row gains or loses postings for */
  const keysOf = new Map<string, Set<string>>();
  for (const key of [...drop.keys(), ...addTo.keys()]) {
    const [k, b] = split(key);
    const id = `${shardOf(k)}|${b}`;
    let l = keysOf.get(id);
    if (!l) keysOf.set(id, (l = new Set()));
    l.add(k);
  }
  const save: EvidenceBlockRow[] = [];
  const empty: [number, number][] = [];
  /** keys that come to have postings in a block (true) or no longer have any there (false) */
  const moved = new Map<string, Map<number, boolean>>();
  for (const [s, b] of touched) {
    const id = `${s}|${b}`;
    const row = current.get(id);
    const held = row ? rowKeys(row) : [];
    const changes = new Map<string, ArrayLike<number>>();
    for (const k of keysOf.get(id)!) {
      const key = rowKey(k, b << BLOCK_BITS);
      const at = row ? findKey(held, k) : -1;
      const was: ArrayLike<number> = at >= 0 ? postingsAt(row!, at) : [];
      const gone = drop.get(key);
      const kept: number[] = [];
      for (let x = 0; x < was.length; x += POSTING_WIDTH) {
        if (gone?.has(was[x]!)) addDf(k, groupOf(was[x]!), -1);
        else kept.push(was[x]!, was[x + 1]!, was[x + 2]!, was[x + 3]!);
      }
      const added = addTo.get(key) ?? [];
      const all = kept.concat(added);
      // ordered by report number then sentence (an edited or re-seeded report keeps its number, so its entries may fall anywhere)
      if (!inOrder(all)) sortPostings(all);
      changes.set(k, all);
      if (!was.length !== !all.length) {
        let m = moved.get(k);
        if (!m) moved.set(k, (m = new Map()));
        m.set(b, all.length > 0);
      }
    }
    const next = withPostings(s, b, row, changes);
    if (next) save.push(next);
    else if (row) empty.push([s, b]);
  }
  // the sentence counts and blocks of the keys, a row per count shard and group
  const countChanges = new Map<string, { s: number; g: number; keys: Set<string> }>();
  const touch = (k: string, g: number) => {
    const s = countShardOf(k);
    const id = `${s}|${g}`;
    let c = countChanges.get(id);
    if (!c) countChanges.set(id, (c = { s, g, keys: new Set() }));
    c.keys.add(k);
  };
  for (const [key, d] of dfDelta) {
    const at = key.indexOf('\u0000');
    if (d) touch(key.slice(at + 1), Number(key.slice(0, at)));
  }
  for (const [k, m] of moved) for (const b of m.keys()) touch(k, b >> (GROUP_BITS - BLOCK_BITS));
  const countTouched = [...countChanges.values()];
  const countStored = countTouched.filter((c) => c.g <= lastOldGroup);
  const countRead = await db.evidenceCounts.bulkGet(countStored.map((c): [number, number] => [c.s, c.g]));
  const countRows = new Map(countStored.map((c, j) => [`${c.s}|${c.g}`, countRead[j]]));
  const countsPut: EvidenceCountsRow[] = [];
  const countsGone: [number, number][] = [];
  for (const { s, g, keys } of countTouched) {
    const row = countRows.get(`${s}|${g}`);
    const held = row ? rowKeys(row) : [];
    const changes = new Map<string, KeyCount>();
    for (const k of keys) {
      const at = row ? findKey(held, k) : -1;
      const was = at >= 0 ? countAt(row!, at) : NO_COUNT;
      const change = moved.get(k);
      const inGroup = change ? [...change].filter(([b]) => b >> (GROUP_BITS - BLOCK_BITS) === g) : [];
      const blocks = inGroup.length
        ? Int32Array.from(new Set([...was.blocks].filter((b) => change!.get(b) !== false).concat(inGroup.filter(([, has]) => has).map(([b]) => b)))).sort()
        : was.blocks;
      changes.set(k, { n: was.n + (dfDelta.get(groupKey(k, g)) ?? 0), blocks });
    }
    const next = withCounts(s, g, row, changes);
    if (next) countsPut.push(next);
    else if (row) countsGone.push([s, g]);
  }
  const putIds = new Set(put.map((e) => e.id));
  const reportsGone = old.filter((r) => !putIds.has(r.id)).map((r) => r.no);
  stats.writes = (stats.writes ?? 0) + 1;
  return { blocks: save, blocksGone: empty, counts: countsPut, countsGone, reports: rows, reportsGone, stats };
}

/**
 * A report's postings by key, without its number (sentence index, count, sentence length: the rest
 * of each posting), in sentence order, with two hashes of them (FNV-1a with two primes: a key
 * whose postings changed and still hash the same in both is a chance of about one in 2^64).
 */
function keyPostings(e: EvidenceEntry): Map<string, { runs: number[]; h1: number; h2: number }> {
  const out = new Map<string, { runs: number[]; h1: number; h2: number }>();
  for (const d of e.docs) {
    for (const [k, tf] of d.tf) {
      let p = out.get(k);
      if (!p) out.set(k, (p = { runs: [], h1: 0x811c9dc5 | 0, h2: 0x01000193 }));
      for (const x of [d.i, Math.min(tf, 0xffff), Math.min(d.len, 0xffff)]) {
        p.runs.push(x);
        p.h1 = Math.imul(p.h1 ^ x, 0x01000193);
        p.h2 = (Math.imul(p.h2 ^ x, 0x0100019d) + 0x9e3779b9) | 0;
      }
    }
  }
  return out;
}

/** Write a plan (inside the caller's transaction, which must hold `evidenceTables(db)`). */
export async function applyEvidence(db: CrosscheckDB, plan: EvidencePlan): Promise<void> {
  await Promise.all([
    db.evidenceBlocks.bulkPut(plan.blocks),
    db.evidenceBlocks.bulkDelete(plan.blocksGone),
    db.evidenceCounts.bulkPut(plan.counts),
    db.evidenceCounts.bulkDelete(plan.countsGone),
    db.evidenceReports.bulkDelete(plan.reportsGone),
  ]);
  await db.evidenceReports.bulkPut(plan.reports);
  await db.meta.put({ key: 'evidenceStats', value: JSON.stringify(plan.stats) });
}

function inOrder(all: readonly number[]): boolean {
  for (let x = POSTING_WIDTH; x < all.length; x += POSTING_WIDTH) {
    const d = all[x]! - all[x - POSTING_WIDTH]!;
    if (d < 0 || (d === 0 && all[x + 1]! <= all[x + 1 - POSTING_WIDTH]!)) return false;
  }
  return true;
}

function sortPostings(all: number[]): void {
  const n = all.length / POSTING_WIDTH;
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => all[a * POSTING_WIDTH]! - all[b * POSTING_WIDTH]! || all[a * POSTING_WIDTH + 1]! - all[b * POSTING_WIDTH + 1]!);
  const copy = all.slice();
  order.forEach((from, to) => {
    for (let w = 0; w < POSTING_WIDTH; w++) all[to * POSTING_WIDTH + w] = copy[from * POSTING_WIDTH + w]!;
  });
}

/** Empty the evidence index and stamp it with the current version (inside a transaction holding evidenceTables). */
export async function clearEvidence(db: CrosscheckDB): Promise<void> {
  await Promise.all([db.evidenceCounts.clear(), db.evidenceBlocks.clear(), db.evidenceReports.clear()]);
  await db.meta.bulkPut([
    { key: 'evidenceStats', value: JSON.stringify(ZERO) },
    { key: 'evidenceVersion', value: EVIDENCE_VERSION },
  ]);
}

/** Was the stored evidence index built the way this code builds it? */
export async function evidenceIsCurrent(db: CrosscheckDB): Promise<boolean> {
  return (await db.meta.get('evidenceVersion'))?.value === EVIDENCE_VERSION;
}

/**
 * Reads the stored evidence index for one claim at a time: the sentence counts of its keys, the
 * postings its query reads, the reports of its best sentences. What was read stays in memory
 * until the index changes (`generation`), so a second hover on the same words reads nothing.
 */
export class EvidenceReader {
  private seen = -1;
  private stamp: string | null = null;
  private stats: Stats | null = null;
  /** each key's sentence count and blocks, as read */
  private counts = new Map<string, KeyCount>();
  private postings = new Map<string, Int32Array>();
  private held = 0;
  private reports = new Map<number, { report: Report; mentions: Mention[] } | null>();

  constructor(
    private db: CrosscheckDB,
    /** changes whenever a write changed the evidence index */
    private generation: () => number,
  ) {}

  /** An evidence index holding what judging `claim` (hovered on `termId`) reads, as judgeReports searches it. */
  async forClaim(claim: string, entities: EntityLookup, termId?: string): Promise<EvidenceIndex> {
    const generation = this.generation();
    if (generation !== this.seen) {
      this.seen = generation;
      this.forget();
    }
    const db = this.db;
    const slice: EvidenceSlice = { docs: 0, length: 0, df: new Map(), postings: new Map(), reports: new Map() };
    const boost = termId ? `T:${termId}` : null;
    const keys = [...EvidenceIndex.fromSlice(entities, slice).claimKeys(claim), ...(boost ? [boost] : [])];
    await db.transaction('r', [db.evidenceCounts, db.evidenceBlocks, db.evidenceReports, db.reports, db.reportIndex, db.meta], async () => {
      // The stored stats change with every write: what was kept from before a write nobody told
      // this reader of (a writer in another context) is dropped here.
      const stamp = (await db.meta.get('evidenceStats'))?.value ?? '';
      if (stamp !== this.stamp) this.forget();
      this.stamp = stamp;
      const stats = (this.stats ??= stamp ? (JSON.parse(stamp) as Stats) : { ...ZERO });
      const unknown = keys.filter((k) => !this.counts.has(k));
      for (const [k, c] of await readCounts(db, unknown, groupsBelow(stats.next))) this.counts.set(k, c);
      slice.docs = stats.docs;
      slice.length = stats.length;
      for (const k of keys) if (this.counts.get(k)?.n) slice.df.set(k, this.counts.get(k)!.n);
      // the slice so far (counts, then postings): enough to rank the claim's sentences and know which reports to read
      const probe = EvidenceIndex.fromSlice(entities, slice);
      const wanted = probe.postingKeys(claim, termId);
      const missing = wanted.filter((k) => !this.postings.has(k));
      for (const [k, p] of await readPostings(db, missing, groupsBelow(stats.next), (k) => this.counts.get(k))) this.keep(k, p);
      for (const k of wanted) slice.postings.set(k, this.postings.get(k)!);
      const nos = probe.hitReports(claim, judgedSearch(termId));
      const load = nos.filter((no) => !this.reports.has(no));
      if (load.length) {
        const named = await db.evidenceReports.bulkGet(load);
        const ids = named.map((r) => r?.id ?? '');
        const [reports, rows] = await Promise.all([db.reports.bulkGet(ids), db.reportIndex.bulkGet(ids)]);
        load.forEach((no, j) => {
          const r = reports[j];
          this.reports.set(no, r && named[j] ? { report: r, mentions: rows[j]?.mentions ?? [] } : null);
        });
      }
      for (const no of nos) {
        const r = this.reports.get(no);
        if (r) slice.reports.set(no, r);
      }
    });
    return EvidenceIndex.fromSlice(entities, slice);
  }

  private forget(): void {
    this.stats = null;
    this.counts.clear();
    this.postings.clear();
    this.held = 0;
    this.reports.clear();
  }

  private keep(k: string, p: Int32Array): void {
    if (this.held + p.length > CACHE_POSTINGS) {
      this.postings.clear();
      this.held = 0;
    }
    this.postings.set(k, p);
    this.held += p.length;
  }
}

function concat(parts: Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every stored key, with its sentence count, as the count rows hold them (each sorted): a search word finds the keys it starts. */
class Vocabulary {
  private rows: HeldCounts[];
  /** each shard's rows, in group order */
  private shards = new Map<number, HeldCounts[]>();

  /** `rows` in key order (shard, then group) */
  constructor(rows: EvidenceCountsRow[]) {
    this.rows = rows.map(held);
    for (const r of this.rows) {
      const l = this.shards.get(r.row.s);
      if (l) l.push(r);
      else this.shards.set(r.row.s, [r]);
    }
  }

  /** A stored key's count and blocks (undefined for a key no sentence holds). */
  count = (k: string): KeyCount | undefined => countOver(this.shards.get(countShardOf(k)) ?? [], k);

  /**
   * At most `limit` keys that start with `prefix` (the first in order), with their counts summed
   * over groups. Each row gives its first `limit`: a key among the first `limit` of all is among
   * the first `limit` of every row that holds it, so its sum is whole.
   */
  startingWith(prefix: string, limit: number): { k: string; n: number }[] {
    const sums = new Map<string, number>();
    for (const { row, keys } of this.rows) {
      const at = findKey(keys, prefix);
      let j = at >= 0 ? at : -at - 1;
      for (let taken = 0; j < keys.length && taken < limit && keys[j]!.startsWith(prefix); j++, taken++) sums.set(keys[j]!, (sums.get(keys[j]!) ?? 0) + row.n[j]!);
    }
    return [...sums]
      .sort((x, y) => (x[0] < y[0] ? -1 : 1))
      .slice(0, limit)
      .map(([k, n]) => ({ k, n }));
  }
}

/** The vocabulary read last, per database, while the stored stats say nothing was written since. */
const vocabularies = new WeakMap<CrosscheckDB, { stamp: string; vocabulary: Vocabulary }>();

/** The stored keys (all the count rows: read once, then again only after a write). Inside a transaction holding evidenceCounts and meta. */
async function keysByPrefix(db: CrosscheckDB): Promise<Vocabulary> {
  const stamp = (await db.meta.get('evidenceStats'))?.value ?? '';
  const kept = vocabularies.get(db);
  if (kept?.stamp === stamp) return kept.vocabulary;
  const vocabulary = new Vocabulary(await db.evidenceCounts.toArray());
  vocabularies.set(db, { stamp, vocabulary });
  return vocabulary;
}

/** Stored keys a search word may stand for (the keys that start with it); the exact key is always read. */
const WORD_KEYS = 64;
/**
 * Sentences a search word may read through the keys that start with it, past its exact key (each
 * sentence is a posting read from IndexedDB; 200,000 let one short word read a large part of the index).
 */
const WORD_SENTENCES = 20_000;
/** A shorter word stands only for itself: "sy" is the start of too many words to mean any. */
const PREFIX_CHARS = 3;
/** A word this many sentences hold stands only for itself ("syria", not also "syrians"). */
const COMMON_WORD = 50;
/** A report whose headline says it ranks as if this many of its sentences did. */
const HEADLINE_WEIGHT = 3;

/**
 * The reports that say what a search asks for, from the stored evidence index (no report is read):
 * a sentence or headline that holds every word (a word is a stem, matched as the start of a key:
 * "quay" finds "Quayside", unless it is shorter than PREFIX_CHARS or COMMON_WORD sentences hold it
 * as it is), or one that names a term (its `T:` key). Ranked by how many such
 * sentences a report has (a headline counts HEADLINE_WEIGHT), then by when it came in; at most
 * `limit` report ids.
 */
export async function reportsSaying(db: CrosscheckDB, words: readonly string[], termKeys: readonly string[], limit: number): Promise<string[]> {
  if (!words.length && !termKeys.length) return [];
  return db.transaction('r', [db.evidenceCounts, db.evidenceBlocks, db.evidenceReports, db.meta], async () => {
    // a word many sentences hold stands for itself; only a rarer one is read as the start of others,
    // which needs every stored key (the whole counts table: the first search after a restart paid for it)
    const groups = groupsBelow((await readStats(db)).next);
    const exact = await readCounts(db, words, groups);
    const common = (w: string) => w.length < PREFIX_CHARS || (exact.get(w)?.n ?? 0) >= COMMON_WORD;
    const vocabulary = words.every(common) ? null : await keysByPrefix(db);
    const countOf = (k: string) => vocabulary?.count(k) ?? exact.get(k);
    const postings = async (keys: readonly string[]) => concat([...(await readPostings(db, keys, groups, countOf)).values()]);
    const wordKeys = await Promise.all(
      words.map(async (w) => {
        const found = !vocabulary || common(w) ? (exact.get(w)?.n ? [{ k: w, n: exact.get(w)!.n }] : []) : vocabulary.startingWith(w, WORD_KEYS);
        // the exact key first, then the commonest, within the budget
        found.sort((a, b) => Number(b.k === w) - Number(a.k === w) || b.n - a.n);
        const keys: string[] = [];
        let n = 0;
        for (const row of found) {
          if (keys.length && n + row.n > WORD_SENTENCES) continue;
          keys.push(row.k);
          n += row.n;
        }
        return { keys, n };
      }),
    );
    /** the sentences holding every word so far: key → [report number, sentence index] */
    let every: Map<number, [number, number]> | null = null;
    // the rarest word first: each next word only keeps sentences
    for (const g of wordKeys.sort((a, b) => a.n - b.n)) {
      const p = await postings(g.keys);
      const next = new Map<number, [number, number]>();
      for (let j = 0; j < p.length; j += POSTING_WIDTH) {
        const key = docKey(p[j]!, p[j + 1]!);
        if (!every || every.has(key)) next.set(key, [p[j]!, p[j + 1]!]);
      }
      every = next;
      if (!every.size) break;
    }
    const hits = new Map<number, number>();
    const seen = new Set<number>();
    const count = (no: number, i: number) => {
      const key = docKey(no, i);
      if (seen.has(key)) return;
      seen.add(key);
      hits.set(no, (hits.get(no) ?? 0) + (i === -1 ? HEADLINE_WEIGHT : 1));
    };
    for (const [no, i] of every?.values() ?? []) count(no, i);
    const named = await postings(termKeys);
    for (let j = 0; j < named.length; j += POSTING_WIDTH) count(named[j]!, named[j + 1]!);
    const best = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([no]) => no);
    return (await db.evidenceReports.bulkGet(best)).flatMap((r) => (r ? [r.id] : []));
  });
}
