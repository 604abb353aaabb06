/**
 * End-to-end, the popup and options page in Chromium (built extension): "On this page" lists the
 * sentences reports conflict with, then those they corroborate, each opening its popover on the
 * page; filters stay tucked away until wanted; untitled reports are named by their lead; axe-core
 * finds no serious or critical violation in light and dark; the keyboard order follows the layout.
 */
import type { Server } from 'node:http';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeAxe, runAxe } from './axe';
import { badgeText, launch, openLocal, readPopover, startServer, tabIdOf, until, waitForMarks, waitForPopover } from './harness';

let server: Server;
let origin: string;
let browser: Browser;
let worker: WebWorker;
let extensionId: string;

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ browser, worker, extensionId } = await launch());
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface ClaimRow {
  verdict: string;
  sentence: string;
  report: string;
  reason: string;
}

const readClaims = (popup: Page) =>
  popup.$$eval('#page-claims .claim', (els) =>
    els.map((e) => ({
      verdict: e.getAttribute('data-verdict') ?? '',
      sentence: e.querySelector('.claim-sentence')?.textContent ?? '',
      report: e.querySelector('.claim-title')?.textContent ?? '',
      reason: e.querySelector('.claim-reason')?.textContent ?? '',
    })),
  );

/** The page in front until its sentences are judged: the badge turns to "N!" once the summary has run (idle callbacks wait while a tab is hidden). */
async function judged(page: Page, tabId: number): Promise<void> {
  await page.bringToFront();
  await until(async () => /^\d+!$/.test(await badgeText(worker, tabId)), 30_000, 'the page judged (badge N!)');
}

async function openPopup(query = ''): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  await popup.waitForSelector('#reports .report');
  return popup;
}

describe('popup: on this page', () => {
  let page: Page;
  let tabId: number;
  beforeAll(async () => {
    ({ page } = await openLocal(browser, origin, '/demo.html'));
    await waitForMarks(page, 5);
    tabId = await tabIdOf(worker, page);
    await judged(page, tabId);
  });

  it('lists the sentences reports conflict with, then those they corroborate, with the report and the reason; the badge is unchanged', async () => {
    const popup = await openPopup(`?tab=${tabId}`);
    // the tab judges its sentences in idle time; the popup follows
    await popup.waitForSelector('#page-tally .n-corroborates', { timeout: 30_000 });
    // the first few are shown; the rest on demand
    expect(await popup.$$eval('#page-claims .claim', (e) => e.length)).toBe(4);
    await popup.click('.claims-more');
    const claims: ClaimRow[] = await readClaims(popup);
    expect(claims.length).toBeGreaterThan(4);
    const verdicts = claims.map((c) => c.verdict);
    expect(verdicts[0]).toBe('conflicts');
    expect(verdicts.lastIndexOf('conflicts')).toBeLessThan(verdicts.indexOf('corroborates'));
    for (const c of claims) {
      expect(c.sentence.length, JSON.stringify(c)).toBeGreaterThan(20);
      expect(c.report.length, JSON.stringify(c)).toBeGreaterThan(10);
      expect(c.reason.length, JSON.stringify(c)).toBeGreaterThan(10);
      expect(c.report).not.toMatch(/^Untitled/);
    }
    // the count conflict of the demo page: 12 countries on the page, 18 in the report
    expect(claims.find((c) => /12 countries/.test(c.sentence))).toMatchObject({ verdict: 'conflicts', reason: expect.stringMatching(/18 countries/) });
    // the tally counts sentences, as listed
    const tally = await popup.$eval('#page-tally', (e) => e.textContent ?? '');
    expect(tally).toMatch(new RegExp(`${verdicts.filter((v) => v === 'conflicts').length} conflicts?`));
    // the badge still counts conflicting marks ("N!")
    expect(await badgeText(worker, tabId)).toMatch(/^\d+!$/);
    await popup.close();
  });

  it('a listed sentence jumps to its place on the page and opens its popover', async () => {
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('#page-claims .claim', { timeout: 30_000 });
    const [first] = await readClaims(popup);
    await popup.click('#page-claims .claim .claim-open');
    const pop = await waitForPopover(page);
    expect(pop.claim).toContain(first!.sentence);
    expect(pop.items.some((i) => i.verdict === first!.verdict)).toBe(true);
    // the toolbar popup closes when the reader goes back to the page; here the popup is a tab
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await until(async () => (await readPopover(page)) === null, 5000, 'popover closed');
    if (!popup.isClosed()) await popup.close();
  });
});

