/**
 * End-to-end: "Remember what I read" in the built extension (Chromium). An article page kept in
 * front for the threshold is added (origin "read"); one left early, and a home page, are not; the
 * popup lists, removes and forgets them. The threshold is shortened through the stored settings.
 */
import type { Server } from 'node:http';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openLocal, startServer, tabIdOf, until } from './harness';

/** The dwell time the tests store (the product's is 30 s). */
const DWELL_MS = 2_000;

/** A site's front page: teasers only, served at the site's root. */
const HOME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Riverton Courier</title></head><body>
<header><h1>The Riverton Courier</h1></header><main>${Array.from(
  { length: 10 },
  (_, i) => `<section><h2><a href="/pages/news-article.html">Story ${i}: the council meets again about the footbridge and the harbour</a></h2><p>Teaser ${i}: what the council said on Tuesday, in short.</p></section>`,
).join('')}</main></body></html>`;

let server: Server;
let origin: string;
let browser: Browser;
let worker: WebWorker;
let extensionId: string;

declare const chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } };

interface ReadRow {
  id: string;
  title: string | null;
  source: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  origin: string;
}
/** The remembered articles, straight from the extension's database. */
const readReports = (): Promise<ReadRow[]> =>
  worker.evaluate(
    () =>
      new Promise<ReadRow[]>((res, rej) => {
        const req = indexedDB.open('crosscheck');
        req.onsuccess = () => {
          const all = req.result.transaction('reports').objectStore('reports').index('origin').getAll('read');
          all.onsuccess = () => {
            req.result.close();
            res((all.result as ReadRow[]).map(({ id, title, source, author, date, url, origin }) => ({ id, title, source, author, date, url, origin })));
          };
          all.onerror = () => rej(all.error);
        };
        req.onerror = () => rej(req.error);
      }),
  );

const setReading = (value: Record<string, unknown>) => worker.evaluate((v) => chrome.storage.local.set({ reading: v }), value);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open a page in front, as a reader would (visible and focused). */
async function read(path: string): Promise<Page> {
  const { page } = await openLocal(browser, origin, path, 'load');
  await page.bringToFront();
  await page.emulateFocusedPage(true);
  return page;
}

beforeAll(async () => {
  ({ server, origin } = await startServer(null, { '/': HOME }));
  ({ browser, worker, extensionId } = await launch());
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('remember what I read', () => {
  it('is off by default: an article read for a long while is not remembered', async () => {
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('reading')).reading)).toBeUndefined();
    await setReading({ on: false, dwellMs: DWELL_MS });
    const page = await read('/pages/news-article.html');
    await sleep(DWELL_MS * 2);
    expect(await readReports()).toEqual([]);
    await page.close();
  });

  it('an article page left before the threshold is not remembered', async () => {
    await setReading({ on: true, dwellMs: DWELL_MS });
    const page = await read('/pages/library-article.html');
    await sleep(DWELL_MS / 4);
    await page.close();
    await sleep(DWELL_MS * 2);
    expect(await readReports()).toEqual([]);
  });

  it('a home page is not remembered however long it stays in front', async () => {
    const page = await read('/');
    await sleep(DWELL_MS * 2);
    expect(await readReports()).toEqual([]);
    await page.close();
  });

  it('an article page kept in front for the threshold is remembered, with what the page states', async () => {
    const page = await read('/pages/news-article.html');
    const [row] = await until(async () => {
      const rows = await readReports();
      return rows.length ? rows : null;
    }, 15_000, 'the article remembered');
    expect(row).toMatchObject({ origin: 'read', url: `${origin}/pages/news-article.html` });
    expect(row!.title).toBeTruthy();
    await page.close();
  });

  it('the popup filters, removes and forgets what was read; pausing stops remembering', async () => {
    const article = await read('/pages/library-article.html');
    const rows = await until(async () => ((await readReports()).length === 2 ? await readReports() : null), 15_000, 'a second article remembered');
    // the metadata the page states
    expect(rows.find((r) => r.url?.endsWith('/pages/library-article.html'))).toMatchObject({ title: 'Harbour library reopens after two-year rebuild', source: 'The Test Gazette', author: 'Mira Okafor', date: '2026-11-20' });
    const tabId = await tabIdOf(worker, article);
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#reports .report');
    await popup.click('#filters-toggle');
    await popup.select('#filter-origin', 'read');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 2);
    expect(await popup.$$eval('#reports .report', (els) => els.map((e) => e.getAttribute('data-origin')))).toEqual(['read', 'read']);
    expect(await popup.$eval('#reports .report .meta', (e) => e.textContent)).toContain('you read it');

    // remove one
    await popup.click('#reports .report .report-title');
    await popup.click('#reports .report .delete');
    await popup.click('#reports .report .confirm-delete');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 1);
    expect(await readReports()).toHaveLength(1);

    // pause from the popup, then forget everything read in the last hour
    await popup.click('#reading summary');
    await popup.click('#reading-pause');
    await until(async () => ((await worker.evaluate(async () => (await chrome.storage.local.get('reading')).reading)) as { paused?: boolean }).paused === true || null, 5000, 'paused');
    await popup.select('#forget-period', 'hour');
    await popup.click('#forget-read');
    await popup.waitForFunction(() => document.querySelector('#notice')?.textContent === 'Forgot 1 article.');
    expect(await readReports()).toEqual([]);
    await popup.close();

    // paused: an article read now is not remembered
    await article.close();
    const again = await read('/pages/news-article.html');
    await sleep(DWELL_MS * 2);
    expect(await readReports()).toEqual([]);
    await again.close();
  });
});
