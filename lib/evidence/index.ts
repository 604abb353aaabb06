/**
 * Evidence retrieval by claim: a BM25 index over every corpus sentence, each indexed by its stems,
 * the dictionary terms it mentions (so aliases meet: Kiev = Kyiv), the places that contain its
 * places (Paris → France → Europe) and the kinds of event it names (met = talks). A page sentence
 * queried the same way finds the report sentences that speak to it, whether or not they contain
 * the hovered term. The index is postings (key → sentences) and counts, so it can live in memory
 * (add(report) / remove(reportId), tests and benchmarks) or be a slice that the background loads
 * from IndexedDB for one claim (lib/background/evidence-store.ts): only the keys and reports that
 * claim touches. Scoring is MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5), which this replaced. Pure.
 */
import type { Report } from '../corpus';
import { eventsIn } from '../stance/events';
import type { EntityLookup } from '../stance/frame';
import { contentTokens, hash32 } from '../text';
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
  /** of `limit`, places kept for the boosted term's own sentences when the best-ranked leave it out */
  reserve?: number;
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

/** A sentence of a report as the index holds it: its keys with their counts, and its length for BM25. */
export interface SentenceDoc {
  /** sentence index; -1 is the headline */
  i: number;
  tf: Map<string, number>;
  /**
   * Its distinct keys other than terms (`T:`): what it says, not which dictionary terms it names, so
   * that matching a report again with a grown dictionary changes only its term keys' postings.
   */
  len: number;
}

/** The term ids each sentence mentions (-1 = headline), from the corpus's mention rows. */
export function mentionsBySentence(mentions: readonly { termId: string; sentence: number }[]): Map<number, string[]> {
  const byIndex = new Map<number, string[]>();
  for (const m of mentions) {
    const l = byIndex.get(m.sentence);
    if (l) l.push(m.termId);
    else byIndex.set(m.sentence, [m.termId]);
  }
  return byIndex;
}

/** The headline and sentences of a report with their keys; term ids from `ids` when known, else found by `entities`. */
export function reportDocs(report: IndexedReport, entities: EntityLookup, ids: Map<number, string[]> | null): SentenceDoc[] {
  const docs: SentenceDoc[] = [];
  [report.title ?? '', ...report.sentences].forEach((s, k) => {
    if (!s) return;
    const tf = new Map<string, number>();
    for (const key of sentenceKeys(s, entities, ids ? ids.get(k - 1) ?? [] : undefined)) tf.set(key, (tf.get(key) ?? 0) + 1);
    let len = 0;
    for (const key of tf.keys()) if (!key.startsWith('T:')) len++;
    docs.push({ i: k - 1, tf, len: len || 1 });
  });
  return docs;
}

/** A lookup that finds no dictionary term: for keys whose term ids come from the stored mentions. */
export const NO_ENTITIES: EntityLookup = { find: () => [] };

/**
 * Names the way sentences are turned into keys: a stored index built another way (a new stemmer,
 * gazetteer or event table) is stale and rebuilt. FORMAT is raised by hand when the storage layout
 * changes; the fingerprint follows the key functions themselves.
 */
const EVIDENCE_FORMAT = 3;
const CALIBRATION = 'Security advisers from 18 countries met in Kyiv and Paris on Saturday, officials said, after talks in Washington were delayed.';
export const evidenceVersion = (): string => `${EVIDENCE_FORMAT}:${hash32(sentenceKeys(CALIBRATION, NO_ENTITIES).join(' ')).toString(36)}`;

/**
 * Postings of one key, four numbers a sentence: report number, sentence index, count of the key
 * in it, the sentence's number of distinct keys. Ordered by report number, then sentence.
 */
export type Postings = ArrayLike<number>;
export const POSTING_WIDTH = 4;

/** What a slice of a stored index holds for one claim (lib/background/evidence-store.ts). */
export interface EvidenceSlice {
  /** sentences in the whole index, and the sum of their distinct-key counts */
  docs: number;
  length: number;
  /** sentence counts of (at least) the claim's keys */
  df: Map<string, number>;
  /** postings of the keys the claim's query reads */
  postings: Map<string, Postings>;
  /** the reports its best sentences belong to, by report number */
  reports: Map<number, { report: EvidenceReport; mentions: { termId: string; sentence: number }[] }>;
}

/**
 * A query reads at most about this many postings: its rarest keys first. Keys as common as
 * "Europe" or "said" in a large corpus add little to BM25 and would make every hover slow.
 */
const POSTING_BUDGET = 6_000;
const MIN_QUERY_KEYS = 4;
/** BM25+ as MiniSearch computes it */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** A sentence's place in one number: its report number and sentence index (-1 is the headline). */
export const docKey = (no: number, i: number) => no * 0x100000 + i + 1;

