import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { toReport, type CompiledCorpus } from '../../lib/corpus';
import { textKey } from '../../lib/corpus/identity';
import { nearKeys } from '../../lib/corpus/near-duplicate';
import { backupOf, addUserReport, nearDuplicateMessage, whenIndexed } from '../../lib/background/store';
import { createSeeder } from '../../lib/background/seeding';
import { EVIDENCE_VERSION } from '../../lib/background/evidence-store';
import { CorpusService } from '../../lib/background/explain';
import { CrosscheckDB, getMeta } from '../../lib/db';
import { variant } from '../../scripts/near-variants';
import { reportsNaming, seedCorpusCompiled } from './corpus-fixture';

const NAME = 'upgrade-v1';
afterEach(async () => {
  await Dexie.delete(NAME);
  await Dexie.delete(`${NAME}-backup`);
});

/** The schema Crosscheck shipped as version 1, as it was. */
function openVersion1(): Dexie {
  const v1 = new Dexie(NAME);
  v1.version(1).stores({
    reports: 'id, origin, title, source, date',
    terms: 'id, kind, label, *aliases',
    mentions: '[termId+reportId+sentence], termId, reportId',
    meta: 'key',
  });
  return v1;
}

const TEXTS = [
  'Fighting around the Donbas intensified on Tuesday as Russian forces pressed toward Kramatorsk, officials said.',
  'Steve Witkoff will travel to Kyiv next week to discuss security guarantees with Volodymyr Zelensky.',
];

describe('schema version 2', () => {
  it('opens a real version-1 database and keeps every user report, repeats and bad URLs included', async () => {
    const v1 = openVersion1();
    const corpus = seedCorpusCompiled();
    await v1.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed' })));
    await v1.table('terms').bulkPut(corpus.terms);
    await v1.table('mentions').bulkPut(corpus.index.flatMap((row) => row.mentions.map((m) => ({ ...m, reportId: row.reportId }))));
    await v1.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v1' },
    ]);
    // version 1 allowed the same text twice and any URL scheme
    const users = [
      toReport({ id: 'user-a-1', origin: 'user', text: TEXTS[0]!, meta: { title: 'Mine', url: 'https://example.com/a' } }),
      toReport({ id: 'user-b-2', origin: 'user', text: TEXTS[0]!, meta: { url: 'https://example.com/a' } }),
      toReport({ id: 'user-c-3', origin: 'user', text: TEXTS[1]!, meta: { url: 'javascript:alert(1)' } }),
    ];
    await v1.table('reports').bulkPut(users);
    v1.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)(); // the start-up an updated extension runs
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    const stored = await db.reports.where('origin').equals('user').toArray();
    expect(stored.map((r) => r.id).sort()).toEqual(['user-a-1', 'user-b-2', 'user-c-3']);
    expect(stored.find((r) => r.id === 'user-a-1')?.title).toBe('Mine');
    expect(stored.find((r) => r.id === 'user-c-3')?.url).toBeNull(); // not a web address
    expect(await db.reports.count()).toBe(corpus.reports.length + 3);
    // the index now covers the user reports
    expect(await db.reportIndex.count()).toBe(corpus.reports.length + 3);
    expect(await reportsNaming(db, 'donbas')).toEqual(expect.arrayContaining(['user-a-1', 'user-b-2']));
    // and from now on the same text is refused
    await expect(addUserReport(db, { text: TEXTS[1]! })).rejects.toThrow(/already in your corpus/);
    await backupOf(db).delete();
    db.close();
  });
});

/** The schema Crosscheck shipped as version 2: mentions as one row per term, report and sentence. */
function openVersion2(): Dexie {
  const v2 = new Dexie(NAME);
  v2.version(2).stores({
    reports: 'id, origin, title, source, date, &textKey, &urlKey',
    terms: 'id, kind, label, *aliases',
    mentions: '[termId+reportId+sentence], termId, reportId',
    reportIndex: 'reportId',
    meta: 'key',
  });
  return v2;
}

/** Dictionary entries as versions 1 to 3 stored them: with the ids of the reports naming each term. */
const withReportIds = (corpus: CompiledCorpus) =>
  corpus.terms.map(({ reportCount: _, ...t }) => ({ ...t, reportIds: corpus.index.filter((r) => r.hits[t.id]).map((r) => r.reportId) }));