describe('popup: corpus', () => {
  it('names an untitled report by its opening words, and keeps the filters tucked away until asked for', async () => {
    const popup = await openPopup();
    const titles = await popup.$$eval('#reports .report .report-title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles).toHaveLength(5);
    for (const t of titles) expect(t).not.toMatch(/untitled/i);
    expect(titles.filter((t) => t.startsWith('“')).length).toBe(3);
    expect(await popup.$eval('#filters', (e) => (e as HTMLElement).getBoundingClientRect().height)).toBe(0);
    expect(await popup.$eval('#filters-toggle', (e) => e.getAttribute('aria-expanded'))).toBe('false');
    await popup.click('#filters-toggle');
    expect(await popup.$eval('#filters', (e) => (e as HTMLElement).getBoundingClientRect().height)).toBeGreaterThan(50);
    await popup.select('#filter-origin', 'user');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 0);
    expect(await popup.$eval('#filters-toggle', (e) => e.textContent)).toMatch(/Filters\s*1/);
    await popup.click('#filters .clear');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 5);
    await popup.close();
  });

  it('fits a toolbar popup: 380 px wide, nothing wider', async () => {
    const popup = await openPopup();
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await popup.click('#filters-toggle');
    await popup.click('details#add-report summary');
    await popup.click('#import-export summary');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await popup.close();
  });
});

describe('accessibility', () => {
  it('the popup pointed at a page, light and dark, has no serious or critical axe violation', async () => {
    const { page } = await openLocal(browser, origin, '/demo.html');
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(worker, page);
    await judged(page, tabId);
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('#page-claims .claim', { timeout: 30_000 });
    await popup.click('#filters-toggle');
    await popup.click('details#add-report summary');
    await popup.click('#import-export summary');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const r = await runAxe(popup);
      console.log(describeAxe(`popup (${scheme})`, r));
      expect(blocking(r)).toEqual([]);
    }
    await popup.close();
    await page.close();
  });

  it('the options page, light and dark, has no serious or critical axe violation', async () => {
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('#hover-delay');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const r = await runAxe(options);
      console.log(describeAxe(`options (${scheme})`, r));
      expect(blocking(r)).toEqual([]);
    }
    await options.close();
  });

  it('the keyboard goes through the popup in reading order: switch, this page, the corpus, settings', async () => {
    const { page } = await openLocal(browser, origin, '/demo.html');
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(worker, page);
    await judged(page, tabId);
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('#page-claims .claim', { timeout: 30_000 });
    const order: string[] = [];
    for (let i = 0; i < 80; i++) {
      await popup.keyboard.press('Tab');
      const id = await popup.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return 'body';
        return e.id ? `#${e.id}` : `.${[...e.classList].join('.')}${e.localName === 'summary' ? `@${e.parentElement?.id}` : ''}`;
      });
      if (order.includes(id) && id === order[0]) break;
      order.push(id);
    }
    const at = (id: string) => order.indexOf(id);
    for (const id of ['#site-switch', '.claim-open', '.mention-search', '#add-article-button', '#search', '#filters-toggle', '.report-title', '@add-report', '@import-export', '#open-settings']) {
      expect(order.findIndex((o) => o === id || o.startsWith(id) || o.endsWith(id)), `${id} in ${order.join(' ')}`).toBeGreaterThanOrEqual(0);
    }
    const first = (id: string) => order.findIndex((o) => o === id || o.startsWith(id) || o.endsWith(id));
    const sequence = ['#site-switch', '.claim-open', '#add-article-button', '#search', '#filters-toggle', '.report-title', '@add-report', '@import-export', '#open-settings'].map(first);
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    expect(at('#site-switch')).toBe(0);
    await popup.close();
    await page.close();
  });
});
