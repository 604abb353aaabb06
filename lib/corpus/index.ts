/**
 * Corpus compilation: parsed reports + term dictionary + per-report index rows (which sentences mention which term).
 * Pure; runs in the build script (bundled corpus); the background keeps it current with LiveIndex.
 */
import { hash32 } from '../text';
import { buildIndex, type ReportIndexRow } from './live-index';
import { parseReport } from './parse';
import type { Term } from './terms';

/** seed: bundled; user: added or imported by the reader; read: remembered from the reader's reading; feed: from a feed the reader follows */
export type ReportOrigin = 'seed' | 'user' | 'read' | 'feed';

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
  /** Short lines the text holds besides its paragraphs (sub-headings, captions, credits): terms are extracted from them too. */
  headings?: string[];
}

/**
 * A dictionary entry: the term, how many reports name it and how often. Which reports those are is
 * in their index rows (`ReportIndexRow.hits`), so a write that touches a common term rewrites a
 * small entry, not a list of thousands of report ids.
 */
export interface DictionaryTerm extends Term {
  reportCount: number;
  mentions: number;
}

/** A term named in one sentence of a report (sentence -1 is the headline). */
export interface Mention {
  termId: string;
  sentence: number;
}

export interface CompiledCorpus {
  version: string;
  reports: Report[];
  terms: DictionaryTerm[];
  /** per-report extraction rows with their mentions, so the background indexes the bundled corpus without NLP */
  index: ReportIndexRow[];
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
    ...(p.headings.length ? { headings: p.headings } : {}),
  };
}

export function compileCorpus(raws: RawReport[]): CompiledCorpus {
  const reports = raws.map(toReport);
  const { terms, rows } = buildIndex(reports);
  const version = hash32(JSON.stringify(raws.map((r) => [r.id, r.text, r.meta ?? null]))).toString(16);
  return { version, reports, terms, index: rows };
}
