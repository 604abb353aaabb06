import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSeeds } from '../../corpus/seeds';
import { textKey } from '../../lib/corpus/identity';
import { buildIndex, indexRow, type ReportIndexRow } from '../../lib/corpus/live-index';
import { CrosscheckDB, getMeta } from '../../lib/db';
import {
  addUserReport,
  backupOf,
  deleteUserReport,
  extractWith,
  STORE_MESSAGES,
  exportReports,
  importReports,
  INDEXING,
  nearDuplicateMessage,
  onIndexChange,
  rebuildIndex,
  restoreFromBackup,
  onIndexingProgress,
  type IndexingProgress,
  seedCorpus,
  updateUserReport,
  whenIndexed,
} from '../../lib/background/store';
import { STORAGE_MESSAGES, storageError } from '../../lib/background/storage-errors';
import { createSeeder } from '../../lib/background/seeding';
import { CorpusService } from '../../lib/background/explain';
import { variant } from '../../scripts/near-variants';
import { ID, reportsNaming, seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
async function seeded(): Promise<CrosscheckDB> {
  const db = new CrosscheckDB(`store-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    await whenIndexed(db);
    await backupOf(db).delete();
    await db.delete();
  }
});

const DONBAS = 'Fighting around the Donbas intensified on Tuesday as Russian forces pressed toward Kramatorsk, Ukrainian officials said.';
const paragraphs = readSeeds().flatMap((r) => r.text.split('\n').filter((p) => p.split(' ').length > 12));

/** Every report's mentions, as comparable strings. */
const sortRefs = (rows: ReportIndexRow[]) => rows.flatMap((r) => r.mentions.map((x) => `${x.termId}|${r.reportId}|${x.sentence}`)).sort();
/** The stored index equals a from-scratch build over the stored reports. */
async function expectEqualsFullRebuild(db: CrosscheckDB): Promise<void> {
  await whenIndexed(db); // reports matched again after a write, a batch at a time, are matched
  const full = buildIndex(await db.reports.toArray());
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const terms = (await db.terms.toArray()).sort(byId);
  const expected = [...full.terms].sort(byId);
  expect(terms.map((t) => t.id)).toEqual(expected.map((t) => t.id));
  expect(terms).toEqual(expected);
  expect(sortRefs(await db.reportIndex.toArray())).toEqual(sortRefs(full.rows));
}

describe('writes validate and explain', () => {
  it('refuses bad input with a message a reader understands and writes nothing', async () => {
    const db = await seeded();
    const cases: [unknown, RegExp][] = [
      [null, /./],
      [{ text: null }, /report text must be text/],
      [{ text: 42 }, /must be text/],
      [{ text: DONBAS, url: 'javascript:alert(1)' }, /must start with http/],
      [{ text: DONBAS, title: '<script>alert(1)</script>' }, /plain text/],
      [{ text: 'x '.repeat(600_000) }, /longer than 1,000,000/],
      [{ text: 'too short' }, /needs some text/],
    ];
    for (const [input, message] of cases) await expect(addUserReport(db, input)).rejects.toThrow(message);
    expect(await db.reports.count()).toBe(5);
    expect(await backupOf(db).reports.count()).toBe(0);
  });

  it('adds one report, indexes it, backs it up and tells listeners', async () => {
    const db = await seeded();
    const heard = vi.fn();
    onIndexChange(db, heard);
    const before = await getMeta(db, 'indexVersion');
    const r = await addUserReport(db, { text: DONBAS, title: 'Donbas fighting', url: 'https://example.com/a' });
    expect(r.id).toMatch(/^user-[0-9a-f-]{36}$/);
    expect(r).not.toHaveProperty('textKey');
    expect(r).not.toHaveProperty('nearKeys');
    expect(await reportsNaming(db, 'donbas')).toContain(r.id);
    expect(await getMeta(db, 'indexVersion')).not.toBe(before);
    expect(heard).toHaveBeenCalledWith({ version: await getMeta(db, 'indexVersion'), reportIds: [r.id] });
    expect((await backupOf(db).reports.get(r.id))?.text).toBe(DONBAS);
    await expectEqualsFullRebuild(db);
  });

  it('two identical adds at the same moment: one report, the other refused as a duplicate', async () => {
    const db = await seeded();
    const results = await Promise.allSettled([addUserReport(db, { text: DONBAS }), addUserReport(db, { text: DONBAS })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toBe(STORE_MESSAGES.duplicate);
    expect(await db.reports.where('origin').equals('user').count()).toBe(1);
  });

  it('refuses the same text (spacing and quotes aside) or the same URL twice, and a seed report', async () => {
    const db = await seeded();
    await addUserReport(db, { text: DONBAS, url: 'https://news.example/story?utm_source=x#top' });
    await expect(addUserReport(db, { text: `  ${DONBAS.replace(/ /g, '  ').toUpperCase()} ` })).rejects.toThrow(STORE_MESSAGES.duplicate);
    await expect(addUserReport(db, { text: paragraphs[3]!, url: 'https://news.example/story/' })).rejects.toThrow(/already in your corpus.*same URL/);
    await expect(addUserReport(db, { text: readSeeds()[1]!.text })).rejects.toThrow(STORE_MESSAGES.duplicate);
  });

  it('edits and deletes a user report, re-indexing it; seed reports cannot be changed', async () => {
    const db = await seeded();
    const seedId = seedCorpusCompiled().reports[0]!.id;
    await expect(updateUserReport(db, seedId, { text: DONBAS })).rejects.toThrow(/Only reports you added can be edited/);
    await expect(deleteUserReport(db, 'user-nope')).rejects.toThrow(/no longer in your corpus/);
    const r = await addUserReport(db, { text: DONBAS });
    const edited = await updateUserReport(db, r.id, { text: paragraphs[0]!, title: 'Edited' });
    expect(edited.id).toBe(r.id);
    expect((await db.reports.get(r.id))?.title).toBe('Edited');
    expect(await reportsNaming(db, 'donbas')).not.toContain(r.id); // the edit no longer names the Donbas
    await expectEqualsFullRebuild(db);
    await deleteUserReport(db, r.id);
    expect(await db.reports.count()).toBe(5);
    expect(await backupOf(db).reports.count()).toBe(0);
    await expectEqualsFullRebuild(db);
  });

  for (const [how, limits] of [
    ['', {}],
    [', when other reports are matched again afterwards in small batches', { rematchAtOnce: 0, rematchBatch: 2 }],
  ] as const) {
    it(`a long run of adds, edits and deletes leaves the same index as a full rebuild${how}`, async () => {
      const saved = { ...INDEXING };
      Object.assign(INDEXING, limits);
      try {
        const db = await seeded();
        const ids: string[] = [];
        for (let i = 0; i < 12; i++) {
          const text = [paragraphs[(i * 7) % paragraphs.length], paragraphs[(i * 11 + 3) % paragraphs.length]].join('\n');
          if (i % 4 === 3 && ids.length) await deleteUserReport(db, ids.shift()!);
          else if (i % 5 === 4 && ids.length) await updateUserReport(db, ids[0]!, { text: `${text}\nEdited on day ${i}.` }).catch(() => undefined);
          else ids.push((await addUserReport(db, { text: `${text}\nFiled as note ${i}.` })).id);
        }
        await expectEqualsFullRebuild(db);
        const stored = await db.terms.toArray();
        await rebuildIndex(db);
        expect((await db.terms.toArray()).length).toBe(stored.length);
      } finally {
        Object.assign(INDEXING, saved);
      }
    });
  }

  it('adds a 1 MB report; its terms beyond the tagged part do not flood the dictionary', async () => {
    const db = await seeded();
    const filler = Array.from({ length: 18_000 }, (_, i) => `Delegates from Qelmar${i % 500} discussed grain quotas in detail.`).join(' ');
    const text = (DONBAS + ' ' + filler).slice(0, 999_000);
    const termsBefore = await db.terms.count();
    const r = await addUserReport(db, { text });
    expect((await db.reports.get(r.id))!.text.length).toBeGreaterThan(900_000);
    expect((await db.terms.count()) - termsBefore).toBeLessThanOrEqual(40 + 80);
    await expectEqualsFullRebuild(db);
  });
});

describe('near-identical reports', () => {
  const seed = (id: string) => seedCorpusCompiled().reports.find((r) => r.id === id)!;
  /** A report of its own on the story of the seeds: the same people, one shared quote. */
  const OWN = [
    'Ukraine’s president wants leaders to meet in the United States within weeks, a timetable his European partners have yet to endorse.',
    '“Ukraine and national security advisers from 18 countries discussed security guarantees, economic agreements and sequencing plans,” Zelenskyy said in his nightly address.',
    'Diplomats in Brussels were more cautious. Several said privately that the sequencing of a ceasefire, sanctions relief and reconstruction money remained unresolved.',
    'Paris will host European leaders next week before any meeting with American negotiators, officials in Kyiv said, adding that a date for the summit itself could be set only after that meeting.',
  ].join('\n\n');

  it('refuses a near-identical copy of a seed report, naming it, and writes nothing', async () => {
    const db = await seeded();
    const original = seed(ID.kyiv);
    const copy = variant(variant(original.text, 'typos')!, 'boilerplate')!;
    await expect(addUserReport(db, { text: copy, title: 'Allies meet in Kyiv' })).rejects.toThrow(nearDuplicateMessage(original));
    expect(nearDuplicateMessage(original)).toBe(`This report is nearly identical to one already in your corpus: “${original.title}”.`);
    expect(await db.reports.count()).toBe(5);
    expect(await backupOf(db).reports.count()).toBe(0);
  });

  it('names an untitled report by its first words; an edit may stay near its own old text', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: OWN });
    const again = variant(OWN, 'typos')!;
    await expect(addUserReport(db, { text: again })).rejects.toThrow(`This report is nearly identical to one already in your corpus: “Ukraine's president wants leaders to meet in the United States within weeks,…”.`);
    const fixed = await updateUserReport(db, mine.id, { text: OWN.replace('Brussels', 'Brussels and Berlin'), title: 'Summit timetable' });
    expect(fixed.text).toContain('Berlin');
    const other = await addUserReport(db, { text: paragraphs[4]! });
    await expect(updateUserReport(db, other.id, { text: again })).rejects.toThrow('one already in your corpus: “Summit timetable”.');
    expect((await db.reports.get(other.id))?.text).toBe(other.text);
  });

  it('accepts an edited report of its own on the same story as the seeds', async () => {
    const db = await seeded();
    const r = await addUserReport(db, { text: variant(OWN, 'all-but-drop')! });
    expect((await db.reports.get(r.id))?.nearKeys).toHaveLength(16);
    await expectEqualsFullRebuild(db);
  });

  it('an import skips and counts near-duplicates of stored reports and of its own earlier reports', async () => {
    const db = await seeded();
    const inputs = [variant(seed(ID.summit).text, 'headline')!, OWN, variant(seed(ID.envoys).text, 'drop-paragraph')!, variant(OWN, 'typos')!, paragraphs[8]!];
    expect(await importReports(db, inputs.map((text) => ({ text })))).toEqual({ added: 2, skipped: 3 });
    expect((await db.reports.where('origin').equals('user').toArray()).map((r) => r.textKey).sort()).toEqual([textKey(OWN), textKey(paragraphs[8]!)].sort());
    // reports the import replaces are no reason to skip
    expect(await importReports(db, [{ text: variant(OWN, 'typos')! }], { replace: true })).toEqual({ added: 1, skipped: 0 });
    await expectEqualsFullRebuild(db);
  });
});

