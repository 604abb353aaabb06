/**
 * End-to-end, the reader's own corpus: add the article a tab shows from the popup (and see its terms
 * marked live in another tab), refuse a bad import file, and export → wipe → import the same corpus.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_PARAGRAPHS, newsPage } from '../unit/fixtures/news-page';
import { launch, markTexts, openLocal, readMarks, startServer, tabIdOf, until, waitForMarks } from './harness';

/** A second page that mentions the bundled corpus (so it is marked from the start) and the new article's people and places. */
const OTHER_PAGE = `<!doctype html><html><head><title>Other news</title></head><body><main>
<p id="seed">Zelensky met envoys in Washington to discuss security guarantees.</p>
<p id="fresh">Mayor Alicia Moreno of Riverton said the Elm River footbridge will open in 2027, and the city council of Riverton agreed.</p>
</main></body></html>`;

let server: Server;
let origin: string;
let browser: Browser;
let worker: WebWorker;
let extensionId: string;
const downloads = mkdtempSync(join(tmpdir(), 'crosscheck-downloads-'));

beforeAll(async () => {
  ({ server, origin } = await startServer(null, { '/article.html': newsPage(), '/other.html': OTHER_PAGE }));
  ({ browser, worker, extensionId } = await launch());
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function openPopup(query = ''): Promise<Page> {
  const popup = await browser.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  await popup.waitForSelector('#reports .report');
  return popup;
}

/** The corpus as the popup's IndexedDB holds it: one comparable row per report. */
async function corpusRows(popup: Page): Promise<string[]> {
  const rows = await popup.evaluate(
    () =>
      new Promise<string[]>((ok, fail) => {
        const req = indexedDB.open('crosscheck');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('reports').objectStore('reports').getAll();
          all.onsuccess = () => {
            req.result.close(); // an open connection would block the background's next schema upgrade
            ok(
              (all.result as { origin: string; title: string | null; source: string | null; author: string | null; date: string | null; url: string | null; text: string }[]).map((r) =>
                JSON.stringify([r.origin, r.title, r.source, r.author, r.date, r.url, r.text]),
              ),
            );
          };
        };
      }),
  );
  return rows.sort();
}

async function notice(popup: Page): Promise<{ role: string; text: string }> {
  await popup.waitForSelector('#notice');
  return popup.$eval('#notice', (e) => ({ role: e.getAttribute('role') ?? '', text: e.textContent ?? '' }));
}

describe('add this article', () => {
  it('previews the tab’s article for correction, saves it, and another open tab marks its terms without reload', async () => {
    const { page: other } = await openLocal(browser, origin, '/other.html');
    await waitForMarks(other);
    const { page: article } = await openLocal(browser, origin, '/article.html');
    const tabId = await tabIdOf(worker, article);

    const popup = await openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('#add-article-button:not([disabled])');
    await popup.click('#add-article-button');
    await popup.waitForSelector('.article-preview');
    const field = (name: string) => popup.$eval(`.article-preview [name="${name}"]`, (e) => (e as HTMLInputElement).value);
    expect(await field('title')).toBe('Riverton council approves Elm River footbridge');
    expect(await field('source')).toBe('The Riverton Courier');
    expect(await field('author')).toBe('Dana Lee, Sam Ortiz');
    expect(await field('date')).toBe('2025-03-04');
    expect(await field('url')).toBe('https://courier.example/news/2025/03/riverton-footbridge');
    const text = await field('text');
    expect(text.startsWith(ARTICLE_PARAGRAPHS[0]!)).toBe(true);
    expect(text).not.toMatch(/Advertisement|Comments|Waste of money|Share on/);

    // the reader corrects a field before saving
    await popup.$eval('.article-preview [name="source"]', (e) => ((e as HTMLInputElement).value = ''));
    await popup.type('.article-preview [name="source"]', 'Riverton Courier');
    await popup.click('.article-preview button[type="submit"]');
    expect(await notice(popup)).toEqual({ role: 'status', text: 'Added “Riverton council approves Elm River footbridge” to your corpus.' });
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 6, { timeout: 15_000 });
    const mine = await popup.$eval('#reports .report[data-origin="user"]', (e) => ({ text: e.textContent ?? '', link: e.querySelector('a.report-link')?.getAttribute('href') }));
    expect(mine.text).toMatch(/Riverton Courier · 2025-03-04 · by Dana Lee, Sam Ortiz/);
    expect(mine.link).toBe('https://courier.example/news/2025/03/riverton-footbridge');

    // adding it again is refused, with a message
    await popup.click('#add-article-button');
    await popup.waitForSelector('.article-preview');
    await popup.click('.article-preview button[type="submit"]');
    await popup.waitForFunction(() => document.querySelector('#notice')?.getAttribute('role') === 'alert');
    expect((await notice(popup)).text).toMatch(/already in your corpus/);
    expect(await popup.$$eval('#reports .report', (e) => e.length)).toBe(6);
    await popup.close();

    // the other tab, never reloaded, now marks the new article's people and places
    await until(async () => (await markTexts(other, '#fresh')).some((t) => /Riverton|Alicia Moreno|Elm River/.test(t)), 20_000, 'the new terms marked in the other tab');
    const fresh = (await readMarks(other)).filter((m) => /Riverton|Alicia Moreno|Elm River/.test(m.text));
    expect(fresh.length).toBeGreaterThan(0);
    await other.close();
    await article.close();
  });

  it('the context-menu page opens straight on the preview for its tab', async () => {
    const { page: article } = await openLocal(browser, origin, '/article.html');
    const tabId = await tabIdOf(worker, article);
    const popup = await openPopup(`?tab=${tabId}&add=article`);
    await popup.waitForSelector('.article-preview');
    expect(await popup.$eval('.article-preview [name="title"]', (e) => (e as HTMLInputElement).value)).toBe('Riverton council approves Elm River footbridge');
    await popup.close();
    await article.close();
  });
});

