/**
 * Writes to the corpus database, one at a time and in order: seeding, adding, editing, deleting,
 * importing user reports. Each write validates its input, refuses duplicates, re-indexes only the
 * reports it touches in one transaction, backs the user's reports up, and tells listeners.
 * Imported (and restored) reports are stored at once and indexed afterwards, a batch per write,
 * so a large import neither waits for term extraction nor holds other writes and hovers up.
 */
import { i18n } from '#i18n';
import { toReport, type CompiledCorpus, type Report } from '../corpus';
import { leadOf } from '../corpus/display';
import { foldedWords, textKeyOfWords, urlKey } from '../corpus/identity';
import { indexRowSliced, LiveIndex, unmatched, type ReportIndexRow } from '../corpus/live-index';
import { firstNearDuplicate, firstNearDuplicateOf, nearKeysOf, shingles, shinglesOfWords, type Shingles } from '../corpus/near-duplicate';
import { parseNewReport, type NewReportInput } from '../corpus/schema';
import { BackupDB, type BackupRow, type CrosscheckDB, type StoredReport } from '../db';
import { gatheredId, overCap, type GatheredOrigin } from '../corpus/gathered';
import { applyEvidence, clearEvidence, evidenceEntry, evidenceIsCurrent, evidenceTables, planEvidence, writeEvidence, type EvidenceEntry } from './evidence-store';
import { storageError } from './storage-errors';

/** The refusals a write can give (locales/en.yml `errors`). */
export const STORE_MESSAGES = {
  get duplicate() {
    return i18n.t('errors.duplicate');
  },
  get duplicateUrl() {
    return i18n.t('errors.duplicateUrl');
  },
  gone: (verb: 'edited' | 'deleted') => i18n.t(verb === 'edited' ? 'errors.goneEdit' : 'errors.goneDelete'),
  notYours: (verb: 'edited' | 'deleted') => i18n.t(verb === 'edited' ? 'errors.notYoursEdit' : 'errors.notYoursDelete'),
  get importNotList() {
    return i18n.t('errors.importNotList');
  },
  importTooMany: (n: number) => i18n.t('errors.importTooMany', [IMPORT_MAX_REPORTS.toLocaleString('en'), n.toLocaleString('en')]),
  importAt: (i: number, message: string) => i18n.t('errors.importAt', [String(i), message]),
};
/** The refusal of a near-identical report names the stored one, so the reader can find it. */
export const nearDuplicateMessage = (existing: Report): string => i18n.t('errors.nearDuplicate', [existing.title ?? leadOf(existing)]);
/** Most reports one import may hold (the import file format says the same). */
export const IMPORT_MAX_REPORTS = 50_000;
/** The backup keeps at most this many of the user's newest reports. */
export const BACKUP_MAX_REPORTS = 20_000;
/** Work done between two yields to the event loop, so hovers are answered during long writes. */
const SLICE_MS = 25;
/** How indexing after a write is split up; a test may shrink them to exercise the batched paths. */
export const INDEXING = {
  /** extraction work per indexing batch: each batch is one write, so other writes wait at most this long */
  batchMs: 1_000,
  batchMax: 500,
  /**
   * A write matches again at once at most this many other reports that may name a term it changed
   * (a term entering or leaving the dictionary can touch thousands); more are matched afterwards,
   * a batch per write, so adding one report stays fast in a large corpus.
   */
  rematchAtOnce: 30,
  rematchBatch: 300,
  /** matching work per re-matching batch, so a write queued behind one waits little */
  rematchMs: 150,
  /** reports per batch when extraction runs in workers (off this thread): about a second of work on two cores */
  parallelBatch: 160,
};

/** Term extraction somewhere else (workers on every core): index rows for reports, in their order. */
export type Extractor = (reports: StoredReport[]) => Promise<ReportIndexRow[]>;

export interface IndexChange {
  /** the new index version (also stored as meta 'indexVersion') */
  version: string;
  /** reports added, edited or deleted by the write */
  reportIds: string[];
  /** one of the batches that index stored reports after an import (many follow one another) */
  batch?: true;
}

/** Reports indexed so far out of those stored without an index row (an import, a restore); null when none are left. */
export type IndexingProgress = { done: number; total: number } | null;

interface StoreState {
  queue: Promise<unknown>;
  index: LiveIndex | null;
  backup: BackupDB;
  listeners: Set<(change: IndexChange) => void>;
  /** reports stored without an index row, in the order they came */
  pending: Set<string>;
  /** indexed reports to match again: they may name a term that a write changed */
  stale: Set<string>;
  /** the run indexing and matching them, while one is going */
  indexing: Promise<void> | null;
  progress: Set<(progress: IndexingProgress) => void>;
  /** writes asked for (add, edit, import...) and not started yet: an indexing batch ends early for them */
  waiting: number;
  /** indexed reports to put into the evidence index again (it was stale or emptied) */
  evidence: Set<string>;
  /** counts the writes that changed the evidence index, so readers know their copies are old */
  evidenceGeneration: number;
  /** told of every change of the evidence index (readers in other contexts: lib/background/queries.ts) */
  evidenceListeners: Set<() => void>;
  /** where the reports of an import are extracted when not on this thread (null: here, a slice at a time) */
  extractor: Extractor | null;
}

const states = new WeakMap<CrosscheckDB, StoreState>();
function state(db: CrosscheckDB): StoreState {
  let s = states.get(db);
  if (!s) {
    const backup = new BackupDB(`${db.name}-backup`);
    states.set(db, (s = { queue: Promise.resolve(), index: null, backup, listeners: new Set(), pending: new Set(), stale: new Set(), indexing: null, progress: new Set(), waiting: 0, evidence: new Set(), evidenceGeneration: 0, evidenceListeners: new Set(), extractor: null }));
  }
  return s;
}

