/**
 * Feeds the reader follows: fetched on an alarm and on demand, only from hosts the reader granted
 * when adding them; each new item becomes a report (origin "feed", source = the feed's title).
 * A feed that fails (not reachable, not XML, too large, self-declared entities, a redirect to another
 * host, too slow) gets a status in plain words and changes nothing in the corpus.
 */
import { i18n } from '#i18n';
import type { Report } from '../corpus';
import type { ArticleDraft } from '../corpus/article';
import { discoverFeeds, type FeedReports } from '../corpus/feeds';
import type { NewReportInput } from '../corpus/schema';
import { hostPattern } from '../settings';
import { hash32 } from '../text';
import type { CrosscheckDB } from '../db';
import { addGathered, forgetGathered } from './store';

export interface FollowedFeed {
  id: string;
  /** the feed's address */
  url: string;
  /** the feed's own title, once read */
  title: string | null;
  paused: boolean;
  addedAt: number;
  /** when it was last fetched (ms since epoch), successfully or not */
  lastFetch: number | null;
  /** items the last fetch added */
  lastAdded: number;
  /** items added since the reader followed it */
  added: number;
  /** what went wrong the last time, in plain words; null when it went well */
  error: string | null;
  /** keys of the items seen so far, newest last, so that an item the reader removed does not come back */
  seen: string[];
}

export const FEED_LIMITS = {
  /** a feed or an item's page larger than this is refused */
  maxBytes: 5 * 1024 * 1024,
  /** default time a fetch may take (the `feedTimeoutMs` storage item may shorten it, for tests) */
  timeoutMs: 20_000,
  /** items read per fetch, the first in the feed */
  maxItems: 100,
  /** item pages fetched per feed and fetch, for items whose feed gives a summary only */
  maxPages: 20,
  /** item keys remembered per feed */
  seen: 2_000,
  /** items stored per write: a reader's own add waits behind one such write at most (50 items in one took 3-7 s) */
  writeBatch: 5,
  /** minutes between two fetches of every feed */
  periodMinutes: 30,
};

/** Why a fetch failed, in words a reader understands (locales/en.yml `feeds`). */
export const FETCH_MESSAGES = {
  noPermission: (host: string) => i18n.t('feeds.noPermission', [host]),
  otherHost: (host: string) => i18n.t('feeds.otherHost', [host]),
  redirected: () => i18n.t('feeds.redirected'),
  status: (code: number) => i18n.t('feeds.status', [String(code)]),
  tooLarge: () => i18n.t('feeds.tooLarge', [String(FEED_LIMITS.maxBytes / 1024 / 1024)]),
  timeout: (ms: number) => i18n.t('feeds.timeout', [(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })]),
  unreachable: () => i18n.t('feeds.unreachable'),
  noFeed: () => i18n.t('feeds.noFeed'),
  already: () => i18n.t('feeds.already'),
  notWeb: () => i18n.t('feeds.notWeb'),
  gone: () => i18n.t('feeds.gone'),
};

export interface FeedDeps {
  db: CrosscheckDB;
  fetch: typeof fetch;
  /** what needs a DOM: in Firefox's background page directly, in Chrome's offscreen document */
  parse: {
    feed(xml: string): Promise<FeedReports>;
    article(html: string, url: string): Promise<ArticleDraft | null>;
  };
  /** whether the reader granted access to this URL's host */
  allowed(url: string): Promise<boolean>;
  load(): Promise<FollowedFeed[]>;
  save(feeds: FollowedFeed[]): Promise<void>;
  timeoutMs?(): Promise<number>;
  now?(): number;
}

interface Fetched {
  text: string;
  contentType: string;
  url: string;
}

