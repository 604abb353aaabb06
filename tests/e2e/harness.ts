/**
 * Shared by the end-to-end tests and `npm run demo`: a static file server on 127.0.0.1 and a
 * Debian Chromium with the BUILT extension (.output/chrome-mv3) loaded through Puppeteer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page, type WebWorker } from 'puppeteer';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
export const NEWS_PAGES = resolve(ROOT, '../shared/data/news-pages');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.js': 'text/javascript' };

/** Serves `/demo.html` from corpus/, `/news/<name>.html` from ../shared/data/news-pages, and any `pages` a test gives (path → HTML). */
export async function startServer(pages: Record<string, string> = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const given = pages[url.pathname];
    if (given !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(given);
      return;
    }
    let file: string | null = null;
    if (url.pathname === '/demo.html' || url.pathname === '/') file = join(ROOT, 'corpus/demo.html');
    else if (url.pathname.startsWith('/news/')) file = join(NEWS_PAGES, normalize(url.pathname.slice(6)).replace(/^(\.\.[/\\])+/, ''));
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return p;
}

export async function launch(): Promise<{ browser: Browser; worker: WebWorker; extensionId: string }> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 30_000 });
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  // Wait for seeding: the dictionary message resolves once the corpus is in IndexedDB.
  const seeded = () =>
    worker.evaluate(
      () =>
        new Promise<boolean>((res) => {
          const req = indexedDB.open('crosscheck');
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('meta')) return res(false);
            const get = db.transaction('meta').objectStore('meta').get('indexVersion');
            get.onsuccess = () => res(!!get.result);
            get.onerror = () => res(false);
          };
          req.onerror = () => res(false);
        }),
    );
  for (let i = 0; !(await seeded()); i++) {
    if (i > 150) throw new Error('the background did not seed the corpus within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { browser, worker, extensionId };
}

/**
 * Opens `origin + path` in a new tab that may only load from our local server (news pages
 * reference the live web), recording page errors and console errors as they happen.
 */
export async function openLocal(browser: Browser, origin: string, path: string, waitUntil: 'domcontentloaded' | 'load' = 'domcontentloaded'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (r: HTTPRequest) => (r.url().startsWith(origin) || r.url().startsWith('chrome-extension://') ? r.continue() : r.abort()));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(origin + path, { waitUntil });
  return { page, errors };
}

/** The parts of the Chrome extension API called inside the service worker. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/**
 * The id of the tab showing `page`, asked of the extension's service worker. The extension has no
 * `tabs` permission, so tab URLs are hidden from it: bring the page to the front and take the active tab.
 */
export async function tabIdOf(worker: WebWorker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

/** The toolbar badge text the extension set for a tab. */
export async function badgeText(worker: WebWorker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export interface MarkInfo {
  term: string;
  text: string;
  how: string;
}

/** The marks the content script put on the page. */
export async function readMarks(page: Page): Promise<MarkInfo[]> {
  return page.$$eval('crosscheck-mark', (els) =>
    els.map((e) => ({ term: (e as HTMLElement).dataset.term ?? '', text: e.textContent ?? '', how: (e as HTMLElement).dataset.how ?? '' })),
  );
}

/** Wait until the content script has run (it sets data-crosscheck on <html>) and marks settled. */
export async function waitForMarks(page: Page, min = 1, timeout = 15_000): Promise<MarkInfo[]> {
  await page.waitForFunction((n) => document.documentElement.dataset.crosscheck === 'on' && document.querySelectorAll('crosscheck-mark').length >= n, { timeout }, min);
  return readMarks(page);
}

export interface PopoverItem {
  verdict: string;
  reportId: string;
  title: string;
  meta: string;
  sentence: string;
  reason: string;
}

export interface PopoverInfo {
  term: string;
  count: string;
  claim: string;
  items: PopoverItem[];
}

/** Read the open popover out of its (open) shadow root. Null when no popover is shown. */
export async function readPopover(page: Page): Promise<PopoverInfo | null> {
  // No named inner functions here: tsx/esbuild would wrap them in a __name() helper the page lacks.
  return page.evaluate(() => {
    const root = document.querySelector('crosscheck-ui')?.shadowRoot;
    const box = root?.querySelector('.cc-popover');
    if (!root || !box) return null;
    return {
      term: root.querySelector('.cc-term')?.textContent?.trim() ?? '',
      count: root.querySelector('.cc-count')?.textContent?.trim() ?? '',
      claim: root.querySelector('.cc-claim')?.textContent?.trim() ?? '',
      items: [...root.querySelectorAll('.cc-item')].map((li) => ({
        verdict: (li as HTMLElement).dataset.verdict ?? '',
        reportId: (li as HTMLElement).dataset.reportId ?? '',
        title: li.querySelector('.cc-title')?.textContent?.trim() ?? '',
        meta: li.querySelector('.cc-meta')?.textContent?.trim() ?? '',
        sentence: li.querySelector('.cc-sentence')?.textContent?.trim() ?? '',
        reason: li.querySelector('.cc-reason')?.textContent?.trim() ?? '',
      })),
    };
  });
}

/** Hover a mark and wait for the popover to list its reports. */
export async function hoverAndRead(page: Page, selector: string): Promise<PopoverInfo> {
  await page.hover(selector);
  await page.waitForFunction(() => !!document.querySelector('crosscheck-ui')?.shadowRoot?.querySelector('.cc-item, .cc-empty'), { timeout: 10_000 });
  return (await readPopover(page))!;
}
