/**
 * Term extraction on every core: reports are cut into chunks that a few Web Workers
 * (entrypoints/extract-worker.ts) take in turn, and the rows come back in the reports' order.
 * Workers start on the first request and stop after a minute without one (each holds its own copy
 * of the tagger). Pure apart from the worker factory it is given, so it is tested with fake workers.
 */
import type { ExtractedFields, ReportIndexRow } from '../corpus/live-index';

/** What a worker needs of a report (indexRow reads these). */
export type ExtractInput = ExtractedFields;
export interface ExtractRequest {
  id: number;
  reports: ExtractInput[];
}
export type ExtractReply = { id: number; rows: ReportIndexRow[]; error?: undefined } | { id: number; error: string; rows?: undefined };

/** The part of a Worker the pool uses. */
export interface WorkerLike {
  postMessage(m: ExtractRequest): void;
  terminate(): void;
  onmessage: ((e: { data: ExtractReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/** Reports a worker takes at a time: small enough that both workers stay busy to the end of a batch. */
const CHUNK = 8;
/** Workers stop after this long without a request. */
const IDLE_MS = 60_000;

export const poolSize = (cores: number | undefined): number => Math.max(1, Math.min(4, cores ?? 2));

interface Slot {
  worker: WorkerLike;
  /** the request it works on */
  job: number | null;
}

export class ExtractPool {
  private workers: Slot[] = [];
  private queue: { request: ExtractRequest; done: (r: ExtractReply) => void }[] = [];
  private waiting = new Map<number, (r: ExtractReply) => void>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private make: () => WorkerLike,
    private size: number,
  ) {}

  /** Index rows (terms and filter, no matches) for `reports`, in their order. */
  async extract(reports: readonly ExtractInput[]): Promise<ReportIndexRow[]> {
    if (this.idle) clearTimeout(this.idle);
    const chunks: ExtractInput[][] = [];
    for (let i = 0; i < reports.length; i += CHUNK) chunks.push(reports.slice(i, i + CHUNK).map(({ id, title, text, headings, sentences }) => ({ id, title, text, headings, sentences })));
    try {
      const replies = await Promise.all(chunks.map((c) => new Promise<ExtractReply>((done) => this.enqueue({ request: { id: this.nextId++, reports: c }, done }))));
      return replies.flatMap((r) => {
        if (r.error !== undefined) throw new Error(`Extraction failed: ${r.error}`);
        return r.rows;
      });
    } finally {
      if (!this.waiting.size && !this.queue.length) this.idle = setTimeout(() => this.stop(), IDLE_MS);
    }
  }

  /** Stop every worker (what they were doing fails). */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    for (const { worker } of this.workers) worker.terminate();
    this.workers = [];
    for (const [id, done] of this.waiting) done({ id, error: 'the extraction workers were stopped' });
    this.waiting.clear();
  }

  private enqueue(job: { request: ExtractRequest; done: (r: ExtractReply) => void }): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.workers.find((w) => w.job === null);
      if (!slot && this.workers.length < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift()!;
      const taker = slot;
      taker.job = job.request.id;
      this.waiting.set(job.request.id, (reply) => {
        taker.job = null;
        job.done(reply);
        this.pump();
      });
      taker.worker.postMessage(job.request);
    }
  }

  private start(): Slot {
    const worker = this.make();
    const slot: Slot = { worker, job: null };
    worker.onmessage = (e) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data);
    };
    // a worker that fails to load or throws outside a request fails the request it holds, and is replaced
    worker.onerror = (e) => {
      worker.terminate();
      this.workers = this.workers.filter((w) => w !== slot);
      const id = slot.job;
      const done = id === null ? undefined : this.waiting.get(id);
      if (id !== null) this.waiting.delete(id);
      slot.job = null;
      done?.({ id: id ?? 0, error: e.message || 'the extraction worker failed' });
    };
    this.workers.push(slot);
    return slot;
  }
}