/** The backup database of a corpus database (for restoring, and for tests). */
export const backupOf = (db: CrosscheckDB): BackupDB => state(db).backup;

/** Be told after every committed index change (to refresh open tabs, the popup, evidence caches). */
export function onIndexChange(db: CrosscheckDB, listener: (change: IndexChange) => void): () => void {
  state(db).listeners.add(listener);
  return () => state(db).listeners.delete(listener);
}

/** Changes after every committed write to the evidence index (readers drop what they read before). */
export const evidenceGeneration = (db: CrosscheckDB): number => state(db).evidenceGeneration;
function evidenceChanged(db: CrosscheckDB): void {
  state(db).evidenceGeneration++;
  tellAll(state(db).evidenceListeners, undefined);
}

/** Be told after every committed write to the evidence index. */
export function onEvidenceChange(db: CrosscheckDB, listener: () => void): () => void {
  state(db).evidenceListeners.add(listener);
  return () => state(db).evidenceListeners.delete(listener);
}

/** Be told how indexing of stored but not yet indexed reports goes (null once it is done). */
export function onIndexingProgress(db: CrosscheckDB, listener: (progress: IndexingProgress) => void): () => void {
  state(db).progress.add(listener);
  return () => state(db).progress.delete(listener);
}

/**
 * Extract the reports of an import with `extractor` (workers on every core) instead of on this
 * thread; a batch it fails is extracted here, and so is everything after that failure.
 */
export function extractWith(db: CrosscheckDB, extractor: Extractor | null): void {
  state(db).extractor = extractor;
}

/** Whether an indexing run (extraction, matching, the evidence index) is under way. */
export const isIndexing = (db: CrosscheckDB): boolean => state(db).indexing !== null;

/** Resolves once every stored report is indexed and matched (for tests and benchmarks; requests never wait for it). */
export async function whenIndexed(db: CrosscheckDB): Promise<void> {
  await state(db).queue; // work queued before (resumeIndexing) may start indexing
  while (state(db).indexing) await state(db).indexing;
}

export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Run `work` after every write queued before it; a failed write does not stop the ones after it.
 * Background work (indexing batches) says so, and a batch under way ends early when other work waits.
 */
function serial<T>(db: CrosscheckDB, work: () => Promise<T>, background = false): Promise<T> {
  const s = state(db);
  if (!background) s.waiting++;
  const run = s.queue.then(yieldToEvents).then(() => {
    if (!background) s.waiting--;
    return work();
  });
  s.queue = run.catch(() => undefined);
  return run.catch((e: unknown) => {
    throw storageError(e);
  });
}

/** A time slicer: call `maybeYield()` in a loop; it yields once SLICE_MS of work has passed. */
function slicer(): () => Promise<void> {
  let t = performance.now();
  return async () => {
    if (performance.now() - t < SLICE_MS) return;
    await yieldToEvents();
    t = performance.now();
  };
}

function newVersion(): string {
  return Date.now().toString(36) + '-' + crypto.randomUUID().slice(0, 8);
}

/** Call every listener; one that throws does not keep the others from hearing. */
function tellAll<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const l of listeners) {
    try {
      l(value);
    } catch (e) {
      console.error('[crosscheck] a store listener failed', e);
    }
  }
}

const notify = (db: CrosscheckDB, change: IndexChange): void => tellAll(state(db).listeners, change);

/** The report as readers and other modules see it (without storage keys). */
function publicReport(r: StoredReport): Report {
  const { textKey: _t, urlKey: _u, addedAt: _a, nearKeys: _n, ...report } = r;
  return report;
}

function stored(report: Report, addedAt?: number): StoredReport {
  const uk = urlKey(report.url);
  const words = foldedWords(report.text);
  return { ...report, textKey: textKeyOfWords(words), nearKeys: nearKeysOf(shinglesOfWords(words)), ...(uk ? { urlKey: uk } : {}), ...(addedAt ? { addedAt } : {}) };
}

function userReport(fields: NewReportInput, id: string, addedAt: number): StoredReport {
  const clean = (s: string | null | undefined) => s?.trim() || undefined;
  const report = toReport({
    id,
    origin: 'user',
    text: fields.text.trim(),
    meta: { title: clean(fields.title), source: clean(fields.source), author: clean(fields.author), date: clean(fields.date), url: clean(fields.url) },
  });
  return stored(report, addedAt);
}

/** Refuse a report whose text or URL is stored, or that is near-identical to a stored one. */
async function refuseDuplicate(db: CrosscheckDB, r: StoredReport): Promise<void> {
  const same = await db.reports.where('textKey').equals(r.textKey).first();
  if (same && same.id !== r.id) throw new Error(STORE_MESSAGES.duplicate);
  if (r.urlKey) {
    const sameUrl = await db.reports.where('urlKey').equals(r.urlKey).first();
    if (sameUrl && sameUrl.id !== r.id) throw new Error(STORE_MESSAGES.duplicateUrl);
  }
  const near = firstNearDuplicate(r.text, await nearCandidates(db, r, new Set([r.id])));
  if (near) throw new Error(nearDuplicateMessage(near));
}

/** Stored reports sharing a near-duplicate key with `r`, except those in `skip`; to be tested exactly. */
async function nearCandidates(db: CrosscheckDB, r: StoredReport, skip: Set<string>): Promise<StoredReport[]> {
  // one key range per key: an anyOf() over a multiEntry index walks the whole index
  const ids = await Promise.all(r.nearKeys.map((k) => db.reports.where('nearKeys').equals(k).primaryKeys()));
  const others = [...new Set(ids.flat())].filter((id) => !skip.has(id));
  return others.length ? (await db.reports.bulkGet(others)).filter((c) => c !== undefined) : [];
}