describe('seeding', () => {
  it('keeps the first of two bundled reports with the same text instead of failing', async () => {
    const db = new CrosscheckDB(`store-${n++}`);
    dbs.push(db);
    const corpus = seedCorpusCompiled();
    const copy = { ...corpus.reports[0]!, id: 'seed-copy' };
    const r = await seedCorpus(db, { ...corpus, version: 'with-copy', reports: [...corpus.reports, copy], index: [...corpus.index, { ...corpus.index[0]!, reportId: 'seed-copy' }] });
    expect(r.added).toBe(5);
    expect(await db.reports.get('seed-copy')).toBeUndefined();
    await expectEqualsFullRebuild(db);
  });
});

describe('import and export', () => {
  it('imports all or nothing: one bad report and nothing is written', async () => {
    const db = await seeded();
    const good = paragraphs.slice(0, 3).map((text) => ({ text }));
    await expect(importReports(db, [...good, { text: DONBAS, url: 'javascript:void(0)' }])).rejects.toThrow(/^Report 4: The URL must start with http/);
    expect(await db.reports.count()).toBe(5);
  });

  it('skips and counts duplicates (of stored reports and of each other), reports progress', async () => {
    const db = await seeded();
    const progress: number[] = [];
    const inputs = [{ text: DONBAS }, { text: DONBAS }, { text: readSeeds()[0]!.text }, { text: paragraphs[5]! }, { text: paragraphs[6]!, url: 'https://a.example/x' }, { text: paragraphs[7]!, url: 'https://a.example/x' }];
    const r = await importReports(db, inputs, { onProgress: (done) => progress.push(done) });
    expect(r).toEqual({ added: 3, skipped: 3 });
    expect(progress.at(-1)).toBe(inputs.length);
    expect(await db.reports.count()).toBe(8);
    await whenIndexed(db);
    await expectEqualsFullRebuild(db);
  });

  it('replace swaps the user reports in one go; export returns seed and user reports', async () => {
    const db = await seeded();
    await addUserReport(db, { text: DONBAS });
    const r = await importReports(db, [{ text: paragraphs[1]! }, { text: DONBAS }], { replace: true });
    expect(r).toEqual({ added: 2, skipped: 0 });
    const all = await exportReports(db);
    expect(all).toHaveLength(7);
    const mine = all.filter((x) => x.origin === 'user');
    expect(mine).toHaveLength(2);
    expect(mine.map((x) => x.text)).toContain(DONBAS);
    expect(all[0]).not.toHaveProperty('textKey');
    await whenIndexed(db);
    await expectEqualsFullRebuild(db);
  });

  it('stores the reports at once and indexes their terms afterwards, a batch per write, telling its progress', async () => {
    const db = await seeded();
    const service = new CorpusService(db);
    const before = (await service.getDictionary()).terms.length;
    const progress: IndexingProgress[] = [];
    onIndexingProgress(db, (p) => progress.push(p));
    const texts = [DONBAS, ...paragraphs.slice(8, 14)];
    const r = await importReports(db, texts.map((text) => ({ text })));
    expect(r).toEqual({ added: texts.length, skipped: 0 });
    // stored, not yet indexed: the dictionary is answered as it was
    expect(await db.reports.count()).toBe(5 + texts.length);
    expect(await db.reportIndex.count()).toBe(5);
    expect((await service.getDictionary()).terms).toHaveLength(before);
    // a report edited and one deleted while it waits are indexed as they now are
    const users = await db.reports.where('origin').equals('user').toArray();
    const donbas = users.find((u) => u.text === DONBAS)!;
    await updateUserReport(db, donbas.id, { text: `${DONBAS} Kramatorsk was shelled overnight.` });
    await deleteUserReport(db, users.find((u) => u.id !== donbas.id)!.id);
    await whenIndexed(db);
    expect(progress.at(-1)).toBeNull();
    const counts = progress.filter((p): p is NonNullable<IndexingProgress> => p !== null);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.at(-1)!.done).toBe(counts.at(-1)!.total);
    expect(await db.reportIndex.count()).toBe(5 + texts.length - 1);
    expect(await reportsNaming(db, 'donbas')).toContain(donbas.id);
    expect((await service.getDictionary()).terms.map((t) => t.id)).toContain('donbas');
    await expectEqualsFullRebuild(db);
  });

  it('an add asked for while imported reports are indexed goes before the rest of the batch', async () => {
    const saved = { ...INDEXING };
    Object.assign(INDEXING, { batchMs: 60_000 }); // one batch would otherwise take every imported report
    try {
      const db = await seeded();
      const { added } = await importReports(db, paragraphs.slice(20, 32).map((text) => ({ text })));
      expect(added).toBeGreaterThan(8);
      const mine = await addUserReport(db, { text: DONBAS });
      // answered with most imported reports still waiting for their terms
      expect(await db.reportIndex.get(mine.id)).toBeDefined();
      expect((await db.reportIndex.count()) - 6).toBeLessThan(added / 2);
      await whenIndexed(db);
      expect(await db.reportIndex.count()).toBe(6 + added);
      await expectEqualsFullRebuild(db);
    } finally {
      Object.assign(INDEXING, saved);
    }
  });

  it('extracts an import elsewhere (workers) while it writes, a batch ahead; an edit meanwhile wins; a failure goes on in this thread', async () => {
    const saved = { ...INDEXING };
    Object.assign(INDEXING, { parallelBatch: 3 });
    try {
      const db = await seeded();
      const asked: string[][] = [];
      let failAt = -1;
      const extractor = async (reports: { id: string }[]) => {
        asked.push(reports.map((r) => r.id));
        await new Promise((r) => setTimeout(r, 5));
        if (asked.length === failAt) throw new Error('the workers are gone');
        return (reports as Parameters<typeof indexRow>[0][]).map((r) => indexRow(r));
      };
      extractWith(db, extractor);
      const texts = [DONBAS, ...paragraphs.slice(8, 16)];
      const { added } = await importReports(db, texts.map((text) => ({ text })));
      const donbas = (await db.reports.where('origin').equals('user').toArray()).find((u) => u.text === DONBAS)!;
      await updateUserReport(db, donbas.id, { text: `${DONBAS} Kramatorsk was shelled overnight.` });
      await whenIndexed(db);
      expect(asked.length).toBeGreaterThanOrEqual(3); // batches of 3
      expect(asked.flat()).toHaveLength(new Set(asked.flat()).size);
      expect(await db.reportIndex.count()).toBe(5 + added);
      expect(await reportsNaming(db, 'kramatorsk')).toContain(donbas.id); // the edit's text, not the imported one
      await expectEqualsFullRebuild(db);

      // the extractor fails on its second batch: everything is indexed all the same, in this thread
      const again = await seeded();
      asked.length = 0;
      failAt = 2;
      extractWith(again, extractor);
      const more = await importReports(again, paragraphs.slice(20, 29).map((text) => ({ text })));
      await whenIndexed(again);
      expect(asked).toHaveLength(2);
      expect(await again.reportIndex.count()).toBe(5 + more.added);
      await expectEqualsFullRebuild(again);
    } finally {
      Object.assign(INDEXING, saved);
    }
  });

  it('goes on indexing after a restart: reports stored without a row are found and indexed', async () => {
    const db = await seeded();
    await importReports(db, [{ text: DONBAS }]);
    await whenIndexed(db);
    const mine = (await db.reports.where('origin').equals('user').first())!;
    // as if the background stopped before indexing it: the import's transaction took the mark away
    await db.transaction('rw', [db.reportIndex, db.meta], () => Promise.all([db.reportIndex.delete(mine.id), db.meta.delete('indexingComplete')]));
    const again = new CrosscheckDB(db.name);
    dbs.push(again);
    await createSeeder(again, seedCorpusCompiled())();
    await whenIndexed(again);
    expect(await reportsNaming(again, 'donbas')).toContain(mine.id);
    await expectEqualsFullRebuild(again);
  });

  it('an import stored but not yet indexed is marked as work left, in the transaction that stores it', async () => {
    const db = await seeded();
    await importReports(db, [{ text: paragraphs[0]! }]);
    await whenIndexed(db);
    await vi.waitFor(async () => expect(await db.meta.get('indexingComplete')).toBeDefined());
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    // extraction elsewhere that does not answer yet: the reports are stored, their terms not
    extractWith(db, async (reports) => (await held, reports.map((r) => indexRow(r))));
    await importReports(db, [{ text: DONBAS }]);
    expect(await db.meta.get('indexingComplete')).toBeUndefined();
    release();
    await whenIndexed(db);
    await vi.waitFor(async () => expect(await db.meta.get('indexingComplete')).toBeDefined());
    extractWith(db, null);
  });

  it('a start after a complete indexing reads no report or index row key', async () => {
    const db = await seeded();
    await importReports(db, [{ text: DONBAS }]);
    await whenIndexed(db);
    await vi.waitFor(async () => expect(await db.meta.get('indexingComplete')).toBeDefined());
    const again = new CrosscheckDB(db.name);
    dbs.push(again);
    const reportKeys = vi.spyOn(again.reports, 'toCollection');
    const rowKeys = vi.spyOn(again.reportIndex, 'toCollection');
    await createSeeder(again, seedCorpusCompiled())();
    await whenIndexed(again);
    expect(reportKeys).not.toHaveBeenCalled();
    expect(rowKeys).not.toHaveBeenCalled();
    expect(await again.reports.count()).toBe(6);
  });

  it('rejects a list that is too long or not a list', async () => {
    const db = await seeded();
    await expect(importReports(db, 'x' as never)).rejects.toThrow(/must be a list/);
    await expect(importReports(db, new Array(50_001).fill({ text: DONBAS }))).rejects.toThrow(/at most 50,000 reports/);
  });
});

