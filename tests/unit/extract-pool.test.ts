import { describe, expect, it } from 'vitest';
import { toReport } from '../../lib/corpus';
import { indexRow } from '../../lib/corpus/live-index';
import { ExtractPool, poolSize, type ExtractReply, type ExtractRequest, type WorkerLike } from '../../lib/background/extract-pool';

/** A worker that answers in a later task, as a Web Worker does; `fail` makes it throw on a report id. */
class FakeWorker implements WorkerLike {
  static started = 0;
  onmessage: ((e: { data: ExtractReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  terminated = false;
  taken: number[] = [];
  constructor(private fail: { crashOn?: string; throwOn?: string } = {}) {
    FakeWorker.started++;
  }
  postMessage(m: ExtractRequest): void {
    this.taken.push(m.reports.length);
    setTimeout(() => {
      if (this.terminated) return;
      if (m.reports.some((r) => r.id === this.fail.crashOn)) return this.onerror?.({ message: 'worker crashed' });
      if (m.reports.some((r) => r.id === this.fail.throwOn)) return this.onmessage?.({ data: { id: m.id, error: 'bad report' } });
      this.onmessage?.({ data: { id: m.id, rows: m.reports.map((r) => indexRow(r)) } });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const reports = Array.from({ length: 21 }, (_, i) =>
  toReport({ id: `r${i}`, origin: 'user', text: `Officials in Quelmar ${i} said the Ardent Bridge reopened on Monday after ${i + 2} weeks of repairs. The mayor, Dana Whitlock, thanked the crews.` }),
);

describe('ExtractPool', () => {
  it('gives the rows in the reports order, as extraction in this thread would, spreading the work over its workers', async () => {
    const workers: FakeWorker[] = [];
    const pool = new ExtractPool(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    }, 2);
    const rows = await pool.extract(reports);
    expect(rows.map((r) => r.reportId)).toEqual(reports.map((r) => r.id));
    expect(rows).toEqual(reports.map((r) => indexRow(r)));
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.taken.length > 0)).toBe(true);
    pool.stop();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('fails a request when a worker reports an error, and replaces a worker that crashed', async () => {
    const thrower = new ExtractPool(() => new FakeWorker({ throwOn: 'r3' }), 2);
    await expect(thrower.extract(reports)).rejects.toThrow(/Extraction failed: bad report/);
    thrower.stop();
    let crashes = 1;
    const started = FakeWorker.started;
    const pool = new ExtractPool(() => new FakeWorker(crashes-- > 0 ? { crashOn: 'r0' } : {}), 1);
    await expect(pool.extract(reports.slice(0, 4))).rejects.toThrow(/worker crashed/);
    // the next request is served by a new worker
    expect((await pool.extract(reports.slice(0, 4))).map((r) => r.reportId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(FakeWorker.started - started).toBe(2);
    pool.stop();
  });

  it('sizes itself by the cores it has, from one to four', () => {
    expect(poolSize(undefined)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(16)).toBe(4);
  });
});
