/**
 * The popup's corpus search, answered where the read side is warm (queries.ts), so that it reads
 * no report it does not show. Terms: Fuse.js over labels and aliases (typos tolerated). Reports:
 * Fuse.js over titles and sources (from the catalogue: corpus-catalogue.ts), then
 * the reports whose sentences hold every word of the query, each as the start of a word ("quay"
 * finds "Quayside"), or name a term it found ("Witkof" finds the term Steve Witkoff, then the
 * reports that name him), from the stored evidence index.
 */
import Fuse from 'fuse.js';
import type { Report } from '../corpus';
import type { Listed } from '../corpus/listing';
import type { CrosscheckDB } from '../db';
import type { DictionaryReply, SearchReply } from '../messages';
import { contentTokens } from '../text';
import type { CorpusCatalogue } from './corpus-catalogue';
import { reportsSaying } from './evidence-store';

/** Found terms whose mentions are looked for in the reports: the close ones. */
const TERM_SCORE = 0.3;
export const SEARCH_LIMIT = 20;

type Term = DictionaryReply['terms'][number];

export class CorpusSearch {
  private titles: { of: readonly Listed[]; fuse: Fuse<Listed> } | null = null;
  private terms: { of: readonly Term[]; fuse: Fuse<Term> } | null = null;

  constructor(
    private db: CrosscheckDB,
    private catalogue: CorpusCatalogue,
  ) {}

  private async titleSearch(): Promise<Fuse<Listed>> {
    const rows = await this.catalogue.rows();
    if (this.titles?.of !== rows) {
      const fuse = new Fuse(rows, {
        keys: [
          { name: 'title', weight: 3 },
          { name: 'source', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.3,
        minMatchCharLength: 3,
      });
      this.titles = { of: rows, fuse };
    }
    return this.titles.fuse;
  }

  private termSearch(terms: readonly Term[]): Fuse<Term> {
    if (this.terms?.of !== terms) this.terms = { of: terms, fuse: new Fuse(terms, { keys: [{ name: 'label', weight: 2 }, 'aliases'], includeScore: true, threshold: 0.3, ignoreLocation: true }) };
    return this.terms.fuse;
  }

  /** Title matches first (closest first), then the reports that say it; at most SEARCH_LIMIT of each. */
  async search(query: string, terms: readonly Term[]): Promise<SearchReply> {
    const q = query.trim();
    if (q.length < 2) return { reports: [], terms: [] };
    const found = this.termSearch(terms).search(q, { limit: SEARCH_LIMIT });
    const [titled, said] = await Promise.all([
      this.titleSearch().then((f) => f.search(q, { limit: SEARCH_LIMIT }).map((r) => r.item.id)),
      reportsSaying(
        this.db,
        [...new Set(contentTokens(q))],
        found.filter((t) => (t.score ?? 0) <= TERM_SCORE).map((t) => `T:${t.item.id}`),
        SEARCH_LIMIT,
      ),
    ]);
    const ids = [...new Set([...titled, ...said])].slice(0, SEARCH_LIMIT);
    const reports: Report[] = (await this.db.reports.bulkGet(ids)).filter((r) => r !== undefined);
    return { reports, terms: found.map((t) => t.item) };
  }
}
