import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CrosscheckDB, getMeta } from '../../lib/db';
import { addUserReport, deleteUserReport, seedCorpus } from '../../lib/background/store';
import { CorpusService } from '../../lib/background/explain';
import { ID, reportsNaming, seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
const freshDb = () => {
  const db = new CrosscheckDB(`test-${n++}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('seeding', () => {
  it('puts the five seed reports, terms and mentions in IndexedDB', async () => {
    const db = freshDb();
    const r = await seedCorpus(db, seedCorpusCompiled());
    expect(r).toEqual({ added: 5, updated: 0, removed: 0, kept: 0 });
    expect(await db.reports.count()).toBe(5);
    expect(await db.terms.count()).toBe(seedCorpusCompiled().terms.length);
    expect((await db.terms.where('aliases').equals('Zelenskiy').first())?.label).toBe('Volodymyr Zelensky');
    expect(await getMeta(db, 'seedVersion')).toBe(seedCorpusCompiled().version);
  });

  it('re-seeding updates seeds, removes stale seeds and never deletes user reports', async () => {
    const db = freshDb();
    const corpus = seedCorpusCompiled();
    await seedCorpus(db, corpus);
    const mine = await addUserReport(db, {
      title: 'Witkoff to visit Kyiv',
      source: 'My notes',
      text: 'Steve Witkoff will travel to Kyiv next week to discuss security guarantees with Volodymyr Zelensky.',
    });
    // An update that drops one seed report.
    const smaller = { ...corpus, version: 'next', reports: corpus.reports.filter((r) => r.id !== ID.envoys) };
    const r = await seedCorpus(db, smaller);
    expect(r).toEqual({ added: 0, updated: 4, removed: 1, kept: 1 });
    const stored = await db.reports.get(mine.id);
    expect(stored?.origin).toBe('user');
    expect(stored?.title).toBe('Witkoff to visit Kyiv');
    // The dictionary now spans seed and user reports.
    const witkoff = await db.terms.where('label').equals('Steve Witkoff').first();
    expect(await reportsNaming(db, witkoff!.id)).toEqual(expect.arrayContaining([ID.kyiv, mine.id]));
  });

  it('deletes only user reports on request', async () => {
    const db = freshDb();
    await seedCorpus(db, seedCorpusCompiled());
    await expect(deleteUserReport(db, ID.kyiv)).rejects.toThrow(/Only reports you added/);
    const mine = await addUserReport(db, { text: 'Zelensky said the summit could happen in Washington in January.' });
    await deleteUserReport(db, mine.id);
    expect(await db.reports.count()).toBe(5);
  });
});

describe('CorpusService.explain', () => {
  it('lists every report mentioning the term with a verdict and a reason', async () => {
    const db = freshDb();
    await seedCorpus(db, seedCorpusCompiled());
    const service = new CorpusService(db);
    const dict = await service.getDictionary();
    expect(dict.terms.find((t) => t.id === 'steve-witkoff')?.reportCount).toBe(1);
    const e = (await service.explain('donald-trump', 'Former U.S. President Donald Trump told reporters he was not thrilled.'))!;
    expect(e.label).toBe('Donald Trump');
    expect(e.reportCount).toBe(3);
    expect(e.items).toHaveLength(3);
    expect(e.items.filter((i) => i.verdict === 'conflicts').length).toBeGreaterThanOrEqual(1);
    for (const it of e.items) {
      expect(it.sentence.length).toBeGreaterThan(10);
      expect(it.reason.length).toBeGreaterThan(5);
    }
    expect(await service.explain('no-such-term', 'x')).toBeNull();
  });
});
