/**
 * Corpus search for the popup. Terms: Fuse.js over labels and aliases (typos tolerated). Reports:
 * Fuse.js over title and source, then every report whose text names the query or a term it found
 * ("Witkof" finds the term Steve Witkoff, then the reports that say "Witkoff"). The text is scanned,
 * not fuzzy-indexed: a fuzzy index over every sentence took seconds to build at 10,000 reports.
 */
import Fuse from 'fuse.js';
import type { DictionaryTerm, Report } from '../../lib/corpus';

export interface SearchHit {
  kind: 'report' | 'term';
  id: string;
  score: number;
}

/** Found terms whose names are looked for in the reports' text: the close ones. */
const TERM_SCORE = 0.3;
/** A report found by its text ranks after the close title matches. */
const TEXT_SCORE = 0.35;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class CorpusSearch {
  private titles: Fuse<Report>;
  private terms: Fuse<DictionaryTerm>;

  constructor(
    private reports: readonly Report[],
    terms: DictionaryTerm[],
  ) {
    this.titles = new Fuse(reports, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'source', weight: 1 },
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
    const terms = this.terms.search(q, { limit });
    const hits = new Map<string, number>();
    for (const r of this.titles.search(q, { limit })) hits.set(r.item.id, r.score ?? 0);
    // the words to find in the text: the query, and the names of the terms it found
    const names = new Set([q, ...terms.filter((t) => (t.score ?? 0) <= TERM_SCORE).flatMap((t) => [t.item.label, ...t.item.aliases])]);
    const said = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...names].filter((n) => n.length >= 2).map(escape).join('|')})`, 'iu');
    for (const r of this.reports) {
      if (hits.size >= limit) break;
      if (!hits.has(r.id) && said.test(r.text)) hits.set(r.id, TEXT_SCORE);
    }
    return {
      reports: [...hits].sort((a, b) => a[1] - b[1]).slice(0, limit).map(([id, score]) => ({ kind: 'report' as const, id, score })),
      terms: terms.map((r) => ({ kind: 'term' as const, id: r.item.id, score: r.score ?? 0 })),
    };
  }
}
