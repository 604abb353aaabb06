/** Messages between content script, popup and background, with their replies. */
import type { Report } from './corpus';
import type { NewReport } from './db';
import type { Term } from './corpus/terms';
import type { Certainty, Judgement, Verdict } from './stance';

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
  /** the report sentence the reason refers to: the best evidence for the page sentence */
  sentence: string;
  verdict: Verdict;
  /** the reason in plain words, pointing at the differing words on both sides */
  reason: string;
  /** for conflicts: the differing words on the page and in the report, and what both describe */
  parts: Judgement['parts'];
  /** for disputed reports: the claim and the denial the report gives */
  sides: Judgement['sides'];
  /** how sure the engine is, in words */
  certainty: Certainty;
}

export interface ExplainReply {
  termId: string;
  label: string;
  kind: string;
  reportCount: number;
  claim: string;
  /** the strongest evidence, one item per report, at most a handful */
  items: ExplainItem[];
  /** reports that mention the term or speak to the sentence but are not shown (listed in the popup) */
  more: number;
  /** set when the sentence was not judged (e.g. not English), saying why */
  notice?: string;
}

export interface PageMention {
  termId: string;
  label: string;
  count: number;
}

export type Message =
  | { type: 'dictionary' }
  /** `published`: the page's publication date (ISO or any Date-parsable text), dates weekdays */
  | { type: 'explain'; termId: string; claim: string; published?: string }
  | { type: 'mention-count'; count: number }
  | { type: 'page-mentions' }
  | { type: 'add-report'; report: NewReport }
  | { type: 'delete-report'; id: string };