interface Scored {
  no: number;
  i: number;
  score: number;
  /** distinct query keys it matched */
  terms: number;
}

export class EvidenceIndex {
  private nextNo = 0;
  private nos = new Map<string, number>();
  private ids = new Map<number, string>();
  private reports = new Map<string, EvidenceReport>();
  /** term ids per sentence as given to add(), so remove() can take back the same keys */
  private mentionIds = new Map<string, Map<number, string[]> | null>();
  /** number of sentences each key occurs in */
  private df = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private docs = 0;
  private length = 0;

  constructor(private entities: EntityLookup) {}

  /** An index holding what one claim's query reads, loaded from storage. */
  static fromSlice(entities: EntityLookup, slice: EvidenceSlice): EvidenceIndex {
    const index = new EvidenceIndex(entities);
    index.docs = slice.docs;
    index.length = slice.length;
    index.df = slice.df;
    index.postings = slice.postings;
    for (const [no, { report, mentions }] of slice.reports) index.hold(no, report, mentionsBySentence(mentions));
    return index;
  }

  get size(): number {
    return this.reports.size;
  }

  has(reportId: string): boolean {
    return this.reports.has(reportId);
  }

  private hold(no: number, report: EvidenceReport, ids: Map<number, string[]> | null): void {
    const { id, title, sentences, source, author, date, dateline, origin } = report;
    this.nos.set(id, no);
    this.ids.set(no, id);
    this.reports.set(id, { id, title, sentences, source, author, date, dateline, origin });
    this.mentionIds.set(id, ids);
  }

  /**
   * Index one report's headline and sentences. `mentions` (term id per sentence, -1 = headline),
   * when the corpus index already has them, save running the matcher again.
   */
  add(report: EvidenceReport, mentions?: { termId: string; sentence: number }[]): void {
    if (this.reports.has(report.id)) this.remove(report.id);
    const no = this.nextNo++;
    const ids = mentions ? mentionsBySentence(mentions) : null;
    this.hold(no, report, ids);
    for (const d of reportDocs(report, this.entities, ids)) {
      this.docs++;
      this.length += d.len;
      for (const [k, tf] of d.tf) {
        this.df.set(k, (this.df.get(k) ?? 0) + 1);
        let p = this.postings.get(k) as number[] | undefined;
        if (!p) this.postings.set(k, (p = []));
        p.push(no, d.i, tf, d.len);
      }
    }
  }

