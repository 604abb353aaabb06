/**
 * End-to-end, "Check with Crosscheck" in Chromium (built extension): a sentence with no mark is
 * selected on a page of our own (tests/pages/check.html) and in its same-origin frame, and the
 * popover opens at the selection with that sentence and the reports' verdicts. Puppeteer cannot
 * click a native context menu or press a browser shortcut, so the test dispatches the events the
 * browser would (`chrome.contextMenus.onClicked`, `chrome.commands.onCommand`) in the service
 * worker: the extension's own listeners run from there, as for the reader's click.
 */
import type { Server } from 'node:http';
import type { Browser, Frame, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMarks, launch, locateMark, openLocal, pageState, probe, startServer, tabIdOf, until, type PopoverInfo, waitForMarks } from './harness';

let server: Server;
let origin: string;
let browser: Browser;
let worker: WebWorker;

/** The parts of the Chrome extension API the test calls inside the service worker. */
declare const chrome: {
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  commands: { onCommand: { dispatch(command: string, tab?: object): void }; getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  runtime: {
    onMessage: { addListener(f: (msg: unknown, sender: { url?: string; frameId?: number }) => void): void };
    onConnect: { addListener(f: (port: { sender?: { url?: string; frameId?: number } }) => void): void };
  };
  tabs: { get(id: number): Promise<object> };
};
declare const globalThis: { frameIds: Record<string, number> };

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ browser, worker } = await launch());
  // Which extension frame id each page frame has (the menu's info.frameId): learnt from the
  // messages and query ports the frames' content scripts open when they start.
  await worker.evaluate(() => {
    globalThis.frameIds = {};
    const learn = (sender?: { url?: string; frameId?: number }) => {
      if (sender?.url && sender.frameId !== undefined) globalThis.frameIds[sender.url] = sender.frameId;
    };
    chrome.runtime.onMessage.addListener((_msg, sender) => learn(sender));
    chrome.runtime.onConnect.addListener((port) => learn(port.sender));
  });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Select `words` inside the element `#id` of a frame, with the page's own Selection API. */
async function select(frame: Frame, id: string, words: string): Promise<void> {
  await frame.evaluate((id, words) => {
    const el = document.getElementById(id)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.nodeValue!.indexOf(words);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(t, at);
      r.setEnd(t, at + words.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return;
    }
    throw new Error(`“${words}” is not in #${id}`);
  }, id, words);
}

/** What the browser does when the reader picks "Check with Crosscheck" in the frame's context menu. */
async function clickMenu(tabId: number, frameId: number): Promise<void> {
  await worker.evaluate(
    async (tabId, frameId) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'crosscheck-check-selection', frameId, editable: false, pageUrl: '' }, await chrome.tabs.get(tabId)),
    tabId,
    frameId,
  );
}

/** What the browser does when the reader presses the shortcut. */
async function pressShortcut(tabId: number): Promise<void> {
  await worker.evaluate(async (tabId) => chrome.commands.onCommand.dispatch('check-selection', await chrome.tabs.get(tabId)), tabId);
}

const popoverIn = (page: Page, frame: Frame) => probe<PopoverInfo | null>(page, 'popover', [], frame);
const readyIn = (page: Page, frame: Frame) =>
  until(async () => {
    const p = await popoverIn(page, frame);
    return p && p.status !== 'loading' ? p : null;
  }, 15_000, 'the selection’s popover');
const closedIn = (page: Page, frame: Frame) => until(async () => (await popoverIn(page, frame)) === null, 5000, 'the popover to close');

