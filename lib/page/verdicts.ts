/**
 * What the background says about each (term, page sentence): one memoised explain request each,
 * shared by the popover and the page summary. The summary judges the page's marks lazily, in idle
 * time and one request at a time, so the badge can say how many marks the corpus conflicts with.
 */
import type { ExplainReply } from '../messages';

/** A page with hundreds of marks is judged on its first claims only (the badge says "at least"). */
export const MAX_JUDGED_CLAIMS = 150;

export class Verdicts {
  private replies = new Map<string, Promise<ExplainReply | null>>();
  private settled = new Map<string, ExplainReply | null>();

  constructor(private explain: (termId: string, claim: string) => Promise<ExplainReply | null>) {}

  private key(termId: string, claim: string): string {
    return `${termId}\u0000${claim}`;
  }

  /** The reply for a term in a page sentence; asked once, then memoised (failures are not kept). */
  get(termId: string, claim: string): Promise<ExplainReply | null> {
    const key = this.key(termId, claim);
    let p = this.replies.get(key);
    if (!p) {
      p = this.explain(termId, claim).then(
        (r) => {
          this.settled.set(key, r);
          return r;
        },
        (e: unknown) => {
          this.replies.delete(key);
          throw e;
        },
      );
      this.replies.set(key, p);
    }
    return p;
  }

  /** Known already (without asking): true/false if judged, undefined if not yet. */
  conflicts(termId: string, claim: string): boolean | undefined {
    const key = this.key(termId, claim);
    if (!this.settled.has(key)) return undefined;
    return !!this.settled.get(key)?.items.some((i) => i.verdict === 'conflicts');
  }

  /** The reply if judged already (null: the term is gone), undefined if not yet; never asks. */
  known(termId: string, claim: string): ExplainReply | null | undefined {
    return this.settled.get(this.key(termId, claim));
  }

  get judged(): number {
    return this.replies.size;
  }

  /** Forget everything (the corpus changed). */
  clear(): void {
    this.replies.clear();
    this.settled.clear();
  }
}
