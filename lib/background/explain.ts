/**
 * What the popover shows for a mark: the report sentences that speak to the page sentence
 * (retrieved by claim, not only by the hovered term), judged per report, strongest first, at most a
 * handful, with the count of the rest. Keeps the dictionary in memory between writes (told by the
 * store); the evidence is read from the stored evidence index, only what the claim touches.
 */
import { leadOf } from '../corpus/display';
import type { DictionaryTerm } from '../corpus';
import type { CrosscheckDB } from '../db';
import { getMeta } from '../db';
import type { EvidenceIndex } from '../evidence';
import { judgeReports, yearOf } from '../evidence/judged';
import { isEnglish } from '../language';
import { Matcher } from '../match';
import type { DictionaryReply, ExplainItem, ExplainReply } from '../messages';
import { VERDICTS, entityLookup } from '../stance';
import type { EntityLookup } from '../stance/claims';
import { EvidenceReader } from './evidence-store';
import { evidenceGeneration, onIndexChange } from './store';

interface Loaded {
  dictionary: DictionaryReply;
  terms: Map<string, DictionaryTerm>;
  /** built on first use: 'dictionary' requests (every tab after every write) do not need it */
  entities(): EntityLookup;
}

/** Reports shown in the popover; the rest are counted ("and N more"). */
export const SHOWN_REPORTS = 5;

const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
};


export class CorpusService {
  /** the dictionary and what is derived from it, loaded from the database once per index change */
  private loaded: Promise<Loaded> | null = null;
  private generation = 0;
  private evidence: EvidenceReader;

  constructor(private db: CrosscheckDB) {
    // Requests are answered from memory between writes, so a long write never holds up a hover.
    onIndexChange(db, () => {
      this.generation++;
      this.loaded = null;
    });
    this.evidence = new EvidenceReader(db, () => evidenceGeneration(db));
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

  /** Load the dictionary and build the term matcher while idle, before the first hover needs them. */
  async warm(): Promise<void> {
    (await this.fresh()).entities();
  }

  /** The stored evidence index as far as judging `claim` reads it (hovered on `termId`). */
  async evidenceFor(claim: string, termId?: string): Promise<EvidenceIndex> {
    return this.evidence.forClaim(claim, (await this.fresh()).entities(), termId);
  }

  async explain(termId: string, claim: string, published?: string): Promise<ExplainReply | null> {
    const loaded = await this.fresh();
    const term = loaded.terms.get(termId);
    if (!term) return null;
    const reply: ExplainReply = { termId, label: term.label, kind: term.kind, reportCount: term.reportCount, claim, items: [], more: 0 };
    if (!isEnglish(claim)) {
      return { ...reply, more: term.reportCount, notice: 'This sentence is not in English. Crosscheck only compares English text, so it does not say whether reports agree.' };
    }
    const index = await this.evidenceFor(claim, termId);
    const items: (ExplainItem & { strength: number })[] = [];
    let notMentioning = 0; // reports shown for the sentence alone, beyond the term's count
    // the slice holds what a popover shows; it is read in one transaction of its own
    for (const { report: r, judgement: j, mentionsTerm } of judgeReports(index, claim, loaded.entities(), { termId, pageYear: yearOf(published) })) {
      if (!mentionsTerm) notMentioning++;
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
    return { ...reply, items: shown, more: Math.max(0, term.reportCount + notMentioning - shown.length) };
  }
}
