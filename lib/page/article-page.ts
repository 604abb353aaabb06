/**
 * Whether the page being read is an article worth remembering (lib/page/reading.ts). Only
 * Readability's small readability test ships in the content script; the article itself is extracted
 * where the reader's request goes (the popup, the background: lib/corpus/article.ts).
 */
import type { isProbablyReaderable as Readerable } from '@mozilla/readability';
// @ts-expect-error -- the package's own file, without the types its index declares for it
import readerable from '@mozilla/readability/Readability-readerable.js';

const isProbablyReaderable = readerable as typeof Readerable;

/** Query parameters that make a page a search page. */
const SEARCH_PARAMS = ['q', 'query', 's', 'search', 'keywords', 'term'];

/**
 * Whether a page is an article worth remembering as read: an HTML page that Readability judges
 * readable, not a site's home page (its root), not a search page (a /search path or a query
 * parameter such as q=) and not a feed or other XML document.
 */
export function isArticlePage(doc: Document, pageUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(url.protocol)) return false;
  if (doc.contentType && doc.contentType !== 'text/html') return false;
  if (/^\/(?:(?:index|default|home)\.\w+)?$/i.test(url.pathname)) return false;
  if (/(?:^|\/)search(?:\/|$|\.)/i.test(url.pathname) || SEARCH_PARAMS.some((p) => url.searchParams.get(p))) return false;
  return isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 });
}
