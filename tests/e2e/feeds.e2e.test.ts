/**
 * End-to-end: following feeds in the built extension (Chromium), from the options page, against a
 * feed server on 127.0.0.1: a feed that gains items between two fetches, a site that announces
 * its feed, and a feed broken in each way (not XML, huge, entity expansion, a redirect to another
 * host, too slow), which gets a clear status and changes nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, until, withGrantedHosts } from './harness';

/** How long a fetch may take here (stored in `feedTimeoutMs`; the product's is 20 s). */
const TIMEOUT_MS = 1_500;

const WORDS = 'ferry harbour council budget museum railway orchard bakery glacier festival lighthouse vineyard tunnel library stadium quarry'.split(' ');
function story(i: number): string {
  let x = i * 104729 + 3;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  return `Item ${i} of the test feed says that ${Array.from({ length: 60 }, () => WORDS[next() % WORDS.length]).join(' ')}.`;
}
const rss = (n: number, title = 'Test Harbour News', name = 'Harbour item', base = 0) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title>${Array.from(
    { length: n },
    (_, i) => `<item><title>${name} ${n - i}</title><link>http://127.0.0.1/${base}/items/${n - i}</link><content:encoded><![CDATA[<p>${story(base + n - i)}</p>]]></content:encoded></item>`,
  ).join('')}</channel></rss>`;
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><rss><channel><title>&lol2;</title></channel></rss>`;

type Mode = 'good' | 'not-xml' | 'huge' | 'entities' | 'redirect' | 'slow';
/** What /feed.xml serves now, and how many items the good feed has. */
const state = { mode: 'good' as Mode, items: 2 };
let server: Server;
let port: number;
const held: (() => void)[] = [];

function serve(): Promise<void> {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/site.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Test Harbour</title><link rel="alternate" type="application/rss+xml" href="/other-feed.xml"></head><body><p>Welcome.</p></body></html>');
      return;
    }
    if (path === '/other-feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(1, 'Test Harbour Extra', 'Extra item', 1000));
    if (path !== '/feed.xml') return void res.writeHead(404).end('not found');
    switch (state.mode) {
      case 'good':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(state.items));
      case 'not-xml':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<html><body>Oops, <b>a page</body>');
      case 'entities':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(LAUGHS);
      case 'huge': {
        // 6 MB without a length: refused while reading
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        for (let i = 0; i < 24; i++) res.write(Buffer.alloc(256 * 1024, 32));
        return void res.end();
      }
      case 'redirect':
        return void res.writeHead(302, { location: `http://localhost:${port}/other-feed.xml` }).end();
      case 'slow':
        held.push(() => res.end());
        return;
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      ok();
    }),
  );
}

let browser: Browser;
let worker: WebWorker;
let extensionId: string;
let options: Page;

declare const chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };

/** Feed reports in the extension's database: [title, source]. */
const feedReports = (): Promise<[string | null, string | null][]> =>
  worker.evaluate(
    () =>
      new Promise<[string | null, string | null][]>((res, rej) => {
        const req = indexedDB.open('crosscheck');
        req.onsuccess = () => {
          const all = req.result.transaction('reports').objectStore('reports').index('origin').getAll('feed');
          all.onsuccess = () => {
            req.result.close();
            res((all.result as { title: string | null; source: string | null }[]).map((r) => [r.title, r.source]));
          };
          all.onerror = () => rej(all.error);
        };
        req.onerror = () => rej(req.error);
      }),
  );

const FEED = () => `http://127.0.0.1:${port}/feed.xml`;
const status = (url: string) => options.$eval(`#feeds li.feed[data-url="${url}"] .feed-status`, (e) => e.textContent ?? '').catch(() => '');

async function follow(url: string): Promise<void> {
  await options.$eval('#feed-input', (e) => ((e as HTMLInputElement).value = ''));
  await options.type('#feed-input', url);
  await options.click('#add-feed button[type="submit"]');
}

beforeAll(async () => {
  await serve();
  // the reader's grant of 127.0.0.1, given at install: Chromium's prompt cannot be answered headless
  ({ browser, worker, extensionId } = await launch(withGrantedHosts(['http://127.0.0.1/*'])));
  await worker.evaluate((ms) => chrome.storage.local.set({ feedTimeoutMs: ms }), TIMEOUT_MS);
  options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#add-feed');
});
afterAll(async () => {
  for (const release of held) release();
  await browser?.close();
  server?.close();
});

