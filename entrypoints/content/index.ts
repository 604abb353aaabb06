import { DISABLED_SITES_KEY, isSiteEnabled, siteOf } from '../../lib/settings';
import type { DictionaryReply, ExplainReply, Message } from '../../lib/messages';
import { PageController } from '../../lib/page/controller';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const site = siteOf(location.href);
    const send = <T>(msg: Message) => browser.runtime.sendMessage(msg) as Promise<T>;
    const controller = new PageController(document, {
      dictionary: () => send<DictionaryReply>({ type: 'dictionary' }),
      explain: (termId, claim) => send<ExplainReply | null>({ type: 'explain', termId, claim }),
      reportCount: (count) => void send({ type: 'mention-count', count }).catch(() => undefined),
    });
    const apply = async (disabled: string[] | undefined) => {
      if (isSiteEnabled(disabled, site)) await controller.enable();
      else controller.disable();
      document.documentElement.dataset.crosscheck = controller.enabled ? 'on' : 'off';
    };
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[DISABLED_SITES_KEY]) void apply(changes[DISABLED_SITES_KEY].newValue as string[] | undefined);
    });
    browser.runtime.onMessage.addListener((msg: Message, _sender, sendResponse) => {
      if (msg.type !== 'page-mentions') return false;
      sendResponse({ site, enabled: controller.enabled, mentions: controller.mentions() });
      return false;
    });
    const stored = await browser.storage.local.get(DISABLED_SITES_KEY);
    await apply(stored[DISABLED_SITES_KEY] as string[] | undefined);
  },
});