/** Fetch within the limits: only a granted host, no redirect to another host, at most maxBytes, in time. */
async function fetchLimited(deps: FeedDeps, url: string): Promise<Fetched> {
  const host = new URL(url).host;
  if (!(await deps.allowed(url))) throw new Error(FETCH_MESSAGES.noPermission(new URL(url).hostname));
  const ms = (await deps.timeoutMs?.()) ?? FEED_LIMITS.timeoutMs;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, ms);
  try {
    let res: Response;
    try {
      res = await deps.fetch(url, { credentials: 'omit', redirect: 'follow', signal: abort.signal, headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.5' } });
    } catch (e) {
      if (timedOut) throw e;
      // a redirect to a host without access fails as a network error: ask again without following to tell
      const again = await deps.fetch(url, { credentials: 'omit', redirect: 'manual', signal: abort.signal }).catch(() => null);
      if (again && (again.type === 'opaqueredirect' || (again.status >= 300 && again.status < 400))) throw new Error(FETCH_MESSAGES.redirected());
      throw new Error(FETCH_MESSAGES.unreachable(), { cause: e });
    }
    const finalHost = res.url ? new URL(res.url).host : host;
    if (finalHost !== host) throw new Error(FETCH_MESSAGES.otherHost(finalHost));
    if (!res.ok) throw new Error(FETCH_MESSAGES.status(res.status));
    if (Number(res.headers.get('content-length')) > FEED_LIMITS.maxBytes) throw new Error(FETCH_MESSAGES.tooLarge());
    const text = await readLimited(res);
    return { text, contentType: res.headers.get('content-type') ?? '', url: res.url || url };
  } catch (e) {
    if (timedOut) throw new Error(FETCH_MESSAGES.timeout(ms));
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refused as soon as it passes maxBytes (a server may send no length, or a wrong one). */
async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > FEED_LIMITS.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(FETCH_MESSAGES.tooLarge());
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

const looksLikeHtml = (f: Fetched) => /html/i.test(f.contentType) || /^\s*(?:<!doctype html|<html)/i.test(f.text.slice(0, 500));

/** What identifies an item across fetches: its link, else its title and date, else its text. */
export function itemKey(item: NewReportInput): string {
  if (item.url) return item.url;
  return `#${hash32(`${item.title ?? ''}|${item.date ?? ''}|${item.title ? '' : item.text.slice(0, 500)}`).toString(36)}`;
}

export interface FeedService {
  /** follow a feed (or the feed a page announces); its first fetch runs before this resolves */
  add(url: string): Promise<FollowedFeed>;
  /** fetch one feed, or every feed not paused */
  refresh(id?: string): Promise<FollowedFeed[]>;
  pause(id: string, paused: boolean): Promise<FollowedFeed>;
  /** stop following; with `withReports` its items leave the corpus too */
  remove(id: string, withReports: boolean): Promise<{ removed: number }>;
}

export function createFeedService(deps: FeedDeps): FeedService {
  const now = () => deps.now?.() ?? Date.now();
  /** one change to the list of feeds at a time */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const update = async (feed: FollowedFeed) => {
    const feeds = await deps.load();
    const i = feeds.findIndex((f) => f.id === feed.id);
    if (i >= 0) {
      feeds[i] = feed;
      await deps.save(feeds);
    }
  };

  /** Fetch a feed and add its new items; on failure the feed records why and the corpus is left as it was. */
  const fetchOne = async (feed: FollowedFeed): Promise<FollowedFeed> => {
    const at = now();
    try {
      const fetched = await fetchLimited(deps, feed.url);
      const parsed = await deps.parse.feed(fetched.text);
      const seen = new Set(feed.seen);
      const items = parsed.reports.slice(0, FEED_LIMITS.maxItems).map((report, i) => ({ report, full: parsed.full[i] ?? false, key: itemKey(report) }));
      const fresh = items.filter((it) => !seen.has(it.key));
      const source = parsed.source ?? feed.title;
      let pages = 0;
      const inputs: NewReportInput[] = [];
      for (const it of fresh) {
        let report: NewReportInput = { ...it.report, source: source ?? it.report.source ?? null };
        // a summary only: the item's own page, read like an article, when it is on the feed's own host
        if (!it.full && report.url && new URL(report.url).host === new URL(feed.url).host && pages < FEED_LIMITS.maxPages) {
          pages++;
          const page = await fetchLimited(deps, report.url)
            .then((p) => deps.parse.article(p.text, p.url))
            .catch(() => null);
          if (page && page.text.length > report.text.length) report = { ...report, text: page.text, author: report.author ?? page.author, date: report.date ?? page.date };
        }
        inputs.push(report);
      }
      const added: Report[] = [];
      for (let i = 0; i < inputs.length; i += FEED_LIMITS.writeBatch) {
        const batch = await addGathered(deps.db, inputs.slice(i, i + FEED_LIMITS.writeBatch), { origin: 'feed', feedId: feed.id, now: at + i });
        added.push(...batch.added);
      }
      const keys = [...feed.seen.filter((k) => !fresh.some((f) => f.key === k)), ...fresh.map((f) => f.key)].slice(-FEED_LIMITS.seen);
      return { ...feed, title: source, lastFetch: at, lastAdded: added.length, added: feed.added + added.length, error: null, seen: keys };
    } catch (e) {
      return { ...feed, lastFetch: at, lastAdded: 0, error: e instanceof Error ? e.message : String(e) };
    }
  };

  return {
    add: (url) =>
      serial(async () => {
        let u: URL;
        try {
          u = new URL(url.trim());
        } catch {
          throw new Error(FETCH_MESSAGES.notWeb());
        }
        if (!/^https?:$/.test(u.protocol)) throw new Error(FETCH_MESSAGES.notWeb());
        const feeds = await deps.load();
        if (feeds.some((f) => f.url === u.href)) throw new Error(FETCH_MESSAGES.already());
        let feedUrl = u.href;
        // a site's page: follow the first feed it announces on the same host
        const first = await fetchLimited(deps, feedUrl);
        if (looksLikeHtml(first)) {
          const found = discoverFeeds(first.text, first.url).find((f) => new URL(f).host === u.host);
          if (!found) throw new Error(FETCH_MESSAGES.noFeed());
          feedUrl = found;
          if (feeds.some((f) => f.url === feedUrl)) throw new Error(FETCH_MESSAGES.already());
        } else await deps.parse.feed(first.text); // not a feed: refused before it is followed
        const feed: FollowedFeed = { id: `feed-${now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`, url: feedUrl, title: null, paused: false, addedAt: now(), lastFetch: null, lastAdded: 0, added: 0, error: null, seen: [] };
        await deps.save([...feeds, feed]);
        const fetched = await fetchOne(feed);
        await update(fetched);
        return fetched;
      }),
    refresh: (id) =>
      serial(async () => {
        const out: FollowedFeed[] = [];
        for (const feed of await deps.load()) {
          if (id ? feed.id !== id : feed.paused) continue;
          const fetched = await fetchOne(feed);
          await update(fetched);
          out.push(fetched);
        }
        if (id && !out.length) throw new Error(FETCH_MESSAGES.gone());
        return out;
      }),
    pause: (id, paused) =>
      serial(async () => {
        const feed = (await deps.load()).find((f) => f.id === id);
        if (!feed) throw new Error(FETCH_MESSAGES.gone());
        const next = { ...feed, paused };
        await update(next);
        return next;
      }),
    remove: (id, withReports) =>
      serial(async () => {
        const feeds = await deps.load();
        if (!feeds.some((f) => f.id === id)) throw new Error(FETCH_MESSAGES.gone());
        await deps.save(feeds.filter((f) => f.id !== id));
        if (!withReports) return { removed: 0 };
        const ids = (await deps.db.reports.where('origin').equals('feed').toArray()).filter((r) => r.feedId === id).map((r) => r.id);
        return { removed: await forgetGathered(deps.db, ids) };
      }),
  };
}
