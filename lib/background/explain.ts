/**
 * What the popover shows for a mark: the report sentences that speak to the page sentence
 * (retrieved by claim, not only by the hovered term), judged per report, strongest first, at most a
 * handful, with the count of the rest. Keeps the dictionary in memory between writes (told by the
 * store); the evidence is read from the stored evidence index, only what the claim touches.
 */
import { i18n } from '#i18n';
import { leadOf } from '../corpus/display';
import type { DictionaryTerm } from '../corpus';
import type { CrosscheckDB } from '../db';
import { getMeta } from '../db';
import type { EvidenceIndex } from '../evidence';
import { judgeReports, yearOf, type JudgedReport } from '../evidence/judged';
import { isEnglish } from '../language';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainItem, ExplainReply, ListReply, SearchReply } from '../messages';
import type { ListFilter } from '../corpus/listing';
import { VERDICTS, entityLookup } from '../stance';
import type { EntityLookup } from '../stance/claims';
import { strongestPerReport, termsNamed } from './check';
import { CorpusCatalogue } from './corpus-catalogue';
import { CorpusSearch } from './corpus-search';
import { EvidenceReader } from './evidence-store';
import { evidenceGeneration, onIndexChange } from './store';

/**
 * How a service learns that the corpus changed: in the context that writes it, from the store itself;
 * elsewhere (Chrome’s offscreen document) from the writer’s broadcasts (lib/background/queries.ts).
 */
export interface CorpusChanges {
  /** called after every committed change of the dictionary */
  onIndexChange(listener: () => void): void;
  /** changes whenever a write changed the evidence index */
  evidenceGeneration(): number;
}

/** The changes of the store in this context. */
export const storeChanges = (db: CrosscheckDB): CorpusChanges => ({
  onIndexChange: (listener) => void onIndexChange(db, listener),
  evidenceGeneration: () => evidenceGeneration(db),
});

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


export class CorpusService {
  /** the dictionary and what is derived from it, loaded from the database once per index change */
  private loaded: Promise<Loaded> | null = null;
  /**
   * The newest dictionary loaded, while the next one loads. A hover is answered with it rather than
   * wait for a reload: during an import the index changes every few seconds, and each reload reads
   * every term after the write that changed them (IndexedDB queues the read behind it).
   */
  private last: Loaded | null = null;
  /** the dictionary of the current generation, once loaded */
  private ready: Loaded | null = null;
  private generation = 0;
  private evidence: EvidenceReader;
  private catalogue: CorpusCatalogue;
  private searcher: CorpusSearch;

  constructor(
    private db: CrosscheckDB,
    changes: CorpusChanges = storeChanges(db),
  ) {
    // Requests are answered from memory between writes, so a long write never holds up a hover.
    changes.onIndexChange(() => {
      this.generation++;
      this.loaded = this.ready = null;
    });
    this.evidence = new EvidenceReader(db, () => changes.evidenceGeneration());
    this.catalogue = new CorpusCatalogue(db, () => this.generation);
    this.searcher = new CorpusSearch(db);
  }

  private fresh(): Promise<Loaded> {
    const generation = this.generation;
    const load = (this.loaded ??= (async () => {
      const [version, terms] = await Promise.all([getMeta(this.db, 'indexVersion'), this.db.terms.toArray()]);
      const loaded: Loaded = {
        dictionary: {
          version: version ?? '0',
          terms: terms.map((t) => ({ id: t.id, label: t.label, kind: t.kind, aliases: t.aliases, reportCount: t.reportCount })),
        },
        terms: new Map(terms.map((t) => [t.id, t])),
        entities: once(() => entityLookup(new Matcher(terms))),
      };
      if (this.generation === generation) this.last = this.ready = loaded;
      return loaded;
    })());
    load.catch(() => {
      if (this.loaded === load && this.generation === generation) this.loaded = null; // try again on the next request
    });
    return load;
  }

