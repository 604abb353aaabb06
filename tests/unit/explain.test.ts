import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrosscheckDB } from '../../lib/db';
import { CorpusService, SHOWN_REPORTS } from '../../lib/background/explain';
import { addUserReport, deleteUserReport, seedCorpus } from '../../lib/background/store';
import { ID, seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
const seeded = async () => {
  const db = new CrosscheckDB(`explain-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return { db, service: new CorpusService(db) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('CorpusService.explain by claim', () => {
  it('shows at most a handful of reports, conflicts first, and counts the rest', async () => {
    const { db, service } = await seeded();
    for (let i = 0; i < 3; i++) await addUserReport(db, { text: `Note ${i}: Ukraine hopes to hold a leaders’ summit in the United States by the end of January, officials said.` });
    const e = (await service.explain('united-states', 'Zelenskiy said on Saturday that Ukraine hopes to hold a leaders’ summit in the United States by the end of January.'))!;
    expect(e.items.length).toBe(SHOWN_REPORTS);
    expect(e.more).toBe(e.reportCount - SHOWN_REPORTS);
    const order = ['conflicts', 'disputed', 'corroborates', 'related'];
    const ranks = e.items.map((i) => order.indexOf(i.verdict));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const it of e.items) {
      expect(it.reason).not.toMatch(/%|confidence|\(\w+, \w+\)/);
      expect(['clear', 'likely', 'tentative']).toContain(it.certainty);
    }
  });
  it('offers evidence from a report sentence that does not name the hovered term', async () => {
    const { service } = await seeded();
    const e = (await service.explain('volodymyr-zelensky', 'Zelensky said advisers from 15 countries took part in the talks.'))!;
    const conflict = e.items.find((i) => i.verdict === 'conflicts' && i.reportId === ID.summit)!;
    expect(conflict.sentence).toContain('18 countries');
    expect(conflict.parts).toMatchObject({ page: '15 countries', report: '18 countries' });
  });
  it('uses the page’s publication year to check a calendar date against a weekday', async () => {
    const { service } = await seeded();
    const claim = 'Security advisers from Ukraine’s allies met in Kyiv on January 3 to push the peace plan.';
    const in2026 = (await service.explain('kyiv', claim, '2026-01-06T08:00:00Z'))!; // 3 January 2026 was a Saturday
    expect(in2026.items.find((i) => i.reportId === ID.kyiv)?.verdict).toBe('conflicts');
    const in2022 = (await service.explain('kyiv', claim, '2022-01-06'))!; // 3 January 2022 was a Monday
    expect(in2022.items.find((i) => i.reportId === ID.kyiv)?.verdict).not.toBe('conflicts');
  });
  it('does not judge a sentence in another language, and says so', async () => {
    const { service } = await seeded();
    const e = (await service.explain('kyiv', 'I consiglieri per la sicurezza degli alleati si sono riuniti lunedì a Kiev per discutere il piano di pace.'))!;
    expect(e.items).toEqual([]);
    expect(e.notice).toMatch(/not in English/);
    expect(e.more).toBe(e.reportCount);
  });
  it('reads the evidence from the stored index, kept in step with one added or deleted report', async () => {
    const { db, service } = await seeded();
    const claim = 'Advisers from 15 countries met in Kyiv on Monday to discuss the peace plan.';
    const report = await addUserReport(db, { text: 'Security advisers from 18 countries met in Kyiv on Monday to discuss the peace plan, officials said.' });
    expect((await service.evidenceFor(claim, 'kyiv')).has(report.id)).toBe(true);
    const e = (await service.explain('kyiv', claim))!;
    expect(e.items.some((i) => i.reportId === report.id)).toBe(true);
    await deleteUserReport(db, report.id);
    expect((await service.evidenceFor(claim, 'kyiv')).has(report.id)).toBe(false);
    // a service started afresh (a restarted background) reads the same stored index
    const restarted = new CorpusService(db);
    expect((await restarted.evidenceFor(claim, 'kyiv')).has(ID.kyiv)).toBe(true);
  });
});

describe('CorpusService while the corpus is being written', () => {
  const held = (db: CrosscheckDB) => {
    // a write on the terms store that stays open until released, as an import batch's does
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done = db.transaction('rw', db.terms, () => Dexie.waitFor(gate, 20_000));
    return { release: () => (release(), done) };
  };
  const within = <T>(p: Promise<T>, ms: number) =>
    Promise.race([p.then(() => 'answered'), new Promise((r) => setTimeout(() => r('still waiting'), ms))]);

  it('answers a hover with the dictionary it has while the new one waits behind a write', async () => {
    const { db, service } = await seeded();
    await service.warm();
    const report = await addUserReport(db, { text: 'Security advisers from 18 countries met in Kyiv on Monday to discuss the peace plan, officials said.' });
    const write = held(db);
    const claim = 'Advisers from 15 countries met in Kyiv on Monday to discuss the peace plan.';
    const hover = service.explain('kyiv', claim);
    expect(await within(hover, 1_500)).toBe('answered');
    // the evidence is read as it is now: the report the last write added is there
    expect((await hover)!.items.some((i) => i.reportId === report.id)).toBe(true);
    // the page's dictionary request waits for the new dictionary, so pages never keep an old one
    expect(await within(service.getDictionary(), 300)).toBe('still waiting');
    await write.release();
    expect((await service.getDictionary()).terms.some((t) => t.id === 'kyiv')).toBe(true);
  });

  it('waits for the new dictionary when the hovered term is new to it', async () => {
    const db = new CrosscheckDB(`explain-${n++}`);
    dbs.push(db);
    await seedCorpus(db, seedCorpusCompiled());
    let changed!: () => void;
    const service = new CorpusService(db, { onIndexChange: (l) => void (changed = l), evidenceGeneration: () => 0 });
    await service.warm();
    const kyiv = (await db.terms.get('kyiv'))!;
    await db.terms.put({ ...kyiv, id: 'kyiv-oblast', label: 'Kyiv Oblast', aliases: [] });
    changed();
    const e = await service.explain('kyiv-oblast', 'Security advisers met in Kyiv Oblast on Monday.');
    expect(e?.label).toBe('Kyiv Oblast');
  });
});
