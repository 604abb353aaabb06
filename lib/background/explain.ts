/**
 * What the popover shows for a mark: the report sentences that speak to the page sentence
 * (retrieved by claim, not only by the hovered term), judged per report, strongest first, at most a
 * handful, with the count of the rest. Keeps the dictionary and the evidence index in memory and
 * in step with every write (told by the store), so requests do not wait for the database.
 */
import { i18n } from '#i18n';
import { leadOf } from '../corpus/display';
import type { DictionaryTerm, Mention } from '../corpus';
import type { CrosscheckDB } from '../db';
import { getMeta } from '../db';
import { EvidenceIndex } from '../evidence';
import { judgeReports, yearOf, type JudgedReport } from '../evidence/judged';
import { isEnglish } from '../language';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainItem, ExplainReply } from '../messages';
import { VERDICTS, entityLookup } from '../stance';
import type { EntityLookup } from '../stance/claims';
import { strongestPerReport, termsNamed } from './check';
import { onIndexChange, yieldToEvents } from './store';

interface Loaded {
  dictionary: DictionaryReply;
  terms: Map<string, DictionaryTerm>;
  /** built on first use: 'dictionary' requests (every tab after every write) do not need it */
  entities(): EntityLookup;
}

/** Reports shown in the popover; the rest are counted ("and N more"). */
export const SHOWN_REPORTS = 5;

/** A judged report as the popover lists it. */
function toItem({ report: r, judgement: j }: JudgedReport): ExplainItem {
  return {
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
  };
}

const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
};


/** Reports read at a time when a write changed many (an import); indexing them yields every UPDATE_SLICE_MS so hovers are answered in between. */
const UPDATE_CHUNK = 100;
const UPDATE_SLICE_MS = 20;

export class CorpusService {
  /** the dictionary and what is derived from it, loaded from the database once per index change */
  private loaded: Promise<Loaded> | null = null;
  private generation = 0;
  private evidence: EvidenceIndex | null = null;
  private building: Promise<EvidenceIndex> | null = null;
  /** reports changed while the evidence index was being built: applied once it is */
  private changedWhileBuilding = new Set<string>();
  /** updates of the evidence index, one after another in the order of the writes */
  private updating: Promise<void> = Promise.resolve();

  constructor(private db: CrosscheckDB) {
    // Requests are answered from memory between writes, so a long write never holds up a hover.
    onIndexChange(db, ({ reportIds }) => {
      this.generation++;
      this.loaded = null;
      this.updating = this.updating.then(() => this.reportsChanged(reportIds)).catch((e: unknown) => console.warn('[crosscheck] evidence index not updated', e));
    });
  }

  private fresh(): Promise<Loaded> {
    const generation = this.generation;
    const load = (this.loaded ??= (async () => {
      const [version, terms] = await Promise.all([getMeta(this.db, 'indexVersion'), this.db.terms.toArray()]);
      return {
        dictionary: {
          version: version ?? '0',
          terms: terms.map((t) => ({ id: t.id, label: t.label, kind: t.kind, aliases: t.aliases, reportCount: t.reportCount })),
        },
        terms: new Map(terms.map((t) => [t.id, t])),
        entities: once(() => entityLookup(new Matcher(terms))),
      };
    })());
    load.catch(() => {
      if (this.loaded === load && this.generation === generation) this.loaded = null; // try again on the next request
    });
    return load;
  }

  async getDictionary(): Promise<DictionaryReply> {
    return (await this.fresh()).dictionary;
  }

  /** The evidence index over every corpus sentence: built once, then kept in step with each write. */
  async evidenceIndex(): Promise<EvidenceIndex> {
    if (this.evidence) return this.evidence;
    this.building ??= (async () => {
      const loaded = await this.fresh();
      this.changedWhileBuilding.clear();
      const index = new EvidenceIndex(loaded.entities());
      const mentions = new Map<string, Mention[]>();
      await this.db.reportIndex.each((row) => void mentions.set(row.reportId, row.mentions ?? []));
      await this.db.reports.each((r) => {
        const m = mentions.get(r.id);
        if (m) index.add(r, m); // a report without its row yet joins when it is written (reportsChanged)
      });
      this.evidence = index;
      return index;
    })().finally(() => (this.building = null));
    const index = await this.building;
    const missed = [...this.changedWhileBuilding];
    this.changedWhileBuilding.clear();
    if (missed.length) this.updating = this.updating.then(() => this.reportsChanged(missed));
    return index;
  }

