/**
 * Parsing that needs a DOM (a feed's HTML item bodies, an item's page through Readability): in
 * Firefox's background page directly; in Chrome, whose service worker has no DOMParser, in an
 * offscreen document (entrypoints/offscreen) that answers one message type.
 */
import { browser } from 'wxt/browser';
import { articleFromHtml, type ArticleDraft } from '../corpus/article';
import { checkFeed, parseFeed, type FeedReports } from '../corpus/feeds';
import { unwrap } from '../rpc';

export type DomParseRequest = { type: 'offscreen-parse'; what: 'feed'; text: string } | { type: 'offscreen-parse'; what: 'article'; text: string; url: string };

/** Run one request where a DOM is (the offscreen document, or Firefox's background page). */
export function parseInDom(req: DomParseRequest): FeedReports | ArticleDraft | null {
  return req.what === 'feed' ? parseFeed(req.text) : articleFromHtml(req.text, req.url);
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

let creating: Promise<void> | null = null;
async function ensureOffscreen(): Promise<void> {
  const offscreen = (browser as unknown as { offscreen: OffscreenApi }).offscreen;
  if (await offscreen.hasDocument?.()) return;
  creating ??= offscreen
    .createDocument({ url: browser.runtime.getURL('/offscreen.html'), reasons: ['DOM_PARSER'], justification: 'Read the feeds the reader follows.' })
    .catch((e: unknown) => {
      if (!/single offscreen|already/i.test(String(e))) throw e;
    })
    .finally(() => (creating = null));
  await creating;
}

async function viaOffscreen<T>(req: DomParseRequest): Promise<T> {
  await ensureOffscreen();
  return unwrap<T>(await browser.runtime.sendMessage(req), 'offscreen-parse');
}

/** The feed service's parsing, wherever this background runs. */
export const domParsing = {
  feed: async (text: string): Promise<FeedReports> => {
    if (typeof DOMParser !== 'undefined') return parseFeed(text);
    checkFeed(text); // here, where the messages can be put in words (the offscreen document has no i18n)
    return viaOffscreen<FeedReports>({ type: 'offscreen-parse', what: 'feed', text });
  },
  article: (text: string, url: string): Promise<ArticleDraft | null> =>
    typeof DOMParser !== 'undefined' ? Promise.resolve(articleFromHtml(text, url)) : viaOffscreen<ArticleDraft | null>({ type: 'offscreen-parse', what: 'article', text, url }),
};
