/** Messages between content script, popup and background, with their replies. */
import type { Report } from './corpus';
import type { NewReport } from './db';
import type { Term } from './corpus/terms';
import type { Verdict } from './stance';

export interface DictionaryReply {
  version: string;
  terms: (Term & { reportCount: number })[];
}

export interface ExplainItem {
  reportId: string;
  title: string | null;
  /** opening words of the report, to name untitled reports */
  lead: string;
  source: string | null;
  author: string | null;
  date: string | null;
  dateline: string | null;
  origin: Report['origin'];
  /** the report sentence that mentions the term / carries the reason */
  sentence: string;
  verdict: Verdict;
  stance: string;
  confidence: number;
  reason: string;
}

export interface ExplainReply {
  termId: string;
  label: string;
  kind: string;
  reportCount: number;
  claim: string;
  items: ExplainItem[];
}

export interface PageMention {
  termId: string;
  label: string;
  count: number;
}

export type Message =
  | { type: 'dictionary' }
  | { type: 'explain'; termId: string; claim: string }
  | { type: 'mention-count'; count: number }
  | { type: 'page-mentions' }
  | { type: 'add-report'; report: NewReport }
  | { type: 'delete-report'; id: string };
