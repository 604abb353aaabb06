/** Corpus search for the popup: Fuse.js over reports (title, source, text) and terms (label, aliases). */
import Fuse from 'fuse.js';
import type { DictionaryTerm, Report } from '../../lib/corpus';

export interface SearchHit {
  kind: 'report' | 'term';
  id: string;
  score: number;
}

export class CorpusSearch {
  private reports: Fuse<Report>;
  private terms: Fuse<DictionaryTerm>;

  constructor(reports: Report[], terms: DictionaryTerm[]) {
    this.reports = new Fuse(reports, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'source', weight: 1 },
        { name: 'sentences', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
      minMatchCharLength: 3,
    });
    this.terms = new Fuse(terms, { keys: [{ name: 'label', weight: 2 }, 'aliases'], includeScore: true, threshold: 0.3, ignoreLocation: true });
  }

  search(query: string, limit = 20): { reports: SearchHit[]; terms: SearchHit[] } {
    const q = query.trim();
    if (q.length < 2) return { reports: [], terms: [] };
    return {
      reports: this.reports.search(q, { limit }).map((r) => ({ kind: 'report' as const, id: r.item.id, score: r.score ?? 0 })),
      terms: this.terms.search(q, { limit }).map((r) => ({ kind: 'term' as const, id: r.item.id, score: r.score ?? 0 })),
    };
  }
}
