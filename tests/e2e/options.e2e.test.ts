/** End-to-end: the options page (built extension, Chromium) edits the stored settings, and an open tab follows them live. */
import type { Server } from 'node:http';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openLocal, pageState, readMarks, startServer, until, waitForMarks } from './harness';

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

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
const stored = (key: string) => worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

async function openOptions(): Promise<Page> {
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#hover-delay');
  return options;
}

describe('options page', () => {
  it('turning a site off and back on from the list removes and restores the marks in an open tab', async () => {
    const { page: news } = await openLocal(browser, origin, '/pages/news-article.html');
    const before = (await waitForMarks(news, 3, 20_000)).length;
    const options = await openOptions();
    expect(await options.$eval('main', (e) => e.textContent)).toMatch(/Crosscheck marks every site/);

    await options.type('#site-input', 'www.example');
    await options.click('#add-site button[type="submit"]');
    expect(await options.$eval('[role="alert"]', (e) => e.textContent)).toMatch(/“www.example” is not a site/);

    await options.$eval('#site-input', (e) => ((e as HTMLInputElement).value = ''));
    await options.type('#site-input', `${origin}/pages/news-article.html`);
    await options.click('#add-site button[type="submit"]');
    await options.waitForSelector('#sites li.site[data-site="127.0.0.1"]');
    expect(await stored('disabledSites')).toEqual(['127.0.0.1']);
    await until(async () => (await pageState(news))?.enabled === false && (await readMarks(news)).length === 0, 5000, 'marks removed');

    await options.click('#sites li.site[data-site="127.0.0.1"] button.remove');
    await options.waitForFunction(() => !document.querySelector('#sites'));
    expect(await stored('disabledSites')).toEqual([]);
    expect((await waitForMarks(news, before, 10_000)).length).toBe(before);
    await options.close();
    await news.close();
  });

  it('saves the preferences and shows them again after a reload', async () => {
    const options = await openOptions();
    await options.click('#fuzzy');
    await options.click('#kind-place');
    await options.click('#scope-everywhere');
    await options.$eval('#hover-delay', (e) => {
      const input = e as HTMLInputElement;
      input.value = '800';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForFunction(() => document.querySelector('#hover-delay-value')?.textContent === '800 ms');
    expect(await options.$eval('#status', (e) => e.textContent)).toBe('Saved');
    expect(await stored('preferences')).toEqual({ hoverDelayMs: 800, kinds: ['person', 'organization', 'topic'], fuzzy: false, scope: 'everywhere' });

    await options.reload();
    await options.waitForSelector('#hover-delay');
    const shown = await options.evaluate(() => ({
      delay: (document.querySelector('#hover-delay') as HTMLInputElement).value,
      fuzzy: (document.querySelector('#fuzzy') as HTMLInputElement).checked,
      place: (document.querySelector('#kind-place') as HTMLInputElement).checked,
      person: (document.querySelector('#kind-person') as HTMLInputElement).checked,
      everywhere: (document.querySelector('#scope-everywhere') as HTMLInputElement).checked,
    }));
    expect(shown).toEqual({ delay: '800', fuzzy: false, place: false, person: true, everywhere: true });

    await options.click('#reset');
    await options.waitForFunction(() => (document.querySelector('#fuzzy') as HTMLInputElement).checked);
    expect(await stored('preferences')).toEqual({ hoverDelayMs: 350, kinds: ['person', 'place', 'organization', 'topic'], fuzzy: true, scope: 'article' });
    await options.close();
  });

  it('is reachable from the popup', async () => {
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const opened = browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/options.html`, { timeout: 10_000 });
    await popup.click('#open-settings');
    expect((await opened).url()).toMatch(/options\.html$/);
    await popup.close();
  });
});
