/**
 * Reports the extension gathers by itself (origin "read": articles the reader read; "feed": items of
 * feeds the reader follows): their ids, which carry when they were added, and the cap on read ones.
 * Pure; lib/background/store.ts writes them.
 */
import type { ReportOrigin } from '.';

export type GatheredOrigin = Extract<ReportOrigin, 'read' | 'feed'>;

/** The corpus keeps at most this many remembered articles: past it, the oldest go first. */
export const READ_CAP = 5_000;

/** Width of the time part of an id: base-36 milliseconds, zero-padded so ids sort by time until the year 5188. */
const TIME_WIDTH = 9;

/**
 * A new id for a gathered report: `read-<time>-<random>`. Ids of one origin sort by the time they
 * were added, so the oldest are the first keys of the `origin` index: no report is read to find them.
 */
export function gatheredId(origin: GatheredOrigin, now: number, random: string = crypto.randomUUID().slice(0, 8)): string {
  return `${origin}-${Math.max(0, Math.floor(now)).toString(36).padStart(TIME_WIDTH, '0')}-${random}`;
}

/** When a gathered report was added (ms since epoch), from its id; null for other ids. */
export function gatheredTime(id: string): number | null {
  const m = /^(?:read|feed)-([0-9a-z]{9})-/.exec(id);
  return m ? parseInt(m[1]!, 36) : null;
}

/**
 * Which stored reports of one origin to remove so that `adding` more fit under `cap`: the oldest,
 * given every stored id of that origin (any order).
 */
export function overCap(ids: readonly string[], adding: number, cap: number): string[] {
  const over = ids.length + adding - cap;
  if (over <= 0) return [];
  return [...ids].sort().slice(0, Math.min(over, ids.length));
}

/** The ids (of gathered reports) added between `from` and `to` (ms since epoch, inclusive). */
export function addedBetween(ids: readonly string[], from: number, to: number): string[] {
  return ids.filter((id) => {
    const t = gatheredTime(id);
    return t !== null && t >= from && t <= to;
  });
}
