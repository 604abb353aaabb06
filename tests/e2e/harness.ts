/**
 * Shared by the end-to-end tests and `npm run demo`: a static file server on 127.0.0.1 and a
 * Debian Chromium with the BUILT extension (.output/chrome-mv3) loaded through Puppeteer.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Frame, type HTTPRequest, type Page, type WebWorker } from 'puppeteer';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
/** The project's own test pages, served at `/pages/<name>.html`. */
export const TEST_PAGES = join(ROOT, 'tests/pages');
/** A folder of real news pages (optional, never committed): `CROSSCHECK_PAGES=DIR npm run test:pages`. */
export const NEWS_PAGES: string | null = process.env.CROSSCHECK_PAGES ? resolve(process.env.CROSSCHECK_PAGES) : null;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.js': 'text/javascript',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xhtml': 'application/xhtml+xml',
};

/**
 * Serves `/demo.html` from corpus/, `/pages/<file>` from tests/pages (our own test pages), any
 * `pages` a test gives (path → HTML) and, when given, `/news/<name>.html` from `newsDir` (default
 * CROSSCHECK_PAGES).
 */
export async function startServer(newsDir: string | null = NEWS_PAGES, pages: Record<string, string> = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const given = pages[url.pathname];
    if (given !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(given);
      return;
    }
    let file: string | null = null;
    if (url.pathname === '/demo.html' || url.pathname === '/') file = join(ROOT, 'corpus/demo.html');
    else if (url.pathname.startsWith('/news/') && newsDir) file = join(newsDir, normalize(url.pathname.slice(6)).replace(/^(\.\.[/\\])+/, ''));
    else if (url.pathname.startsWith('/pages/')) file = join(TEST_PAGES, normalize(url.pathname.slice(7)).replace(/^(\.\.[/\\])+/, ''));
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

/**
 * A copy of the built extension whose manifest also grants `hosts` at install, as if the reader had
 * granted them when asked (a permission prompt cannot be answered in headless Chromium). Only the
 * manifest differs from the build under test.
 */
export function withGrantedHosts(hosts: string[]): string {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const dir = join(mkdtempSync(join(tmpdir(), 'crosscheck-granted-')), 'chrome-mv3');
  cpSync(EXTENSION, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** `extension`: another built extension folder (benchmarks comparing builds); the default is this checkout's build. */
export async function launch(extension = EXTENSION): Promise<{ browser: Browser; worker: WebWorker; extensionId: string }> {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`Build the extension first: npm run build (no ${extension})`);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    // benchmarks wait inside one evaluate for a 10,000-report import to be indexed (tests have their own timeouts)
    protocolTimeout: 30 * 60_000,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
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
  // Wait for seeding: the index version is in IndexedDB once the corpus is. Never create the
  // database here, and close the connection at once: an open one would block the background's
  // schema upgrade.
  const seeded = () =>
    worker.evaluate(
      () =>
        new Promise<boolean>((res) => {
          const req = indexedDB.open('crosscheck');
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('meta')) {
              db.close();
              return res(false);
            }
            const get = db.transaction('meta').objectStore('meta').get('indexVersion');
            get.onsuccess = () => {
              db.close();
              res(!!get.result);
            };
            get.onerror = () => {
              db.close();
              res(false);
            };
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
export async function openLocal(
  browser: Browser,
  origin: string,
  path: string,
  waitUntil: 'domcontentloaded' | 'load' = 'domcontentloaded',
  /** runs before navigation (e.g. page.evaluateOnNewDocument for benchmarks) */
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (r: HTTPRequest) => (r.url().startsWith(origin) || r.url().startsWith('chrome-extension://') ? r.continue() : r.abort()));
  await page.setViewport({ width: 1200, height: 900 });
  await prepare?.(page);
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

/**
 * The content script keeps its state out of the page's reach (no attributes, a closed shadow root),
 * and exposes a read-only probe on its own global, in the extension's isolated world. Tests reach
 * that world through the DevTools protocol: each frame's isolated context of our extension.
 */
interface World {
  cdp: CDPSession;
  contexts: Map<string, number>;
}
const worlds = new WeakMap<Page, Promise<World>>();

function worldOf(page: Page): Promise<World> {
  let w = worlds.get(page);
  if (!w) {
    w = (async () => {
      const cdp = await page.createCDPSession();
      const contexts = new Map<string, number>();
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { frameId?: string; type?: string } | undefined;
        if (aux?.type === 'isolated' && aux.frameId && context.origin.startsWith('chrome-extension://')) contexts.set(aux.frameId, context.id);
      });
      cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
        for (const [f, id] of contexts) if (id === executionContextId) contexts.delete(f);
      });
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable');
      return { cdp, contexts };
    })();
    worlds.set(page, w);
  }
  return w;
}

/** Call a method of the content script's probe (lib/page/probe.ts) in `frame` (default: the main frame). Undefined while no content script runs there. */
export async function probe<T>(page: Page, method: string, args: unknown[] = [], frame: Frame = page.mainFrame()): Promise<T | undefined> {
  const { cdp, contexts } = await worldOf(page);
  const contextId = contexts.get((frame as unknown as { _id: string })._id);
  if (contextId === undefined) return undefined;
  const expression = `(async () => { const p = globalThis.__crosscheck; return p ? await p[${JSON.stringify(method)}](...${JSON.stringify(args)}) : undefined; })()`;
  try {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`probe ${method}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T | undefined;
  } catch (e) {
    if (/Cannot find context|context was destroyed/i.test(String(e))) return undefined;
    throw e;
  }
}

/** Poll `check` until it returns a value other than undefined/false/null. */
export async function until<T>(check: () => Promise<T | undefined | null | false>, timeout = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface PageState {
  enabled: boolean;
  busy: boolean;
  marks: number;
}

/** The content script's state in a frame, or undefined when none runs there. */
export function pageState(page: Page, frame?: Frame): Promise<PageState | undefined> {
  return probe<PageState>(page, 'state', [], frame);
}

export interface MarkInfo {
  term: string;
  text: string;
  how: string;
  /** 0: the paragraph's tab stop, -1: reached with arrow keys; -1 too for passive marks */
  tabIndex: number;
  /** false for marks inside links, summaries, labels: the page's control keeps its click and keys */
  interactive: boolean;
}

/** The marks the content script made (only its own, tracked; page-made look-alikes never count). */
export async function readMarks(page: Page, frame?: Frame): Promise<MarkInfo[]> {
  return (await probe<MarkInfo[]>(page, 'marks', [], frame)) ?? [];
}

/** Wait until the content script is on with at least `min` marks and its marking passes have settled. */
export async function waitForMarks(page: Page, min = 1, timeout = 15_000, frame?: Frame): Promise<MarkInfo[]> {
  await until(async () => {
    const s = await pageState(page, frame);
    return !!s && s.enabled && s.marks >= min;
  }, timeout, `${min} marks on ${page.url()}`);
  await probe(page, 'settled', [], frame);
  return readMarks(page, frame);
}

/**
 * Marks are chosen with the selectors tests always used: `SCOPE crosscheck-mark[data-term="ID"]`
 * (the page DOM no longer carries term ids, so this is resolved by the probe: a mark of term ID
 * inside an element matching SCOPE); `SCOPE crosscheck-mark` or just `SCOPE` means any mark there.
 */
export function parseMarkSelector(selector: string): { scope: string; term: string } {
  const m = /^(.*?)\s*crosscheck-mark(?:\[data-term=["']?([^"'\]]+)["']?\])?\s*$/.exec(selector.trim());
  return m ? { scope: m[1]!.trim(), term: m[2] ?? '' } : { scope: selector.trim(), term: '' };
}

/** How many marks match a mark selector (see parseMarkSelector), e.g. `nav crosscheck-mark`. */
export async function countMarks(page: Page, selector: string, frame?: Frame): Promise<number> {
  const { scope, term } = parseMarkSelector(selector);
  return (await probe<number>(page, 'count', [scope, term], frame)) ?? 0;
}

/** The texts of the marks inside elements matching `scope` (a CSS selector). */
export async function markTexts(page: Page, scope: string, frame?: Frame): Promise<string[]> {
  return (await probe<string[]>(page, 'textsIn', [scope], frame)) ?? [];
}

/** Scroll a mark into view and return the centre of its first line (viewport coordinates). */
export async function locateMark(page: Page, selector: string, index = 0): Promise<{ x: number; y: number }> {
  const { scope, term } = parseMarkSelector(selector);
  const at = await probe<{ x: number; y: number } | null>(page, 'locate', [scope, term, index]);
  if (!at) throw new Error(`no mark matches ${selector}`);
  return at;
}

/** Give keyboard focus to a mark (as Tab would); false if it cannot take focus. */
export async function focusMark(page: Page, selector: string, index = 0): Promise<boolean> {
  const { scope, term } = parseMarkSelector(selector);
  return !!(await probe<boolean>(page, 'focus', [scope, term, index]));
}

/** The term id of the focused mark, or null when focus is not on one of our marks. */
export async function focusedMark(page: Page): Promise<string | null> {
  return (await probe<string | null>(page, 'focusedTerm')) ?? null;
}

export async function ariaExpanded(page: Page, selector: string, index = 0): Promise<string | null> {
  const { scope, term } = parseMarkSelector(selector);
  return (await probe<string | null>(page, 'ariaExpanded', [scope, term, index])) ?? null;
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
  /** why the sentence was not judged (e.g. not English), or '' */
  notice: string;
  /** what an empty popover says, or '' */
  empty: string;
  /** "and N more reports in the Crosscheck popup", or '' */
  more: string;
  items: PopoverItem[];
  /** 'loading' | 'ready' | 'error' */
  status: string;
  /** the box in viewport coordinates */
  rect: { left: number; top: number; right: number; bottom: number } | null;
  /** class of the element focused inside the popover (cc-popover, cc-close, cc-item), or null */
  focused: string | null;
}

/** Read the open popover (through the content script: its shadow root is closed). Null when none is shown. */
export async function readPopover(page: Page): Promise<PopoverInfo | null> {
  return (await probe<PopoverInfo | null>(page, 'popover')) ?? null;
}

/** Wait for the popover to have finished loading (reports listed, "none", or an error). */
export async function waitForPopover(page: Page, timeout = 10_000): Promise<PopoverInfo> {
  let last: PopoverInfo | null = null;
  return until(async () => {
    const p = (last = await readPopover(page));
    return p && p.status !== 'loading' ? p : null;
  }, timeout, 'the popover').catch((err: Error) => {
    throw new Error(`${err.message}; last read: ${last ? `status ${last.status}, ${last.items.length} items` : 'no popover'}`);
  });
}

/** Wait until no popover is shown. */
export async function waitForNoPopover(page: Page, timeout = 5000): Promise<void> {
  await until(async () => (await readPopover(page)) === null, timeout, 'the popover to close');
}

/** Hover a mark with the real mouse and wait for the popover to list its reports. */
export async function hoverAndRead(page: Page, selector: string): Promise<PopoverInfo> {
  const { x, y } = await locateMark(page, selector);
  await page.mouse.move(x, y);
  return waitForPopover(page);
}
