/**
 * "Check with Crosscheck" in firefox-esr (MV2 build): the shortcut is declared (commands API), and
 * the request the menu item and the shortcut send (`check-selection`, to the menu's frame or to the
 * focused frame) opens the popover at a selected sentence with no mark, in the top page and in a
 * same-origin frame. Firefox's events cannot be dispatched from a test (no `dispatch` on them, and
 * a shortcut pressed through WebDriver BiDi never reaches the browser's key handling), so the test
 * sends that request from an extension page; the listeners' wiring is unit-tested
 * (tests/unit/context-menu.test.ts) and run end to end in Chromium (check.e2e.test.ts).
 */
import type { Server } from 'node:http';
import type { Browser, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openExtensionPage } from './firefox';
import { startServer, until } from './harness';

let server: Server;
let origin: string;
let browser: Browser;
let ext: Page;
let news: Page;
let tabId: number;
/** the frame id (as the extension knows it) of check-frame.html */
let innerFrameId: number;
const errors: string[] = [];

/** The extension API inside its own pages (Firefox's `browser` namespace). */
interface Ext {
  tabs: { sendMessage(tabId: number, msg: object, opts?: { frameId: number }): Promise<unknown> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  runtime: {
    onMessage: { addListener(f: (msg: unknown, sender: Sender) => void): void };
    onConnect: { addListener(f: (port: { sender?: Sender }) => void): void };
  };
}
type Sender = { url?: string; frameId?: number; tab?: { id: number } };
declare const globalThis: { browser: Ext; senders: { url: string; frameId: number; tabId: number }[] };

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ browser } = await launchFirefox());
  const [blank] = await browser.pages();
  ext = await openExtensionPage(browser, 'options.html', '#hover-delay', errors);
  await blank?.close();
  // the content scripts' requests and query ports reach every extension page too: their senders say each frame's id
  await ext.evaluate(() => {
    globalThis.senders = [];
    const learn = (s?: Sender) => {
      if (s?.url && s.frameId !== undefined && s.tab) globalThis.senders.push({ url: s.url, frameId: s.frameId, tabId: s.tab.id });
    };
    globalThis.browser.runtime.onMessage.addListener((_msg, s) => learn(s));
    globalThis.browser.runtime.onConnect.addListener((port) => learn(port.sender));
  });
  news = await browser.newPage();
  news.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
  await news.setViewport({ width: 1200, height: 900 });
  await news.goto(`${origin}/pages/check.html`);
  const marked = (f: Frame) => f.waitForFunction(() => document.querySelectorAll('[role="button"][aria-haspopup="dialog"]').length >= 1, { timeout: 30_000 });
  await marked(news.mainFrame());
  await marked(await inner());
  const seen = await until(async () => {
    const s = await ext.evaluate(() => globalThis.senders);
    const frame = s.find((x) => x.url.endsWith('/pages/check-frame.html'));
    return frame && s.some((x) => x.frameId === 0 && x.url.endsWith('/pages/check.html')) ? frame : null;
  }, 15_000, 'the frames’ content scripts');
  [tabId, innerFrameId] = [seen.tabId, seen.frameId];
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const inner = () => until(async () => news.frames().find((f) => f.url().endsWith('/pages/check-frame.html')), 10_000, 'the frame');

/** The text of the popover shown in `frame`'s document (its child frames other than the page's own), '' when none. */
async function popoverIn(frame: Frame): Promise<string> {
  const own = (await inner()) as Frame;
  const children = frame.childFrames().filter((f) => f !== own);
  const texts = await Promise.all(children.map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  return texts.join('\n').trim();
}

async function select(frame: Frame, id: string, words: string): Promise<void> {
  await frame.evaluate((id, words) => {
    const t = [...document.getElementById(id)!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.includes(words))!;
    const at = t.nodeValue!.indexOf(words);
    const r = document.createRange();
    r.setStart(t, at);
    r.setEnd(t, at + words.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
  }, id, words);
}

/** The request the context-menu item sends to its frame (or, `focused`, the shortcut to every frame). */
const request = (frameId: number | null) =>
  ext.evaluate(
    (tabId, frameId) =>
      frameId === null
        ? globalThis.browser.tabs.sendMessage(tabId, { type: 'check-selection', focused: true })
        : globalThis.browser.tabs.sendMessage(tabId, { type: 'check-selection' }, { frameId }),
    tabId,
    frameId,
  );

describe('Firefox: check any sentence', () => {
  it('declares the shortcut (commands API), with its description from the catalogue', async () => {
    const commands = await ext.evaluate(() => globalThis.browser.commands.getAll());
    expect(commands.find((c) => c.name === 'check-selection')).toMatchObject({ shortcut: 'Alt+Shift+K', description: 'Check the selected sentence with Crosscheck' });
  });

  it('the top frame: the popover for the whole selected sentence, with the conflicting report; Esc closes it', async () => {
    await news.bringToFront();
    await select(news.mainFrame(), 'count', 'from 15 countries');
    expect(await request(0)).toEqual({ ok: true, value: true });
    const text = await until(async () => {
      const t = await popoverIn(news.mainFrame());
      return /^conflicts \(\d+\)$/im.test(t) ? t : null;
    }, 15_000, 'the popover with its verdict');
    expect(text).toContain('Selected text');
    expect(text).toContain('This page: “Officials said advisers from 15 countries took part in the talks.”');
    expect(text).toMatch(/18 countries/);
    await news.keyboard.press('Escape');
    await until(async () => (await popoverIn(news.mainFrame())) === '', 5000, 'the popover to close');
  });

  it('a same-origin frame: the request to its frame id, and the shortcut’s request with focus in the frame, open the popover there', async () => {
    const frame = await inner();
    await news.mainFrame().evaluate(() => document.getSelection()?.removeAllRanges());
    await select(frame, 'inner', 'advisers');
    expect(await request(innerFrameId)).toEqual({ ok: true, value: true });
    const text = await until(async () => {
      const t = await popoverIn(frame);
      return /^conflicts \(\d+\)$/im.test(t) ? t : null;
    }, 15_000, 'the frame’s popover');
    expect(text).toContain('This page: “A delegate said advisers from 15 countries took part in the talks.”');
    expect(await popoverIn(news.mainFrame())).toBe('');
    await news.keyboard.press('Escape');
    await until(async () => (await popoverIn(frame)) === '', 5000, 'the popover to close');
    // the shortcut: every frame asked, only the focused one (the frame) acts
    await select(news.mainFrame(), 'bakery', 'bakery');
    await news.$eval('#frame', (f) => (f as HTMLIFrameElement).focus());
    await select(frame, 'inner', 'took part');
    expect(await request(null)).toEqual({ ok: true, value: true });
    await until(async () => /^conflicts \(\d+\)$/im.test(await popoverIn(frame)), 15_000, 'the frame’s popover');
    expect(await popoverIn(news.mainFrame())).toBe('');
    await news.keyboard.press('Escape');
    await until(async () => (await popoverIn(frame)) === '', 5000, 'the popover to close');
  });

  it('nothing selected: no frame answers, nothing opens, no error', async () => {
    await news.mainFrame().evaluate(() => document.getSelection()?.removeAllRanges());
    await (await inner()).evaluate(() => document.getSelection()?.removeAllRanges());
    // Firefox resolves a message no frame answers with undefined (Chrome rejects it): either way no reply
    expect(await request(0).catch(() => undefined)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(await popoverIn(news.mainFrame())).toBe('');
    expect(errors).toEqual([]);
  });
});
