import { extractArticle } from '../../lib/corpus/article';
import { isSiteEnabled, siteOf } from '../../lib/settings';
import type { PageRequest } from '../../lib/messages';
import { PageController } from '../../lib/page/controller';
import { answer, send } from '../../lib/rpc';
import { disabledSites } from '../../lib/storage';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteOf(location.href);
    const controller = new PageController(document, {
      dictionary: () => send('dictionary'),
      explain: (termId, claim) => send('explain', { termId, claim }),
      reportCount: (count) => void send('mention-count', { count }).catch(() => undefined),
    });
    const apply = async (disabled: string[]) => {
      if (!ctx.isValid) return;
      if (isSiteEnabled(disabled, site)) await controller.enable();
      else controller.disable();
      document.documentElement.dataset.crosscheck = controller.enabled ? 'on' : 'off';
    };
    const report = (e: unknown) => console.warn('[crosscheck]', e instanceof Error ? e.message : e);
    const unwatch = disabledSites.watch((v) => void apply(v ?? []).catch(report));
    const onMessage = (msg: PageRequest, _sender: unknown, sendResponse: (r: unknown) => void) => {
      if (msg?.type === 'page-mentions') return answer(() => ({ site, enabled: controller.enabled, mentions: controller.mentions() }), sendResponse);
      if (msg?.type === 'extract-article') return answer(() => extractArticle(document, location.href), sendResponse);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // An extension update or reload invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      controller.disable();
    });
    await apply(await disabledSites.getValue()).catch(report);
  },
});
