/**
 * Corpus compilation: parsed reports + term dictionary + which sentences mention which term.
 * Pure; runs in the build script (bundled corpus) and in the background (user-added reports).
 */
import { Matcher } from '../match';
import { hash32 } from '../text';
import { parseReport } from './parse';
import { extractTerms, type Term } from './terms';

export type ReportOrigin = 'seed' | 'user';

export interface Report {
  id: string;
  origin: ReportOrigin;
  title: string | null;
  author: string | null;
  source: string | null;
  dateline: string | null;
  date: string | null;
  url: string | null;
  text: string;
  sentences: string[];
}

export interface DictionaryTerm extends Term {
  reportIds: string[];
  mentions: number;
}

export interface MentionRef {
  termId: string;
  reportId: string;
  sentence: number;
}

export interface CompiledCorpus {
  version: string;
  reports: Report[];
  terms: DictionaryTerm[];
  mentions: MentionRef[];
}

export interface RawReport {
  id: string;
  origin: ReportOrigin;
  text: string;
  /** metadata given by the user when adding a report; overrides what parsing finds */
  meta?: Partial<Pick<Report, 'title' | 'author' | 'source' | 'dateline' | 'date' | 'url'>>;
}

export function toReport(raw: RawReport): Report {
  const p = parseReport(raw.text);
  const m = raw.meta ?? {};
  return {
    id: raw.id,
    origin: raw.origin,
    title: m.title ?? p.title,
    author: m.author ?? p.author,
    source: m.source ?? p.source,
    dateline: m.dateline ?? p.dateline,
    date: m.date ?? p.date,
    url: m.url ?? null,
    text: p.paragraphs.join('\n\n'),
    sentences: p.sentences,
  };
}

/** Index which report sentences mention which term; terms no report mentions are dropped. */
export function indexMentions(reports: Report[], terms: Term[]): { terms: DictionaryTerm[]; mentions: MentionRef[] } {
  const matcher = new Matcher(terms, { fuzzy: false });
  const mentions: MentionRef[] = [];
  const seen = new Set<string>();
  const byTerm = new Map<string, { reports: Set<string>; n: number }>();
  for (const r of reports) {
    const texts = [r.title ?? '', ...r.sentences];
    texts.forEach((s, i) => {
      for (const m of matcher.find(s)) {
        const e = byTerm.get(m.termId) ?? { reports: new Set(), n: 0 };
        e.reports.add(r.id);
        e.n++;
        byTerm.set(m.termId, e);
        // sentence -1 is the headline
        const key = `${m.termId}|${r.id}|${i - 1}`;
        if (!seen.has(key)) {
          seen.add(key);
          mentions.push({ termId: m.termId, reportId: r.id, sentence: i - 1 });
        }
      }
    });
  }
  const dict = terms
    .filter((t) => byTerm.has(t.id))
    .map((t) => ({ ...t, reportIds: [...byTerm.get(t.id)!.reports].sort(), mentions: byTerm.get(t.id)!.n }));
  return { terms: dict, mentions };
}

export function compileCorpus(raws: RawReport[]): CompiledCorpus {
  const reports = raws.map(toReport);
  const terms = extractTerms(reports.map((r) => [r.title ?? '', r.text].join('\n\n')));
  const indexed = indexMentions(reports, terms);
  const version = hash32(JSON.stringify(raws.map((r) => [r.id, r.text, r.meta ?? null]))).toString(16);
  return { version, reports, ...indexed };
}
