/**
 * Firefox on a par with Chromium: the popup, the options page, the toolbar badge (browserAction)
 * and "Add this article" in firefox-esr (MV2 build). The add-on's pages are opened as tabs at
 * moz-extension://UUID/… (a fixed UUID set by pref, tests/e2e/firefox.ts); from there the
 * extension's own APIs (tabs, browserAction, storage) answer what the test asks.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeAxe, runAxe } from './axe';
import { launchFirefox, openExtensionPage as openFirefoxPage, popoverText } from './firefox';
import { startServer, until } from './harness';

let server: Server;
let origin: string;
let browser: Browser;
/** the news page's tab */
let tabId: number;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ browser } = await launchFirefox());
  // one tab per test page: the blank start tab would be one more to tell apart
  const [blank] = await browser.pages();
  const news = await browser.newPage();
  news.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
  await news.setViewport({ width: 1200, height: 900 });
  await news.goto(`${origin}/pages/news-article.html`);
  await blank?.close();
  await news.waitForFunction(() => document.querySelectorAll('[role="button"][aria-haspopup="dialog"]').length >= 3, { timeout: 30_000 });
  // the news tab's id, while it is the only other tab
  const ext = await openExtensionPage('options.html', '#hover-delay');
  tabId = await newsTabId(ext);
  await ext.close();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The extension API inside its own pages (Firefox's `browser` namespace). */
interface Ext {
  tabs: { query(q: object): Promise<{ id: number; active: boolean }[]>; getCurrent(): Promise<{ id: number }> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
}

/** An extension page in a new tab. */
const openExtensionPage = (path: string, ready: string) => openFirefoxPage(browser, path, ready, errors);

/** The news tab's id, asked from an extension page: the only tab other than the asking one. */
async function newsTabId(ext: Page): Promise<number> {
  return ext.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Ext }).browser;
    const me = await api.tabs.getCurrent();
    const others = (await api.tabs.query({})).filter((t) => t.id !== me.id);
    if (others.length !== 1) throw new Error(`expected one other tab, found ${others.length}`);
    return others[0]!.id;
  });
}

