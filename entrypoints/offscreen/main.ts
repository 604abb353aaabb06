/**
 * Chrome's offscreen document, open while the browser runs, for what Chrome's service worker cannot
 * do: the DOM parsing a followed feed needs (its items' HTML as text, an item's page through
 * Readability), the Web Workers that extract an import's terms on every core, and the corpus's read side (dictionary, hovers, checks) kept warm across
 * service-worker restarts. Firefox's background page does both itself.
 */
import { installCatalogue } from '../../lib/background/catalogue';
import { CorpusService } from '../../lib/background/explain';
import { parseInDom, type DomParseRequest } from '../../lib/background/dom-parse';
import { workerPool, type ExtractMessage } from '../../lib/background/extraction';
import { broadcastedChanges, queryHandlers, serveQueries } from '../../lib/background/queries';
import { CrosscheckDB } from '../../lib/db';
import { answer } from '../../lib/rpc';

const pool = workerPool();
browser.runtime.onMessage.addListener((msg: DomParseRequest | ExtractMessage, _sender, sendResponse) => {
  if (msg?.type === 'offscreen-parse') return answer(() => parseInDom(msg), sendResponse);
  if (msg?.type === 'offscreen-extract') return answer(() => pool.extract(msg.reports), sendResponse);
  return false;
});

// The service worker opens this document once the database is seeded; every write there is broadcast.
const service = new CorpusService(new CrosscheckDB(), broadcastedChanges());
// the notices a hover may give are in the catalogue, which this document reads itself (it has no i18n API)
serveQueries(queryHandlers(service), installCatalogue().catch((e: unknown) => console.warn('[crosscheck] catalogue', e)));
void service.warm().catch((e: unknown) => console.warn('[crosscheck] dictionary', e));
