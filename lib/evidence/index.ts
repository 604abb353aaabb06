/**
 * Evidence retrieval by claim: a BM25 index (MiniSearch) over every corpus sentence, each indexed
 * by its stems, the dictionary terms it mentions (so aliases meet: Kiev = Kyiv), the places that
 * contain its places (Paris → France → Europe) and the kinds of event it names (met = talks). A
 * page sentence queried the same way finds the report sentences that speak to it, whether or not
 * they contain the hovered term. Incremental: add(report) / remove(reportId). Pure.
 */
import MiniSearch from 'minisearch';
import type { Report } from '../corpus';
import { eventsIn } from '../stance/events';
import type { EntityLookup } from '../stance/frame';
import { contentTokens } from '../text';
import { ancestors, canonicalPlace, findPlaces, placeKey } from './places';

export interface EvidenceHit {
  reportId: string;
  /** sentence index in the report; -1 is the headline */
  sentenceIndex: number;
  sentence: string;
  score: number;
}

export interface SearchOptions {
  /** number of sentences returned */
  limit?: number;
  /** a term id (the hovered term) whose sentences count more */
  boostTermId?: string;
  /** keep at most this many sentences per report */
  perReport?: number;
}

interface Doc {
  id: number;
  r: string;
  i: number;
  tokens: string;
}

/** What the index keeps of a report: enough to judge it and show it in a popover without reading the database. */
export type EvidenceReport = Pick<Report, 'id' | 'title' | 'sentences' | 'source' | 'author' | 'date' | 'dateline' | 'origin'>;
type IndexedReport = Pick<Report, 'id' | 'title' | 'sentences'>;

/** Retrieval keys of one sentence: stems, T:term, P:place and its containers, E:event kind. */
export function sentenceKeys(sentence: string, entities: EntityLookup, termIds?: Iterable<string>): string[] {
  const keys = contentTokens(sentence);
  const ids = termIds ? [...termIds] : entities.find(sentence).map((e) => e.id);
  for (const id of ids) keys.push(`T:${id}`);
  const places = new Set<string>();
  for (const p of findPlaces(sentence)) for (const a of ancestors(p.key)) places.add(a);
  for (const e of termIds ? [] : entities.find(sentence)) if (e.kind === 'place') for (const a of ancestors(canonicalPlace(placeKey(e.text)))) places.add(a);
  for (const p of places) keys.push(`P:${p}`);
  for (const k of eventsIn(sentence).keys()) keys.push(`E:${k}`);
  return keys;
}

/**
 * A query reads at most about this many postings: its rarest keys first. Keys as common as
 * "Europe" or "said" in a large corpus add little to BM25 and would make every hover slow.
 */
const POSTING_BUDGET = 6_000;
const MIN_QUERY_KEYS = 4;

export class EvidenceIndex {
  private search_: MiniSearch<Doc>;
  private nextId = 0;
  private docIds = new Map<string, number[]>();
  private reports = new Map<string, EvidenceReport>();
  /** term ids per sentence as given to add(), so remove() can take back the same keys */
  private mentionIds = new Map<string, Map<number, string[]> | null>();
  /** number of sentences each key occurs in */
  private df = new Map<string, number>();

