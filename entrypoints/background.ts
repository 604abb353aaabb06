import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB } from '../lib/db';
import { setBadge } from '../lib/background/badge';
import { installContextMenu, listenToContextMenu } from '../lib/background/context-menu';
import { CorpusService } from '../lib/background/explain';
import { createHandlers, dispatch } from '../lib/background/handlers';
import { createSeeder } from '../lib/background/seeding';
import { ensureIndex } from '../lib/background/store';
import { answer } from '../lib/rpc';
import { importProgress, indexVersion, type ImportProgress } from '../lib/storage';

/** How long after start the corpus index is loaded for writes (seconds of reading at 10,000 reports). */
const WRITE_INDEX_AFTER_MS = 5_000;

export default defineBackground(() => {
  const db = new CrosscheckDB();
  const ready = createSeeder(db, corpus as unknown as CompiledCorpus);
  const deps = {
    db,
    service: new CorpusService(db),
    ready,
    setBadge,
    setIndexVersion: (v: string) => indexVersion.setValue(v),
    publishProgress: (p: ImportProgress) => importProgress.setValue(p),
  };
  const handlers = createHandlers(deps);

  browser.runtime.onInstalled.addListener(() => {
    installContextMenu();
    void ready().catch((e: unknown) => console.error('[crosscheck] seeding failed', e));
  });
  listenToContextMenu();
  // an import cut short by a restart of the background leaves no stale progress bar
  void importProgress.setValue(null);
  // While idle: the dictionary and its matcher for the first hover, then (later, so a hover that
  // woke the worker goes first) the corpus index that writes need.
  void ready()
    .then(() => deps.service.warm())
    .then(() => setTimeout(() => void ensureIndex(db).catch((e: unknown) => console.warn('[crosscheck] corpus index', e)), WRITE_INDEX_AFTER_MS))
    .catch((e: unknown) => console.warn('[crosscheck] dictionary', e));
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) =>
    answer(() => dispatch(handlers, deps, msg, { tabId: sender.tab?.id }), sendResponse),
  );
});
