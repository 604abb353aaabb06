import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB } from '../lib/db';
import { setBadge } from '../lib/background/badge';
import { CorpusService } from '../lib/background/explain';
import { createHandlers, dispatch } from '../lib/background/handlers';
import { createSeeder } from '../lib/background/seeding';
import { answer } from '../lib/rpc';
import { indexVersion } from '../lib/storage';

export default defineBackground(() => {
  const db = new CrosscheckDB();
  const ready = createSeeder(db, corpus as unknown as CompiledCorpus);
  const indexChanged = async () => indexVersion.setValue(Date.now().toString(36));
  const deps = { db, service: new CorpusService(db), ready, setBadge, indexChanged };
  const handlers = createHandlers(deps);

  browser.runtime.onInstalled.addListener(() => void ready().catch((e: unknown) => console.error('[crosscheck] seeding failed', e)));
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) =>
    answer(() => dispatch(handlers, deps, msg, { tabId: sender.tab?.id }), sendResponse),
  );
});