  remove(reportId: string): void {
    const stored = this.reports.get(reportId);
    const no = this.nos.get(reportId);
    if (!stored || no === undefined) return;
    for (const d of reportDocs(stored, this.entities, this.mentionIds.get(reportId) ?? null)) {
      this.docs--;
      this.length -= d.len;
      for (const k of d.tf.keys()) {
        const n = (this.df.get(k) ?? 1) - 1;
        if (n > 0) this.df.set(k, n);
        else this.df.delete(k);
        const p = this.postings.get(k);
        if (!p) continue;
        const kept: number[] = [];
        for (let j = 0; j < p.length; j += POSTING_WIDTH) if (p[j] !== no) kept.push(p[j]!, p[j + 1]!, p[j + 2]!, p[j + 3]!);
        if (kept.length) this.postings.set(k, kept);
        else this.postings.delete(k);
      }
    }
    this.nos.delete(reportId);
    this.ids.delete(no);
    this.reports.delete(reportId);
    this.mentionIds.delete(reportId);
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

  /** Every retrieval key of a claim, once each (what a slice needs the sentence counts of). */
  claimKeys(claim: string): string[] {
    return [...new Set(sentenceKeys(claim, this.entities))];
  }

  /** The query keys of a claim that fit the posting budget, rarest first. */
  queryKeys(claim: string): string[] {
    const ranked = this.claimKeys(claim)
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

  /** The keys whose postings a search for the claim reads: its query keys and the hovered term's. */
  postingKeys(claim: string, boostTermId?: string): string[] {
    const keys = this.queryKeys(claim);
    const boost = boostTermId ? `T:${boostTermId}` : null;
    return boost && this.df.has(boost) && !keys.includes(boost) ? [...keys, boost] : keys;
  }

  /** OR of the keys: per sentence the sum of its keys' weighted BM25 scores and how many keys it matched, in first-match order. */
  private scoreKeys(keys: string[], weight: (k: string) => number): Map<number, Scored> {
    const out = new Map<number, Scored>();
    const avg = this.docs ? this.length / this.docs : 1;
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      const n = p.length / POSTING_WIDTH;
      const idf = Math.log(1 + (this.docs - n + 0.5) / (n + 0.5));
      const w = weight(k);
      for (let j = 0; j < p.length; j += POSTING_WIDTH) {
        const tf = p[j + 2]!;
        const score = w * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * p[j + 3]!) / avg)));
        const key = docKey(p[j]!, p[j + 1]!);
        const s = out.get(key);
        if (s) {
          s.score += score;
          s.terms++;
        } else out.set(key, { no: p[j]!, i: p[j + 1]!, score, terms: 1 });
      }
    }
    return out;
  }

  /** Sentences matching a claim, best first (before per-report caps). */
  private rank(claim: string, boostTermId?: string): Scored[] {
    const keys = this.queryKeys(claim);
    if (!keys.length) return [];
    const boost = boostTermId ? `T:${boostTermId}` : null;
    // named things and events say more about which claim it is than common words
    const weight = (t: string) => (t === boost ? 2 : t.startsWith('T:') || t.startsWith('E:') ? 1.5 : t.startsWith('P:') ? 0.7 : 1);
    const byScore = (a: Scored, b: Scored) => b.score * b.terms - a.score * a.terms;
    const main = this.scoreKeys(keys, weight);
    const results = [...main.values()].sort(byScore);
    // The hovered term stays the entry point: its own sentences are ranked too, even when the
    // term is too common to fit the budget of the open query (the hovered term AND any other key).
    if (boost && this.df.has(boost)) {
      const own = this.scoreKeys([boost], weight);
      const focused: Scored[] = [];
      for (const [key, other] of this.scoreKeys(keys.filter((k) => k !== boost), weight)) {
        const b = own.get(key);
        if (b) focused.push({ no: b.no, i: b.i, score: b.score + other.score, terms: 1 + other.terms });
      }
      focused.sort(byScore);
      for (const f of focused) if (!main.has(docKey(f.no, f.i))) results.push(f);
      results.sort(byScore);
    }
    return results;
  }

  /** The report numbers of the sentences a search would return (for a slice: the reports to load). */
  hitReports(claim: string, opts: SearchOptions = {}): number[] {
    const out = new Set<number>();
    this.walk(claim, opts, (s) => {
      out.add(s.no);
      return true;
    });
    return [...out];
  }

  /** The sentences (docKey) holding a key, from its postings. */
  private sentencesWith(key: string): Set<number> {
    const out = new Set<number>();
    const p = this.postings.get(key);
    if (p) for (let j = 0; j < p.length; j += POSTING_WIDTH) out.add(docKey(p[j]!, p[j + 1]!));
    return out;
  }

  /**
   * Visit the ranked sentences under the per-report cap until `limit` were taken (`take` says whether
   * one was). With a reserve, the last places go to the boosted term's own best sentences when the
   * best-ranked hold fewer of them (a hover's own term is always among what is judged).
   */
  private walk(claim: string, opts: SearchOptions, take: (s: Scored) => boolean): void {
    const limit = opts.limit ?? 20;
    const perReport = new Map<number, number>();
    const ranked = this.rank(claim, opts.boostTermId);
    const own = opts.reserve && opts.boostTermId ? this.sentencesWith(`T:${opts.boostTermId}`) : new Set<number>();
    const reserve = Math.min(opts.reserve ?? 0, own.size, limit);
    const taken = new Set<number>();
    let owned = 0;
    const visit = (s: Scored) => {
      const n = perReport.get(s.no) ?? 0;
      if (opts.perReport && n >= opts.perReport) return;
      perReport.set(s.no, n + 1);
      if (!take(s)) return;
      taken.add(docKey(s.no, s.i));
      if (own.has(docKey(s.no, s.i))) owned++;
    };
    for (const s of ranked) {
      if (taken.size >= limit - Math.max(0, reserve - owned)) break;
      visit(s);
    }
    for (const s of ranked) {
      if (owned >= reserve || taken.size >= limit) break;
      if (own.has(docKey(s.no, s.i)) && !taken.has(docKey(s.no, s.i))) visit(s);
    }
  }

  /** The report sentences that best match a claim, strongest first. */
  search(claim: string, opts: SearchOptions = {}): EvidenceHit[] {
    const out: EvidenceHit[] = [];
    this.walk(claim, opts, (s) => {
      const reportId = this.ids.get(s.no);
      const rep = reportId === undefined ? undefined : this.reports.get(reportId);
      if (!rep || reportId === undefined) return false;
      out.push({ reportId, sentenceIndex: s.i, sentence: s.i < 0 ? rep.title ?? '' : rep.sentences[s.i] ?? '', score: s.score * s.terms });
      return true;
    });
    return out;
  }
}