describe('schema version 3', () => {
  it('moves mentions into the index rows, keeps the user reports and drops the mentions table', async () => {
    const v2 = openVersion2();
    const corpus = seedCorpusCompiled();
    const user = toReport({ id: 'user-a-1', origin: 'user', text: TEXTS[1]!, meta: { title: 'Mine' } });
    const all = [...corpus.reports.map((r) => ({ ...r, origin: 'seed' })), user];
    await v2.table('reports').bulkPut(all.map((r, i) => ({ ...r, textKey: `k${i}` })));
    await v2.table('terms').bulkPut(withReportIds(corpus));
    await v2.table('mentions').bulkPut(corpus.index.flatMap((row) => row.mentions.map((m) => ({ ...m, reportId: row.reportId }))));
    // version 2 rows had no mentions; the user report had none yet either
    await v2.table('reportIndex').bulkPut(corpus.index.map(({ mentions: _, ...row }) => row));
    await v2.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v2' },
    ]);
    v2.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(db.tables.map((t) => t.name)).not.toContain('mentions');
    expect((await db.reports.get('user-a-1'))?.title).toBe('Mine');
    const rows = await db.reportIndex.toArray();
    expect(rows).toHaveLength(all.length);
    const seedRow = rows.find((r) => r.reportId === corpus.reports[0]!.id)!;
    expect(seedRow.mentions).toEqual(corpus.index.find((r) => r.reportId === seedRow.reportId)!.mentions);
    const mine = rows.find((r) => r.reportId === 'user-a-1')!;
    expect(mine.mentions.map((m) => m.termId)).toEqual(expect.arrayContaining(['steve-witkoff']));
    expect(await reportsNaming(db, 'steve-witkoff')).toContain('user-a-1');
    await backupOf(db).delete();
    db.close();
  });

  it('gives every report of a version-2 database its near-duplicate keys, so copies of them are refused', async () => {
    const v2 = openVersion2();
    const corpus = seedCorpusCompiled();
    // the openings of two seed reports: a report of its own, near none of them
    const opening = (i: number) => corpus.reports[i]!.text.split('\n\n').slice(0, 3);
    const mine = toReport({ id: 'user-mine', origin: 'user', text: [...opening(0), ...opening(2)].join('\n\n'), meta: { title: 'Mine' } });
    const short = toReport({ id: 'user-short', origin: 'user', text: TEXTS[0]! });
    await v2.table('reports').bulkPut([...corpus.reports.map((r) => ({ ...r, origin: 'seed' })), mine, short].map((r) => ({ ...r, textKey: textKey(r.text) })));
    await v2.table('meta').put({ key: 'seedVersion', value: corpus.version });
    v2.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect((await db.reports.get('user-mine'))?.nearKeys).toEqual(nearKeys(mine.text));
    expect((await db.reports.get('user-short'))?.nearKeys).toEqual([]); // too short: the exact rule only
    for (const r of corpus.reports) expect((await db.reports.get(r.id))?.nearKeys).toHaveLength(16);
    await expect(addUserReport(db, { text: variant(mine.text, 'typos')! })).rejects.toThrow(nearDuplicateMessage(mine));
    await backupOf(db).delete();
    db.close();
  });
});

describe('schema version 4', () => {
  it('keeps a count of reports per dictionary term instead of their ids, without indexing again', async () => {
    const v3 = new Dexie(NAME);
    v3.version(3).stores({
      reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys',
      terms: 'id, kind, label, *aliases',
      reportIndex: 'reportId',
      meta: 'key',
    });
    const corpus = seedCorpusCompiled();
    await v3.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed', textKey: textKey(r.text), nearKeys: nearKeys(r.text) })));
    const old = withReportIds(corpus);
    await v3.table('terms').bulkPut(old);
    await v3.table('reportIndex').bulkPut(corpus.index);
    await v3.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v3' },
    ]);
    v3.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(await getMeta(db, 'indexVersion')).toBe('v3'); // nothing was indexed again
    const terms = await db.terms.toArray();
    expect(terms).toHaveLength(old.length);
    for (const t of terms) {
      expect(t).not.toHaveProperty('reportIds');
      expect(t.reportCount).toBe(old.find((o) => o.id === t.id)!.reportIds.length);
    }
    expect(await reportsNaming(db, 'steve-witkoff')).toHaveLength(terms.find((t) => t.id === 'steve-witkoff')!.reportCount);
    await backupOf(db).delete();
    db.close();
  });
});

