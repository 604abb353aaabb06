/**
 * Term extraction (the costly part of indexing a report: tagging its text) on Web Workers, one per
 * core, where a context may start them: Chrome's offscreen document (the service worker cannot) and
 * Firefox's background page. The store writes the rows as before (lib/background/store.ts); a batch
 * is split between the workers by text length.
 */
import { browser } from 'wxt/browser';
import type { Report } from '../corpus';
import type { ReportIndexRow } from '../corpus/live-index';
import { unwrap } from '../rpc';
import { ensureOffscreen } from './offscreen';
import type { Extractor } from './store';

/** What the worker script (entrypoints/extract-worker.ts) is sent and answers. */
export interface ExtractRequest {
  id: number;
  reports: Report[];
}
export type ExtractReply = { id: number; rows: ReportIndexRow[] } | { id: number; error: string };

/** The least a pool needs of a Worker (a test passes its own). */
export interface WorkerLike {
  postMessage(msg: ExtractRequest): void;
  onmessage: ((e: MessageEvent<ExtractReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** `reports` cut into at most `n` runs of about equal text length, in order. */
export function splitByLength(reports: readonly Report[], n: number): Report[][] {
  const total = reports.reduce((s, r) => s + r.text.length, 0);
  const parts: Report[][] = [];
  let part: Report[] = [];
  let size = 0;
  for (const r of reports) {
    // a run ends before the report whose middle lies past the run's share of the text
    if (part.length && parts.length < n - 1 && size + r.text.length / 2 > (total * (parts.length + 1)) / n) {
      parts.push(part);
      part = [];
    }
    part.push(r);
    size += r.text.length;
  }
  if (part.length) parts.push(part);
  return parts;
}

export class ExtractPool {
  private workers: WorkerLike[] = [];
  private waiting = new Map<number, { resolve: (rows: ReportIndexRow[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(
    private start: () => WorkerLike,
    readonly size: number,
  ) {}

  private worker(k: number): WorkerLike {
    let w = this.workers[k];
    if (w) return w;
    w = this.start();
    w.onmessage = (e) => {
      const reply = e.data;
      const job = this.waiting.get(reply.id);
      if (!job) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.rows);
    };
    w.onerror = (e) => {
      // a worker that fails to load or crashes fails what it holds; the next batch starts a new one
      this.workers[k] = undefined as never;
      for (const [id, job] of this.waiting) {
        this.waiting.delete(id);
        job.reject(new Error(`extraction worker failed: ${e.message}`));
      }
    };
    return (this.workers[k] = w);
  }

  /** The index rows of `reports` (as indexRow gives them), in their order. */
  readonly rows = async (reports: readonly Report[]): Promise<ReportIndexRow[]> => {
    const parts = splitByLength(reports, this.size);
    const done = await Promise.all(
      parts.map(
        (part, k) =>
          new Promise<ReportIndexRow[]>((resolve, reject) => {
            const id = this.nextId++;
            this.waiting.set(id, { resolve, reject });
            this.worker(k).postMessage({ id, reports: part });
          }),
      ),
    );
    return done.flat();
  };
}

/** Workers of the bundled script, as many as the machine has cores (at most 4). */
export function workerPool(url: string): ExtractPool {
  const cores = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
  return new ExtractPool(() => new Worker(url) as unknown as WorkerLike, cores);
}

/** The service worker's message to the offscreen document: these reports' rows, from its pool. */
export interface OffscreenExtract {
  type: 'offscreen-extract';
  reports: Report[];
}

/** In Chrome's service worker: extraction by the offscreen document's pool. */
export const offscreenExtractor: Extractor = async (reports) => {
  await ensureOffscreen();
  return unwrap<ReportIndexRow[]>(await browser.runtime.sendMessage({ type: 'offscreen-extract', reports } satisfies OffscreenExtract), 'offscreen-extract');
};