describe('Firefox: popup, options, badge, add this article', () => {

  it('the badge (browserAction) says what the page holds: its marks, or "N!" for the marks a report conflicts with', async () => {
    const ext = await openExtensionPage('options.html', '#hover-delay');
    // the badge, and what the tab's content script says it reported (as the popup asks it)
    const read = () =>
      ext.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser: Ext & { tabs: { sendMessage(id: number, m: object): Promise<{ ok: boolean; value: { mentions: { count: number; conflicts: number }[] } }> } } }).browser;
        const badge = await api.browserAction.getBadgeText({ tabId: id });
        const reply = await api.tabs.sendMessage(id, { type: 'page-mentions' });
        const count = reply.value.mentions.reduce((n, m) => n + m.count, 0);
        const conflicts = reply.value.mentions.reduce((n, m) => n + m.conflicts, 0);
        return { badge, expected: conflicts ? `${conflicts}!` : String(count), count };
      }, tabId);
    const seen = await until(async () => {
      const r = await read();
      return r.count > 0 && r.badge === r.expected ? r : null;
    }, 30_000, 'the badge to match the page');
    expect(seen.badge).toMatch(/^\d+!?$/);
    await ext.close();
  });

  it('the popup lists the page’s mentions and judged sentences, searches the corpus and switches the site off and on', async () => {
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`, '#page-mentions .mention');
    const mentions = await popup.$$eval('#page-mentions .mention', (els) => els.map((e) => e.textContent ?? ''));
    expect(mentions.join(' ')).toMatch(/Steve Witkoff/);
    expect(await popup.$$eval('#reports .report', (e) => e.length)).toBe(5);
    // untitled reports are named by their opening words
    const titles = await popup.$$eval('#reports .report-title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.filter((t) => t.startsWith('“')).length).toBe(3);

    await popup.type('#search', 'Witkof');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 1);
    expect(await popup.$eval('#term-results', (e) => e.textContent)).toMatch(/Steve Witkoff/);

    expect(await popup.$eval('#site-switch', (e) => (e as HTMLInputElement).checked)).toBe(true);
    await popup.click('#site-switch');
    await popup.waitForFunction(() => /Switched off/.test(document.querySelector('#page-mentions')?.textContent ?? ''), { timeout: 10_000 });
    await popup.click('#site-switch');
    await popup.waitForSelector('#page-mentions .mention', { timeout: 20_000 });
    await popup.close();
  });

  it('a sentence in the popup’s "On this page" opens its popover on the page', async () => {
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`, '#reports .report');
    await popup.waitForSelector('#page-claims .claim', { timeout: 30_000 });
    const first = await popup.$eval('#page-claims .claim', (e) => ({ verdict: e.getAttribute('data-verdict'), title: e.querySelector('.claim-title')?.textContent ?? '' }));
    expect(['conflicts', 'corroborates']).toContain(first.verdict);
    await popup.click('#page-claims .claim-open');
    const [news] = (await browser.pages()).filter((p) => p.url().startsWith(origin));
    // the popover's text, read in its own frame (the extension's popover.html, out of the page's reach)
    await until(async () => (await popoverText(news!)).includes(first.title.slice(0, 30)), 10_000, 'the popover');
    await news!.keyboard.press('Escape');
    if (!popup.isClosed()) await popup.close();
  });

  it('adds the article the tab shows, after a preview the reader can correct', async () => {
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`, '#add-article-button:not([disabled])');
    await popup.click('#add-article-button');
    await popup.waitForSelector('.article-preview');
    expect(await popup.$eval('.article-preview [name="title"]', (e) => (e as HTMLInputElement).value)).toMatch(/Allies meet in Kyiv/);
    await popup.$eval('.article-preview [name="source"]', (e) => ((e as HTMLInputElement).value = ''));
    await popup.type('.article-preview [name="source"]', 'The Daily Ledger');
    await popup.click('.article-preview button[type="submit"]');
    await popup.waitForSelector('#notice[role="status"]', { timeout: 15_000 });
    expect(await popup.$eval('#notice', (e) => e.textContent)).toMatch(/^Added “Allies meet in Kyiv.*” to your corpus\.$/);
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 6, { timeout: 15_000 });
    expect(await popup.$eval('#reports .report[data-origin="user"]', (e) => e.textContent)).toMatch(/The Daily Ledger/);
    // a second time is refused, with the background's message from the catalogue (the button is
    // disabled for a moment while the page is marked again with the grown corpus)
    await popup.waitForSelector('#add-article-button:not([disabled])', { timeout: 15_000 });
    await popup.click('#add-article-button');
    await popup.waitForSelector('.article-preview');
    await popup.click('.article-preview button[type="submit"]');
    await popup.waitForSelector('#notice[role="alert"]', { timeout: 15_000 });
    expect(await popup.$eval('#notice', (e) => e.textContent)).toMatch(/already in your corpus/);
    await popup.close();
  });

  it('the options page saves preferences to storage and shows them after a reload', async () => {
    const options = await openExtensionPage('options.html', '#hover-delay');
    await options.click('#fuzzy');
    await options.click('#scope-everywhere');
    await options.waitForFunction(() => document.querySelector('#status')?.textContent === 'Saved');
    const stored = () => options.evaluate(async () => (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get('preferences')).preferences);
    expect(await stored()).toMatchObject({ fuzzy: false, scope: 'everywhere' });
    await options.evaluate(() => {
      (window as unknown as { before?: boolean }).before = true;
      location.reload();
    });
    await until(
      () => options.evaluate(() => !(window as unknown as { before?: boolean }).before && document.readyState === 'complete' && !!document.querySelector('#hover-delay')).catch(() => false),
      20_000,
      'the options page reloaded',
    );
    expect(await options.$eval('#fuzzy', (e) => (e as HTMLInputElement).checked)).toBe(false);
    expect(await options.$eval('#scope-everywhere', (e) => (e as HTMLInputElement).checked)).toBe(true);
    await options.click('#reset');
    await options.waitForFunction(() => (document.querySelector('#fuzzy') as HTMLInputElement).checked);
    expect(await stored()).toMatchObject({ fuzzy: true, scope: 'article' });
    await options.close();
  });

  it('popup and options pass axe-core with no serious or critical violation in Firefox too', async () => {
    for (const [path, ready] of [
      ['popup.html', '#reports .report'],
      ['options.html', '#hover-delay'],
    ] as const) {
      const p = await openExtensionPage(path, ready);
      const r = await runAxe(p);
      console.log(describeAxe(`${path} (Firefox)`, r));
      expect(blocking(r)).toEqual([]);
      await p.close();
    }
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
