import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB } from '../lib/db';
import { setBadge } from '../lib/background/badge';
import { installContextMenu, listenToContextMenu } from '../lib/background/context-menu';
import { CorpusService } from '../lib/background/explain';
import { domParsing } from '../lib/background/dom-parse';
import { createFeedService, FEED_LIMITS } from '../lib/background/feeds';
import { createHandlers, dispatch } from '../lib/background/handlers';
import { ensureOffscreen, hasOffscreen } from '../lib/background/offscreen';
import { broadcastChanges, queryHandlers, serveQueries } from '../lib/background/queries';
import { createSeeder } from '../lib/background/seeding';
import { extractInOffscreen, workerPool } from '../lib/background/extraction';
import { extractWith, isIndexing } from '../lib/background/store';
import { keepAwakeWhile } from '../lib/background/keep-awake';
import { answer } from '../lib/rpc';
import { hostPattern } from '../lib/settings';
import { evidenceStamp, feeds, feedTimeoutMs, importProgress, indexVersion, reading, type ImportProgress } from '../lib/storage';

/** The alarm that fetches every followed feed. */
const FEEDS_ALARM = 'crosscheck-feeds';

export default defineBackground(() => {
  const db = new CrosscheckDB();
  const ready = createSeeder(db, corpus as unknown as CompiledCorpus);
  const deps = {
    db,
    service: new CorpusService(db),
    ready,
    setBadge,
    setIndexVersion: (v: string) => indexVersion.setValue(v),
    setEvidenceStamp: (stamp: number) => evidenceStamp.setValue(stamp),
    publishProgress: (p: ImportProgress) => importProgress.setValue(p),
    readingSettings: () => reading.getValue(),
    parseArticle: domParsing.article,
    // Requests go only to the hosts of the feeds the reader added, which the reader granted then.
    feeds: createFeedService({
      db,
      fetch: (input, init) => fetch(input, init),
      parse: domParsing,
      allowed: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }),
      load: () => feeds.getValue(),
      save: (list) => feeds.setValue(list),
      timeoutMs: async () => (await feedTimeoutMs.getValue()) ?? FEED_LIMITS.timeoutMs,
    }),
  };
  const handlers = createHandlers(deps);
  const pool = hasOffscreen() ? null : workerPool();

  browser.runtime.onInstalled.addListener(() => {
    installContextMenu();
    void ready().catch((e: unknown) => console.error('[crosscheck] seeding failed', e));
  });
  listenToContextMenu();
  // Feeds are fetched every 30 minutes (creating the alarm again on each start would postpone it).
  void browser.alarms.get(FEEDS_ALARM).then(async (a) => {
    if (!a) await browser.alarms.create(FEEDS_ALARM, { periodInMinutes: FEED_LIMITS.periodMinutes, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEEDS_ALARM) void ready().then(() => deps.feeds.refresh()).catch((e: unknown) => console.warn('[crosscheck] feeds', e));
  });
  // The read side (dictionary, hovers, checks) is answered where it stays warm: in Chrome the
  // offscreen document, opened once seeded and told of every write; in Firefox this background page.
  // an import's terms are extracted in workers on every core, started by a page (offscreen document, or this one)
  extractWith(db, hasOffscreen() ? extractInOffscreen : typeof Worker !== 'undefined' ? (reports) => pool!.extract(reports) : null);
  if (hasOffscreen()) {
    broadcastChanges(db);
    void ready()
      .then(ensureOffscreen)
      .catch((e: unknown) => console.warn('[crosscheck] offscreen document', e));
  } else serveQueries(queryHandlers(deps.service));
  // indexing goes on to its end, not to the worker's idle stop
  keepAwakeWhile(() => isIndexing(db), () => browser.runtime.getPlatformInfo());
  // an import cut short by a restart of the background leaves no stale progress bar
  void importProgress.setValue(null);
  // While idle, where this context answers hovers: the dictionary and its matcher for the first one.
  // The corpus index that writes need (every report's index row: ~50 MB at 10,000 reports) is not
  // loaded at start, which is at every page the worker wakes for, but at the first write or when the
  // reader opens an add or edit form ('warm-writes').
  if (!hasOffscreen()) void ready().then(() => deps.service.warm()).catch((e: unknown) => console.warn('[crosscheck] dictionary', e));
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) =>
    answer(() => dispatch(handlers, deps, msg, { tabId: sender.tab?.id, url: sender.url }), sendResponse),
  );
});
