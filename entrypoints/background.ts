import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { CrosscheckDB, getMeta } from '../lib/db';
import { addUserReport, deleteUserReport, seedCorpus } from '../lib/store';
import { CorpusService } from '../lib/explain';
import type { Message } from '../lib/messages';

export default defineBackground(() => {
  const db = new CrosscheckDB();
  const bundled = corpus as unknown as CompiledCorpus;
  let seeding: Promise<unknown> | null = null;

  const ensureSeeded = async () => {
    if ((await getMeta(db, 'seedVersion')) !== bundled.version) {
      seeding ??= seedCorpus(db, bundled).then((r) => console.info('[crosscheck] seeded', r));
      await seeding;
    }
  };
  browser.runtime.onInstalled.addListener(() => {
    seeding = seedCorpus(db, bundled).then((r) => console.info('[crosscheck] seeded', r));
  });
  const service = new CorpusService(db);
  // Build the evidence index while idle, not on the first hover (seconds for a large corpus).
  void (seeding ?? ensureSeeded()).then(() => service.evidenceIndex()).catch((e: unknown) => console.warn('[crosscheck] evidence index', e));

  browser.runtime.onMessage.addListener((msg: Message, sender, sendResponse) => {
    const reply = async () => {
      await (seeding ?? ensureSeeded());
      switch (msg.type) {
        case 'dictionary':
          return service.getDictionary();
        case 'explain':
          return service.explain(msg.termId, msg.claim, msg.published);
        case 'mention-count': {
          const tabId = sender.tab?.id;
          if (tabId === undefined) return null;
          await browser.action.setBadgeText({ tabId, text: msg.count ? String(msg.count) : '' });
          await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f5fbf' });
          return null;
        }
        case 'add-report':
          return { report: await addUserReport(db, msg.report) };
        case 'delete-report':
          await deleteUserReport(db, msg.id);
          return { ok: true };
        default:
          return null;
      }
    };
    reply().then(sendResponse, (e: unknown) => sendResponse({ error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
});