/** The in-memory index, loaded once per service-worker life; reports stored without a row are queued for indexing. */
async function loadIndex(db: CrosscheckDB): Promise<LiveIndex> {
  const s = state(db);
  if (s.index) return s.index;
  if (!(await db.meta.get('indexVersion'))) return rebuild(db);
  const [rows, ids] = await Promise.all([db.reportIndex.toArray(), db.reports.toCollection().primaryKeys()]);
  const stored = new Set(ids);
  if (rows.some((r) => !stored.has(r.reportId))) return rebuild(db); // a row whose report is gone: start clean
  s.index = new LiveIndex(rows);
  const indexed = new Set(rows.map((r) => r.reportId));
  queueIndexing(db, { extract: ids.filter((id) => !indexed.has(id)) });
  return s.index;
}

/**
 * Rebuild the dictionary and every report's matches from the stored index rows (after an upgrade or
 * a restore). Reports without a row are queued for indexing; no extraction happens here.
 */
async function rebuild(db: CrosscheckDB): Promise<LiveIndex> {
  const s = state(db);
  s.index = null;
  const reports = await db.reports.toArray();
  const have = new Map((await db.reportIndex.toArray()).map((r) => [r.reportId, r]));
  const pause = slicer();
  const indexed = reports.filter((r) => have.has(r.id));
  const index = new LiveIndex(indexed.map((r) => unmatched(have.get(r.id)!)));
  for (const r of indexed) {
    index.rematch(r);
    await pause();
  }
  index.takeChanges();
  const version = newVersion();
  await db.transaction('rw', [db.terms, db.reportIndex, ...evidenceTables(db)], async () => {
    await Promise.all([db.terms.clear(), db.reportIndex.clear(), clearEvidence(db), workLeft(db)]);
    await db.terms.bulkPut(index.dictionary());
    await db.reportIndex.bulkPut(indexed.map((r) => index.row(r.id)!));
    await db.meta.put({ key: 'indexVersion', value: version });
  });
  s.index = index;
  evidenceChanged(db);
  notify(db, { version, reportIds: indexed.map((r) => r.id) });
  // every report's mentions may have moved: the evidence index is filled again in the background
  queueIndexing(db, { extract: reports.filter((r) => !have.has(r.id)).map((r) => r.id), evidence: indexed.map((r) => r.id) });
  return index;
}

const tellProgress = (db: CrosscheckDB, progress: IndexingProgress): void => tellAll(state(db).progress, progress);

/**
 * Meta key present while nothing is left to index: every report has its index row, matches and
 * evidence. A write that leaves work behind deletes it in its own transaction; a run that ends
 * with nothing left puts it back. A start that finds it skips reading every report's key
 * (resumeIndexing), which at 10,000 reports held IndexedDB for hundreds of milliseconds at every
 * wake of the service worker, in front of the hover that woke it.
 */
const INDEXED = 'indexingComplete';
const nothingLeft = (s: StoreState): boolean => !s.pending.size && !s.stale.size && !s.evidence.size;
/** Inside a transaction holding db.meta that leaves work for queueIndexing. */
const workLeft = (db: CrosscheckDB): Promise<void> => db.meta.delete(INDEXED);
/** Through the write queue, so that no write leaving work comes between the check and the mark. */
const markIndexed = (db: CrosscheckDB): Promise<void> =>
  serial(db, async () => void (nothingLeft(state(db)) && !state(db).indexing && (await db.meta.put({ key: INDEXED, value: '1' }))), true);

/**
 * Queue stored reports for indexing (`extract`), matching again (`rematch`) or putting into the
 * evidence index again (`evidence`), and start the run that does it, if none is going.
 */
function queueIndexing(db: CrosscheckDB, work: { extract?: string[]; rematch?: string[]; evidence?: string[] }): void {
  const s = state(db);
  for (const id of work.extract ?? []) s.pending.add(id);
  for (const id of work.rematch ?? []) s.stale.add(id);
  for (const id of work.evidence ?? []) s.evidence.add(id);
  if ((!s.pending.size && !s.stale.size && !s.evidence.size) || s.indexing) return;
  s.indexing = (async () => {
    let done = 0;
    // reports waiting for their terms are told at once, so a progress bar shows from the start
    let told = s.pending.size > 0;
    if (told) tellProgress(db, { done, total: s.pending.size });
    /** the next batch, extracted elsewhere while this thread writes the one before */
    let ahead: Promise<Extracted | null> | null = null;
    let aheadSize = 0;
    try {
      while (s.pending.size || s.stale.size || s.evidence.size || ahead) {
        let extracted: number;
        if (ahead || (s.pending.size && s.extractor)) {
          const batch = await (ahead ?? extractElsewhere(db));
          aheadSize = s.pending.size && s.extractor ? Math.min(s.pending.size, INDEXING.parallelBatch) : 0;
          ahead = aheadSize ? extractElsewhere(db) : null;
          extracted = batch ? await serial(db, () => commitExtracted(db, batch), true) : 0;
        } else extracted = await serial(db, () => (s.pending.size ? extractBatch(db) : s.stale.size ? rematchBatch(db) : evidenceBatch(db)), true);
        if (!extracted && !told) continue;
        done += extracted;
        told = true;
        tellProgress(db, { done, total: done + s.pending.size + aheadSize });
      }
    } catch (e) {
      console.error('[crosscheck] indexing stopped; it goes on at the next start', e);
    } finally {
      await ahead?.catch(() => undefined); // a batch taken but not written is extracted again at the next start
      s.indexing = null;
      if (told) tellProgress(db, null);
    }
    if (nothingLeft(s)) await markIndexed(db).catch((e: unknown) => console.warn('[crosscheck] indexing state', e));
  })();
}

