/** Messages between content script, popup and background, with their replies. */
import type { Report } from './corpus';
import type { FollowedFeed } from './background/feeds';
import type { NewReportInput } from './corpus/schema';
import type { ListFilter } from './corpus/listing';
import type { Term } from './corpus/terms';
import type { Certainty, Judgement, Verdict } from './stance';

/**
 * The page being read as markup, for Readability where the request goes (the popup, the background):
 * the content script, evaluated on every page, does not carry it.
 */
export interface PageHtml {
  html: string;
  url: string;
}

/** A page sentence sent to be judged is cut at this length. */
export const MAX_CLAIM_CHARS = 600;
/** Sentences of one selection sent to be judged ("Check with Crosscheck"), at most. */
export const MAX_SELECTED_SENTENCES = 5;
/** A popup search longer than this is cut. */
export const MAX_QUERY_CHARS = 200;

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
  /** a check of the reader's selection ("Check with Crosscheck"), not of a mark: `termId` is '', `label` the corpus terms it names */
  selection?: true;
}

export interface PageMention {
  termId: string;
  label: string;
  count: number;
  /** marks of this term whose page sentence a report conflicts with (as far as judged yet) */
  conflicts: number;
}

/** A report's verdict on a page sentence, as the popup's "On this page" names it. */
export interface ClaimReport {
  reportId: string;
  title: string | null;
  lead: string;
  source: string | null;
  date: string | null;
  reason: string;
}

/** A page sentence reports conflict with, or corroborate (the popup's "On this page"). */
export interface PageClaim {
  /** a marked term in the sentence: revealing it opens the sentence's popover */
  termId: string;
  label: string;
  /** the page sentence */
  claim: string;
  verdict: 'conflicts' | 'corroborates';
  /** the reports with this verdict, strongest first */
  reports: ClaimReport[];
}

export interface PageMentionsReply {
  site: string | null;
  enabled: boolean;
  mentions: PageMention[];
  /** the sentences judged so far that a report conflicts with or corroborates, conflicts first */
  claims?: PageClaim[];
}

/** The popup's corpus search: reports whose title or sentences match, and the terms found. */
export interface SearchReply {
  reports: Report[];
  terms: DictionaryReply['terms'];
}

/** A page of the popup's corpus list, with what the list shows around it. */
export interface ListReply {
  /** the first reports the filter keeps, in its order */
  reports: Report[];
  /** how many the filter keeps */
  matched: number;
  /** how many the corpus holds */
  total: number;
  /** how many are remembered articles */
  read: number;
  /** every source named in the corpus, A–Z */
  sources: string[];
}

export interface ImportReply {
  added: number;
  skipped: number;
}

/** Requests the background answers: each message type with its request fields and its reply. */
export interface BackgroundProtocol {
  dictionary: { request: {}; reply: DictionaryReply };
  /** the front-coded English word list (lib/match/english-words.ts), for the content script's matcher */
  'english-words': { request: {}; reply: string };
  /** `published`: the page's publication date (ISO or any Date-parsable text), to date weekdays */
  explain: { request: { termId: string; claim: string; published?: string }; reply: ExplainReply | null };
  /** judge the sentences of the reader's selection, marked or not ("Check with Crosscheck") */
  'check-sentences': { request: { sentences: string[]; published?: string }; reply: ExplainReply };
  /** the popup's corpus search (lib/background/corpus-search.ts) */
  search: { request: { query: string }; reply: SearchReply };
  /** a page of the popup's corpus list (lib/background/corpus-catalogue.ts) */
  list: { request: { filter: ListFilter; limit: number }; reply: ListReply };
  'mention-count': { request: { count: number; conflicts?: number }; reply: null };
  /** the reader opened an add or edit form: load the corpus index that writes need now, so that the save does not wait for it */
  'warm-writes': { request: {}; reply: null };
  'add-report': { request: { report: NewReportInput }; reply: { report: Report } };
  'update-report': { request: { id: string; report: NewReportInput }; reply: { report: Report } };
  'delete-report': { request: { id: string }; reply: null };
  /** one transaction; progress is published in the `importProgress` storage item */
  'import-reports': { request: { reports: NewReportInput[]; replace?: boolean }; reply: ImportReply };
  'export-reports': { request: {}; reply: { reports: Report[] } };
  /** an article the reader read (content script): remembered when the reader asked for it, skipped silently when a copy is stored */
  'remember-read': { request: PageHtml; reply: { remembered: boolean } };
  /** remove remembered articles or feed items by id (never the reader's own or bundled reports) */
  'forget-reports': { request: { ids: string[] }; reply: { removed: number } };
  /** remove every article remembered between `from` and `to` (ms since epoch, inclusive) */
  'forget-read': { request: { from: number; to: number }; reply: { removed: number } };
  /** follow a feed (or the feed a site's page announces); the reader granted its host first. Its first fetch is done when this answers */
  'add-feed': { request: { url: string }; reply: { feed: FollowedFeed } };
  /** fetch one feed now, or every feed not paused */
  'refresh-feeds': { request: { id?: string }; reply: { feeds: FollowedFeed[] } };
  'pause-feed': { request: { id: string; paused: boolean }; reply: { feed: FollowedFeed } };
  /** stop following a feed; with `withReports` its items leave the corpus too */
  'remove-feed': { request: { id: string; withReports: boolean }; reply: { removed: number } };
}

/** Requests a tab's content script answers (sent by the popup). */
export interface PageProtocol {
  'page-mentions': { request: {}; reply: PageMentionsReply };
  /** scroll to a term's `index`-th mark (of those in the page sentence `claim`, if given) and open its popover; false if there is none */
  'reveal-mark': { request: { termId: string; index?: number; claim?: string }; reply: boolean };
  /**
   * open the popover for the frame's selection (the context-menu item and the shortcut, sent by the
   * background); `focused`: only the frame that has focus acts (the shortcut does not say which frame).
   * false when there is no selection; a frame without one stays silent.
   */
  'check-selection': { request: { focused?: boolean }; reply: boolean };
  /** the article the tab shows, for the popup's "Add this article" preview; null when there is none */
  'extract-article': { request: {}; reply: PageHtml };
}

type Requests<P> = { [K in keyof P]: { type: K } & (P[K] extends { request: infer R } ? R : never) };
export type RequestOf<P, K extends keyof P> = Requests<P>[K];
export type ReplyOf<P, K extends keyof P> = P[K] extends { reply: infer R } ? R : never;
export type BackgroundRequest = Requests<BackgroundProtocol>[keyof BackgroundProtocol];
export type PageRequest = Requests<PageProtocol>[keyof PageProtocol];

/** How every reply travels: the value, or an error message a reader can understand. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