describe('following feeds', () => {
  it('a followed feed adds its items, then only the items it gained by the next fetch', async () => {
    await follow(FEED());
    await options.waitForSelector(`#feeds li.feed[data-url="${FEED()}"]`);
    await options.waitForFunction(() => document.querySelector('#feed-message')?.textContent?.includes('2 items added'), { timeout: 20_000 });
    expect(await options.$eval(`#feeds li.feed[data-url="${FEED()}"] .feed-title`, (e) => e.textContent)).toBe('Test Harbour News');
    expect((await feedReports()).sort()).toEqual([
      ['Harbour item 1', 'Test Harbour News'],
      ['Harbour item 2', 'Test Harbour News'],
    ]);
    state.items = 4;
    await options.click(`#feeds li.feed[data-url="${FEED()}"] button.refresh`);
    await until(async () => (/4 items added in all/.test(await status(FEED())) ? true : null), 20_000, 'the second fetch');
    expect(await status(FEED())).toMatch(/2 new items/);
    expect((await feedReports()).map(([t]) => t).sort()).toEqual(['Harbour item 1', 'Harbour item 2', 'Harbour item 3', 'Harbour item 4']);
  });

  const broken: [Mode, RegExp][] = [
    ['not-xml', /not well-formed XML/],
    ['huge', /larger than 5 MB/],
    ['entities', /entities of its own/],
    ['redirect', /another site \(localhost:\d+\)/],
    ['slow', /did not answer within 1\.5 seconds/],
  ];
  for (const [mode, message] of broken) {
    it(`a feed that turns bad (${mode}) gets a clear status and changes nothing`, async () => {
      const before = await feedReports();
      state.mode = mode;
      state.items = 6; // were it read, it would bring two new items
      await options.click(`#feeds li.feed[data-url="${FEED()}"] button.refresh`);
      await until(async () => (message.test(await status(FEED())) ? true : null), 20_000, `the ${mode} status`);
      expect(await status(FEED())).toMatch(/Nothing was changed/);
      expect(await feedReports()).toEqual(before);
      state.mode = 'good';
      state.items = 4;
    });
  }

  it('a broken feed is not followed at all; a site leads to the feed it announces', async () => {
    state.mode = 'entities';
    await follow(`http://127.0.0.1:${port}/feed.xml?again`);
    await options.waitForFunction(() => /entities of its own/.test(document.querySelector('#feed-message[role="alert"]')?.textContent ?? ''), { timeout: 20_000 });
    expect(await options.$$eval('#feeds li.feed', (els) => els.length)).toBe(1);
    state.mode = 'good';
    await follow(`http://127.0.0.1:${port}/site.html`);
    await options.waitForSelector(`#feeds li.feed[data-url="http://127.0.0.1:${port}/other-feed.xml"]`, { timeout: 20_000 });
    await until(async () => ((await feedReports()).some(([, s]) => s === 'Test Harbour Extra') ? true : null), 20_000, 'the announced feed read');
  });

  it('stops following with or without its reports', async () => {
    const extra = `http://127.0.0.1:${port}/other-feed.xml`;
    await options.click(`#feeds li.feed[data-url="${extra}"] button.remove`);
    await options.click(`#feeds li.feed[data-url="${extra}"] button.remove-keep`);
    await options.waitForFunction((u) => !document.querySelector(`#feeds li.feed[data-url="${u}"]`), {}, extra);
    expect((await feedReports()).filter(([, s]) => s === 'Test Harbour Extra')).toHaveLength(1);
    await options.click(`#feeds li.feed[data-url="${FEED()}"] button.remove`);
    await options.click(`#feeds li.feed[data-url="${FEED()}"] button.remove-all`);
    await options.waitForFunction(() => /removed its 4 reports/.test(document.querySelector('#feed-message')?.textContent ?? ''), { timeout: 20_000 });
    expect(await feedReports()).toEqual([['Extra item 1', 'Test Harbour Extra']]);
  });
});