  /**
   * For a hover: the dictionary as it is, or, while a newer one loads, the one before it (pages mark
   * a write's new terms only once they have fetched the new dictionary anyway). The newer one's term
   * matcher is built as soon as it is loaded, off the next hover's path.
   */
  private recent(): Promise<Loaded> {
    const load = this.fresh();
    if (this.ready || !this.last) return load;
    void load.then((l) => setTimeout(() => l.entities(), 0), () => undefined);
    return Promise.resolve(this.last);
  }

  async getDictionary(): Promise<DictionaryReply> {
    const [loaded, stored] = await Promise.all([this.fresh(), getMeta(this.db, 'indexVersion')]);
    if (stored === undefined || stored === loaded.dictionary.version) return loaded.dictionary;
    // Written by another context that did not say so (a page opens with the dictionary: one small read checks it).
    this.generation++;
    this.loaded = this.ready = null;
    return (await this.fresh()).dictionary;
  }

  /** The popup's search over terms and reports. */
  async search(query: string): Promise<SearchReply> {
    return this.searcher.search(query, (await this.getDictionary()).terms);
  }

  /** A page of the popup's corpus list. */
  async list(filter: ListFilter, limit: number): Promise<ListReply> {
    await this.getDictionary(); // follows a write nobody announced
    return this.catalogue.list(filter, limit);
  }

  /** Load the dictionary and build the term matcher while idle, before the first hover needs them. */
  async warm(): Promise<void> {
    (await this.fresh()).entities();
  }

  /** The stored evidence index as far as judging `claim` reads it (hovered on `termId`), its terms found by `entities`. */
  async evidenceFor(claim: string, termId?: string, entities?: EntityLookup): Promise<EvidenceIndex> {
    return this.evidence.forClaim(claim, entities ?? (await this.recent()).entities(), termId);
  }

  async explain(termId: string, claim: string, published?: string): Promise<ExplainReply | null> {
    let loaded = await this.recent();
    if (!loaded.terms.has(termId)) loaded = await this.fresh(); // a term the last write made
    const term = loaded.terms.get(termId);
    if (!term) return null;
    const reply: ExplainReply = { termId, label: term.label, kind: term.kind, reportCount: term.reportCount, claim, items: [], more: 0 };
    if (!isEnglish(claim)) {
      return { ...reply, more: term.reportCount, notice: i18n.t('popover.notEnglish') };
    }
    const index = await this.evidenceFor(claim, termId, loaded.entities());
    const items: (ExplainItem & { strength: number })[] = [];
    let notMentioning = 0; // reports shown for the sentence alone, beyond the term's count
    // the slice holds what a popover shows; it is read in one transaction of its own
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
   * judged as a hover judges a mark's, read by the corpus term it names first (`termsNamed`: the rarest person, else organisation, place, topic), then one
   * verdict per report, strongest first. No item: nothing in the corpus relates to it.
   */
  async check(sentences: string[], published?: string): Promise<ExplainReply> {
    const loaded = await this.recent();
    const claim = sentences.join(' ');
    const count = (id: string) => loaded.terms.get(id)?.reportCount ?? 0;
    const named = termsNamed(claim, loaded.entities(), count);
    const label = named.map((id) => loaded.terms.get(id)?.label ?? id).join(', ');
    const reply: ExplainReply = { termId: '', label, kind: '', reportCount: 0, claim, items: [], more: 0, selection: true };
    if (!isEnglish(claim)) return { ...reply, notice: i18n.t('popover.notEnglish') };
    const pageYear = yearOf(published);
    const perSentence = await Promise.all(
      sentences.map(async (s) => {
        const termId = termsNamed(s, loaded.entities(), count)[0];
        return judgeReports(await this.evidenceFor(s, termId, loaded.entities()), s, loaded.entities(), { termId, pageYear });
      }),
    );
    const judged = strongestPerReport(perSentence);
    const shown = judged.slice(0, SHOWN_REPORTS).map(toItem);
    return { ...reply, reportCount: judged.length, items: shown, more: judged.length - shown.length };
  }
}