describe('schema version 5', () => {
  it('adds the stored evidence index to a version-4 database and fills it in the background, keeping everything else', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores({
      reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys',
      terms: 'id, kind, label, *aliases',
      reportIndex: 'reportId',
      meta: 'key',
    });
    const corpus = seedCorpusCompiled();
    await v4.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed', textKey: textKey(r.text), nearKeys: nearKeys(r.text) })));
    await v4.table('terms').bulkPut(corpus.terms);
    await v4.table('reportIndex').bulkPut(corpus.index);
    await v4.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v4' },
    ]);
    v4.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(await getMeta(db, 'indexVersion')).toBe('v4'); // the corpus index was not rebuilt
    expect(await getMeta(db, 'evidenceVersion')).toBe(EVIDENCE_VERSION);
    expect((await db.evidenceReports.toArray()).map((r) => r.id).sort()).toEqual(corpus.reports.map((r) => r.id).sort());
    const e = await new CorpusService(db).explain('kyiv', 'Advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.');
    expect(e?.items.length).toBeGreaterThan(0);
    await backupOf(db).delete();
    db.close();
  });
});

describe('schema version 6', () => {
  it('drops the evidence index kept per key and fills it again by shard in the background, keeping everything else', async () => {
    const v5 = new Dexie(NAME);
    v5.version(5).stores({
      reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys',
      terms: 'id, kind, label, *aliases',
      reportIndex: 'reportId',
      meta: 'key',
      evidenceKeys: 'k',
      evidencePostings: '[k+b]',
      evidenceReports: 'no, &id',
    });
    const corpus = seedCorpusCompiled();
    await v5.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed', textKey: textKey(r.text), nearKeys: nearKeys(r.text) })));
    await v5.table('terms').bulkPut(corpus.terms);
    await v5.table('reportIndex').bulkPut(corpus.index);
    // an evidence index of the old layout that says it is current: the upgrade must not trust it
    await v5.table('evidenceKeys').put({ k: 'kyiv', n: 1 });
    await v5.table('evidencePostings').put({ k: 'kyiv', b: 0, p: new Int32Array([0, 0, 1, 5]) });
    await v5.table('evidenceReports').bulkPut(corpus.reports.map((r, no) => ({ no, id: r.id, keys: 'kyiv', docs: 1, length: 5 })));
    await v5.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v5' },
      { key: 'evidenceVersion', value: EVIDENCE_VERSION },
      { key: 'evidenceStats', value: JSON.stringify({ docs: 5, length: 25, next: 5 }) },
    ]);
    v5.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(db.tables.map((t) => t.name)).not.toContain('evidencePostings');
    expect(await getMeta(db, 'indexVersion')).toBe('v5'); // the corpus index was not rebuilt
    expect(await getMeta(db, 'evidenceVersion')).toBe(EVIDENCE_VERSION);
    expect((await db.evidenceReports.toArray()).map((r) => r.id).sort()).toEqual(corpus.reports.map((r) => r.id).sort());
    expect(await db.evidenceCounts.count()).toBeGreaterThan(100);
    const e = await new CorpusService(db).explain('kyiv', 'Advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.');
    expect(e?.items.length).toBeGreaterThan(0);
    await backupOf(db).delete();
    db.close();
  });
});