describe('import and export', () => {
  it('refuses a bad file with a message naming the first problem, and changes nothing', async () => {
    const popup = await openPopup();
    const before = await corpusRows(popup);
    const bad = join(downloads, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'crosscheck-corpus', version: 1, reports: [{ id: 'a', origin: 'user', text: 'A report with <script>alert(1)</script> inside it, long enough.' }] }));
    await popup.click('#import-export summary');
    await (await popup.$('input#import-files'))!.uploadFile(bad);
    await popup.waitForFunction(() => document.querySelector('#notice')?.getAttribute('role') === 'alert');
    expect((await notice(popup)).text).toBe('bad.json: report 1: The report text must be plain text, not HTML or script');
    expect(await corpusRows(popup)).toEqual(before);
    await popup.close();
  });

  it('export, wipe, import: the same corpus', async () => {
    const popup = await openPopup();
    await popup.click('details#add-report summary');
    await popup.type('#add-report [name="title"]', 'My note on Witkoff');
    await popup.type('#add-report [name="text"]', 'Steve Witkoff will travel to Kyiv in January to discuss security guarantees with Zelensky.');
    await popup.click('#add-report button[type="submit"]');
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report[data-origin="user"]').length === 2, { timeout: 15_000 });
    const before = await corpusRows(popup);
    expect(before).toHaveLength(7);

    await popup.click('#import-export summary');
    await popup.click('#export');
    expect((await notice(popup)).text).toBe('Exported 7 reports.');
    let file = '';
    for (let i = 0; i < 100 && !file; i++) {
      file = readdirSync(downloads).find((f) => /^crosscheck-corpus-.*\.json$/.test(f)) ?? '';
      if (!file) await new Promise((r) => setTimeout(r, 100));
    }
    expect(file).not.toBe('');
    const exported = JSON.parse(readFileSync(join(downloads, file), 'utf8')) as { format: string; version: number; reports: unknown[] };
    expect(exported).toMatchObject({ format: 'crosscheck-corpus', version: 1 });
    expect(exported.reports).toHaveLength(7);

    // wipe: delete the reader's reports, as a reader would
    while (await popup.$('#reports .report[data-origin="user"]')) {
      const n = await popup.$$eval('#reports .report', (e) => e.length);
      await popup.click('#reports .report[data-origin="user"] .report-title');
      await popup.click('#reports .report[data-origin="user"] .delete');
      await popup.click('#reports .report[data-origin="user"] .confirm-delete');
      await popup.waitForFunction((k) => document.querySelectorAll('#reports .report').length === k - 1, { timeout: 15_000 }, n);
    }
    expect(await corpusRows(popup)).toHaveLength(5);

    await (await popup.$('input#import-files'))!.uploadFile(join(downloads, file));
    await popup.waitForFunction(() => /^Imported/.test(document.querySelector('#notice')?.textContent ?? ''), { timeout: 30_000 });
    expect((await notice(popup)).text).toBe(
      'Imported 2 reports; 5 already in your corpus were skipped. Their names and topics are marked on pages as Crosscheck indexes them (see the bar).',
    );
    await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length === 7, { timeout: 15_000 });
    expect(await corpusRows(popup)).toEqual(before);
    // the bar goes once their terms are indexed
    await popup.waitForFunction(() => !document.querySelector('#import-progress'), { timeout: 30_000 });
    await popup.close();
  });
});
