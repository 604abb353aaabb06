/**
 * The evidence index in IndexedDB: per retrieval key its sentence count (evidenceKeys) and its
 * postings in blocks of 256 report numbers (evidencePostings), per report its number and keys
 * (evidenceReports), totals in meta. The store's writes keep it in step inside their own
 * transactions (writeEvidence); a hover reads only its claim's keys and best reports
 * (EvidenceReader), so a restarted background answers without rebuilding anything.
 */
import type { Mention, Report } from '../corpus';
import type { CrosscheckDB, EvidencePostingsRow, EvidenceReportRow } from '../db';
import { docKey, EvidenceIndex, evidenceVersion, mentionsBySentence, NO_ENTITIES, POSTING_WIDTH, reportDocs, type EvidenceSlice, type SentenceDoc } from '../evidence';
import { JUDGED_REPORTS, SENTENCES_PER_REPORT } from '../evidence/judged';
import type { EntityLookup } from '../stance/frame';

/** Report numbers per postings row: a write rewrites only the rows of its reports' blocks. */
const BLOCK_BITS = 8;
/** Postings kept in memory between hovers (numbers); past it the cache starts again. */
const CACHE_POSTINGS = 8_000_000;

export const EVIDENCE_VERSION = evidenceVersion();

/** The tables a write that changes the evidence index must hold in its transaction. */
export const evidenceTables = (db: CrosscheckDB) => [db.evidenceKeys, db.evidencePostings, db.evidenceReports, db.meta];

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
  if (!put.length && !remove.length) return;
  const ids = [...new Set([...remove, ...put.map((e) => e.id)])];
  const [old, stats] = await Promise.all([db.evidenceReports.where('id').anyOf(ids).toArray(), readStats(db)]);
  const byId = new Map(old.map((r) => [r.id, r]));
  /** report numbers to take out of each block row, and entries to add to it */
  const drop = new Map<string, Set<number>>();
  const addTo = new Map<string, number[]>();
  const dfDelta = new Map<string, number>();
  const rowKey = (k: string, no: number) => `${no >> BLOCK_BITS}\u0000${k}`;
  for (const r of old) {
    stats.docs -= r.docs;
    stats.length -= r.length;
    for (const k of r.keys ? r.keys.split('\n') : []) {
      const key = rowKey(k, r.no);
      let s = drop.get(key);
      if (!s) drop.set(key, (s = new Set()));
      s.add(r.no);
    }
  }
  /** blocks past this one hold only numbers given out by this write: they have no stored row to read */
  const lastOldBlock = (stats.next - 1) >> BLOCK_BITS;
  const rows: EvidenceReportRow[] = [];
  for (const e of put) {
    const no = byId.get(e.id)?.no ?? stats.next++;
    const keys = new Set<string>();
    let length = 0;
    for (const d of e.docs) {
      length += d.len;
      for (const [k, tf] of d.tf) {
        keys.add(k);
        dfDelta.set(k, (dfDelta.get(k) ?? 0) + 1);
        const key = rowKey(k, no);
        let l = addTo.get(key);
        if (!l) addTo.set(key, (l = []));
        l.push(no, d.i, Math.min(tf, 0xffff), Math.min(d.len, 0xffff));
      }
    }
    stats.docs += e.docs.length;
    stats.length += length;
    rows.push({ no, id: e.id, keys: [...keys].join('\n'), docs: e.docs.length, length });
  }
  const touched = [...new Set([...drop.keys(), ...addTo.keys()])];
  const split = (key: string): [string, number] => {
    const at = key.indexOf('\u0000');
    return [key.slice(at + 1), Number(key.slice(0, at))];
  };
  // an import's or a rebuild's reports take new numbers: most of their rows start blocks of their own
  const stored = touched.filter((key) => split(key)[1] <= lastOldBlock);
  const read = await db.evidencePostings.bulkGet(stored.map(split));
  const byRow = new Map(stored.map((key, j) => [key, read[j]]));
  const current = touched.map((key) => byRow.get(key));
  const save: EvidencePostingsRow[] = [];
  const empty: [string, number][] = [];
  for (const [j, key] of touched.entries()) {
    const [k, b] = split(key);
    const was = current[j]?.p ?? new Int32Array(0);
    const gone = drop.get(key);
    const kept: number[] = [];
    for (let x = 0; x < was.length; x += POSTING_WIDTH) {
      if (gone?.has(was[x]!)) dfDelta.set(k, (dfDelta.get(k) ?? 0) - 1);
      else kept.push(was[x]!, was[x + 1]!, was[x + 2]!, was[x + 3]!);
    }
    const added = addTo.get(key) ?? [];
    const all = kept.concat(added);
    if (!all.length) {
      if (current[j]) empty.push([k, b]);
      continue;
    }
    // ordered by report number then sentence (an edited report keeps its number, so its entries may fall in between)
    if (kept.length && added.length && added[0]! < kept[kept.length - POSTING_WIDTH]!) sortPostings(all);
    save.push({ k, b, p: Int32Array.from(all) });
  }
  const dfKeys = [...dfDelta.keys()].filter((k) => dfDelta.get(k) !== 0);
  const dfRows = await db.evidenceKeys.bulkGet(dfKeys);
  const dfPut: { k: string; n: number }[] = [];
  const dfGone: string[] = [];
  for (const [j, k] of dfKeys.entries()) {
    const n = (dfRows[j]?.n ?? 0) + dfDelta.get(k)!;
    if (n > 0) dfPut.push({ k, n });
    else dfGone.push(k);
  }
  const removedNos = old.filter((r) => !put.some((e) => e.id === r.id)).map((r) => r.no);
  await Promise.all([
    db.evidencePostings.bulkPut(save),
    db.evidencePostings.bulkDelete(empty),
    db.evidenceKeys.bulkPut(dfPut),
    db.evidenceKeys.bulkDelete(dfGone),
    db.evidenceReports.bulkDelete(removedNos),
  ]);
  await db.evidenceReports.bulkPut(rows);
  stats.writes = (stats.writes ?? 0) + 1;
  await db.meta.put({ key: 'evidenceStats', value: JSON.stringify(stats) });
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
  await Promise.all([db.evidenceKeys.clear(), db.evidencePostings.clear(), db.evidenceReports.clear()]);
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
  private df = new Map<string, number>();
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
    await db.transaction('r', [db.evidenceKeys, db.evidencePostings, db.evidenceReports, db.reports, db.reportIndex, db.meta], async () => {
      // The stored stats change with every write: what was kept from before a write nobody told
      // this reader of (a writer in another context) is dropped here.
      const stamp = (await db.meta.get('evidenceStats'))?.value ?? '';
      if (stamp !== this.stamp) this.forget();
      this.stamp = stamp;
      const stats = (this.stats ??= stamp ? (JSON.parse(stamp) as Stats) : { ...ZERO });
      const unknown = keys.filter((k) => !this.df.has(k));
      const counts = await db.evidenceKeys.bulkGet(unknown);
      unknown.forEach((k, j) => this.df.set(k, counts[j]?.n ?? 0));
      slice.docs = stats.docs;
      slice.length = stats.length;
      for (const k of keys) if (this.df.get(k)) slice.df.set(k, this.df.get(k)!);
      // the slice so far (counts, then postings): enough to rank the claim's sentences and know which reports to read
      const probe = EvidenceIndex.fromSlice(entities, slice);
      const wanted = probe.postingKeys(claim, termId);
      const missing = wanted.filter((k) => !this.postings.has(k));
      const blocks = await Promise.all(missing.map((k) => db.evidencePostings.where('[k+b]').between([k, -Infinity], [k, Infinity], true, true).toArray()));
      missing.forEach((k, j) => this.keep(k, concat(blocks[j]!.map((r) => r.p))));
      for (const k of wanted) slice.postings.set(k, this.postings.get(k)!);
      const nos = probe.hitReports(claim, { limit: JUDGED_REPORTS * SENTENCES_PER_REPORT, boostTermId: termId, perReport: SENTENCES_PER_REPORT });
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
    this.df.clear();
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

/** Stored keys a search word may stand for (the keys that start with it); the exact key is always read. */
const WORD_KEYS = 64;
/** Sentences a search word may read through the keys that start with it, past its exact key. */
const WORD_SENTENCES = 200_000;
/** A report whose headline says it ranks as if this many of its sentences did. */
const HEADLINE_WEIGHT = 3;

/**
 * The reports that say what a search asks for, from the stored evidence index (no report is read):
 * a sentence or headline that holds every word (a word is a stem, matched as the start of a key:
 * "quay" finds "Quayside"), or one that names a term (its `T:` key). Ranked by how many such
 * sentences a report has (a headline counts HEADLINE_WEIGHT), then by when it came in; at most
 * `limit` report ids.
 */
export async function reportsSaying(db: CrosscheckDB, words: readonly string[], termKeys: readonly string[], limit: number): Promise<string[]> {
  if (!words.length && !termKeys.length) return [];
  return db.transaction('r', [db.evidenceKeys, db.evidencePostings, db.evidenceReports], async () => {
    const postings = async (keys: readonly string[]) =>
      concat((await Promise.all(keys.map((k) => db.evidencePostings.where('[k+b]').between([k, -Infinity], [k, Infinity], true, true).toArray()))).flat().map((r) => r.p));
    const groups = await Promise.all(
      words.map(async (w) => {
        const found = await db.evidenceKeys.where('k').startsWith(w).limit(WORD_KEYS).toArray();
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
    for (const g of groups.sort((a, b) => a.n - b.n)) {
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
