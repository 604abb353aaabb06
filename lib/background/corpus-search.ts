/**
 * The popup's corpus search, answered where the read side is warm (queries.ts), so that it reads
 * no report it does not show. Terms: Fuse.js over labels and aliases (typos tolerated). Reports:
 * those whose headline or a sentence holds every word of the query, each as the start of a word
 * ("quay" finds "Quayside"), or names a term it found ("Witkof" finds the term Steve Witkoff, then
 * the reports that name him), from the stored evidence index; a headline counts more than a sentence.
 */
import Fuse from 'fuse.js';
import type { Report } from '../corpus';
import type { CrosscheckDB } from '../db';
import type { DictionaryReply, SearchReply } from '../messages';
import { contentTokens } from '../text';
import { reportsSaying } from './evidence-store';

/** Found terms whose mentions are looked for in the reports: the close ones. */
const TERM_SCORE = 0.3;
export const SEARCH_LIMIT = 20;

type Term = DictionaryReply['terms'][number];

export class CorpusSearch {
  private terms: { of: readonly Term[]; fuse: Fuse<Term> } | null = null;

  constructor(private db: CrosscheckDB) {}

  private termSearch(terms: readonly Term[]): Fuse<Term> {
    if (this.terms?.of !== terms) this.terms = { of: terms, fuse: new Fuse(terms, { keys: [{ name: 'label', weight: 2 }, 'aliases'], includeScore: true, threshold: 0.3, ignoreLocation: true }) };
    return this.terms.fuse;
  }

  /** The reports that say it, best first, and the terms it names; at most SEARCH_LIMIT of each. */
  async search(query: string, terms: readonly Term[]): Promise<SearchReply> {
    const q = query.trim();
    if (q.length < 2) return { reports: [], terms: [] };
    const found = this.termSearch(terms).search(q, { limit: SEARCH_LIMIT });
    const ids = await reportsSaying(
      this.db,
      [...new Set(contentTokens(q))],
      found.filter((t) => (t.score ?? 0) <= TERM_SCORE).map((t) => `T:${t.item.id}`),
      SEARCH_LIMIT,
    );
    const reports: Report[] = (await this.db.reports.bulkGet(ids)).filter((r) => r !== undefined);
    return { reports, terms: found.map((t) => t.item) };
  }
}
