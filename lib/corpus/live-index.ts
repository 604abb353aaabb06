/**
 * The corpus index kept current one report at a time: per-report extraction rows are summed into
 * counts, the dictionary is derived from the counts, and only reports that may contain a changed
 * term (by their Bloom filter) are matched again. Applying changes equals a full rebuild.
 */
import { Matcher, tokens } from '../match';
import { Tokenizer } from '../match/tokens';
import { hash32 } from '../text';
import { bloomHasKey, bloomKey, bloomOf } from './bloom';
import type { DictionaryTerm, Mention, Report } from './index';
import { deriveTerms, extractReportTerms, reportTermSteps, TermStats, type ReportTerms, type Term } from './terms';

/** What the index keeps per report (table reportIndex). */
export interface ReportIndexRow {
  reportId: string;
  terms: ReportTerms;
  /** Bloom filter of the token keys of the headline and sentences */
  bloom: number[];
  /** matches per dictionary term in this report, under the current dictionary */
  hits: Record<string, number>;
  /** the sentences that name each term, under the current dictionary (one per term and sentence) */
  mentions: Mention[];
  /** hash of this report's hits and mentions, to skip rewriting what a re-match left unchanged */
  matchKey?: number;
}

/** What matching reads: the headline (sentence -1) then the sentences. */
const matchTexts = (r: Pick<Report, 'title' | 'sentences'>) => [r.title ?? '', ...r.sentences];

/** What extraction reads: the headline and the paragraphs (the short lines are read for names only). */
const extractionText = (r: Pick<Report, 'title' | 'text'>) => [r.title ?? '', r.text].join('\n\n');
const bloomOfReport = (r: ExtractedFields) => bloomOf([...matchTexts(r), ...(r.headings ?? [])].flatMap((s) => tokens(s).map((t) => t.key)));

/** What extraction reads of a report. */
export type ExtractedFields = Pick<Report, 'id' | 'title' | 'text' | 'headings' | 'sentences'>;

/** Extract one report's terms and filter: the NLP part of indexing, done once per report. */
export function indexRow(r: ExtractedFields): ReportIndexRow {
  return { reportId: r.id, terms: extractReportTerms(extractionText(r), r.headings), bloom: bloomOfReport(r), hits: {}, mentions: [] };
}

/** indexRow with `pause()` awaited between pieces of tagging, so a long report does not hold the thread. */
export async function indexRowSliced(r: Report, pause: () => Promise<void>): Promise<ReportIndexRow> {
  const steps = reportTermSteps(extractionText(r), r.headings);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      await pause();
      return { reportId: r.id, terms: step.value, bloom: bloomOfReport(r), hits: {}, mentions: [] };
    }
    await pause();
  }
}

/** A row as extraction left it: no matches under any dictionary yet. */
export const unmatched = (row: ReportIndexRow): ReportIndexRow => ({ ...row, hits: {}, mentions: [], matchKey: undefined });

const signature = (t: Term) => `${t.kind}|${t.label}|${t.aliases.join('\u0001')}`;

export class LiveIndex {
  private stats = new TermStats();
  private rows = new Map<string, ReportIndexRow>();
  /** term id -> report id -> matches */
  private hitsByTerm = new Map<string, Map<string, number>>();
  private dirty = new Set<string>();
  private terms: Term[] = [];
  private matcher: Matcher;
  /** kept across the matcher's rebuilds (one at every write that changes the dictionary): its word stems are remembered */
  private readonly tokenizer = new Tokenizer();

  constructor(rows: Iterable<ReportIndexRow> = []) {
    for (const given of rows) {
      const row = { ...given }; // rematch replaces hits: never on the caller's object
      this.rows.set(row.reportId, row);
      this.stats.add(row.terms);
      this.countHits(row.reportId, row.hits, 1);
    }
    this.terms = deriveTerms(this.stats);
    this.matcher = new Matcher(this.terms, { fuzzy: false, tokenizer: this.tokenizer });
    this.dirty.clear();
  }

  get size(): number {
    return this.rows.size;
  }

  row(reportId: string): ReportIndexRow | undefined {
    return this.rows.get(reportId);
  }

