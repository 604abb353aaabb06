import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB } from '../lib/db';
import { setBadge } from '../lib/background/badge';
import { installContextMenu, listenToContextMenu } from '../lib/background/context-menu';
import { CorpusService } from '../lib/background/explain';
import { createHandlers, dispatch } from '../lib/background/handlers';
import { createSeeder } from '../lib/background/seeding';
import { answer } from '../lib/rpc';
import { importProgress, indexVersion, reading, type ImportProgress } from '../lib/storage';

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
    readingSettings: () => reading.getValue(),
  };
  const handlers = createHandlers(deps);

  browser.runtime.onInstalled.addListener(() => {
    installContextMenu();
    void ready().catch((e: unknown) => console.error('[crosscheck] seeding failed', e));
  });
  listenToContextMenu();
  // an import cut short by a restart of the background leaves no stale progress bar
  void importProgress.setValue(null);
  // Build the evidence index while idle, not on the first hover (seconds for a large corpus).
  void ready()
    .then(() => deps.service.evidenceIndex())
    .catch((e: unknown) => console.warn('[crosscheck] evidence index', e));
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) =>
    answer(() => dispatch(handlers, deps, msg, { tabId: sender.tab?.id, url: sender.url }), sendResponse),
  );
});
