/**
 * What the popover shows for a mark: the report sentences that speak to the page sentence
 * (retrieved by claim, not only by the hovered term), judged per report, strongest first, at most a
 * handful, with the count of the rest. Keeps the dictionary and the evidence index in memory until
 * the index version changes.
 */
import { leadOf } from '../corpus/display';
import type { Report } from '../corpus';
import type { CrosscheckDB } from '../db';
import { getMeta } from '../db';
import { EvidenceIndex } from '../evidence';
import { isEnglish } from '../language';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainItem, ExplainReply } from '../messages';
import { VERDICTS, entityLookup, judge } from '../stance';
import type { EntityLookup } from '../stance/claims';

/** Reports shown in the popover; the rest are counted ("and N more"). */
export const SHOWN_REPORTS = 5;
/** Reports judged per hover: only the best retrieved candidates, never every report with the term. */
const JUDGED_REPORTS = 12;
const SENTENCES_PER_REPORT = 3;

const yearOf = (date: string | null | undefined): number | undefined => {
  const y = date?.match(/\b(19|20)\d\d\b/)?.[0];
  return y ? Number(y) : undefined;
};

export class CorpusService {
  private version: string | undefined;
  private dictionary: DictionaryReply | null = null;
  private entities: EntityLookup | null = null;
  private evidence: EvidenceIndex | null = null;
  private evidenceVersion: string | undefined;
  private building: Promise<EvidenceIndex> | null = null;

  constructor(private db: CrosscheckDB) {}

  private async fresh(): Promise<void> {
    const v = await getMeta(this.db, 'indexVersion');
    if (this.dictionary && v === this.version) return;
    const terms = await this.db.terms.toArray();
    this.version = v;
    this.dictionary = {
      version: v ?? '0',
      terms: terms.map((t) => ({ id: t.id, label: t.label, kind: t.kind, aliases: t.aliases, reportCount: t.reportIds.length })),
    };
    this.entities = entityLookup(new Matcher(terms));
  }

  async getDictionary(): Promise<DictionaryReply> {
    await this.fresh();
    return this.dictionary!;
  }

  /** The evidence index over every corpus sentence, built once per index version. */
  async evidenceIndex(): Promise<EvidenceIndex> {
    await this.fresh();
    if (this.evidence && this.evidenceVersion === this.version) return this.evidence;
    const version = this.version;
    this.building ??= (async () => {
      const index = new EvidenceIndex(this.entities!);
      const mentions = new Map<string, { termId: string; sentence: number }[]>();
      await this.db.mentions.each((m) => {
        const l = mentions.get(m.reportId);
        if (l) l.push(m);
        else mentions.set(m.reportId, [m]);
      });
      await this.db.reports.each((r) => index.add(r, mentions.get(r.id) ?? []));
      this.evidence = index;
      this.evidenceVersion = version;
      return index;
    })().finally(() => (this.building = null));
    return this.building;
  }

  /**
   * Keep a built evidence index in step with one write (reports added, edited or deleted) instead of
   * rebuilding it for every corpus sentence. Other reports' term mentions may have moved too; they
   * only tune ranking and are picked up by the next full build.
   */
  async reportsChanged(reportIds: string[], version: string): Promise<void> {
    const index = this.evidence;
    if (!index) return; // the next hover builds it afresh
    for (const id of reportIds) index.remove(id);
    const reports = await this.db.reports.bulkGet(reportIds);
    for (const r of reports) if (r) index.add(r, await this.db.mentions.where('reportId').equals(r.id).toArray());
    if (this.evidence === index) this.evidenceVersion = version;
  }

  async explain(termId: string, claim: string, published?: string): Promise<ExplainReply | null> {
    await this.fresh();
    const term = await this.db.terms.get(termId);
    if (!term) return null;
    const reply: ExplainReply = { termId, label: term.label, kind: term.kind, reportCount: term.reportIds.length, claim, items: [], more: 0 };
    if (!isEnglish(claim)) {
      return { ...reply, more: term.reportIds.length, notice: 'This sentence is not in English. Crosscheck only compares English text, so it does not say whether reports agree.' };
    }
    const index = await this.evidenceIndex();
    const hits = index.search(claim, { limit: JUDGED_REPORTS * SENTENCES_PER_REPORT, boostTermId: termId, perReport: SENTENCES_PER_REPORT });
    const candidates = new Map<string, number[]>();
    for (const h of hits) {
      const l = candidates.get(h.reportId);
      if (l) l.push(h.sentenceIndex);
      else if (candidates.size < JUDGED_REPORTS) candidates.set(h.reportId, [h.sentenceIndex]);
    }
    const mentioning = new Set(term.reportIds);
    const mentionsTerm = (reportId: string, i: number) => index.mentions(reportId, i, termId);
    const reports = await this.db.reports.bulkGet([...candidates.keys()]);
    const pageYear = yearOf(published);
    const items: (ExplainItem & { strength: number })[] = [];
    for (const r of reports) {
      if (!r) continue;
      const j = judge(claim, r, candidates.get(r.id)!, this.entities!, { pageYear, reportYear: yearOf(r.date) });
      // a report that neither mentions the term nor speaks to the sentence is not evidence
      if (j.verdict === 'related' && !mentioning.has(r.id)) continue;
      if (j.verdict === 'related' && !candidates.get(r.id)!.some((i) => mentionsTerm(r.id, i))) {
        // nothing to check: show where the report mentions the hovered term
        const first = await this.db.mentions.where('[termId+reportId+sentence]').between([termId, r.id, -Infinity], [termId, r.id, Infinity]).first();
        if (first) (j.sentenceIndex = first.sentence), (j.sentence = first.sentence < 0 ? r.title ?? '' : r.sentences[first.sentence] ?? j.sentence);
      }
      items.push({
        reportId: r.id,
        title: r.title,
        lead: leadOf(r),
        source: r.source,
        author: r.author,
        date: r.date,
        dateline: r.dateline,
        origin: r.origin,
        sentence: j.sentence,
        verdict: j.verdict,
        reason: j.reason,
        parts: j.parts,
        sides: j.sides,
        certainty: j.certainty,
        strength: j.strength,
      });
    }
    items.sort((a, b) => VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) || b.strength - a.strength);
    const shown = items.slice(0, SHOWN_REPORTS).map(({ strength: _, ...it }) => it);
    const relevant = new Set([...mentioning, ...items.map((i) => i.reportId)]);
    return { ...reply, items: shown, more: relevant.size - shown.length };
  }
}
