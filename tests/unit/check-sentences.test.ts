import 'fake-indexeddb/auto';
/** "Check with Crosscheck" in the background: judging selected sentences that hold no mark (lib/background/check.ts, CorpusService.check). */
import { afterEach, describe, expect, it } from 'vitest';
import { strongestPerReport, termsNamed } from '../../lib/background/check';
import { CorpusService } from '../../lib/background/explain';
import { createHandlers, dispatch } from '../../lib/background/handlers';
import { seedCorpus } from '../../lib/background/store';
import { CrosscheckDB } from '../../lib/db';
import type { JudgedReport } from '../../lib/evidence/judged';
import type { Verdict } from '../../lib/stance';
import { ID, seedCorpusCompiled } from './corpus-fixture';

let n = 0;
const dbs: CrosscheckDB[] = [];
const seeded = async () => {
  const db = new CrosscheckDB(`check-${n++}`);
  dbs.push(db);
  await seedCorpus(db, seedCorpusCompiled());
  return { db, service: new CorpusService(db) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

// Sentences written for this test; none names a corpus term (no mark on a page).
const COUNT = 'Advisers from 15 countries took part in the talks.';
const DRAFT = 'The draft agreement was said to be 90% complete.';
const UNRELATED = 'The bakery on the corner sells bread with olives every morning.';

describe('CorpusService.check: a selection with no mark', () => {
  it('finds the report that conflicts with a sentence naming no corpus term, by its words', async () => {
    const { service } = await seeded();
    const r = await service.check([COUNT]);
    expect(r).toMatchObject({ selection: true, termId: '', label: '', claim: COUNT });
    const conflict = r.items.find((i) => i.verdict === 'conflicts' && i.reportId === ID.summit);
    expect(conflict?.sentence).toContain('18 countries');
    expect(conflict?.parts).toMatchObject({ page: '15 countries', report: '18 countries' });
    expect(r.reportCount).toBe(r.items.length + r.more);
  });

  it('a corroborating sentence with no mark', async () => {
    const { service } = await seeded();
    const r = await service.check([DRAFT]);
    expect(r.items.find((i) => i.reportId === ID.kyiv)?.verdict).toBe('corroborates');
  });

  it('nothing in the corpus relates: no item, no count, nothing named', async () => {
    const { service } = await seeded();
    expect(await service.check([UNRELATED])).toMatchObject({ items: [], reportCount: 0, more: 0, label: '', selection: true });
  });

  it('several sentences: one item per report, its strongest verdict, conflicts first; the claim is the sentences together', async () => {
    const { service } = await seeded();
    const r = await service.check([DRAFT, COUNT, UNRELATED]);
    expect(r.claim).toBe(`${DRAFT} ${COUNT} ${UNRELATED}`);
    const ids = r.items.map((i) => i.reportId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.items.find((i) => i.reportId === ID.summit)?.verdict).toBe('conflicts');
    expect(r.items.find((i) => i.reportId === ID.kyiv)?.verdict).toBe('corroborates');
    expect(r.items[0]!.verdict).toBe('conflicts');
  });

  it('a selected sentence that names corpus terms is read by them: named in the reply, and reports that mention them are listed', async () => {
    const { service } = await seeded();
    const r = await service.check(['A follow-up meeting of European leaders is expected in Paris on Tuesday.']);
    expect(r.label.split(', ').sort()).toEqual(['European leaders', 'Paris']);
    expect(r.items.some((i) => i.verdict === 'corroborates')).toBe(true);
  });

  it('a sentence in another language is not judged, and says so', async () => {
    const { service } = await seeded();
    const r = await service.check(['Il panettiere all’angolo vende pane con le olive ogni mattina, dicono i vicini.']);
    expect(r.items).toEqual([]);
    expect(r.notice).toMatch(/not in English/);
  });

  it('the handler refuses a request without a sentence, in words', async () => {
    const { db, service } = await seeded();
    const deps = { db, service, ready: async () => undefined, setBadge: async () => undefined };
    const handlers = createHandlers(deps);
    await expect(dispatch(handlers, deps, { type: 'check-sentences', sentences: [' ', 3] }, {})).rejects.toThrow(/no sentence to check/);
    const r = (await dispatch(handlers, deps, { type: 'check-sentences', sentences: [COUNT] }, {})) as { items: unknown[] };
    expect(r.items.length).toBeGreaterThan(0);
  });
});

describe('check.ts (pure)', () => {
  const judged = (id: string, verdict: Verdict, strength: number) => ({ report: { id }, judgement: { verdict, strength } }) as unknown as JudgedReport;

  it('strongestPerReport keeps each report once, its strongest verdict, in popover order', () => {
    const out = strongestPerReport([
      [judged('a', 'corroborates', 0.9), judged('b', 'related', 0.2)],
      [judged('a', 'conflicts', 0.3), judged('c', 'corroborates', 0.5), judged('b', 'corroborates', 0.1)],
    ]);
    expect(out.map((j) => `${j.report.id}:${j.judgement.verdict}`)).toEqual(['a:conflicts', 'c:corroborates', 'b:corroborates']);
  });

  it('termsNamed: each term once, the rarest first', () => {
    const entities = { find: () => [{ id: 'x', kind: 'place', text: 'X', start: 0 }, { id: 'y', kind: 'person', text: 'Y', start: 2 }, { id: 'x', kind: 'place', text: 'X', start: 4 }] };
    const counts: Record<string, number> = { x: 5, y: 1 };
    expect(termsNamed('X Y X', entities, (id) => counts[id] ?? 0)).toEqual(['y', 'x']);
  });

  it('termsNamed: a sentence is read by whom it names before a topic, the rarest of a kind first', () => {
    const found = [
      { id: 'capital-city', kind: 'topic', text: 'capital city', start: 0 },
      { id: 'vessa', kind: 'place', text: 'Vessa', start: 20 },
      { id: 'harbour-guild', kind: 'organization', text: 'Harbour Guild', start: 30 },
      { id: 'piet-olde', kind: 'person', text: 'Piet Olde', start: 50 },
      { id: 'norland', kind: 'place', text: 'Norland', start: 70 },
    ];
    const counts: Record<string, number> = { 'capital-city': 2, vessa: 9, 'harbour-guild': 40, 'piet-olde': 60, norland: 5 };
    expect(termsNamed('…', { find: () => found }, (id) => counts[id] ?? 0)).toEqual(['piet-olde', 'harbour-guild', 'norland', 'vessa', 'capital-city']);
  });
});