describe('storage failures', () => {
  it('a full disk gives a clear message and loses nothing already stored', async () => {
    const db = await seeded();
    const kept = await addUserReport(db, { text: DONBAS });
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.reports, 'add').mockRejectedValueOnce(new Dexie.QuotaExceededError(quota as never) as never);
    await expect(addUserReport(db, { text: paragraphs[2]! })).rejects.toThrow(STORAGE_MESSAGES.quota);
    spy.mockRestore();
    expect((await db.reports.toArray()).map((r) => r.id).filter((id) => id.startsWith('user-'))).toEqual([kept.id]);
    // the next write works and the index is still whole
    await addUserReport(db, { text: paragraphs[2]! });
    await expectEqualsFullRebuild(db);
  });

  it('a wiped database gets the user’s reports back from the backup on start', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: DONBAS, title: 'Mine', url: 'https://example.org/mine' });
    await db.reports.clear(); // the corpus is lost...
    await db.meta.clear();
    const ready = createSeeder(db, seedCorpusCompiled());
    await ready();
    await whenIndexed(db);
    const back = await db.reports.get(mine.id);
    expect(back?.title).toBe('Mine');
    expect(back?.url).toBe('https://example.org/mine');
    expect(await db.reports.count()).toBe(6);
    expect(await reportsNaming(db, 'donbas')).toContain(mine.id);
    await expectEqualsFullRebuild(db);
    expect(await restoreFromBackup(db)).toBe(0); // nothing missing any more
  });

  it('names missing storage and leaves readable errors alone', () => {
    expect(storageError(new Dexie.MissingAPIError('IndexedDB API missing')).message).toBe(STORAGE_MESSAGES.missing);
    expect(storageError(Object.assign(new Error('x'), { name: 'QuotaExceededError' })).message).toBe(STORAGE_MESSAGES.quota);
    expect(storageError(new Error(STORE_MESSAGES.duplicate)).message).toBe(STORE_MESSAGES.duplicate);
  });

  it('a database that cannot be opened is started afresh and the user’s reports come back', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: DONBAS });
    db.close();
    const corrupt = vi.spyOn(db, 'open').mockRejectedValueOnce(new Dexie.OpenFailedError('Internal error opening backing store'));
    await createSeeder(db, seedCorpusCompiled())();
    corrupt.mockRestore();
    expect((await db.reports.get(mine.id))?.text).toBe(DONBAS);
    expect(await db.reports.count()).toBe(6);
    await expectEqualsFullRebuild(db);
  });

  it('a deleted database is recreated, seeded and restored on start', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: DONBAS });
    db.close();
    await Dexie.delete(db.name);
    const again = new CrosscheckDB(db.name);
    dbs.push(again);
    // the backup belongs to the database name, so the new handle finds it
    await backupOf(again).open();
    expect(await backupOf(again).reports.count()).toBe(1);
    await createSeeder(again, seedCorpusCompiled())();
    expect((await again.reports.get(mine.id))?.text).toBe(DONBAS);
  });
});
