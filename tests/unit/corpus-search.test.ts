import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusCatalogue } from '../../lib/background/corpus-catalogue';
import { CorpusSearch, SEARCH_LIMIT } from '../../lib/background/corpus-search';
import { newestPage } from '../../entrypoints/popup/newest';
import { backupOf, importReports, seedCorpus, whenIndexed } from '../../lib/background/store';
import { DEFAULT_FILTER, listReports } from '../../lib/corpus/listing';
import { CrosscheckDB } from '../../lib/db';
import { ID, reportsNaming, seedCorpusCompiled } from './corpus-fixture';

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
  const db = new CrosscheckDB(`corpus-search-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return db;
};
const searcher = (db: CrosscheckDB) => {
  const s = new CorpusSearch(db);
  return {
    find: async (q: string) => {
      const reply = await s.search(q, (await db.terms.toArray()).map((t) => ({ id: t.id, label: t.label, kind: t.kind, aliases: t.aliases, reportCount: t.reportCount })));
      return { reports: reply.reports.map((r) => r.id), terms: reply.terms.map((t) => t.id) };
    },
  };
};

/** Texts that share words but are not near-duplicates of each other (a near-duplicate is not imported). */
const WORDS = 'anchor beacon cargo dredger ferry gantry hull jetty keel ledger mooring netting oar pilot quota rudder sluice tariff vessel winch'.split(' ');
const varied = (i: number) =>
  `The council met about the harbour budget and the ${Array.from({ length: 8 }, (_, j) => WORDS[(i * 7 + j * (i % 5 + 3)) % WORDS.length]).join(', ')} on day ${i}. Officials said the ${WORDS[i % WORDS.length]} plan ${i} would be ready soon.`;

describe('the corpus catalogue (the popup list, filtered and paged where the corpus is warm)', () => {
  it('lists a page in the filter’s order, with the counts and sources, reading only that page', async () => {
    const db = await seeded();
    let generation = 0;
    const catalogue = new CorpusCatalogue(db, () => generation);
    const seedCount = await db.reports.count();
    await importReports(db, Array.from({ length: 12 }, (_, i) => ({ title: `Council minutes ${i}`, source: i % 2 ? 'Harbour Post' : 'Quay Wire', date: `2030-01-${String(i + 10)}`, text: varied(i) })));
    await whenIndexed(db);
    generation++;
    const all = await catalogue.list(DEFAULT_FILTER, 5);
    expect(all.total).toBe(seedCount + 12);
    expect(all.matched).toBe(seedCount + 12);
    expect(all.reports.map((r) => r.title)).toEqual([21, 20, 19, 18, 17].map((d) => `Council minutes ${d - 10}`));
    expect(all.reports[0]!.text).toContain('harbour budget');
    expect(all.sources).toEqual(expect.arrayContaining(['Harbour Post', 'Quay Wire']));
    expect(all.read).toBe(0);
    const wire = await catalogue.list({ ...DEFAULT_FILTER, source: 'Quay Wire', sort: 'oldest' }, 100);
    expect(wire.matched).toBe(6);
    expect(wire.reports.map((r) => r.date)).toEqual(['2030-01-10', '2030-01-12', '2030-01-14', '2030-01-16', '2030-01-18', '2030-01-20']);
    // the same lists as the pure listing over whole reports, undated reports and equal dates included
    await importReports(db, Array.from({ length: 6 }, (_, i) => ({ title: `Undated ${i}`, date: i < 3 ? null : '2030-01-15', text: varied(40 + i) })));
    await whenIndexed(db);
    generation++;
    const whole = await db.reports.toArray();
    for (const filter of [DEFAULT_FILTER, { ...DEFAULT_FILTER, sort: 'title' as const }, { ...DEFAULT_FILTER, sort: 'oldest' as const }, { ...DEFAULT_FILTER, origin: 'user' as const }])
      expect((await catalogue.list(filter, 1000)).reports.map((r) => r.id), filter.sort).toEqual(listReports(whole, filter).map((r) => r.id));
    // the popup reads the list as it opens itself: the same page, counts and sources (pages that end
    // among the dated reports, just past them and among the undated ones, and the whole corpus)
    const dated = whole.filter((r) => r.date !== null).length;
    for (const limit of [1, dated - 1, dated, dated + 1, dated + 2, 25, 1000]) {
      const page = await newestPage(db, limit);
      expect(page.reports.map((r) => r.id)).toEqual(listReports(whole, DEFAULT_FILTER).slice(0, limit).map((r) => r.id));
      expect({ ...page, reports: [] }).toEqual({ ...(await catalogue.list(DEFAULT_FILTER, limit)), reports: [] });
    }
  });
});

describe('corpus search (the popup asks the read side)', () => {
  it('finds terms tolerating typos, then the reports that name them', async () => {
    const db = await seeded();
    const { find } = searcher(db);
    const r = await find('Witkof');
    expect(r.terms[0]).toBe('steve-witkoff');
    // every report the dictionary counts for the term is found, however it spells the name
    const naming = await reportsNaming(db, 'steve-witkoff');
    expect(naming.length).toBeGreaterThan(0);
    expect([...r.reports].sort()).toEqual(expect.arrayContaining(naming));
    expect(r.reports).toContain(ID.kyiv);
    expect((await find('Mar-a-Lago')).reports[0]).toBe(ID.kyiv);
  });

  it('finds the reports whose sentences hold every word, each as the start of a word', async () => {
    const db = await seeded();
    await importReports(db, [
      { title: 'Storm damage', text: 'The Grimsby quay reopened after repairs to the harbour wall were finished this week.' },
      { title: 'Nightlife', text: 'Quayside bars reopened on Friday evening after the long closure of the old town.' },
      { title: 'Shops', text: 'An antiquay shop opened in the old market hall, selling clocks and maps.' },
      { title: 'Walls', text: 'The harbour wall stood firm after repairs. A new quay is planned for the spring.' },
    ]);
    await whenIndexed(db);
    const { find } = searcher(db);
    const titleOf = async (ids: string[]) => (await db.reports.bulkGet(ids)).map((x) => x!.title);
    expect(await titleOf((await find('quay')).reports)).toEqual(expect.arrayContaining(['Storm damage', 'Nightlife', 'Walls']));
    expect(await titleOf((await find('quay')).reports)).not.toContain('Shops');
    // three letters are the start of a word; two stand only for themselves (what the popup asks while "quay" is typed)
    expect(await titleOf((await find('qua')).reports)).toEqual(expect.arrayContaining(['Storm damage', 'Nightlife', 'Walls']));
    // (only a term whose name is close to "qu" may still be found: Quayside, named by a report)
    const short = await titleOf((await find('qu')).reports);
    expect(short).not.toContain('Storm damage');
    expect(short).not.toContain('Walls');
    // both words in one sentence: "Walls" has them in two sentences only
    expect(await titleOf((await find('quay repairs')).reports)).toEqual(['Storm damage']);
  });

  it('ranks a headline that says it before a sentence that does, lists at most a page, and follows writes', async () => {
    const db = await seeded();
    const s = searcher(db);
    await importReports(db, [
      ...Array.from({ length: 30 }, (_, i) => ({ title: `Council minutes ${i}`, text: varied(i) })),
      { title: 'Weather', text: 'Rain is expected all week. The dredger budget row went on for weeks at the town council meeting.' },
      { title: 'Dredger budget row', text: 'Councillors argued for a second evening about who should pay for the channel work.' },
    ]);
    await whenIndexed(db);
    const title = async (id: string | undefined) => (await db.reports.get(id ?? ''))?.title;
    expect((await s.find('Council minutes 12')).reports.map((id) => id)).toHaveLength(1);
    expect(await title((await s.find('Council minutes 12')).reports[0])).toBe('Council minutes 12');
    const row = (await s.find('dredger budget row')).reports;
    expect(await Promise.all(row.map(title))).toEqual(['Dredger budget row', 'Weather']);
    expect((await s.find('harbour budget')).reports).toHaveLength(SEARCH_LIMIT);
    await importReports(db, [{ title: 'Lighthouse keepers', text: 'The lighthouse keepers voted to strike over pay and rotas at the northern station.' }]);
    await whenIndexed(db);
    expect((await s.find('Lighthouse')).reports).toHaveLength(1);
  });

  it('a word many sentences hold stands for itself, not for the longer words it starts', async () => {
    const db = await seeded();
    // 30 reports with "harbour" in two sentences each (60 sentences), and one that says only "harbourmaster"
    await importReports(db, [
      ...Array.from({ length: 30 }, (_, i) => ({ title: `Pier ${i}`, text: `The harbour wall at pier ${WORDS[i % WORDS.length]} ${i} was inspected in May. Harbour fees for berth ${i} rose again.` })),
      { title: 'Appointment', text: 'The new harbourmaster starts work in the spring, the port authority announced on Tuesday.' },
    ]);
    await whenIndexed(db);
    const s = searcher(db);
    const titles = async (q: string) => (await db.reports.bulkGet((await s.find(q)).reports)).map((r) => r!.title);
    expect(await titles('harbour spring')).toEqual([]);
    // a rarer word still finds the longer words it starts ("harbourm" is held by no sentence as it is)
    expect(await titles('harbourm spring')).toEqual(['Appointment']);
  });

  it('ignores one-letter queries and says nothing for words no report holds', async () => {
    const db = await seeded();
    const { find } = searcher(db);
    expect(await find('a')).toEqual({ reports: [], terms: [] });
    expect((await find('xylophonists')).reports).toEqual([]);
  });
});