  /**
   * Keep a built evidence index in step with one write (reports added, edited or deleted) instead of
   * rebuilding it for every corpus sentence. Other reports' term mentions may have moved too; they
   * only tune ranking and are picked up by the next full build.
   */
  private async reportsChanged(reportIds: string[]): Promise<void> {
    if (this.building) {
      for (const id of reportIds) this.changedWhileBuilding.add(id);
      return;
    }
    const index = this.evidence;
    if (!index) return; // the next hover builds it
    for (let i = 0; i < reportIds.length; i += UPDATE_CHUNK) {
      const ids = reportIds.slice(i, i + UPDATE_CHUNK);
      for (const id of ids) index.remove(id);
      // a report stored without its index row (just imported) joins when its row is written
      const rows = (await this.db.reportIndex.bulkGet(ids)).filter((row) => row !== undefined);
      const reports = await this.db.reports.bulkGet(rows.map((row) => row.reportId));
      let slice = performance.now();
      for (const [k, r] of reports.entries()) {
        if (r) index.add(r, rows[k]!.mentions);
        if (performance.now() - slice > UPDATE_SLICE_MS) {
          await yieldToEvents();
          slice = performance.now();
        }
      }
    }
  }

  async explain(termId: string, claim: string, published?: string): Promise<ExplainReply | null> {
    const loaded = await this.fresh();
    const term = loaded.terms.get(termId);
    if (!term) return null;
    const reply: ExplainReply = { termId, label: term.label, kind: term.kind, reportCount: term.reportCount, claim, items: [], more: 0 };
    if (!isEnglish(claim)) {
      return { ...reply, more: term.reportCount, notice: i18n.t('popover.notEnglish') };
    }
    const index = await this.evidenceIndex();
    const items: (ExplainItem & { strength: number })[] = [];
    let notMentioning = 0; // reports shown for the sentence alone, beyond the term's count
    // the index holds what a popover shows: a hover never waits on the database (an import's transaction)
    for (const judged of judgeReports(index, claim, loaded.entities(), { termId, pageYear: yearOf(published) })) {
      if (!judged.mentionsTerm) notMentioning++;
      items.push({ ...toItem(judged), strength: judged.judgement.strength });
    }
    items.sort((a, b) => VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) || b.strength - a.strength);
    const shown = items.slice(0, SHOWN_REPORTS).map(({ strength: _, ...it }) => it);
    return { ...reply, items: shown, more: Math.max(0, term.reportCount + notMentioning - shown.length) };
  }

  /**
   * The popover for the reader's selection ("Check with Crosscheck"), marked or not: each sentence
   * judged as a hover judges a mark's, read by the rarest corpus term it names (if any), then one
   * verdict per report, strongest first. No item: nothing in the corpus relates to it.
   */
  async check(sentences: string[], published?: string): Promise<ExplainReply> {
    const loaded = await this.fresh();
    const claim = sentences.join(' ');
    const count = (id: string) => loaded.terms.get(id)?.reportCount ?? 0;
    const named = termsNamed(claim, loaded.entities(), count);
    const label = named.map((id) => loaded.terms.get(id)?.label ?? id).join(', ');
    const reply: ExplainReply = { termId: '', label, kind: '', reportCount: 0, claim, items: [], more: 0, selection: true };
    if (!isEnglish(claim)) return { ...reply, notice: i18n.t('popover.notEnglish') };
    const index = await this.evidenceIndex();
    const pageYear = yearOf(published);
    const judged = strongestPerReport(
      sentences.map((s) => judgeReports(index, s, loaded.entities(), { termId: termsNamed(s, loaded.entities(), count)[0], pageYear })),
    );
    const shown = judged.slice(0, SHOWN_REPORTS).map(toItem);
    return { ...reply, reportCount: judged.length, items: shown, more: judged.length - shown.length };
  }
}