describe('check any sentence (Chromium)', () => {
  let page: Page;
  let errors: string[];
  let tabId: number;
  let top: Frame;
  let inner: Frame;

  beforeAll(async () => {
    ({ page, errors } = await openLocal(browser, origin, '/pages/check.html', 'load'));
    top = page.mainFrame();
    inner = await until(async () => page.frames().find((f) => f.url().endsWith('/pages/check-frame.html')), 10_000, 'the frame');
    await waitForMarks(page, 1);
    await waitForMarks(page, 1, 15_000, inner);
    tabId = await tabIdOf(worker, page);
  });

  it('the manifest declares the shortcut, with its description from the catalogue', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'check-selection')).toMatchObject({ description: 'Check the selected sentence with Crosscheck' });
  });

  it('the sentences checked hold no mark', async () => {
    for (const scope of ['#count', '#draft', '#bakery']) expect(await countMarks(page, `${scope} crosscheck-mark`)).toBe(0);
    expect(await countMarks(page, '#marked crosscheck-mark')).toBe(1);
  });

  it('the menu item opens the popover at the selection, for its whole sentence, with the conflicting report', async () => {
    await select(top, 'count', 'from 15 countries');
    await clickMenu(tabId, 0);
    const pop = await readyIn(page, top);
    expect(pop.term).toBe('Selected text');
    expect(pop.claim).toBe('This page: “Officials said advisers from 15 countries took part in the talks.”');
    const conflict = pop.items.find((i) => i.verdict === 'conflicts');
    expect(conflict?.sentence).toContain('18 countries');
    expect(conflict?.reason).toMatch(/15 countries.*18 countries/);
    expect(pop.count).toMatch(/^\d+ reports? speaks? to it$/);
    // at the selection: just below (or above) the selected line
    const line = await page.$eval('#count', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(pop.rect!.top >= line.bottom - 1 || pop.rect!.bottom <= line.top + 1).toBe(true);
    expect(Math.abs(pop.rect!.top - line.bottom) < 40 || Math.abs(pop.rect!.bottom - line.top) < 40).toBe(true);
    // focus is in the popover; Esc closes it
    expect(pop.focused).not.toBeNull();
    await page.keyboard.press('Escape');
    await closedIn(page, top);
  });

  it('stays open while the pointer crosses marks and leaves it; a click elsewhere on the page closes it', async () => {
    await select(top, 'draft', 'negotiator');
    await clickMenu(tabId, 0);
    const pop = await readyIn(page, top);
    expect(pop.claim).toBe('This page: “One negotiator said the draft agreement was 90% complete.”');
    expect(pop.items.find((i) => i.verdict === 'corroborates')?.sentence).toMatch(/90%/);
    const { x, y } = await locateMark(page, '#marked crosscheck-mark');
    await page.mouse.move(x, y);
    await new Promise((r) => setTimeout(r, 1500)); // past the hover delay and the close delay
    expect((await popoverIn(page, top))?.claim).toBe(pop.claim);
    await page.mouse.click(5, 5);
    await closedIn(page, top);
  });

  it('a sentence nothing in the corpus relates to: the popover says so', async () => {
    await select(top, 'bakery', 'bread with olives');
    await clickMenu(tabId, 0);
    const pop = await readyIn(page, top);
    expect(pop.items).toEqual([]);
    expect(pop.empty).toBe('Nothing in your corpus relates to this text. No report names what it names or says anything about it.');
    await page.keyboard.press('Escape');
    await closedIn(page, top);
  });

  it('the shortcut checks the selection of the frame that has focus, scrolled back into sight', async () => {
    await select(top, 'count', 'took part');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await pressShortcut(tabId);
    const pop = await readyIn(page, top);
    expect(pop.claim).toContain('advisers from 15 countries');
    const line = await page.$eval('#count', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const height = await page.evaluate(() => innerHeight);
    expect(line.top).toBeGreaterThanOrEqual(0);
    expect(line.bottom).toBeLessThanOrEqual(height);
    expect(pop.rect!.top).toBeGreaterThanOrEqual(0);
    expect(pop.rect!.bottom).toBeLessThanOrEqual(height);
    await page.keyboard.press('Escape');
    await closedIn(page, top);
  });

  it('in a same-origin frame: the menu item (sent to that frame) and the shortcut open the popover there', async () => {
    const frameId = await worker.evaluate((url) => globalThis.frameIds[url], inner.url());
    expect(frameId).toBeGreaterThan(0);
    await top.evaluate(() => document.getSelection()?.removeAllRanges());
    await select(inner, 'inner', 'advisers');
    await clickMenu(tabId, frameId!);
    const pop = await readyIn(page, inner);
    expect(pop.claim).toBe('This page: “A delegate said advisers from 15 countries took part in the talks.”');
    expect(pop.items.some((i) => i.verdict === 'conflicts')).toBe(true);
    expect(await popoverIn(page, top)).toBeNull();
    // below the selected line, inside the frame's viewport
    const line = await inner.$eval('#inner', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const height = await inner.evaluate(() => innerHeight);
    expect(pop.rect!.top).toBeGreaterThanOrEqual(line.bottom - 1);
    expect(pop.rect!.bottom).toBeLessThanOrEqual(height);
    await page.keyboard.press('Escape');
    await closedIn(page, inner);
    // the shortcut: focus in the frame, its selection checked, the top page left alone
    await select(top, 'bakery', 'bakery');
    await page.$eval('#frame', (f) => (f as HTMLIFrameElement).focus());
    await select(inner, 'inner', 'took part');
    await pressShortcut(tabId);
    const again = await readyIn(page, inner);
    expect(again.claim).toContain('A delegate said advisers');
    expect(await popoverIn(page, top)).toBeNull();
    await page.keyboard.press('Escape');
    await closedIn(page, inner);
  });

  it('the shortcut with nothing selected does nothing, and nothing breaks', async () => {
    await top.evaluate(() => document.getSelection()?.removeAllRanges());
    await inner.evaluate(() => document.getSelection()?.removeAllRanges());
    await page.bringToFront();
    await pressShortcut(tabId);
    await clickMenu(tabId, 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await popoverIn(page, top)).toBeNull();
    expect(await popoverIn(page, inner)).toBeNull();
    expect((await pageState(page))?.enabled).toBe(true);
    expect(errors).toEqual([]);
  });
});
