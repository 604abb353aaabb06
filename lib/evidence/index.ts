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

export class EvidenceIndex {
  private search_: MiniSearch<Doc>;
  private nextId = 0;
  private docIds = new Map<string, number[]>();
  private sentences = new Map<string, IndexedReport>();

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
  add(report: IndexedReport, mentions?: { termId: string; sentence: number }[]): void {
    if (this.docIds.has(report.id)) this.remove(report.id);
    const byIndex = new Map<number, string[]>();
    for (const m of mentions ?? []) {
      const l = byIndex.get(m.sentence);
      if (l) l.push(m.termId);
      else byIndex.set(m.sentence, [m.termId]);
    }
    const docs: Doc[] = [];
    const texts = [report.title ?? '', ...report.sentences];
    texts.forEach((s, k) => {
      if (!s) return;
      const i = k - 1;
      const keys = sentenceKeys(s, this.entities, mentions ? byIndex.get(i) ?? [] : undefined);
      docs.push({ id: this.nextId++, r: report.id, i, tokens: keys.join(' ') });
    });
    this.search_.addAll(docs);
    this.docIds.set(report.id, docs.map((d) => d.id));
    this.sentences.set(report.id, { id: report.id, title: report.title, sentences: report.sentences });
  }

  remove(reportId: string): void {
    for (const id of this.docIds.get(reportId) ?? []) this.search_.discard(id);
    this.docIds.delete(reportId);
    this.sentences.delete(reportId);
  }

  /** The report sentences that best match a claim, strongest first. */
  search(claim: string, opts: SearchOptions = {}): EvidenceHit[] {
    const limit = opts.limit ?? 20;
    const keys = [...new Set(sentenceKeys(claim, this.entities))];
    if (!keys.length) return [];
    const boost = opts.boostTermId ? `T:${opts.boostTermId}` : null;
    const results = this.search_.search(keys.join(' '), {
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      // named things and events say more about which claim it is than common words
      boostTerm: (t) => (t === boost ? 2 : t.startsWith('T:') || t.startsWith('E:') ? 1.5 : t.startsWith('P:') ? 0.7 : 1),
    });
    const perReport = new Map<string, number>();
    const out: EvidenceHit[] = [];
    for (const r of results) {
      const reportId = r.r as string;
      const n = perReport.get(reportId) ?? 0;
      if (opts.perReport && n >= opts.perReport) continue;
      perReport.set(reportId, n + 1);
      const rep = this.sentences.get(reportId);
      if (!rep) continue;
      const i = r.i as number;
      out.push({ reportId, sentenceIndex: i, sentence: i < 0 ? rep.title ?? '' : rep.sentences[i] ?? '', score: r.score });
      if (out.length >= limit) break;
    }
    return out;
  }
}
