/**
 * Firefox smoke test: the BUILT Firefox extension (.output/firefox-mv2) in Debian's firefox-esr
 * through Puppeteer's WebDriver BiDi support. There is no CDP here to reach the content script's
 * probe, so marks are found as a page would see them (inline elements with a random `cc-` tag,
 * role=button, aria-haspopup; no term ids) and their underline from computed styles; the popover's
 * text is read in its own frame (the extension's popover.html), which the page's window.find cannot reach.
 */
import type { Server } from 'node:http';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, popoverText } from './firefox';
import { startServer, until } from './harness';

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

/** A mark as the page sees it: a random tag starting `cc`, a button with a popup. */
const MARK = '[role="button"][aria-haspopup="dialog"]';

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
    await page.waitForFunction((sel) => document.querySelectorAll(`#a-zelensky ${sel}`).length >= 2, { timeout: 30_000 }, MARK);
    const marks = await page.$$eval(MARK, (els) =>
      els.map((e) => ({ text: e.textContent, tag: e.localName, underline: getComputedStyle(e).textDecorationLine, attrs: e.getAttributeNames().sort(), inTextarea: !!e.closest('textarea') })),
    );
    const byText = Object.fromEntries(marks.map((m) => [m.text, m]));
    for (const name of ['Steve Witkoff', 'Volodymyr Zelensky', 'Washington']) {
      expect(byText[name]?.tag, name).toMatch(/^cc[a-z]{8}$/);
      expect(byText[name]?.underline, name).toContain('underline');
    }
    // nothing about the corpus in the page's DOM: no term ids or labels on a mark
    for (const m of marks) expect(m.attrs.filter((a) => !['role', 'aria-haspopup', 'aria-expanded', 'tabindex'].includes(a))).toEqual([]);
    expect(marks.filter((m) => m.inTextarea)).toEqual([]);
    expect(await page.$eval('#comment', (t) => (t as HTMLTextAreaElement).value)).toBe('Zelensky and Witkoff should meet in person.');
  });

  it('hovering a mark opens a popover with the report and its evidence sentence', async () => {
    const title = 'partners gather in Kyiv to discuss roadmap';
    expect(await visible(page, title)).toBe(false);
    const witkoff = await page.evaluateHandle((sel) => [...document.querySelectorAll<HTMLElement>(`#a-lede ${sel}`)].find((e) => e.textContent === 'Steve Witkoff')!, MARK);
    await (witkoff as ElementHandle<HTMLElement>).hover();
    await until(async () => (await popoverText(page)).includes(title), 10_000, 'the popover');
    // with the reason in plain words, pointing at what both describe
    expect(await popoverText(page)).toContain('the same meeting in Kyiv');
    // the page's own find-in-page does not reach into the popover's frame
    expect(await visible(page, title)).toBe(false);
    await page.mouse.move(1, 1);
    await until(async () => !(await popoverText(page)).includes(title), 5000, 'the popover to close');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
