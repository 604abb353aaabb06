/**
 * Parsing that needs a DOM (a feed's HTML item bodies, an item's page through Readability): in
 * Firefox's background page directly; in Chrome, whose service worker has no DOMParser, in an
 * offscreen document (entrypoints/offscreen) that answers one message type.
 */
import { browser } from 'wxt/browser';
import { articleFromHtml, type ArticleDraft } from '../corpus/article';
import { checkFeed, parseFeed, type FeedReports } from '../corpus/feeds';
import { unwrap } from '../rpc';
import { ensureOffscreen } from './offscreen';

export type DomParseRequest = { type: 'offscreen-parse'; what: 'feed'; text: string } | { type: 'offscreen-parse'; what: 'article'; text: string; url: string };

/** Run one request where a DOM is (the offscreen document, or Firefox's background page). */
export function parseInDom(req: DomParseRequest): FeedReports | ArticleDraft | null {
  return req.what === 'feed' ? parseFeed(req.text) : articleFromHtml(req.text, req.url);
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