/** Extract and index the next pending reports, about INDEXING.batchMs of work, as one write. Returns how many were taken. */
async function extractBatch(db: CrosscheckDB): Promise<number> {
  const s = state(db);
  const index = await loadIndex(db);
  const ids = [...s.pending].slice(0, INDEXING.batchMax);
  const found = await db.reports.bulkGet(ids);
  const reports: StoredReport[] = [];
  const rows: ReportIndexRow[] = [];
  const pause = slicer();
  const start = performance.now();
  let taken = 0;
  for (const [i, r] of found.entries()) {
    s.pending.delete(ids[i]!);
    taken++;
    if (!r || index.row(r.id)) continue; // deleted since, or indexed by an edit
    reports.push(r);
    rows.push(await indexRowSliced(r, pause));
    if (performance.now() - start > INDEXING.batchMs || s.waiting) break; // a write the user asked for goes first
  }
  if (reports.length) {
    const version = await commit(db, index, { reports, rows });
    notify(db, { version, reportIds: reports.map((r) => r.id), batch: true });
  }
  return taken;
}

/** A batch of pending reports and their rows, extracted off this thread. */
interface Extracted {
  ids: string[];
  reports: StoredReport[];
  rows: ReportIndexRow[];
}

/**
 * Take the next pending reports and have the extractor extract them (outside the write queue, so
 * writes and hovers go on meanwhile). When it fails, the reports go back to the pending ones and
 * this thread extracts them, and the rest (null).
 */
async function extractElsewhere(db: CrosscheckDB): Promise<Extracted | null> {
  const s = state(db);
  const ids = [...s.pending].slice(0, INDEXING.parallelBatch);
  for (const id of ids) s.pending.delete(id);
  const reports = (await db.reports.bulkGet(ids)).filter((r): r is StoredReport => !!r);
  try {
    return { ids, reports, rows: reports.length ? await s.extractor!(reports) : [] };
  } catch (e) {
    console.warn('[crosscheck] extraction in workers failed; it goes on in this thread', e);
    s.extractor = null;
    for (const id of ids) s.pending.add(id);
    return null;
  }
}

/** Write a batch extracted elsewhere: the reports still stored as they were, and not indexed by an edit since. */
async function commitExtracted(db: CrosscheckDB, batch: Extracted): Promise<number> {
  const index = await loadIndex(db);
  const now = await db.reports.bulkGet(batch.reports.map((r) => r.id));
  const reports: StoredReport[] = [];
  const rows: ReportIndexRow[] = [];
  for (const [i, r] of batch.reports.entries()) {
    const current = now[i];
    if (!current || current.text !== r.text || current.title !== r.title || index.row(r.id)) continue;
    reports.push(current);
    rows.push(batch.rows[i]!);
  }
  if (reports.length) {
    const version = await commit(db, index, { reports, rows });
    notify(db, { version, reportIds: reports.map((r) => r.id), batch: true });
  }
  return batch.ids.length;
}

/** Match the next stale reports against the dictionary as it now is, as one write. */
async function rematchBatch(db: CrosscheckDB): Promise<number> {
  const s = state(db);
  const index = await loadIndex(db);
  const ids = [...s.stale].slice(0, INDEXING.rematchBatch);
  for (const id of ids) s.stale.delete(id);
  try {
    const rematched: string[] = [];
    const pause = slicer();
    const start = performance.now();
    const found = await db.reports.bulkGet(ids);
    const evidence: EvidenceEntry[] = [];
    for (const [i, r] of found.entries()) {
      if (r && index.row(r.id) && index.rematchChanged(r)) {
        rematched.push(r.id);
        evidence.push(evidenceEntry(r, index.row(r.id)!.mentions));
      } // else gone, or not indexed yet: nothing to match
      if (performance.now() - start > INDEXING.rematchMs || s.waiting) {
        for (const id of ids.slice(i + 1)) s.stale.add(id); // the rest in the next batch
        break;
      }
      await pause();
    }
    const { put, remove } = index.takeChanges();
    if (!rematched.length && !put.length && !remove.length) return 0;
    const version = newVersion();
    const plan = await planOutside(db, evidence);
    await db.transaction('rw', [db.terms, db.reportIndex, ...evidenceTables(db)], async () => {
      await db.reportIndex.bulkPut(rematched.map((id) => index.row(id)!));
      await db.terms.bulkDelete(remove);
      await db.terms.bulkPut(put);
      await db.meta.put({ key: 'indexVersion', value: version });
      if (plan) await applyEvidence(db, plan);
    });
    evidenceChanged(db);
    notify(db, { version, reportIds: rematched, batch: true });
  } catch (e) {
    s.index = null; // the in-memory index ran ahead of the database: reload it on the next write
    throw e;
  }
  return 0;
}

/** Put the next queued reports into the evidence index again (it was stale or emptied), about INDEXING.batchMs of work, as one write. */
async function evidenceBatch(db: CrosscheckDB): Promise<number> {
  const s = state(db);
  const ids = [...s.evidence].slice(0, INDEXING.batchMax);
  const [reports, rows] = await Promise.all([db.reports.bulkGet(ids), db.reportIndex.bulkGet(ids)]);
  const entries: EvidenceEntry[] = [];
  const gone: string[] = [];
  const pause = slicer();
  const start = performance.now();
  for (const [i, id] of ids.entries()) {
    s.evidence.delete(id);
    const r = reports[i];
    const row = rows[i];
    if (r && row) entries.push(evidenceEntry(r, row.mentions));
    else gone.push(id); // deleted since, or not indexed yet (its indexing writes its evidence)
    if (performance.now() - start > INDEXING.batchMs || s.waiting) break;
    await pause();
  }
  const plan = await planOutside(db, entries, gone);
  if (plan) await db.transaction('rw', evidenceTables(db), () => applyEvidence(db, plan));
  evidenceChanged(db);
  return 0;
}

