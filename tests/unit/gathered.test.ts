/** Reports the extension gathers (read, feed): ids that sort by time, the cap on read articles and its eviction order. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addGathered, addUserReport, backupOf, forgetGathered, seedCorpus, whenIndexed } from '../../lib/background/store';
import { addedBetween, gatheredId, gatheredTime, overCap } from '../../lib/corpus/gathered';
import { CrosscheckDB } from '../../lib/db';
import { seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
async function seeded(): Promise<CrosscheckDB> {
  const db = new CrosscheckDB(`gathered-${n++}`);
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

const WORDS = 'council harbour ferry budget museum railway orchard bakery glacier festival lighthouse vineyard tunnel library stadium quarry river bridge market school hospital airport forest valley canal theatre garden castle mill farm'.split(' ');
/** A distinct article of about 70 words: its 5-word shingles share little with another's. */
function article(i: number): string {
  let x = i * 7919 + 17;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const words = Array.from({ length: 70 }, () => WORDS[next() % WORDS.length]);
  return `Article number ${i} reports that ${words.join(' ')}.`;
}

describe('gathered ids', () => {
  it('carry the time they were added and sort by it', () => {
    const a = gatheredId('read', 1_000, 'aaaaaaaa');
    const b = gatheredId('read', 1_700_000_000_000, '00000000');
    expect(gatheredTime(a)).toBe(1_000);
    expect(gatheredTime(b)).toBe(1_700_000_000_000);
    expect([b, a].sort()).toEqual([a, b]);
    expect(gatheredTime('user-1234')).toBeNull();
    expect(addedBetween([a, b, 'user-x'], 0, 2_000)).toEqual([a]);
  });

  it('over the cap, the oldest go first, as many as the new ones need', () => {
    const ids = [5, 1, 4, 2, 3].map((t) => gatheredId('read', t * 1000, 'r'));
    expect(overCap(ids, 1, 10)).toEqual([]);
    expect(overCap(ids, 1, 5)).toEqual([gatheredId('read', 1000, 'r')]);
    expect(overCap(ids, 2, 4)).toEqual([1, 2, 3].map((t) => gatheredId('read', t * 1000, 'r')));
    expect(overCap(ids, 9, 3)).toHaveLength(5); // never more than are stored
  });
});

describe('remembered articles in the store', () => {
  it('keeps the newest `cap` read articles, evicting the oldest, and never touches the reader’s or bundled reports', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: article(100), title: 'Mine' });
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 5; i++) {
      const { added } = await addGathered(db, [{ text: article(i), title: `Read ${i}` }], { origin: 'read', cap: 3, now: t0 + i * 60_000 });
      expect(added).toHaveLength(1);
    }
    const read = await db.reports.where('origin').equals('read').toArray();
    expect(read.map((r) => r.title).sort()).toEqual(['Read 2', 'Read 3', 'Read 4']);
    expect(read.every((r) => r.addedAt! >= t0 + 2 * 60_000)).toBe(true);
    expect(await db.reports.get(mine.id)).toBeDefined();
    expect(await db.reports.where('origin').equals('seed').count()).toBe(seedCorpusCompiled().reports.length);
    // the index follows: no row of an evicted report stays
    const rows = new Set(await db.reportIndex.toCollection().primaryKeys());
    expect(read.every((r) => rows.has(r.id))).toBe(true);
    expect(rows.size).toBe(await db.reports.count());
    // the backup keeps the reader's own reports only
    expect((await backupOf(db).reports.toArray()).map((r) => r.id)).toEqual([mine.id]);
  });

  it('a batch larger than the room left evicts as many old ones as it brings', async () => {
    const db = await seeded();
    await addGathered(db, [0, 1, 2].map((i) => ({ text: article(i) })), { origin: 'read', cap: 4, now: 1000 });
    await addGathered(db, [3, 4, 5].map((i) => ({ text: article(i) })), { origin: 'read', cap: 4, now: 2000 });
    const left = (await db.reports.where('origin').equals('read').toArray()).sort((a, b) => a.addedAt! - b.addedAt!);
    expect(left.map((r) => r.text.match(/number (\d+)/)![1])).toEqual(['2', '3', '4', '5']);
  });

  it('silently skips copies and near-copies of stored reports, of one another, and invalid items', async () => {
    const db = await seeded();
    const seedText = seedCorpusCompiled().reports[0]!.text;
    const edited = `Breaking update. ${article(7)}`;
    const { added, skipped } = await addGathered(
      db,
      [{ text: seedText }, { text: article(7), url: 'https://news.example/a' }, { text: edited }, { text: 'too short' }, { text: article(8), url: 'https://news.example/a' }],
      { origin: 'read' },
    );
    expect(added).toHaveLength(1);
    expect(skipped).toBe(4);
    const again = await addGathered(db, [{ text: `${article(7)} One more closing line.` }], { origin: 'read' });
    expect(again).toEqual({ added: [], skipped: 1 });
  });

  it('forgets gathered reports only', async () => {
    const db = await seeded();
    const mine = await addUserReport(db, { text: article(50) });
    const { added } = await addGathered(db, [{ text: article(51) }, { text: article(52) }], { origin: 'feed', feedId: 'f1' });
    expect((await db.reports.get(added[0]!.id))?.feedId).toBe('f1');
    const seedId = seedCorpusCompiled().reports[0]!.id;
    expect(await forgetGathered(db, [mine.id, seedId, added[0]!.id])).toBe(1);
    expect(await db.reports.get(mine.id)).toBeDefined();
    expect(await db.reports.get(seedId)).toBeDefined();
    expect(await db.reports.get(added[0]!.id)).toBeUndefined();
    expect(await db.reportIndex.get(added[0]!.id)).toBeUndefined();
  });
});