  /**
   * Take reports out and put (new or edited) reports in. Returns the reports whose mentions must
   * be matched again with `rematch`: the new ones, and any that may contain a term that changed.
   */
  apply(removed: Iterable<string>, added: ReportIndexRow[]): string[] {
    const drop = (id: string) => {
      const row = this.rows.get(id);
      if (!row) return;
      this.stats.add(row.terms, -1);
      this.countHits(id, row.hits, -1);
      this.rows.delete(id);
    };
    for (const id of removed) drop(id);
    for (const row of added) {
      drop(row.reportId);
      this.rows.set(row.reportId, { ...row, hits: {}, mentions: [], matchKey: undefined });
      this.stats.add(row.terms);
    }
    const before = new Map(this.terms.map((t) => [t.id, t]));
    this.terms = deriveTerms(this.stats);

    // Surfaces (as token-key sequences) of every term added, removed or changed.
    const changed: Term[] = [];
    for (const t of this.terms) {
      const old = before.get(t.id);
      before.delete(t.id);
      if (old && signature(old) === signature(t)) continue;
      changed.push(t);
      if (old) changed.push(old);
    }
    changed.push(...before.values());
    if (changed.length) this.matcher = new Matcher(this.terms, { fuzzy: false, tokenizer: this.tokenizer }); // else the same terms: the same matcher
    for (const t of changed) this.dirty.add(t.id);
    const surfaces = changed.flatMap((t) => [t.label, ...t.aliases].map((s) => tokens(s).map((k) => bloomKey(k.key)))).filter((k) => k.length);

    const fresh = new Set(added.map((r) => r.reportId));
    const out: string[] = [...fresh];
    if (surfaces.length) {
      for (const [id, row] of this.rows) {
        if (!fresh.has(id) && surfaces.some((keys) => keys.every((k) => bloomHasKey(row.bloom, k)))) out.push(id);
      }
    }
    return out;
  }

  /** Match one report against the current dictionary; records its hits and mentions in its row. */
  rematch(r: Report): void {
    this.match(r, true);
  }

  /** As rematch; false when the report's hits and mentions came out exactly as they were (nothing to rewrite). */
  rematchChanged(r: Report): boolean {
    return this.match(r, false);
  }

  private match(r: Report, always: boolean): boolean {
    const row = this.rows.get(r.id);
    if (!row) throw new Error(`Report ${r.id} is not in the index.`);
    const mentions: Mention[] = [];
    const seen = new Set<string>();
    const hits: Record<string, number> = {};
    matchTexts(r).forEach((s, i) => {
      for (const m of this.matcher.find(s)) {
        hits[m.termId] = (hits[m.termId] ?? 0) + 1;
        const key = `${m.termId}|${i - 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mentions.push({ termId: m.termId, sentence: i - 1 });
      }
    });
    // short lines (captions, credits) count as hits, so a name only they give is in the dictionary; they are no sentence to mention
    for (const s of r.headings ?? []) for (const m of this.matcher.find(s)) hits[m.termId] = (hits[m.termId] ?? 0) + 1;
    const matchKey = hash32(JSON.stringify(Object.entries(hits).sort()) + [...seen].join());
    if (!always && matchKey === row.matchKey) return false;
    this.countHits(r.id, row.hits, -1);
    row.hits = hits;
    row.mentions = mentions;
    row.matchKey = matchKey;
    this.countHits(r.id, hits, 1);
    return true;
  }

  /** The stored dictionary: terms some report mentions, with their reports and mention counts. */
  dictionary(): DictionaryTerm[] {
    return this.terms.flatMap((t) => this.entry(t) ?? []);
  }

  /** Dictionary entries that changed since the last call: to put, and term ids to delete. */
  takeChanges(): { put: DictionaryTerm[]; remove: string[] } {
    const byId = new Map(this.terms.map((t) => [t.id, t]));
    const put: DictionaryTerm[] = [];
    const remove: string[] = [];
    for (const id of this.dirty) {
      const t = byId.get(id);
      const e = t && this.entry(t);
      if (e) put.push(e);
      else remove.push(id);
    }
    this.dirty.clear();
    return { put, remove };
  }

  private entry(t: Term): DictionaryTerm | null {
    const hits = this.hitsByTerm.get(t.id);
    if (!hits?.size) return null;
    let n = 0;
    for (const v of hits.values()) n += v;
    return { ...t, reportCount: hits.size, mentions: n };
  }

  private countHits(reportId: string, hits: Record<string, number>, sign: 1 | -1): void {
    for (const [termId, n] of Object.entries(hits)) {
      this.dirty.add(termId);
      let m = this.hitsByTerm.get(termId);
      if (!m) this.hitsByTerm.set(termId, (m = new Map()));
      if (sign > 0) m.set(reportId, n);
      else m.delete(reportId);
      if (!m.size) this.hitsByTerm.delete(termId);
    }
  }
}

/** Index a whole corpus from scratch: the reference the incremental path must equal. */
export function buildIndex(reports: Report[], rows: ReportIndexRow[] = reports.map(indexRow)): { terms: DictionaryTerm[]; rows: ReportIndexRow[] } {
  const index = new LiveIndex(rows.map(unmatched));
  for (const r of reports) index.rematch(r);
  return { terms: index.dictionary(), rows: reports.map((r) => index.row(r.id)!) };
}