/**
 * At start-up, without loading the corpus index: queue the reports stored without an index row
 * (an import cut short) and, when the stored evidence index was built another way or misses
 * indexed reports, fill it again in the background. Hovers meanwhile read what it holds.
 */
export function resumeIndexing(db: CrosscheckDB): Promise<void> {
  return serial(
    db,
    async () => {
      if (!(await db.meta.get('indexVersion'))) return void (await loadIndex(db)); // rebuilds, and queues the rest
      const current = await evidenceIsCurrent(db);
      if (current && (await db.meta.get(INDEXED))) return; // nothing was cut short: no report is read
      const [ids, indexed] = await Promise.all([db.reports.toCollection().primaryKeys(), db.reportIndex.toCollection().primaryKeys()]);
      const rows = new Set(indexed);
      queueIndexing(db, { extract: ids.filter((id) => !rows.has(id)) });
      if (!current) {
        await db.transaction('rw', evidenceTables(db), () => Promise.all([clearEvidence(db), workLeft(db)]));
        evidenceChanged(db);
        queueIndexing(db, { evidence: indexed });
        return;
      }
      const held = new Set((await db.evidenceReports.orderBy('id').keys()) as string[]);
      const orphans = [...held].filter((id) => !rows.has(id));
      if (orphans.length) {
        await db.transaction('rw', evidenceTables(db), () => writeEvidence(db, [], orphans));
        evidenceChanged(db);
      }
      queueIndexing(db, { evidence: indexed.filter((id) => !held.has(id)) });
      // checked whole: the next start reads nothing unless a write leaves work again (marked through the queue, after this)
      if (!state(db).indexing) void markIndexed(db).catch((e: unknown) => console.warn('[crosscheck] indexing state', e));
    },
    true,
  );
}

/** Load the index, building it first when reports lack index rows (after an upgrade or a restore). */
export function ensureIndex(db: CrosscheckDB): Promise<void> {
  return serial(db, async () => void (await loadIndex(db)));
}

/** Recompute terms and mentions from every stored report (seed and user). */
export function rebuildIndex(db: CrosscheckDB): Promise<void> {
  return serial(db, async () => void (await rebuild(db)));
}

interface IndexEdit {
  /** reports taken out */
  removed?: string[];
  /** reports put in (new or edited), already stored or written by `write` */
  reports?: StoredReport[];
  rows?: ReportIndexRow[];
  /** the report writes, run inside the index transaction; none (an indexing batch) keeps the reports readable meanwhile */
  write?(): Promise<unknown>;
  /** it stores reports whose terms are indexed afterwards (an import) */
  leavesWork?: boolean;
}

/**
 * The evidence rows a write will put, read and worked out before its write transaction opens, so
 * that a hover waits for the puts alone. Only inside the write queue (`serial`): nothing may change
 * the evidence index between the plan and its applyEvidence.
 */
const planOutside = (db: CrosscheckDB, put: EvidenceEntry[], remove: string[] = []) => db.transaction('r', evidenceTables(db), () => planEvidence(db, put, remove));

/** Apply one write and its index change in one transaction; on failure nothing is written. */
async function commit(db: CrosscheckDB, index: LiveIndex, edit: IndexEdit): Promise<string> {
  const removed = edit.removed ?? [];
  const fresh = new Map((edit.reports ?? []).map((r) => [r.id, r]));
  const s = state(db);
  try {
    const candidates = index.apply(removed, edit.rows ?? []);
    const pause = slicer();
    let others = candidates.filter((id) => !fresh.has(id));
    const later = others.length > INDEXING.rematchAtOnce ? others : [];
    if (later.length) others = [];
    const rematched: Report[] = [...fresh.values()];
    for (let i = 0; i < others.length; i += 200) {
      for (const r of await db.reports.bulkGet(others.slice(i, i + 200))) {
        if (r && index.rematchChanged(r)) rematched.push(r); // else its matches are as stored
      }
      await pause();
    }
    for (const r of fresh.values()) index.rematch(r);
    const { put, remove } = index.takeChanges();
    const evidence = rematched.map((r) => evidenceEntry(r, index.row(r.id)!.mentions));
    const version = newVersion();
    const gone = removed.filter((id) => !fresh.has(id));
    const plan = await planOutside(db, evidence, gone);
    const tables = [...(edit.write ? [db.reports] : []), db.terms, db.reportIndex, ...evidenceTables(db)];
    await db.transaction('rw', tables, async () => {
      await edit.write?.();
      await db.reportIndex.bulkDelete(gone);
      await db.reportIndex.bulkPut(rematched.map((r) => index.row(r.id)!));
      await db.terms.bulkDelete(remove);
      await db.terms.bulkPut(put);
      await db.meta.put({ key: 'indexVersion', value: version });
      if (later.length || edit.leavesWork) await workLeft(db);
      if (plan) await applyEvidence(db, plan);
    });
    evidenceChanged(db);
    queueIndexing(db, { rematch: later });
    return version;
  } catch (e) {
    s.index = null; // the in-memory index ran ahead of the database: reload it on the next write
    throw e;
  }
}

const isConstraint = (e: unknown) => (e as { name?: string })?.name === 'ConstraintError' || (e as { inner?: { name?: string } })?.inner?.name === 'ConstraintError';

