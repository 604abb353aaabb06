/**
 * IndexedDB through Dexie: reports (seed and user-added), the derived term dictionary and one
 * index row per report (its extracted terms, filter, hits and mentions). Schema and upgrades only;
 * writes live in lib/background/store.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { DictionaryTerm, Report } from './corpus';
import { textKey, urlKey } from './corpus/identity';
import { nearKeys } from './corpus/near-duplicate';
import type { ReportIndexRow } from './corpus/live-index';

export interface MetaRow {
  key: string;
  value: string;
}

/** A report as stored: with the keys that make a second copy of it refused. */
export interface StoredReport extends Report {
  textKey: string;
  /** absent when the report has no web URL */
  urlKey?: string;
  /** ms since epoch; user, read and feed reports */
  addedAt?: number;
  /** the followed feed a feed report came from (lib/background/feeds.ts) */
  feedId?: string;
  /** band keys of the text's MinHash signature, to find near-identical reports (lib/corpus/near-duplicate.ts) */
  nearKeys: string[];
}

/**
 * The evidence index's sentence counts of the retrieval keys of one shard (keys are spread over
 * shards by hash; lib/background/evidence-store.ts) in one group of report numbers (`no >> 10`): `n[j]`
 * sentences of the group's reports hold its j-th key, in the blocks of report numbers `bl[bo[j]]` up to
 * `bl[bo[j + 1]]` (ascending), so a reader reads only those rows. A key's count is the sum over groups.
 */
export interface EvidenceCountsRow {
  s: number;
  g: number;
  /** sorted, one per line (lib/background/evidence-rows.ts) */
  keys: string;
  n: Int32Array;
  bo: Int32Array;
  bl: Int32Array;
}

/**
 * The postings of the keys of one shard for one block of report numbers (`no >> 8`), as
 * lib/evidence/index.ts lays them out: those of its j-th key are `p[at[j]]` up to `p[at[j + 1]]`.
 */
export interface EvidenceBlockRow {
  s: number;
  b: number;
  /** sorted, one per line */
  keys: string;
  at: Int32Array;
  p: Int32Array;
}

/** A report in the evidence index: its number there, its distinct keys (one per line) and its sentences' counts. */
export interface EvidenceReportRow {
  no: number;
  id: string;
  keys: string;
  /** per key (in the order of `keys`), two hashes of its postings in this report: a write of the report again leaves the keys whose postings are as they were */
  h?: Int32Array;
  docs: number;
  length: number;
}

export class CrosscheckDB extends Dexie {
  reports!: Table<StoredReport, string>;
  terms!: Table<DictionaryTerm, string>;
  reportIndex!: Table<ReportIndexRow, string>;
  meta!: Table<MetaRow, string>;
  evidenceCounts!: Table<EvidenceCountsRow, [number, number]>;
  evidenceBlocks!: Table<EvidenceBlockRow, [number, number]>;
  evidenceReports!: Table<EvidenceReportRow, number>;

