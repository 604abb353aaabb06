/**
 * Firefox smoke test: the BUILT Firefox extension (.output/firefox-mv2) in Debian's firefox-esr
 * through Puppeteer's WebDriver BiDi support. Marks are read from the DOM and their underline from
 * computed styles; the popover's text is found as a reader finds it, with window.find (Firefox's
 * find-in-page reaches into shadow roots, open or closed).
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from './firefox';
import { startServer } from './harness';

let server: Server;
let origin: string;
let browser: Browser;
let addonId: string;

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ browser, addonId } = await launchFirefox());
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Whether `text` is visible anywhere in the page, popover included (case-sensitive, whole document). */
const visible = (page: Page, text: string) =>
  page.evaluate((t) => {
    getSelection()?.removeAllRanges();
    return (window as unknown as { find(s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find(t, true, false, true);
  }, text);

describe('Firefox (firefox-esr, MV2 build)', () => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    expect(addonId).toMatch(/\S/);
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${origin}/pages/news-article.html`);
  });

  it('marks corpus mentions in the article, underlined, and none in the comment box', async () => {
    await page.waitForFunction(() => document.querySelectorAll('#a-zelensky crosscheck-mark').length >= 2, { timeout: 30_000 });
    const marks = await page.$$eval('crosscheck-mark', (els) =>
      els.map((e) => ({ text: e.textContent, term: (e as HTMLElement).dataset.term, underline: getComputedStyle(e).borderBottomStyle, inTextarea: !!e.closest('textarea') })),
    );
    const byText = Object.fromEntries(marks.map((m) => [m.text, m]));
    expect(byText['Steve Witkoff']).toMatchObject({ term: 'steve-witkoff', underline: 'solid' });
    expect(byText['Volodymyr Zelensky']).toMatchObject({ term: 'volodymyr-zelensky', underline: 'solid' });
    expect(byText['Washington']?.term).toBe('washington');
    expect(marks.filter((m) => m.inTextarea)).toEqual([]);
    expect(await page.$eval('#comment', (t) => (t as HTMLTextAreaElement).value)).toBe('Zelensky and Witkoff should meet in person.');
  });

  it('hovering a mark opens a popover with the report and its evidence sentence', async () => {
    const title = 'partners gather in Kyiv to discuss roadmap';
    expect(await visible(page, title)).toBe(false);
    await page.hover('#a-lede crosscheck-mark[data-term="steve-witkoff"]');
    await page.waitForSelector('crosscheck-ui', { timeout: 10_000 });
    await page.waitForFunction(
      (t) => (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(t, true, false, true),
      { timeout: 10_000, polling: 200 },
      title,
    );
    expect(await visible(page, 'key allies met in Kyiv on Monday to push')).toBe(true);
    await page.mouse.move(1, 1);
    await page.waitForFunction(() => !document.querySelector('crosscheck-ui'), { timeout: 5000 });
    expect(await visible(page, title)).toBe(false);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
