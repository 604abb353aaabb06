/**
 * Writes to the corpus database, one at a time and in order: seeding, adding, editing, deleting,
 * importing user reports. Each write validates its input, refuses duplicates, re-indexes only the
 * reports it touches in one transaction, backs the user's reports up, and tells listeners.
 */
import { toReport, type CompiledCorpus, type MentionRef, type Report } from '../corpus';
import { leadOf } from '../corpus/display';
import { textKey, urlKey } from '../corpus/identity';
import { indexRowSliced, LiveIndex, type ReportIndexRow } from '../corpus/live-index';
import { firstNearDuplicate, nearKeys } from '../corpus/near-duplicate';
import { parseNewReport, type NewReportInput } from '../corpus/schema';
import { BackupDB, type BackupRow, type CrosscheckDB, type StoredReport } from '../db';
import { storageError } from './storage-errors';

export const DUPLICATE = 'This report is already in your corpus.';
/** The refusal of a near-identical report names the stored one, so the reader can find it. */
export const nearDuplicateMessage = (existing: Report): string =>
  `This report is nearly identical to one already in your corpus: “${existing.title ?? leadOf(existing)}”.`;
/** Most reports one import may hold (the import file format says the same). */
export const IMPORT_MAX_REPORTS = 50_000;
/** The backup keeps at most this many of the user's newest reports. */
export const BACKUP_MAX_REPORTS = 20_000;
/** Work done between two yields to the event loop, so hovers are answered during long writes. */
const SLICE_MS = 25;

export interface IndexChange {
  /** the new index version (also stored as meta 'indexVersion') */
  version: string;
  /** reports added, edited or deleted by the write */
  reportIds: string[];
}

interface StoreState {
  queue: Promise<unknown>;
  index: LiveIndex | null;
  backup: BackupDB;
  listeners: Set<(change: IndexChange) => void>;
}

const states = new WeakMap<CrosscheckDB, StoreState>();
function state(db: CrosscheckDB): StoreState {
  let s = states.get(db);
  if (!s) states.set(db, (s = { queue: Promise.resolve(), index: null, backup: new BackupDB(`${db.name}-backup`), listeners: new Set() }));
  return s;
}

/** The backup database of a corpus database (for restoring, and for tests). */
export const backupOf = (db: CrosscheckDB): BackupDB => state(db).backup;

/** Be told after every committed index change (to refresh open tabs, the popup, evidence caches). */
export function onIndexChange(db: CrosscheckDB, listener: (change: IndexChange) => void): () => void {
  state(db).listeners.add(listener);
  return () => state(db).listeners.delete(listener);
}

