/**
 * Retrieval and judgement of the reports that speak to a page sentence, as a popover uses them: the
 * best retrieved report sentences (a few per report, eighteen reports: JUDGED_REPORTS), each report judged against
 * the claim, and only the reports that are evidence kept. One function, so the popover
 * (lib/background/explain.ts) and the benchmarks (bench:fnc, bench:rte) run the same pipeline. Pure.
 */
import { judge, reportStance, type Judgement } from '../stance';
import type { CompareContext, EntityLookup } from '../stance/claims';
import type { EvidenceIndex, EvidenceReport, SearchOptions } from './index';

/**
 * Reports judged per claim: only the best retrieved candidates, never every report with the term.
 * 18 (12 before issue 15's ninth session): a story's reports told in other words rank past the first
 * dozen (on the FNC-1 train split, 1,348 of 1,855 gold-related pairs read as unrelated ranked past it,
 * 499 of them 13th to 19th); judged, they are listed. bench:hover with 2,000 reports: a warm hover p50
 * 16.5–17.8 → 20.4–22.2 ms, a first hover p50 65–70 → 92–96 ms (more reports to load and judge).
 */
export const JUDGED_REPORTS = 18;
export const SENTENCES_PER_REPORT = 3;
/**
 * Word overlap (Dice) with the claim that lists a merely related report not naming the hovered term:
 * the same story in other words. A fifth (0.3 before issue 15's eighth session): among the dozen best
 * retrieved, a report whose closest sentence shares a fifth of the claim's words is mostly the same
 * story told from another side (on the FNC-1 train split, of 363 reports between 0.2 and 0.3, 347
 * were of the claim's story); it is listed as related, never as a verdict. One that names the
 * claim's people or places at another event ("the Eastmere council approved the harbour budget"
 * against a fire at the Eastmere harbour) still needs 0.3.
 */
export const RELATED_CLOSENESS = 0.2;
/** The closeness that lists a related report whose closest sentence names the claim's people or places at another event. */
export const OTHER_EVENT_CLOSENESS = 0.3;
/** Sentences of the judged budget kept for the hovered term's own sentences when the best-ranked name it less often. */
export const TERM_RESERVE = 2;

/**
 * How a popover searches the evidence for a claim hovered on `termId`: the best sentences, a few per
 * report, the last places kept for the hovered term's own sentences. The stored index's slice loader
 * (lib/background/evidence-store.ts) reads the reports of exactly these.
 */
export function judgedSearch(termId?: string): SearchOptions {
  return { limit: JUDGED_REPORTS * SENTENCES_PER_REPORT, boostTermId: termId, perReport: SENTENCES_PER_REPORT, ...(termId ? { reserve: TERM_RESERVE } : {}) };
}

export interface JudgedReport {
  report: EvidenceReport;
  judgement: Judgement;
  /** does the report mention the hovered term anywhere */
  mentionsTerm: boolean;
}

export interface JudgeOptions {
  /** the hovered term: its sentences are ranked first, and a report mentioning it is listed even when merely related */
  termId?: string;
  /** year of the page, to date "January 5" on the page side */
  pageYear?: number;
}

/** The year a date string names, if any. */
export const yearOf = (date: string | null | undefined): number | undefined => {
  const y = date?.match(/\b(19|20)\d\d\b/)?.[0];
  return y ? Number(y) : undefined;
};

/**
 * The reports that are evidence for `claim`, judged, in retrieval order. A report that neither
 * mentions the hovered term nor says something checkable about the sentence (a related verdict on
 * a sentence that is not the same event) is not listed.
 */
export function judgeReports(index: EvidenceIndex, claim: string, entities: EntityLookup, opts: JudgeOptions = {}): JudgedReport[] {
  const { termId } = opts;
  const hits = index.search(claim, judgedSearch(termId));
  const candidates = new Map<string, number[]>();
  let extra = 0;
  for (const h of hits) {
    const l = candidates.get(h.reportId);
    if (l) l.push(h.sentenceIndex);
    else if (candidates.size < JUDGED_REPORTS) candidates.set(h.reportId, [h.sentenceIndex]);
    // beyond those judged, as many reports as the reserve, for the hovered term's own sentences
    else if (extra < TERM_RESERVE && termId !== undefined && index.mentions(h.reportId, h.sentenceIndex, termId)) {
      extra++;
      candidates.set(h.reportId, [h.sentenceIndex]);
    }
  }
  const out: JudgedReport[] = [];
  for (const [id, sentences] of candidates) {
    const r = index.report(id);
    if (!r) continue;
    const ctx: CompareContext = { pageYear: opts.pageYear, reportYear: yearOf(r.date) };
    const j = judge(claim, r, sentences, entities, ctx);
    const mentionsTerm = termId !== undefined && index.firstMention(id, termId) !== undefined;
    // a merely related report is listed when it names the hovered term, or when its closest sentence is close to the claim in
    // words: a fifth of them, or under three tenths when it names the claim's people or places at another event (another story there)
    const close = j.closeness ?? 0;
    if (j.verdict === 'related' && !mentionsTerm && (close < RELATED_CLOSENESS || (j.otherEvent && close < OTHER_EVENT_CLOSENESS))) continue;
    if (termId !== undefined && j.verdict === 'related' && !sentences.some((i) => index.mentions(id, i, termId))) {
      // nothing to check: show where the report mentions the hovered term
      const first = index.firstMention(id, termId);
      if (first !== undefined) (j.sentenceIndex = first), (j.sentence = first < 0 ? r.title ?? '' : r.sentences[first] ?? j.sentence);
    }
    out.push({ report: r, judgement: reportStance(claim, r, j), mentionsTerm });
  }
  return out;
}