  constructor(private entities: EntityLookup) {
    this.search_ = new MiniSearch<Doc>({
      fields: ['tokens'],
      storeFields: ['r', 'i'],
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t || null,
      searchOptions: { tokenize: (s) => s.split(' '), processTerm: (t) => t || null },
      autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1 },
    });
  }

  get size(): number {
    return this.docIds.size;
  }

  has(reportId: string): boolean {
    return this.docIds.has(reportId);
  }

  /**
   * Index one report's headline and sentences. `mentions` (term id per sentence, -1 = headline),
   * when the corpus index already has them, save running the matcher again.
   */
  add(report: EvidenceReport, mentions?: { termId: string; sentence: number }[]): void {
    if (this.docIds.has(report.id)) this.remove(report.id);
    const byIndex = new Map<number, string[]>();
    for (const m of mentions ?? []) {
      const l = byIndex.get(m.sentence);
      if (l) l.push(m.termId);
      else byIndex.set(m.sentence, [m.termId]);
    }
    const { id, title, sentences, source, author, date, dateline, origin } = report;
    const stored: EvidenceReport = { id, title, sentences, source, author, date, dateline, origin };
    const ids = mentions ? byIndex : null;
    const docs: Doc[] = [];
    this.eachSentence(stored, ids, (i, keys) => {
      docs.push({ id: this.nextId++, r: report.id, i, tokens: keys.join(' ') });
      for (const k of new Set(keys)) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    });
    this.search_.addAll(docs);
    this.docIds.set(report.id, docs.map((d) => d.id));
    this.reports.set(report.id, stored);
    this.mentionIds.set(report.id, ids);
  }

  remove(reportId: string): void {
    const stored = this.reports.get(reportId);
    if (!stored) return;
    this.eachSentence(stored, this.mentionIds.get(reportId) ?? null, (_, keys) => {
      for (const k of new Set(keys)) {
        const n = (this.df.get(k) ?? 1) - 1;
        if (n > 0) this.df.set(k, n);
        else this.df.delete(k);
      }
    });
    for (const id of this.docIds.get(reportId) ?? []) this.search_.discard(id);
    this.docIds.delete(reportId);
    this.reports.delete(reportId);
    this.mentionIds.delete(reportId);
  }

  private eachSentence(report: IndexedReport, ids: Map<number, string[]> | null, fn: (i: number, keys: string[]) => void): void {
    [report.title ?? '', ...report.sentences].forEach((s, k) => {
      if (s) fn(k - 1, sentenceKeys(s, this.entities, ids ? ids.get(k - 1) ?? [] : undefined));
    });
  }

  /** A report as indexed (undefined when it is not). */
  report(reportId: string): EvidenceReport | undefined {
    return this.reports.get(reportId);
  }

  /** Does sentence `i` of a report mention the term, as indexed? */
  mentions(reportId: string, i: number, termId: string): boolean {
    const ids = this.mentionIds.get(reportId);
    if (ids) return ids.get(i)?.includes(termId) ?? false;
    const r = this.reports.get(reportId);
    const s = r ? (i < 0 ? r.title ?? '' : r.sentences[i] ?? '') : '';
    return this.entities.find(s).some((e) => e.id === termId);
  }

  /** The first sentence (-1: the headline) of a report that mentions the term, as indexed. */
  firstMention(reportId: string, termId: string): number | undefined {
    const r = this.reports.get(reportId);
    if (!r) return undefined;
    for (let i = -1; i < r.sentences.length; i++) if (this.mentions(reportId, i, termId)) return i;
    return undefined;
  }

  /** The query keys of a claim that fit the posting budget, rarest first. */
  private queryKeys(claim: string): string[] {
    const ranked = [...new Set(sentenceKeys(claim, this.entities))]
      .map((k) => [k, this.df.get(k) ?? 0] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => a[1] - b[1]);
    const out: string[] = [];
    let used = 0;
    for (const [k, n] of ranked) {
      if (out.length >= MIN_QUERY_KEYS && used + n > POSTING_BUDGET) break;
      out.push(k);
      used += n;
    }
    return out;
  }

  /** The report sentences that best match a claim, strongest first. */
  search(claim: string, opts: SearchOptions = {}): EvidenceHit[] {
    const limit = opts.limit ?? 20;
    const keys = this.queryKeys(claim);
    if (!keys.length) return [];
    const boost = opts.boostTermId ? `T:${opts.boostTermId}` : null;
    const options = {
      combineWith: 'OR' as const,
      prefix: false,
      fuzzy: false,
      // named things and events say more about which claim it is than common words
      boostTerm: (t: string) => (t === boost ? 2 : t.startsWith('T:') || t.startsWith('E:') ? 1.5 : t.startsWith('P:') ? 0.7 : 1),
    };
    const results = this.search_.search(keys.join(' '), options);
    // The hovered term stays the entry point: its own sentences are ranked too, even when the
    // term is too common to fit the budget of the open query.
    if (boost && this.df.has(boost)) {
      const seen = new Set(results.map((r) => r.id));
      const focused = this.search_.search({ combineWith: 'AND', queries: [boost, { combineWith: 'OR', queries: keys.filter((k) => k !== boost) }] }, options);
      for (const r of focused) if (!seen.has(r.id)) results.push(r);
      results.sort((a, b) => b.score - a.score);
    }
    const perReport = new Map<string, number>();
    const out: EvidenceHit[] = [];
    for (const r of results) {
      const reportId = r.r as string;
      const n = perReport.get(reportId) ?? 0;
      if (opts.perReport && n >= opts.perReport) continue;
      perReport.set(reportId, n + 1);
      const rep = this.reports.get(reportId);
      if (!rep) continue;
      const i = r.i as number;
      out.push({ reportId, sentenceIndex: i, sentence: i < 0 ? rep.title ?? '' : rep.sentences[i] ?? '', score: r.score });
      if (out.length >= limit) break;
    }
    return out;
  }
}
