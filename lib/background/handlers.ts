/** The background's request handlers, one per message type; the entrypoint only wires them. */
import type { ArticleDraft } from '../corpus/article';
import type { CrosscheckDB } from '../db';
import { type BackgroundProtocol, type ReplyOf, type RequestOf } from '../messages';
import type { CorpusService } from './explain';
import type { FeedService } from './feeds';
import type { ImportProgress } from '../storage';
import { addGathered, addUserReport, deleteUserReport, ensureIndex, exportReports, forgetGathered, importReports, onEvidenceChange, onIndexChange, onIndexingProgress, updateUserReport } from './store';
import { queryHandlers } from './queries';
import { addedBetween, READ_CAP } from '../corpus/gathered';
import { normaliseReading, remembersOn, siteOf, type ReadingSettings } from '../settings';


export interface Sender {
  tabId?: number;
  /** the address of the page (or frame) that sent the message */
  url?: string;
}

export interface BackgroundDeps {
  db: CrosscheckDB;
  service: CorpusService;
  /** resolves once the bundled corpus is in the database */
  ready(): Promise<unknown>;
  setBadge(tabId: number, count: number, conflicts?: number): Promise<void>;
  /** after every index change: the new version, for open tabs and the popup (the storage item in the extension) */
  setIndexVersion?(version: string): Promise<void>;
  /** after evidence index writes (throttled): a new stamp, so open tabs judge their sentences again (the storage item) */
  setEvidenceStamp?(stamp: number): Promise<void>;
  /** show import and indexing progress (the `importProgress` storage item); null when it ended */
  publishProgress?(progress: ImportProgress): Promise<void>;
  /** the reader's "remember what I read" settings (the `reading` storage item); off when absent */
  readingSettings?(): Promise<Partial<ReadingSettings> | null>;
  /** the article a page's markup shows, through Readability where a DOM is (lib/background/dom-parse.ts) */
  parseArticle?(html: string, url: string): Promise<ArticleDraft | null>;
  /** the feeds the reader follows (lib/background/feeds.ts); absent where feeds are not wired */
  feeds?: FeedService;
}

/** Import progress is published at most this often, so a long import is not slowed by its own bar. */
const PROGRESS_EVERY_MS = 150;
/**
 * While stored reports are indexed a batch at a time (after a large import), open tabs hear of the
 * new index at most this often: each new version makes every tab fetch the dictionary again.
 */
const VERSION_EVERY_MS = 3_000;
/** A long evidence rebuild tells open tabs at most this often (each makes them judge their sentences again). */
const EVIDENCE_EVERY_MS = 15_000;

/** Call `publish` with the first value at once, then with the latest value at most every `ms`. */
function throttled<T>(publish: (value: T) => void, ms: number): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting: { value: T } | null = null;
  const run = (value: T) => {
    publish(value);
    timer = setTimeout(() => {
      timer = null;
      const next = waiting;
      waiting = null;
      if (next) run(next.value);
    }, ms);
  };
  return (value) => {
    if (timer) waiting = { value };
    else run(value);
  };
}

