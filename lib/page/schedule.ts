/**
 * Scheduling for work on the page's main thread: yield between slices (scheduler.yield where the
 * browser has it), a per-slice time budget, and a debounce that fires at the latest after a max
 * wait, so a page that changes every 100 ms still gets its new content handled.
 */

/** The budget of one slice of marking work, well under the 50 ms of a long task. */
export const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

/** Let the page run (input, rendering) before the next slice. */
export function yieldToPage(signal?: AbortSignal): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  const wait = typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise<void>((r) => setTimeout(r, 0));
  return wait.then(() => {
    if (signal?.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
  });
}

/** Tracks one slice's time budget and records how long each slice took. */
export class SliceClock {
  private start = 0;
  /** durations of every slice run so far (ms), for benchmarks */
  readonly slices: number[] = [];
  /** when each slice began (performance.now()), parallel to `slices` */
  readonly starts: number[] = [];

  begin(): void {
    this.start = performance.now();
  }

  get spent(): number {
    return performance.now() - this.start;
  }

  get over(): boolean {
    return this.spent >= SLICE_MS;
  }

  end(): void {
    this.slices.push(this.spent);
    this.starts.push(this.start);
    if (this.slices.length > 5000) {
      this.slices.splice(0, 1000);
      this.starts.splice(0, 1000);
    }
  }
}

/**
 * Calls `fn` once calls stop for `quietMs`, and at the latest `maxWaitMs` after the first call
 * of a burst (a plain debounce would starve on a page that changes constantly).
 */
export function debounceMaxWait(fn: () => void, quietMs: number, maxWaitMs: number): { call(): void; cancel(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(quiet);
    clearTimeout(cap);
    quiet = cap = undefined;
    fn();
  };
  return {
    call() {
      clearTimeout(quiet);
      quiet = setTimeout(fire, quietMs);
      cap ??= setTimeout(fire, maxWaitMs);
    },
    cancel() {
      clearTimeout(quiet);
      clearTimeout(cap);
      quiet = cap = undefined;
    },
  };
}

/** Run `fn` when the page is idle (requestIdleCallback where the browser has it). */
export function whenIdleOrNow(fn: () => void, timeoutMs = 2000): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (typeof ric === 'function') ric(fn, { timeout: timeoutMs });
  else setTimeout(fn, 50);
}

/**
 * Resolves after the browser's next rendering step (or 100 ms in a hidden tab, where frames do not
 * come): layout is then fresh, so reading it (elementFromPoint) does not force a layout of the page.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    const cap = setTimeout(done, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(cap);
      done();
    }, 0));
  });
}
