/** Indexing's term extraction on workers: the pool splits a batch and keeps its order; the store writes what it returns, and goes on by itself when it fails. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtractPool, splitByLength, type ExtractReply, type ExtractRequest, type WorkerLike } from '../../lib/background/extract-pool';
import { backupOf, extractWith, importReports, seedCorpus, whenIndexed } from '../../lib/background/store';
import { toReport, type Report } from '../../lib/corpus';
import { indexRow } from '../../lib/corpus/live-index';
import { CrosscheckDB } from '../../lib/db';
import { seedCorpusCompiled } from './corpus-fixture';

/** A worker that runs the worker script's work in this thread, answering later as a real one does. */
class InThread implements WorkerLike {
  onmessage: ((e: MessageEvent<ExtractReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  jobs = 0;
  postMessage({ id, reports }: ExtractRequest): void {
    this.jobs++;
    const reports2 = structuredClone(reports);
    setTimeout(() => this.onmessage?.({ data: { id, rows: reports2.map(indexRow) } } as MessageEvent<ExtractReply>), 1);
  }
}

const TEXTS = [
  'The Grimsby harbour board met on Monday and approved a new quay, its chair Alice Marsh said.',
  'Storm Dara closed the Humber Bridge for six hours on Tuesday, Highways England said.',
  'Alice Marsh told the Grimsby Telegraph the quay would open in 2027 if funding arrived.',
  'Fishermen in Cleethorpes said the Humber Bridge closure cost them a day of landings.',
];
const reports = (): Report[] => TEXTS.map((text, i) => toReport({ id: `r${i}`, origin: 'user', text }));

let n = 0;
const dbs: CrosscheckDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await backupOf(db).delete();
    await db.delete();
  }
});

describe('extraction pool', () => {
  it('cuts a batch into runs of about equal text, in order', () => {
    const rs = [...reports(), toReport({ id: 'long', origin: 'user', text: TEXTS.join(' ').repeat(4) })];
    const parts = splitByLength(rs, 2);
    expect(parts.flat().map((r) => r.id)).toEqual(rs.map((r) => r.id));
    expect(parts.map((p) => p.map((r) => r.id))).toEqual([['r0', 'r1', 'r2', 'r3'], ['long']]);
    expect(splitByLength(rs.slice(0, 4), 2).map((p) => p.length)).toEqual([2, 2]);
    expect(splitByLength(rs.slice(0, 1), 4)).toHaveLength(1);
    expect(splitByLength([], 2)).toEqual([]);
  });

  it('gives the rows indexRow gives, in the reports’ order, from every worker', async () => {
    const workers: InThread[] = [];
    const pool = new ExtractPool(() => (workers[workers.length] = new InThread()), 2);
    const rs = reports();
    expect(await pool.rows(rs)).toEqual(rs.map(indexRow));
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.jobs === 1)).toBe(true);
  });

  it('fails what a crashed worker held, and starts a new one for the next batch', async () => {
    let started = 0;
    const pool = new ExtractPool(() => {
      started++;
      const w = new InThread();
      if (started === 1) w.postMessage = () => setTimeout(() => w.onerror?.({ message: 'out of memory' } as ErrorEvent), 1);
      return w;
    }, 1);
    await expect(pool.rows(reports())).rejects.toThrow('out of memory');
    expect(await pool.rows(reports())).toEqual(reports().map(indexRow));
    expect(started).toBe(2);
  });
});

describe('store indexing with an extractor', () => {
  const seeded = async () => {
    const db = new CrosscheckDB(`extract-pool-${n++}`);
    dbs.push(db);
    await seedCorpus(db, seedCorpusCompiled());
    return db;
  };

  it('writes the rows extracted elsewhere, as extracting here would', async () => {
    const [here, elsewhere] = [await seeded(), await seeded()];
    const extractor = vi.fn(async (rs: Report[]) => rs.map(indexRow));
    extractWith(elsewhere, extractor);
    for (const db of [here, elsewhere]) {
      await importReports(db, TEXTS.map((text) => ({ text })));
      await whenIndexed(db);
    }
    expect(extractor).toHaveBeenCalled();
    const labels = async (db: CrosscheckDB) => (await db.terms.toArray()).map((t) => `${t.label}:${t.reportCount}`).sort();
    expect(await labels(elsewhere)).toEqual(await labels(here));
    expect(await labels(elsewhere)).toContain('Alice Marsh:2');
    expect(await elsewhere.reportIndex.count()).toBe(await here.reportIndex.count());
  });

  it('extracts here when the extractor fails, and loses no report', async () => {
    const db = await seeded();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    extractWith(db, async () => {
      throw new Error('the offscreen document is gone');
    });
    await importReports(db, TEXTS.map((text) => ({ text })));
    await whenIndexed(db);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('extraction off the main thread failed'), expect.any(Error));
    expect((await db.terms.toArray()).map((t) => t.label)).toContain('Alice Marsh');
    expect(await db.reportIndex.count()).toBe(5 + TEXTS.length);
    warn.mockRestore();
  });
});