async function backupPut(db: CrosscheckDB, reports: StoredReport[]): Promise<void> {
  const rows: BackupRow[] = reports.map((r) => ({ id: r.id, addedAt: r.addedAt ?? Date.now(), text: r.text, title: r.title, source: r.source, author: r.author, date: r.date, url: r.url }));
  const backup = state(db).backup;
  try {
    await backup.transaction('rw', backup.reports, async () => {
      await backup.reports.bulkPut(rows);
      const over = (await backup.reports.count()) - BACKUP_MAX_REPORTS;
      if (over > 0) await backup.reports.bulkDelete(await backup.reports.orderBy('addedAt').limit(over).primaryKeys());
    });
  } catch (e) {
    console.warn('[crosscheck] backup not updated', e); // the corpus itself is written; the backup catches up on the next write
  }
}

async function backupDelete(db: CrosscheckDB, ids: string[]): Promise<void> {
  try {
    await state(db).backup.reports.bulkDelete(ids);
  } catch (e) {
    console.warn('[crosscheck] backup not updated', e);
  }
}

/** Add a report the user supplied; validated, refused if already stored, indexed for this report only. */
export function addUserReport(db: CrosscheckDB, input: unknown): Promise<Report> {
  let fields: NewReportInput;
  try {
    fields = parseNewReport(input);
  } catch (e) {
    return Promise.reject(e);
  }
  return serial(db, async () => {
    const index = await loadIndex(db);
    const report = userReport(fields, 'user-' + crypto.randomUUID(), Date.now());
    await refuseDuplicate(db, report);
    const row = await indexRowSliced(report, yieldToEvents);
    try {
      const version = await commit(db, index, { reports: [report], rows: [row], write: () => db.reports.add(report) });
      await backupPut(db, [report]);
      notify(db, { version, reportIds: [report.id] });
    } catch (e) {
      throw isConstraint(e) ? new Error(STORE_MESSAGES.duplicate) : e;
    }
    return publicReport(report);
  });
}

async function userReportById(db: CrosscheckDB, id: unknown, verb: 'edited' | 'deleted'): Promise<StoredReport> {
  const r = typeof id === 'string' ? await db.reports.get(id) : undefined;
  if (!r) throw new Error(STORE_MESSAGES.gone(verb));
  if (r.origin !== 'user') throw new Error(STORE_MESSAGES.notYours(verb));
  return r;
}

/** Replace the text and details of one of the user's reports; re-indexes that report only. */
export function updateUserReport(db: CrosscheckDB, id: string, input: unknown): Promise<Report> {
  let fields: NewReportInput;
  try {
    fields = parseNewReport(input);
  } catch (e) {
    return Promise.reject(e);
  }
  return serial(db, async () => {
    const index = await loadIndex(db);
    const old = await userReportById(db, id, 'edited');
    const report = userReport(fields, old.id, old.addedAt ?? Date.now());
    await refuseDuplicate(db, report);
    const row = await indexRowSliced(report, yieldToEvents);
    try {
      const version = await commit(db, index, { reports: [report], rows: [row], write: () => db.reports.put(report) });
      await backupPut(db, [report]);
      notify(db, { version, reportIds: [report.id] });
    } catch (e) {
      throw isConstraint(e) ? new Error(STORE_MESSAGES.duplicate) : e;
    }
    return publicReport(report);
  });
}

export function deleteUserReport(db: CrosscheckDB, id: string): Promise<void> {
  return serial(db, async () => {
    const index = await loadIndex(db);
    await userReportById(db, id, 'deleted');
    const version = await commit(db, index, { removed: [id], write: () => db.reports.delete(id) });
    await backupDelete(db, [id]);
    notify(db, { version, reportIds: [id] });
  });
}

/**
 * Add many reports in one transaction: all or nothing. Each is validated first (the first problem
 * is named with its position); duplicates (same text, same URL or near-identical) of stored reports
 * or of each other are skipped and counted. With `replace`, the user's current reports are removed
 * in the same transaction. Their terms are indexed afterwards, a batch per write (onIndexingProgress
 * tells how far; whenIndexed waits).
 */
export function importReports(
  db: CrosscheckDB,
  inputs: NewReportInput[],
  opts: { replace?: boolean; onProgress?(done: number, total: number): void } = {},
): Promise<{ added: number; skipped: number }> {
  if (!Array.isArray(inputs)) return Promise.reject(new Error(STORE_MESSAGES.importNotList));
  if (inputs.length > IMPORT_MAX_REPORTS) return Promise.reject(new Error(STORE_MESSAGES.importTooMany(inputs.length)));
  const fields: NewReportInput[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      fields.push(parseNewReport(input));
    } catch (e) {
      return Promise.reject(new Error(STORE_MESSAGES.importAt(i + 1, (e as Error).message)));
    }
  }
  return serial(db, async () => {
    const index = await loadIndex(db);
    const replaced = opts.replace ? await db.reports.where('origin').equals('user').primaryKeys() : [];
    const kept = opts.replace ? await db.reports.where('origin').equals('seed').toArray() : null;
    const texts = new Set<string>(kept ? kept.map((r) => r.textKey) : ((await db.reports.orderBy('textKey').keys()) as string[]));
    const urls = new Set<string>(kept ? kept.flatMap((r) => r.urlKey ?? []) : ((await db.reports.orderBy('urlKey').keys()) as string[]));
    const pause = slicer();
    const now = Date.now();
    const made: StoredReport[] = [];
    for (const [i, f] of fields.entries()) {
      made.push(userReport(f, 'user-' + crypto.randomUUID(), now + i));
      opts.onProgress?.(i + 1, fields.length);
      await pause();
    }
    const near = await nearDuplicateFinder(db, made, new Set(replaced));
    const reports: StoredReport[] = [];
    let skipped = 0;
    for (const r of made) {
      if (texts.has(r.textKey) || (r.urlKey && urls.has(r.urlKey)) || near.isCopy(r)) skipped++;
      else {
        texts.add(r.textKey);
        if (r.urlKey) urls.add(r.urlKey);
        near.accept(r);
        reports.push(r);
      }
      await pause();
    }
    // the reports go in now, their terms afterwards (queueIndexing): extraction is the slow part
    const version = await commit(db, index, {
      removed: replaced,
      leavesWork: reports.length > 0,
      write: async () => {
        await db.reports.bulkDelete(replaced);
        await db.reports.bulkAdd(reports);
      },
    });
    notify(db, { version, reportIds: [...replaced, ...reports.map((r) => r.id)] });
    // the backup follows as the next write, so the import answers once the corpus holds the reports
    void serial(db, async () => {
      if (replaced.length) await backupDelete(db, replaced);
      await backupPut(db, reports);
    }).catch((e: unknown) => console.warn('[crosscheck] backup not updated', e));
    queueIndexing(db, { extract: reports.map((r) => r.id) });
    return { added: reports.length, skipped };
  });
}