  constructor(name = 'crosscheck') {
    // Chromium: a commit is done once the operating system has the data, without waiting for the
    // disk (the user's reports are also kept in the backup database, which keeps the default).
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores({
      reports: 'id, origin, title, source, date',
      terms: 'id, kind, label, *aliases',
      mentions: '[termId+reportId+sentence], termId, reportId',
      meta: 'key',
    });
    this.version(2)
      .stores({
        reports: 'id, origin, title, source, date, &textKey, &urlKey',
        reportIndex: 'reportId',
      })
      .upgrade(async (tx) => {
        // Version 1 stored the same text (or URL) twice and any URL scheme: keep every report,
        // drop URLs that are not web addresses, and give repeats their own keys.
        const texts = new Set<string>();
        const urls = new Set<string>();
        await tx
          .table('reports')
          .toCollection()
          .modify((r: StoredReport) => {
            let tk = textKey(r.text);
            if (texts.has(tk)) tk += ':' + r.id;
            texts.add(tk);
            r.textKey = tk;
            const uk = urlKey(r.url);
            if (!uk) r.url = null;
            if (uk && !urls.has(uk)) {
              urls.add(uk);
              r.urlKey = uk;
            } else delete r.urlKey;
          });
        // The derived index is rebuilt from the reports on the next start.
        await tx.table('meta').delete('indexVersion');
      });
    // Version 3 keeps each report's mentions in its index row: one row per report, not one per
    // term, report and sentence (10,000 reports made 311,294 rows, most of the time of seeding);
    // and refuses near-identical reports, found by their MinHash band keys.
    this.version(3)
      .stores({ mentions: null, reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys' })
      .upgrade(async (tx) => {
        // Reports stored before near-duplicates were refused: the keys to find them by.
        await tx
          .table('reports')
          .toCollection()
          .modify((r: StoredReport) => {
            r.nearKeys = nearKeys(r.text);
          });
        // Rows without mentions are matched again, from their stored extraction (no NLP), on the next start.
        await tx.table('meta').delete('indexVersion');
      });
    // Version 4 keeps a count of reports per dictionary term, not their ids (they are in the index
    // rows): a write touching a term named by thousands of reports rewrote thousands of ids.
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('terms')
          .toCollection()
          .modify((t: DictionaryTerm & { reportIds?: string[] }) => {
            t.reportCount = t.reportIds?.length ?? 0;
            delete t.reportIds;
          }),
      );
    // Version 5 keeps the evidence index (the popover's sentence retrieval) on disk, so a restarted
    // background reads the few keys and reports a hover needs instead of rebuilding it. It starts
    // empty and is built in the background (its meta 'evidenceVersion' is absent: stale).
    this.version(5).stores({ evidenceKeys: 'k', evidencePostings: '[k+b]', evidenceReports: 'no, &id' });
    // Version 6 keeps the evidence index's counts and postings by shard of keys, not by key: an
    // import's batch of 160 reports wrote 16,000 rows (key counts and postings), 12 s in Chromium;
    // now at most 256 count rows and 256 rows a block. It is built again in the background.
    this.version(6)
      .stores({ evidenceKeys: null, evidencePostings: null, evidenceCounts: 's', evidenceBlocks: '[s+b]' })
      .upgrade(async (tx) => {
        await tx.table('evidenceReports').clear();
        await tx.table('meta').bulkDelete(['evidenceVersion', 'evidenceStats']);
      });
    // Version 7 keeps a shard row's keys as one sorted string (lib/background/evidence-rows.ts): a
    // write found and changed its few keys in place of decoding and encoding every key of the row.
    this.version(7)
      .stores({})
      .upgrade(async (tx) => {
        await Promise.all(['evidenceCounts', 'evidenceBlocks', 'evidenceReports'].map((t) => tx.table(t).clear()));
        await tx.table('meta').bulkDelete(['evidenceVersion', 'evidenceStats', 'indexingComplete']);
      });
    // Version 9 keeps counts by shard and group of reports: an import's batch took new numbers and
    // rewrote nearly every count row, the counts of the whole corpus (some 300,000 keys at 10,000
    // reports); now it rewrites its own group's rows. IndexedDB cannot change a store's key, so
    // version 8 drops the count rows and 9 makes them again; the index is built again in the background.
    this.version(8)
      .stores({ evidenceCounts: null })
      .upgrade(async (tx) => {
        await Promise.all(['evidenceBlocks', 'evidenceReports'].map((t) => tx.table(t).clear()));
        await tx.table('meta').bulkDelete(['evidenceVersion', 'evidenceStats', 'indexingComplete']);
      });
    this.version(9).stores({ evidenceCounts: '[s+g]' });
  }
}

export async function getMeta(db: CrosscheckDB, key: string): Promise<string | undefined> {
  return (await db.meta.get(key))?.value;
}

/** A second database holding a copy of the user's own reports, from which a wiped corpus is restored. */
export interface BackupRow {
  id: string;
  addedAt: number;
  text: string;
  title: string | null;
  source: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
}

export class BackupDB extends Dexie {
  reports!: Table<BackupRow, string>;

  constructor(name = 'crosscheck-backup') {
    super(name);
    this.version(1).stores({ reports: 'id, addedAt' });
  }
}