export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Run `work` after every write queued before it; a failed write does not stop the ones after it. */
function serial<T>(db: CrosscheckDB, work: () => Promise<T>): Promise<T> {
  const s = state(db);
  const run = s.queue.then(yieldToEvents).then(work);
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

function notify(db: CrosscheckDB, change: IndexChange): void {
  for (const l of state(db).listeners) {
    try {
      l(change);
    } catch (e) {
      console.error('[crosscheck] index listener failed', e);
    }
  }
}

/** The report as readers and other modules see it (without storage keys). */
function publicReport(r: StoredReport): Report {
  const { textKey: _t, urlKey: _u, addedAt: _a, nearKeys: _n, ...report } = r;
  return report;
}

function stored(report: Report, addedAt?: number): StoredReport {
  const uk = urlKey(report.url);
  return { ...report, textKey: textKey(report.text), nearKeys: nearKeys(report.text), ...(uk ? { urlKey: uk } : {}), ...(addedAt ? { addedAt } : {}) };
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

async function refuseDuplicate(db: CrosscheckDB, r: StoredReport): Promise<void> {
  const same = await db.reports.where('textKey').equals(r.textKey).first();
  if (same && same.id !== r.id) throw new Error(DUPLICATE);
  if (r.urlKey) {
    const sameUrl = await db.reports.where('urlKey').equals(r.urlKey).first();
    if (sameUrl && sameUrl.id !== r.id) throw new Error(`${DUPLICATE} (a report from the same URL is stored)`);
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

/** The in-memory index, loaded once per service-worker life; reports never indexed are indexed first. */
async function loadIndex(db: CrosscheckDB): Promise<LiveIndex> {
  const s = state(db);
  if (s.index) return s.index;
  const [rows, reports] = await Promise.all([db.reportIndex.count(), db.reports.count()]);
  if (rows !== reports || !(await db.meta.get('indexVersion'))) return rebuild(db);
  s.index = new LiveIndex(await db.reportIndex.toArray());
  return s.index;
}

/** Index every report from scratch (after an upgrade or a restore): extraction only where a report has no row yet. */
async function rebuild(db: CrosscheckDB, onProgress?: (done: number, total: number) => void): Promise<LiveIndex> {
  const s = state(db);
  s.index = null;
  const reports = await db.reports.toArray();
  const have = new Map((await db.reportIndex.toArray()).map((r) => [r.reportId, r]));
  const pause = slicer();
  const rows: ReportIndexRow[] = [];
  for (const [i, r] of reports.entries()) {
    rows.push(have.get(r.id) ?? (await indexRowSliced(r, pause)));
    onProgress?.(i + 1, reports.length);
    await pause();
  }
  const index = new LiveIndex(rows.map((r) => ({ ...r, hits: {} })));
  const mentions: MentionRef[] = [];
  for (const r of reports) {
    mentions.push(...index.rematch(r));
    await pause();
  }
  index.takeChanges();
  const version = newVersion();
  await db.transaction('rw', [db.terms, db.mentions, db.reportIndex, db.meta], async () => {
    await Promise.all([db.terms.clear(), db.mentions.clear(), db.reportIndex.clear()]);
    await db.terms.bulkPut(index.dictionary());
    await db.mentions.bulkPut(mentions);
    await db.reportIndex.bulkPut(reports.map((r) => index.row(r.id)!));
    await db.meta.put({ key: 'indexVersion', value: version });
  });
  s.index = index;
  notify(db, { version, reportIds: reports.map((r) => r.id) });
  return index;
}

/** Load the index, building it first when reports lack index rows (after an upgrade or a restore). */
export function ensureIndex(db: CrosscheckDB): Promise<void> {
  return serial(db, async () => void (await loadIndex(db)));
}

/** Recompute terms and mentions from every stored report (seed and user). */
export function rebuildIndex(db: CrosscheckDB, onProgress?: (done: number, total: number) => void): Promise<void> {
  return serial(db, async () => void (await rebuild(db, onProgress)));
}

interface IndexEdit {
  /** reports taken out */
  removed?: string[];
  /** reports put in (new or edited), already stored or written by `write` */
  reports?: StoredReport[];
  rows?: ReportIndexRow[];
  /** the report writes, run inside the index transaction */
  write(): Promise<unknown>;
}

/** Apply one write and its index change in one transaction; on failure nothing is written. */
async function commit(db: CrosscheckDB, index: LiveIndex, edit: IndexEdit): Promise<string> {
  const removed = edit.removed ?? [];
  const fresh = new Map((edit.reports ?? []).map((r) => [r.id, r]));
  const s = state(db);
  try {
    const candidates = index.apply(removed, edit.rows ?? []);
    const mentions: MentionRef[] = [];
    const pause = slicer();
    const others = candidates.filter((id) => !fresh.has(id));
    const rematched: string[] = [...fresh.keys()];
    for (let i = 0; i < others.length; i += 200) {
      for (const r of await db.reports.bulkGet(others.slice(i, i + 200))) {
        const refs = r && index.rematchChanged(r);
        if (!refs) continue; // its matches are as stored: nothing to rewrite
        mentions.push(...refs);
        rematched.push(r.id);
      }
      await pause();
    }
    for (const r of fresh.values()) mentions.push(...index.rematch(r));
    const { put, remove } = index.takeChanges();
    const version = newVersion();
    const touched = [...new Set([...removed, ...rematched])];
    await db.transaction('rw', [db.reports, db.terms, db.mentions, db.reportIndex, db.meta], async () => {
      await edit.write();
      // one key range per report: an anyOf() over the index makes IndexedDB walk the whole table
      const stale = await Promise.all(touched.map((id) => db.mentions.where('reportId').equals(id).primaryKeys()));
      await db.mentions.bulkDelete(stale.flat());
      await db.reportIndex.bulkDelete(removed.filter((id) => !fresh.has(id)));
      await db.mentions.bulkPut(mentions);
      await db.reportIndex.bulkPut(rematched.map((id) => index.row(id)!));
      await db.terms.bulkDelete(remove);
      await db.terms.bulkPut(put);
      await db.meta.put({ key: 'indexVersion', value: version });
    });
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
      throw isConstraint(e) ? new Error(DUPLICATE) : e;
    }
    return publicReport(report);
  });
}

async function userReportById(db: CrosscheckDB, id: unknown, verb: string): Promise<StoredReport> {
  const r = typeof id === 'string' ? await db.reports.get(id) : undefined;
  if (!r) throw new Error(`That report is no longer in your corpus, so it cannot be ${verb}.`);
  if (r.origin !== 'user') throw new Error(`Only reports you added can be ${verb}.`);
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
      throw isConstraint(e) ? new Error(DUPLICATE) : e;
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
 * in the same transaction.
 */
export function importReports(
  db: CrosscheckDB,
  inputs: NewReportInput[],
  opts: { replace?: boolean; onProgress?(done: number, total: number): void } = {},
): Promise<{ added: number; skipped: number }> {
  if (!Array.isArray(inputs)) return Promise.reject(new Error('An import must be a list of reports.'));
  if (inputs.length > IMPORT_MAX_REPORTS) return Promise.reject(new Error(`An import may hold at most ${IMPORT_MAX_REPORTS.toLocaleString('en')} reports; this one has ${inputs.length.toLocaleString('en')}.`));
  const fields: NewReportInput[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      fields.push(parseNewReport(input));
    } catch (e) {
      return Promise.reject(new Error(`Report ${i + 1}: ${(e as Error).message}`));
    }
  }
  return serial(db, async () => {
    const index = await loadIndex(db);
    const replaced = opts.replace ? await db.reports.where('origin').equals('user').primaryKeys() : [];
    const kept = opts.replace ? await db.reports.where('origin').equals('seed').toArray() : null;
    const texts = new Set<string>(kept ? kept.map((r) => r.textKey) : ((await db.reports.orderBy('textKey').keys()) as string[]));
    const urls = new Set<string>(kept ? kept.flatMap((r) => r.urlKey ?? []) : ((await db.reports.orderBy('urlKey').keys()) as string[]));
    const reports: StoredReport[] = [];
    const rows: ReportIndexRow[] = [];
    const earlier: NearKeyMap = new Map();
    const leaving = new Set(replaced);
    let skipped = 0;
    const pause = slicer();
    const now = Date.now();
    for (const [i, f] of fields.entries()) {
      const r = userReport(f, 'user-' + crypto.randomUUID(), now + i);
      if (texts.has(r.textKey) || (r.urlKey && urls.has(r.urlKey)) || (await nearDuplicateInImport(db, r, earlier, leaving))) skipped++;
      else {
        texts.add(r.textKey);
        if (r.urlKey) urls.add(r.urlKey);
        for (const k of r.nearKeys) earlier.set(k, [...(earlier.get(k) ?? []), r]); // keys are rarely shared: lists stay short
        reports.push(r);
        rows.push(await indexRowSliced(r, pause));
      }
      opts.onProgress?.(i + 1, fields.length);
      await pause();
    }
    const version = await commit(db, index, {
      removed: replaced,
      reports,
      rows,
      write: async () => {
        await db.reports.bulkDelete(replaced);
        await db.reports.bulkAdd(reports);
      },
    });
    if (replaced.length) await backupDelete(db, replaced);
    await backupPut(db, reports);
    notify(db, { version, reportIds: [...replaced, ...reports.map((r) => r.id)] });
    return { added: reports.length, skipped };
  });
}

/** Near-duplicate key -> the reports of one import holding it. */
type NearKeyMap = Map<string, StoredReport[]>;

/** Whether `r` is near-identical to a report of the same import or a stored one (except those the import replaces). */
async function nearDuplicateInImport(db: CrosscheckDB, r: StoredReport, earlier: NearKeyMap, replaced: Set<string>): Promise<boolean> {
  const inImport = new Set(r.nearKeys.flatMap((k) => earlier.get(k) ?? []));
  return firstNearDuplicate(r.text, [...inImport, ...(await nearCandidates(db, r, replaced))]) !== undefined;
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
    await db.transaction('rw', [db.reports, db.terms, db.mentions, db.reportIndex, db.meta], async () => {
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
        await Promise.all([db.terms.clear(), db.mentions.clear()]);
        await db.terms.bulkPut(corpus.terms);
        await db.mentions.bulkPut(corpus.mentions);
        await db.meta.put({ key: 'indexVersion', value: version });
      }
      await db.meta.put({ key: 'seedVersion', value: corpus.version });
    });
    if (onlySeeds) {
      state(db).index = new LiveIndex(rows);
      notify(db, { version, reportIds: seeds.map((r) => r.id) });
    } else await rebuild(db);
    return result;
  });
}

/**
 * After the corpus database was wiped or found corrupt: put back the user's reports from the
 * backup (those missing), then re-index. Returns how many were restored.
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
    await db.reports.bulkAdd(reports);
    await rebuild(db);
    return reports.length;
  });
}