/**
 * Tells which reports of an import are near-identical to a stored report (except those the import
 * replaces) or to one accepted before them in the same import. The stored reports that share a key
 * with any of them are read at once, before the checks, and only their shingles are kept: a read
 * per imported report would make the import wait on the database thousands of times.
 */
async function nearDuplicateFinder(db: CrosscheckDB, imported: StoredReport[], replaced: Set<string>) {
  const stored = await storedNearKeys(db);
  const texts = new Map(imported.map((r) => [r.id, r.text]));
  /** shingles of the reports compared so far, by id: stored ones are read once, up front */
  const cache = new Map<string, Shingles>();
  const shinglesOf = (id: string) => {
    let set = cache.get(id);
    if (!set) cache.set(id, (set = shingles(texts.get(id) ?? '')));
    return set;
  };
  const storedIds = [...new Set(imported.flatMap((r) => r.nearKeys.flatMap((k) => stored.get(k) ?? [])))].filter((id) => !replaced.has(id));
  const pause = slicer();
  for (let i = 0; i < storedIds.length; i += 500) {
    for (const r of await db.reports.bulkGet(storedIds.slice(i, i + 500))) if (r) cache.set(r.id, shingles(r.text));
    await pause();
  }
  /** near-duplicate key -> the reports of the import accepted so far holding it */
  const earlier = new Map<string, string[]>();
  return {
    isCopy(r: StoredReport): boolean {
      const candidates = new Set(r.nearKeys.flatMap((k) => [...(earlier.get(k) ?? []), ...(stored.get(k) ?? []).filter((id) => !replaced.has(id) && cache.has(id))]));
      return firstNearDuplicateOf(() => shinglesOf(r.id), candidates, shinglesOf) !== undefined;
    },
    accept(r: StoredReport): void {
      for (const k of r.nearKeys) earlier.set(k, [...(earlier.get(k) ?? []), r.id]); // keys are rarely shared: lists stay short
    },
  };
}

/**
 * Every stored near-duplicate key with the reports holding it, read in one walk of the index: an
 * import of thousands would otherwise make 16 lookups per report.
 */
async function storedNearKeys(db: CrosscheckDB): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  await db.reports.orderBy('nearKeys').eachKey((key, cursor) => {
    const ids = keys.get(key as string);
    if (ids) ids.push(cursor.primaryKey as string);
    else keys.set(key as string, [cursor.primaryKey as string]);
  });
  return keys;
}

/** Every report, seed and user, as readers see them (for export). */
export async function exportReports(db: CrosscheckDB): Promise<Report[]> {
  try {
    return (await db.reports.toArray()).map(publicReport);
  } catch (e) {
    throw storageError(e);
  }
}

export interface SeedResult {
  added: number;
  updated: number;
  removed: number;
  kept: number;
}

/**
 * Put the bundled corpus into the database with its precomputed index rows (no NLP at install).
 * Seed reports no longer bundled are removed; reports the user added are never deleted or changed.
 */
export function seedCorpus(db: CrosscheckDB, corpus: CompiledCorpus): Promise<SeedResult> {
  return serial(db, async () => {
    const result: SeedResult = { added: 0, updated: 0, removed: 0, kept: 0 };
    const users = await db.reports.where('origin').equals('user').toArray();
    const taken = new Set(users.flatMap((r) => [r.id, r.textKey, r.urlKey ?? '']));
    taken.delete('');
    const seeds: StoredReport[] = [];
    for (const r of corpus.reports.map((x) => stored({ ...x, origin: 'seed' }))) {
      // a user's report wins over a seed with the same text or URL; of repeated seeds the first is kept
      if (taken.has(r.id) || taken.has(r.textKey) || (r.urlKey && taken.has(r.urlKey))) continue;
      for (const k of [r.id, r.textKey, r.urlKey]) if (k) taken.add(k);
      seeds.push(r);
    }
    const bundled = new Set(seeds.map((r) => r.id));
    const rows = corpus.index.filter((r) => bundled.has(r.reportId));
    const onlySeeds = users.length === 0 && seeds.length === corpus.reports.length;
    const version = newVersion();
    await db.transaction('rw', [db.reports, db.terms, db.reportIndex, ...evidenceTables(db)], async () => {
      const existing = await db.reports.where('origin').equals('seed').primaryKeys();
      const stale = existing.filter((id) => !bundled.has(id));
      const had = new Set(existing);
      await db.reports.bulkDelete(stale);
      await db.reportIndex.bulkDelete(stale);
      await db.reports.bulkPut(seeds);
      await db.reportIndex.bulkPut(rows);
      result.removed = stale.length;
      result.updated = seeds.filter((r) => had.has(r.id)).length;
      result.added = seeds.length - result.updated;
      result.kept = users.length;
      if (onlySeeds) {
        // the build already indexed exactly these reports
        await db.terms.clear();
        await db.terms.bulkPut(corpus.terms);
        await db.meta.put({ key: 'indexVersion', value: version });
        if (!(await evidenceIsCurrent(db))) await clearEvidence(db);
        const mentions = new Map(rows.map((r) => [r.reportId, r.mentions]));
        await writeEvidence(db, seeds.map((r) => evidenceEntry(r, mentions.get(r.id) ?? [])), stale);
      }
      await db.meta.put({ key: 'seedVersion', value: corpus.version });
    });
    if (onlySeeds) {
      evidenceChanged(db);
      state(db).index = new LiveIndex(rows);
      notify(db, { version, reportIds: seeds.map((r) => r.id) });
    } else await rebuild(db);
    return result;
  });
}

