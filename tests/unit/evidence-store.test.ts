import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeeder } from '../../lib/background/seeding';
import { countShardOf, EVIDENCE_VERSION, EvidenceReader, evidenceEntry, evidenceTables, groupOf, reportsSaying, shardOf, writeEvidence, type EvidenceEntry } from '../../lib/background/evidence-store';
import { addUserReport, backupOf, deleteUserReport, evidenceGeneration, importReports, INDEXING, seedCorpus, updateUserReport, whenIndexed } from '../../lib/background/store';
import { CrosscheckDB, getMeta } from '../../lib/db';
import { EvidenceIndex, POSTING_WIDTH } from '../../lib/evidence';
import { JUDGED_REPORTS, SENTENCES_PER_REPORT } from '../../lib/evidence/judged';
import { Matcher } from '../../lib/match';
import { entityLookup } from '../../lib/stance';
import { ID, seedCorpusCompiled } from './corpus-fixture';
import { countOver, held, postingsAt, rowKeys } from '../../lib/background/evidence-rows';

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await backupOf(db).delete();
    await db.delete();
  }
});
const seeded = async () => {
  const db = new CrosscheckDB(`evidence-store-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return db;
};

const TEXTS = [
  'Security advisers from 18 countries met in Kyiv on Monday to discuss the peace plan, officials said.',
  'Donald Trump told reporters in Washington on Friday that he was not thrilled with Vladimir Putin.',
  'Russia said 24 people were killed when drones hit a hotel and a cafe in the Kherson region on Thursday.',
];
const CLAIMS: [string, string][] = [
  ['kyiv', 'Advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.'],
  ['donald-trump', 'Donald Trump said in Washington that he was thrilled with Vladimir Putin.'],
  ['united-states', 'Ukraine hopes to hold a leaders’ summit in the United States by the end of January.'],
];

/**
 * The stored evidence index holds exactly what indexing every report with an index row from
 * scratch gives: the same reports, sentence counts per key, postings and totals.
 */
async function expectEvidenceInStep(db: CrosscheckDB): Promise<void> {
  const [reports, rows, keys, postings, held, stats] = await Promise.all([
    db.reports.toArray(),
    db.reportIndex.toArray(),
    db.evidenceCounts.toArray(),
    db.evidenceBlocks.toArray(),
    db.evidenceReports.toArray(),
    getMeta(db, 'evidenceStats'),
  ]);
  expect(await getMeta(db, 'evidenceVersion')).toBe(EVIDENCE_VERSION);
  const byId = new Map(reports.map((r) => [r.id, r]));
  const df = new Map<string, number>();
  const want = new Set<string>();
  let docs = 0;
  let length = 0;
  for (const row of rows) {
    for (const d of evidenceEntry(byId.get(row.reportId)!, row.mentions).docs) {
      docs++;
      length += d.len;
      for (const [k, tf] of d.tf) {
        df.set(k, (df.get(k) ?? 0) + 1);
        want.add(`${k}|${row.reportId}|${d.i}|${tf}|${d.len}`);
      }
    }
  }
  expect(held.map((r) => r.id).sort()).toEqual(rows.map((r) => r.reportId).sort());
  expect(new Set(held.map((r) => r.no)).size).toBe(held.length);
  // each key's count in its shard's row of each group that holds it, the row's keys in order; no row without a key
  const sorted = (ks: string[]) => ks.every((k, j) => !j || ks[j - 1]! < k);
  expect(keys.every((r) => rowKeys(r).length === r.n.length && r.n.length > 0 && sorted(rowKeys(r)) && rowKeys(r).every((k) => countShardOf(k) === r.s))).toBe(true);
  // a row's entries count sentences of its own group's blocks only (a block is 256 numbers, a group 1,024)
  expect(keys.every((r) => rowKeys(r).every((_, j) => r.n[j]! > 0 && r.bo[j + 1]! > r.bo[j]! && [...r.bl.subarray(r.bo[j]!, r.bo[j + 1]!)].every((b) => b >> 2 === r.g)))).toBe(true);
  expect(new Set(keys.map((r) => `${r.s}|${r.g}`)).size).toBe(keys.length);
  const summed = new Map<string, number>();
  for (const r of keys) rowKeys(r).forEach((k, j) => summed.set(k, (summed.get(k) ?? 0) + r.n[j]!));
  expect(summed).toEqual(df);
  const idOf = new Map(held.map((r) => [r.no, r.id]));
  const got = new Set<string>();
  /** the blocks each key has postings in, as the block rows say */
  const blocksHeld = new Map<string, number[]>();
  for (const row of postings) {
    expect(rowKeys(row).length).toBeGreaterThan(0);
    expect(sorted(rowKeys(row))).toBe(true);
    for (const [k, p] of rowKeys(row).map((k, j) => [k, postingsAt(row, j)] as const)) {
      blocksHeld.set(k, [...(blocksHeld.get(k) ?? []), row.b].sort((a, b) => a - b));
      expect(shardOf(k)).toBe(row.s);
      expect(p.length).toBeGreaterThan(0);
      for (let j = 0; j < p.length; j += POSTING_WIDTH) {
        expect(p[j]! >> 8).toBe(row.b);
        if (j) expect(p[j]! > p[j - POSTING_WIDTH]! || (p[j] === p[j - POSTING_WIDTH] && p[j + 1]! > p[j + 1 - POSTING_WIDTH]!), `${k}: ${[...p].join(",")}`).toBe(true);
        got.add(`${k}|${idOf.get(p[j]!)}|${p[j + 1]}|${p[j + 2]}|${p[j + 3]}`);
      }
    }
  }
  expect(got).toEqual(want);
  // each key's count rows name exactly the blocks that hold its postings (a reader reads only those)
  const blocksCounted = new Map<string, number[]>();
  for (const r of keys) rowKeys(r).forEach((k, j) => blocksCounted.set(k, [...(blocksCounted.get(k) ?? []), ...r.bl.subarray(r.bo[j]!, r.bo[j + 1]!)].sort((a, b) => a - b)));
  expect(blocksCounted).toEqual(blocksHeld);
  expect(JSON.parse(stats!)).toMatchObject({ docs, length });
}

/** What an in-memory index over the same reports finds for a claim, and what the stored index read for it finds. */
async function bothSearches(db: CrosscheckDB, termId: string, claim: string) {
  const terms = await db.terms.toArray();
  const entities = entityLookup(new Matcher(terms));
  const memory = new EvidenceIndex(entities);
  const reports = new Map((await db.reports.toArray()).map((r) => [r.id, r]));
  for (const row of await db.reportIndex.toArray()) memory.add(reports.get(row.reportId)!, row.mentions);
  const opts = { limit: JUDGED_REPORTS * SENTENCES_PER_REPORT, boostTermId: termId, perReport: SENTENCES_PER_REPORT };
  const stored = await new EvidenceReader(db, () => evidenceGeneration(db)).forClaim(claim, entities, termId);
  const shape = (hits: ReturnType<EvidenceIndex['search']>) => hits.map((h) => ({ id: h.reportId, i: h.sentenceIndex, score: h.score.toFixed(6) }));
  return { memory: shape(memory.search(claim, opts)), stored: shape(stored.search(claim, opts)) };
}

describe('the stored evidence index', () => {
  it('finds for a claim what an index built in memory finds, reading only that claim’s keys and reports', async () => {
    const db = await seeded();
    for (const text of TEXTS) await addUserReport(db, { text });
    await expectEvidenceInStep(db);
    for (const [termId, claim] of CLAIMS) {
      const { memory, stored } = await bothSearches(db, termId, claim);
      expect(memory.length).toBeGreaterThan(0);
      expect(stored).toEqual(memory);
    }
    const slice = await new EvidenceReader(db, () => evidenceGeneration(db)).forClaim(CLAIMS[0]![1], entityLookup(new Matcher(await db.terms.toArray())), 'kyiv');
    expect(slice.size).toBeLessThanOrEqual(JUDGED_REPORTS * SENTENCES_PER_REPORT);
    expect(slice.has(ID.kyiv)).toBe(true);
  });

  it('stays in step with adds, edits, deletes and imports (each in the write’s own transaction)', async () => {
    const db = await seeded();
    await expectEvidenceInStep(db);
    const a = await addUserReport(db, { text: TEXTS[0]! });
    const b = await addUserReport(db, { text: TEXTS[1]! });
    await expectEvidenceInStep(db);
    await updateUserReport(db, a.id, { text: `${TEXTS[2]!} Officials in Kyiv confirmed the figure.` });
    await expectEvidenceInStep(db);
    await deleteUserReport(db, b.id);
    await expectEvidenceInStep(db);
    const saved = { ...INDEXING };
    Object.assign(INDEXING, { batchMax: 2 }); // the import indexed over several batches
    try {
      await importReports(db, TEXTS.slice(1).map((text, i) => ({ text: `${text} Report ${i} of the import, filed from Geneva.` })));
      await whenIndexed(db);
    } finally {
      Object.assign(INDEXING, saved);
    }
    await expectEvidenceInStep(db);
    await importReports(db, [{ text: TEXTS[1]! }], { replace: true });
    await whenIndexed(db);
    await expectEvidenceInStep(db);
    const { memory, stored } = await bothSearches(db, 'kyiv', CLAIMS[0]![1]);
    expect(stored).toEqual(memory);
  });

  it.each([
    ['a reader told of every write', (db: CrosscheckDB) => () => evidenceGeneration(db)],
    ['a reader nobody tells (another context)', () => () => 0],
  ])('%s never reads an old copy', async (_, told) => {
    const db = await seeded();
    const reader = new EvidenceReader(db, told(db));
    const entities = () => db.terms.toArray().then((t) => entityLookup(new Matcher(t)));
    const claim = CLAIMS[0]![1];
    expect((await reader.forClaim(claim, await entities(), 'kyiv')).has(ID.kyiv)).toBe(true);
    const added = await addUserReport(db, { text: TEXTS[0]! });
    expect((await reader.forClaim(claim, await entities(), 'kyiv')).has(added.id)).toBe(true);
    await deleteUserReport(db, added.id);
    expect((await reader.forClaim(claim, await entities(), 'kyiv')).has(added.id)).toBe(false);
  });

  it('stays in step when writes fill posting blocks past the first (rows of new blocks are not read)', async () => {
    const db = await seeded();
    const saved = { ...INDEXING };
    Object.assign(INDEXING, { batchMax: 70 }); // several writes, one of them across the 256-report block boundary
    try {
      const words = 'anchor beacon cargo dredger ferry gantry hull jetty keel ledger mooring netting oar pilot quota rudder'.split(' ');
      await importReports(db, Array.from({ length: 300 }, (_, i) => ({ text: `Harbour note ${i}: the ${words[i % 16]} and the ${words[(i * 5 + 3) % 16]} were checked by crew ${i * 7} in Kyiv on day ${i % 30}.` })));
      await whenIndexed(db);
    } finally {
      Object.assign(INDEXING, saved);
    }
    expect(Math.max(...(await db.evidenceReports.toArray()).map((r) => r.no))).toBeGreaterThan(256);
    await expectEvidenceInStep(db);
    // a hover reads only the block rows that hold its keys: "crew 2093" is in one report of the last block
    const read: [number, number][] = [];
    const bulkGet = db.evidenceBlocks.bulkGet.bind(db.evidenceBlocks);
    db.evidenceBlocks.bulkGet = ((keys: [number, number][]) => (read.push(...keys), bulkGet(keys))) as typeof bulkGet;
    const claim = 'The ledger was checked by crew 2093 in Kyiv.';
    const slice = await new EvidenceReader(db, () => evidenceGeneration(db)).forClaim(claim, entityLookup(new Matcher(await db.terms.toArray())), 'kyiv');
    const lastBlock = Math.max(...(await db.evidenceReports.toArray()).map((r) => r.no)) >> 8;
    expect(slice.search(claim, { limit: 1 })[0]?.reportId).toBe((await db.reports.filter((r) => r.text.includes('crew 2093 ')).first())!.id);
    expect(read.filter(([, b]) => b === lastBlock).length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan((await db.evidenceBlocks.count()) / 4);
    db.evidenceBlocks.bulkGet = bulkGet;
    await deleteUserReport(db, (await db.reports.where('origin').equals('user').first())!.id);
    await expectEvidenceInStep(db);
  });

  it('is filled again in the background at start when its version is stale, or when it misses reports', async () => {
    const db = await seeded();
    const kept = await addUserReport(db, { text: TEXTS[0]! });
    await addUserReport(db, { text: TEXTS[1]! });
    await db.meta.put({ key: 'evidenceVersion', value: 'built-another-way' });
    await db.evidenceBlocks.clear();
    let again = new CrosscheckDB(db.name);
    dbs.push(again);
    await createSeeder(again, seedCorpusCompiled())();
    await whenIndexed(again);
    await expectEvidenceInStep(again);

    // a report missing from the index (a write cut short) and one it should no longer hold; a write
    // that leaves work behind takes the 'indexing complete' mark away in its own transaction
    const no = (await again.evidenceReports.where('id').equals(kept.id).first())!.no;
    await again.evidenceReports.delete(no);
    await again.evidenceReports.put({ no: 9999, id: 'user-gone', keys: '', docs: 0, length: 0 });
    await again.meta.delete('indexingComplete');
    again.close();
    again = new CrosscheckDB(db.name);
    dbs.push(again);
    await createSeeder(again, seedCorpusCompiled())();
    await whenIndexed(again);
    expect(await again.evidenceReports.where('id').equals('user-gone').count()).toBe(0);
    expect(await again.evidenceReports.where('id').equals(kept.id).count()).toBe(1);
  });

  it('keeps counts by group of reports: a write of new reports rewrites only its own group’s count rows, and a reader sums the groups', async () => {
    const db = new CrosscheckDB(`evidence-store-${n++}`);
    dbs.push(db);
    // entries made by hand (no extraction): 1,100 reports, so numbers run past the first group of 1,024
    const entry = (i: number): EvidenceEntry => ({
      id: `r${i}`,
      docs: [{ i: 0, tf: new Map([['harbour', 1], [`berth${i % 50}`, 1], [`vessel${i}`, 2]]), len: 3 }],
    });
    const write = (put: EvidenceEntry[], remove: string[] = []) => db.transaction('rw', evidenceTables(db), () => writeEvidence(db, put, remove));
    for (let at = 0; at < 1100; at += 160) await write(Array.from({ length: Math.min(160, 1100 - at) }, (_, j) => entry(at + j)));
    const countsOf = async (k: string) => countOver((await db.evidenceCounts.where('[s+g]').between([countShardOf(k), 0], [countShardOf(k), Infinity]).toArray()).map(held), k);
    expect(await countsOf('harbour')).toEqual({ n: 1100, blocks: new Int32Array([0, 1, 2, 3, 4]) });
    expect((await countsOf('berth7'))?.n).toBe(22);
    expect((await countsOf('vessel1050'))?.blocks).toEqual(new Int32Array([4]));
    expect(new Set((await db.evidenceCounts.toArray()).map((r) => r.g))).toEqual(new Set([0, 1]));

    // one more report: counts of group 1 only; taking out one of group 0: counts of group 0 only
    const put: number[] = [];
    const bulkPut = db.evidenceCounts.bulkPut.bind(db.evidenceCounts);
    db.evidenceCounts.bulkPut = ((rows: readonly { g: number }[]) => (put.push(...rows.map((r) => r.g)), bulkPut(rows as never))) as unknown as typeof bulkPut;
    await write([entry(1100)]);
    expect(groupOf(1100)).toBe(1);
    expect(put.length).toBeGreaterThan(0);
    expect(new Set(put)).toEqual(new Set([1]));
    put.length = 0;
    await write([], ['r5']);
    expect(new Set(put)).toEqual(new Set([0]));
    db.evidenceCounts.bulkPut = bulkPut;
    expect((await countsOf('harbour'))?.n).toBe(1100);
    expect((await countsOf('berth5'))?.n).toBe(21); // 22, less r5
    expect((await countsOf('berth0'))?.n).toBe(23); // 22, and r1100
    expect(await countsOf('vessel5')).toBeUndefined();

    // a report written again with one key's postings changed and one key more: only those keys' rows are written
    const blockRows: [number, number][] = [];
    const putBlocks = db.evidenceBlocks.bulkPut.bind(db.evidenceBlocks);
    db.evidenceBlocks.bulkPut = ((rows: readonly { s: number; b: number }[]) => (blockRows.push(...rows.map((r): [number, number] => [r.s, r.b])), putBlocks(rows as never))) as unknown as typeof putBlocks;
    put.length = 0;
    db.evidenceCounts.bulkPut = ((rows: readonly { s: number; g: number }[]) => (put.push(...rows.map((r) => r.s)), bulkPut(rows as never))) as unknown as typeof bulkPut;
    const again = entry(7);
    again.docs[0]!.tf.set('vessel7', 5).set('T:ferry', 1);
    again.docs[0]!.len = 4;
    await write([again]);
    // the sentence's length changed, so all its keys' postings did: 4 keys, and the count of the new one
    expect(new Set(blockRows.map(([s]) => s))).toEqual(new Set(['harbour', 'berth7', 'vessel7', 'T:ferry'].map(shardOf)));
    expect(put).toEqual([countShardOf('T:ferry')]);
    blockRows.length = 0;
    put.length = 0;
    const third = entry(8);
    third.docs.push({ i: 1, tf: new Map([['T:ferry', 1]]), len: 1 });
    await write([third]); // a second sentence: the keys of the first are as they were
    expect(blockRows.map(([s]) => s)).toEqual([shardOf('T:ferry')]);
    db.evidenceBlocks.bulkPut = putBlocks;
    db.evidenceCounts.bulkPut = bulkPut;
    expect(await countsOf('T:ferry')).toEqual({ n: 2, blocks: new Int32Array([0]) });
    expect(await reportsSaying(db, [], ['T:ferry'], 5)).toEqual(['r7', 'r8']); // a sentence each: the earlier first

    // readers sum the groups: a search finds a report of either group, and a word's sentences across both
    expect(await reportsSaying(db, ['vessel1100'], [], 3)).toEqual(['r1100']);
    expect((await reportsSaying(db, ['vessel3'], [], 3))[0]).toBe('r3'); // and reports of 'vessel30'… (a rare word is also read as a start)
    expect((await reportsSaying(db, ['berth9'], [], 100)).length).toBe(22);
  });
});
