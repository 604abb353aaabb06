/**
 * What the popover shows for a mark: the term, how many reports mention it, and for each report
 * its verdict against the page sentence around the mark, with the evidence sentence and reason.
 */
import { leadOf } from '../corpus/display';
import type { CrosscheckDB } from '../db';
import { getMeta } from '../db';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainItem, ExplainReply } from '../messages';
import { entityLookup, judge } from '../stance';
import type { EntityLookup } from '../stance/claims';

const ORDER = { conflicts: 0, corroborates: 1, related: 2 } as const;

/** Keeps the dictionary and a matcher in memory until the index version changes. */
export class CorpusService {
  private version: string | undefined;
  private dictionary: DictionaryReply | null = null;
  private entities: EntityLookup | null = null;

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

  async explain(termId: string, claim: string): Promise<ExplainReply | null> {
    await this.fresh();
    const term = await this.db.terms.get(termId);
    if (!term) return null;
    const refs = await this.db.mentions.where('termId').equals(termId).toArray();
    const reports = await this.db.reports.bulkGet(term.reportIds);
    const items: ExplainItem[] = [];
    for (const r of reports) {
      if (!r) continue;
      const sentences = refs.filter((m) => m.reportId === r.id).map((m) => m.sentence).sort((a, b) => a - b);
      const j = judge(claim, r, sentences, this.entities!);
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
        stance: j.stance,
        confidence: j.confidence,
        reason: j.reason,
      });
    }
    items.sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || b.confidence - a.confidence);
    return { termId, label: term.label, kind: term.kind, reportCount: term.reportIds.length, claim, items };
  }
}