/**
 * After the corpus database was wiped or found corrupt: put back the user's reports from the
 * backup (those missing) and queue them for indexing. Returns how many were restored.
 */
export function restoreFromBackup(db: CrosscheckDB): Promise<number> {
  return serial(db, async () => {
    const backup = state(db).backup;
    if ((await backup.reports.count()) <= (await db.reports.where('origin').equals('user').count())) return 0;
    const saved = await backup.reports.toArray();
    const have = new Set(await db.reports.toCollection().primaryKeys());
    const texts = new Set((await db.reports.orderBy('textKey').keys()) as string[]);
    const urls = new Set((await db.reports.orderBy('urlKey').keys()) as string[]);
    const reports: StoredReport[] = [];
    for (const b of saved.filter((x) => !have.has(x.id))) {
      const r = userReport(b, b.id, b.addedAt);
      if (texts.has(r.textKey) || (r.urlKey && urls.has(r.urlKey))) continue;
      texts.add(r.textKey);
      if (r.urlKey) urls.add(r.urlKey);
      reports.push(r);
    }
    if (!reports.length) return 0;
    await db.transaction('rw', [db.reports, db.meta], async () => {
      await db.reports.bulkAdd(reports);
      await workLeft(db);
    });
    queueIndexing(db, { extract: reports.map((r) => r.id) });
    return reports.length;
  });
}

/**
 * Add reports the extension gathered by itself (articles the reader read, items of followed feeds),
 * as one write. Unlike the reader's own adds, a copy (same text, same URL, near-identical) of a
 * stored report or of an earlier one in the list is skipped without a word, and so is an item that
 * is not a valid report. With `cap`, the oldest stored reports of that origin are removed in the
 * same transaction so that at most `cap` remain: reports the reader added, imported or that came
 * bundled are never touched. Not copied to the backup (it keeps the reader's own reports).
 */
export function addGathered(
  db: CrosscheckDB,
  inputs: unknown[],
  how: { origin: GatheredOrigin; feedId?: string; cap?: number; now?: number },
): Promise<{ added: Report[]; skipped: number }> {
  return serial(db, async () => {
    const index = await loadIndex(db);
    const now = how.now ?? Date.now();
    const made: StoredReport[] = [];
    let skipped = 0;
    for (const [i, input] of inputs.entries()) {
      let fields: NewReportInput;
      try {
        fields = parseNewReport(input);
      } catch {
        skipped++;
        continue;
      }
      const r = userReport(fields, gatheredId(how.origin, now + i), now + i);
      const report: StoredReport = { ...r, origin: how.origin, ...(how.feedId ? { feedId: how.feedId } : {}) };
      const copy =
        made.some((m) => m.textKey === report.textKey || (report.urlKey && m.urlKey === report.urlKey)) ||
        firstNearDuplicate(report.text, made) !== undefined ||
        (await refuseDuplicate(db, report).then(
          () => false,
          () => true,
        ));
      if (copy) skipped++;
      else made.push(report);
    }
    if (!made.length) return { added: [], skipped };
    const rows: ReportIndexRow[] = [];
    for (const r of made) rows.push(await indexRowSliced(r, yieldToEvents));
    const evict = how.cap === undefined ? [] : overCap(await db.reports.where('origin').equals(how.origin).primaryKeys(), made.length, how.cap);
    try {
      const version = await commit(db, index, {
        reports: made,
        rows,
        removed: evict,
        write: async () => {
          await db.reports.bulkDelete(evict);
          await db.reports.bulkAdd(made);
        },
      });
      notify(db, { version, reportIds: [...evict, ...made.map((r) => r.id)] });
    } catch (e) {
      if (isConstraint(e)) return { added: [], skipped: inputs.length }; // a copy stored meanwhile by another path
      throw e;
    }
    return { added: made.map(publicReport), skipped };
  });
}

/** Remove gathered reports (read or feed) by id, in one write; other ids (the reader's, seeds) are left alone. Returns how many went. */
export function forgetGathered(db: CrosscheckDB, ids: readonly string[]): Promise<number> {
  return serial(db, async () => {
    const index = await loadIndex(db);
    const found = await db.reports.bulkGet([...new Set(ids)]);
    const gone = found.filter((r): r is StoredReport => !!r && (r.origin === 'read' || r.origin === 'feed')).map((r) => r.id);
    if (!gone.length) return 0;
    const version = await commit(db, index, { removed: gone, write: () => db.reports.bulkDelete(gone) });
    notify(db, { version, reportIds: gone });
    return gone.length;
  });
}
