/** Content script entry: wires the page controller to the extension (messages, settings, corpus changes). */
import { publishedDate } from '../../lib/corpus/published';
import type { PageRequest } from '../../lib/messages';
import { isArticlePage } from '../../lib/page/article-page';
import { PageController } from '../../lib/page/controller';
import { loadEnglishWords } from '../../lib/page/english-words';
import { installProbe } from '../../lib/page/probe';
import { watchReading, type ReadingWatch } from '../../lib/page/reading';
import { query } from '../../lib/query-client';
import { answer, send } from '../../lib/rpc';
import { isSiteEnabled, normalisePreferences, normaliseReading, remembersOn, siteOf, type ReadingSettings } from '../../lib/settings';
import { disabledSites, evidenceStamp, indexVersion, preferences, reading } from '../../lib/storage';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin and cross-origin frames each get their own controller.
  allFrames: true,
  async main(ctx) {
    // No script runs in about:blank or srcdoc frames (the matches are http/https only, without
    // match_about_blank), so their text is not marked; the referrer is a fallback for odd URLs.
    const site = siteOf(location.href) ?? siteOf(document.referrer);
    /** the page's publication date dates its weekdays; read once, on the first popover */
    let published: string | undefined;
    const pageDate = () => (published ??= publishedDate(document) ?? '') || undefined;
    /** this page as markup, for Readability in the popup or the background */
    const pageHtml = () => ({ html: document.documentElement.outerHTML, url: location.href });
    /** this frame's own document has focus (document.hasFocus() is true too when a frame inside it has) */
    const focusedHere = () => document.hasFocus() && !/^i?frame$/i.test(document.activeElement?.tagName ?? '');
    const controller = new PageController(document, {
      // The matcher's English word list comes with the first dictionary (it is not in this script).
      dictionary: async () => (await Promise.all([query('dictionary'), loadEnglishWords(() => query('english-words'))]))[0],
      explain: (termId, claim) => query('explain', { termId, claim, published: pageDate() }),
      check: (sentences) => query('check-sentences', { sentences, published: pageDate() }),
      reportCount: (count, conflicts) => {
        // Only the top page speaks for the tab's badge.
        if (window === window.top) void send('mention-count', { count, conflicts }).catch(() => undefined);
      },
    });
    installProbe(controller);
    const report = (e: unknown) => console.warn('[crosscheck]', e instanceof Error ? e.message : e);
    const apply = async (disabled: string[]) => {
      if (!ctx.isValid) return;
      if (isSiteEnabled(disabled, site)) await controller.enable();
      else controller.disable();
    };
    // "Remember what I read" (off unless the reader turned it on): the top page only, once per load.
    let readingWatch: ReadingWatch | null = null;
    let remembered = false;
    const applyReading = async (r: ReadingSettings) => {
      const want = ctx.isValid && window === window.top && !remembered && remembersOn(r, site) && isSiteEnabled(await disabledSites.getValue(), site);
      if (want && !readingWatch) {
        readingWatch = watchReading(window, r.dwellMs, () => {
          remembered = true;
          readingWatch = null;
          if (isArticlePage(document, location.href)) void send('remember-read', pageHtml()).catch(report);
        });
      } else if (!want && readingWatch) {
        readingWatch.stop();
        readingWatch = null;
      }
    };
    const unwatch = [
      reading.watch((r) => void applyReading(normaliseReading(r)).catch(report)),
      disabledSites.watch((v) => void apply(v ?? []).then(async () => applyReading(normaliseReading(await reading.getValue()))).catch(report)),
      preferences.watch((p) => void controller.setPreferences(normalisePreferences(p)).catch(report)),
      indexVersion.watch(() => void controller.refreshDictionary().catch(report)),
      evidenceStamp.watch(() => controller.refreshVerdicts()),
    ];
    const onMessage = (msg: PageRequest, _sender: unknown, sendResponse: (r: unknown) => void) => {
      // every frame may hold the selection; one without (or, for the shortcut, without focus) stays silent
      if (msg?.type === 'check-selection') return (!msg.focused || focusedHere()) && controller.checkSelection() ? answer(() => true, sendResponse) : false;
      if (window !== window.top) return false;
      if (msg?.type === 'page-mentions') return answer(() => ({ site, enabled: controller.enabled, mentions: controller.mentions(), claims: controller.claimsAtGlance() }), sendResponse);
      if (msg?.type === 'reveal-mark') return answer(() => controller.reveal(msg.termId, msg.index ?? 0, msg.claim), sendResponse);
      if (msg?.type === 'extract-article') return answer(pageHtml, sendResponse);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // An extension update or reload invalidates this script: leave the page as it was.
    ctx.onInvalidated(() => {
      for (const u of unwatch) u();
      readingWatch?.stop();
      browser.runtime.onMessage.removeListener(onMessage);
      controller.disable();
    });
    await controller.setPreferences(normalisePreferences(await preferences.getValue()));
    await apply(await disabledSites.getValue()).catch(report);
    await applyReading(normaliseReading(await reading.getValue())).catch(report);
  },
});
