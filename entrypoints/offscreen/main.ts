/**
 * Chrome's offscreen document: the DOM parsing a followed feed needs (its items' HTML as text, an
 * item's page through Readability), which Chrome's service worker cannot do. Firefox's background
 * page parses directly (lib/background/dom-parse.ts).
 */
import { parseInDom, type DomParseRequest } from '../../lib/background/dom-parse';
import { answer } from '../../lib/rpc';

browser.runtime.onMessage.addListener((msg: DomParseRequest, _sender, sendResponse) => {
  if (msg?.type !== 'offscreen-parse') return false;
  return answer(() => parseInDom(msg), sendResponse);
});