describe('schema version 7', () => {
  it('drops shard rows that list their keys one by one and fills them again, keys sorted in one string, keeping everything else', async () => {
    const v6 = new Dexie(NAME);
    v6.version(6).stores({
      reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys',
      terms: 'id, kind, label, *aliases',
      reportIndex: 'reportId',
      meta: 'key',
      evidenceCounts: 's',
      evidenceBlocks: '[s+b]',
      evidenceReports: 'no, &id',
    });
    const corpus = seedCorpusCompiled();
    await v6.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed', textKey: textKey(r.text), nearKeys: nearKeys(r.text) })));
    await v6.table('terms').bulkPut(corpus.terms);
    await v6.table('reportIndex').bulkPut(corpus.index);
    // rows of the version-6 layout (keys as an array) under meta that says the index is current and complete
    await v6.table('evidenceCounts').put({ s: 1, keys: ['kyiv'], n: [1], bo: new Int32Array([0, 1]), bl: new Int32Array([0]) });
    await v6.table('evidenceBlocks').put({ s: 1, b: 0, keys: ['kyiv'], at: new Int32Array([0, 4]), p: new Int32Array([0, 0, 1, 5]) });
    await v6.table('evidenceReports').bulkPut(corpus.reports.map((r, no) => ({ no, id: r.id, keys: 'kyiv', docs: 1, length: 5 })));
    await v6.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v6' },
      { key: 'evidenceVersion', value: EVIDENCE_VERSION },
      { key: 'evidenceStats', value: JSON.stringify({ docs: 5, length: 25, next: 5 }) },
      { key: 'indexingComplete', value: '1' },
    ]);
    v6.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(await getMeta(db, 'indexVersion')).toBe('v6'); // the corpus index was not rebuilt
    expect(await getMeta(db, 'evidenceVersion')).toBe(EVIDENCE_VERSION);
    expect(await getMeta(db, 'indexingComplete')).toBe('1'); // filled, and marked so again
    const counts = await db.evidenceCounts.toArray();
    expect(counts.length).toBeGreaterThan(100);
    expect(counts.every((r) => typeof r.keys === 'string' && r.keys.split('\n').every((k, j, ks) => !j || ks[j - 1]! < k))).toBe(true);
    expect((await db.evidenceBlocks.toArray()).every((r) => typeof r.keys === 'string')).toBe(true);
    expect((await db.evidenceReports.toArray()).map((r) => r.id).sort()).toEqual(corpus.reports.map((r) => r.id).sort());
    const e = await new CorpusService(db).explain('kyiv', 'Advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.');
    expect(e?.items.length).toBeGreaterThan(0);
    await backupOf(db).delete();
    db.close();
  });
});

describe('schema version 9', () => {
  it('drops the count rows kept one per shard for the whole corpus and fills them again by shard and group, keeping everything else', async () => {
    const v7 = new Dexie(NAME);
    v7.version(7).stores({
      reports: 'id, origin, title, source, date, &textKey, &urlKey, *nearKeys',
      terms: 'id, kind, label, *aliases',
      reportIndex: 'reportId',
      meta: 'key',
      evidenceCounts: 's',
      evidenceBlocks: '[s+b]',
      evidenceReports: 'no, &id',
    });
    const corpus = seedCorpusCompiled();
    await v7.table('reports').bulkPut(corpus.reports.map((r) => ({ ...r, origin: 'seed', textKey: textKey(r.text), nearKeys: nearKeys(r.text) })));
    await v7.table('terms').bulkPut(corpus.terms);
    await v7.table('reportIndex').bulkPut(corpus.index);
    // a version-7 count row (no group) under meta that says the index is current and complete
    await v7.table('evidenceCounts').put({ s: 1, keys: 'kyiv', n: new Int32Array([1]), bo: new Int32Array([0, 1]), bl: new Int32Array([0]) });
    await v7.table('evidenceBlocks').put({ s: 1, b: 0, keys: 'kyiv', at: new Int32Array([0, 4]), p: new Int32Array([0, 0, 1, 5]) });
    await v7.table('evidenceReports').bulkPut(corpus.reports.map((r, no) => ({ no, id: r.id, keys: 'kyiv', docs: 1, length: 5 })));
    await v7.table('meta').bulkPut([
      { key: 'seedVersion', value: corpus.version },
      { key: 'indexVersion', value: 'v7' },
      { key: 'evidenceVersion', value: EVIDENCE_VERSION },
      { key: 'evidenceStats', value: JSON.stringify({ docs: 5, length: 25, next: 5 }) },
      { key: 'indexingComplete', value: '1' },
    ]);
    v7.close();

    const db = new CrosscheckDB(NAME);
    await createSeeder(db, corpus)();
    await whenIndexed(db);
    expect(db.verno).toBe(9);
    expect(await getMeta(db, 'indexVersion')).toBe('v7'); // the corpus index was not rebuilt
    expect(await getMeta(db, 'evidenceVersion')).toBe(EVIDENCE_VERSION);
    expect(await getMeta(db, 'indexingComplete')).toBe('1');
    const counts = await db.evidenceCounts.toArray();
    expect(counts.length).toBeGreaterThan(100);
    expect(counts.every((r) => r.g === 0)).toBe(true); // five reports: one group
    expect((await db.evidenceBlocks.toArray()).some((r) => r.keys !== 'kyiv')).toBe(true);
    expect((await db.evidenceReports.toArray()).map((r) => r.id).sort()).toEqual(corpus.reports.map((r) => r.id).sort());
    const e = await new CorpusService(db).explain('kyiv', 'Advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.');
    expect(e?.items.length).toBeGreaterThan(0);
    await backupOf(db).delete();
    db.close();
  });
});