export type Handlers = {
  [K in keyof BackgroundProtocol]: (req: RequestOf<BackgroundProtocol, K>, sender: Sender) => Promise<ReplyOf<BackgroundProtocol, K>>;
};

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, service } = deps;
  const publishVersion = (version: string) => {
    void deps.setIndexVersion?.(version).catch((e: unknown) => console.error('[crosscheck] could not publish the index version', e));
  };
  const publishBatchVersion = throttled(publishVersion, VERSION_EVERY_MS);
  onIndexChange(db, ({ version, batch }) => (batch ? publishBatchVersion(version) : publishVersion(version)));
  // Verdicts given while the evidence index was being filled are out of date once it holds more.
  const publishEvidence = throttled((stamp: number) => void deps.setEvidenceStamp?.(stamp).catch((e: unknown) => console.error('[crosscheck] could not publish the evidence stamp', e)), EVIDENCE_EVERY_MS);
  onEvidenceChange(db, () => publishEvidence(Date.now()));
  onIndexingProgress(db, (p) => void deps.publishProgress?.(p && { ...p, phase: 'indexing' }));
  return {
    ...queryHandlers(service),
    'mention-count': async (req, sender) => {
      if (sender.tabId !== undefined) await deps.setBadge(sender.tabId, req.count, req.conflicts ?? 0);
      return null;
    },
    'warm-writes': async () => {
      void ensureIndex(db).catch((e: unknown) => console.warn('[crosscheck] corpus index', e));
      return null;
    },
    'add-report': async (req) => ({ report: await addUserReport(db, req.report) }),
    'update-report': async (req) => ({ report: await updateUserReport(db, String(req.id), req.report) }),
    'delete-report': async (req) => {
      await deleteUserReport(db, String(req.id));
      return null;
    },
    'import-reports': async (req) => {
      if (!Array.isArray(req.reports)) throw new Error('The import holds no list of reports.');
      let last = 0;
      const onProgress = (done: number, total: number) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        void deps.publishProgress?.({ done, total, phase: 'saving' });
      };
      try {
        const result = await importReports(db, req.reports, { replace: req.replace === true, onProgress });
        // reports added: the indexing progress has taken the bar over (onIndexingProgress)
        if (!result.added) await deps.publishProgress?.(null);
        return result;
      } catch (e) {
        await deps.publishProgress?.(null);
        throw e;
      }
    },
    'export-reports': async () => ({ reports: await exportReports(db) }),
    'remember-read': async (req, sender) => {
      const settings = normaliseReading(await deps.readingSettings?.());
      if (typeof req.html !== 'string' || typeof req.url !== 'string') return { remembered: false };
      // the background decides too: a page cannot have itself remembered where the reader said no
      if (!remembersOn(settings, siteOf(sender.url) ?? siteOf(req.url)) || !deps.parseArticle) return { remembered: false };
      const article = await deps.parseArticle(req.html, sender.url ?? req.url);
      if (!article) return { remembered: false };
      const { title, source, author, date, url, text } = article;
      const { added } = await addGathered(db, [{ title, source, author, date, url, text }], { origin: 'read', cap: READ_CAP });
      return { remembered: added.length > 0 };
    },
    'forget-reports': async (req) => ({ removed: Array.isArray(req.ids) ? await forgetGathered(db, req.ids.map(String)) : 0 }),
    'add-feed': async (req) => ({ feed: await feedsOf(deps).add(String(req.url)) }),
    'refresh-feeds': async (req) => ({ feeds: await feedsOf(deps).refresh(req.id === undefined ? undefined : String(req.id)) }),
    'pause-feed': async (req) => ({ feed: await feedsOf(deps).pause(String(req.id), req.paused === true) }),
    'remove-feed': async (req) => await feedsOf(deps).remove(String(req.id), req.withReports === true),
    'forget-read': async (req) => {
      const read = await db.reports.where('origin').equals('read').primaryKeys();
      return { removed: await forgetGathered(db, addedBetween(read, Number(req.from), Number(req.to))) };
    },
  };
}

function feedsOf(deps: BackgroundDeps): FeedService {
  if (!deps.feeds) throw new Error('Feeds are not available here.');
  return deps.feeds;
}

/**
 * Requests answered without the corpus: they do not wait for the start-up's database work. A page's
 * mark count wakes the service worker often (each time marks appear as the reader scrolls), and
 * that wake must not put the start-up in front of the hover that follows.
 */
const WITHOUT_CORPUS: ReadonlySet<string> = new Set<keyof BackgroundProtocol>(['mention-count', 'english-words']);

/** Route one incoming message to its handler, after seeding; unknown or malformed requests are refused. */
export async function dispatch(handlers: Handlers, deps: Pick<BackgroundDeps, 'ready'>, msg: unknown, sender: Sender): Promise<unknown> {
  const type = msg && typeof msg === 'object' ? (msg as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) throw new Error(`Crosscheck does not understand the request “${String(type)}”.`);
  if (!WITHOUT_CORPUS.has(type)) await deps.ready();
  const handler = handlers[type as keyof Handlers] as (req: unknown, sender: Sender) => Promise<unknown>;
  return handler(msg, sender);
}
