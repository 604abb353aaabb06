/**
 * End-to-end, the popup's corpus list over more reports than it draws at once (written for this
 * test): 130 imported reports list a page of 100, then the rest on request; a source filter and a
 * search over the reports' sentences are answered where the corpus is kept, not by reading it whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './harness';

const NOUNS = 'anchor beacon cargo dredger ferry gantry hull jetty keel ledger mooring netting oar pilot quota rudder sluice tariff vessel winch barge crane dock'.split(' ');
const SOURCES = ['Harbour Post', 'Quay Wire'];
const COUNT = 130;
/** Reports that differ in their words, so that none is a near-duplicate of another; three name a lighthouse. */
const report = (i: number) => ({
  id: `harbour-${i}`,
  origin: 'user',
  title: `Harbour board minutes ${i}`,
  source: SOURCES[i % 2],
  author: null,
  date: `2031-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  url: null,
  text: [
    `The harbour board met on day ${i} to discuss the ${NOUNS[i % NOUNS.length]} and the ${NOUNS[(i * 7) % NOUNS.length]}.`,
    `Members voted ${i % 9} to ${(i * 5) % 11} on the ${NOUNS[(i * 3 + 1) % NOUNS.length]} budget, ${NOUNS[(i * 11 + 2) % NOUNS.length]} fees and ${NOUNS[(i * 13 + 5) % NOUNS.length]} repairs.`,
    i % 40 === 7 ? `The old lighthouse keeper cottage will be sold, said board member number ${i}.` : `Board member number ${i} asked for a report on ${NOUNS[(i * 17 + 3) % NOUNS.length]} safety by spring.`,
  ].join(' '),
});

let browser: Browser;
let extensionId: string;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-list-'));

beforeAll(async () => {
  ({ browser, extensionId } = await launch());
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const drawn = (popup: Page) => popup.$$eval('#reports .report', (els) => els.length);
const heading = (popup: Page) => popup.$eval('#h-list', (h) => h.textContent?.trim() ?? '');
const idle = (popup: Page) => popup.waitForFunction(() => document.querySelector('#corpus')?.getAttribute('aria-busy') !== 'true', { timeout: 30_000 });

describe('the popup list of a corpus larger than a page', () => {
  it('draws 100, shows the rest on request, filters by source and searches the sentences', async () => {
    const file = join(dir, 'harbour.json');
    writeFileSync(file, JSON.stringify({ format: 'crosscheck-corpus', version: 1, reports: Array.from({ length: COUNT }, (_, i) => report(i)) }));
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForSelector('#reports .report');
    const seeds = await drawn(popup);
    await popup.click('#import-export summary');
    await (await popup.$('input#import-files'))!.uploadFile(file);
    await popup.waitForFunction((n: number) => document.querySelector('#notice')?.textContent?.includes(`Imported ${n}`), { timeout: 60_000 }, COUNT);
    await popup.waitForFunction(() => !document.querySelector('#import-progress'), { timeout: 120_000 });
    const total = seeds + COUNT;

    // a page of 100, newest first, with the count of all and a button for the rest
    await popup.waitForFunction((t: number) => document.querySelector('#h-list')?.textContent?.includes(`(${t})`), { timeout: 30_000 }, total);
    await idle(popup);
    expect(await drawn(popup)).toBe(100);
    const dates = await popup.$$eval('#reports .report .meta', (els) => els.map((e) => e.textContent ?? ''));
    expect(dates[0]).toMatch(/2031/);
    expect(await popup.$eval('#more-reports', (b) => b.textContent)).toMatch(new RegExp(`Show ${total - 100} more`));
    await popup.click('#more-reports');
    await popup.waitForFunction((t: number) => document.querySelectorAll('#reports .report').length === t, { timeout: 30_000 }, total);
    expect(await popup.$('#more-reports')).toBeNull();

    // a source: only its reports, counted
    await popup.click('#filters-toggle');
    await popup.select('#filter-source', 'Quay Wire');
    await popup.waitForFunction(() => document.querySelector('#h-list')?.textContent?.includes('(65)'), { timeout: 30_000 });
    await idle(popup);
    expect(await drawn(popup)).toBe(65);
    expect(await popup.$$eval('#reports .report .meta', (els) => els.every((e) => e.textContent?.includes('Quay Wire')))).toBe(true);
    await popup.select('#filter-source', '');
    await popup.waitForFunction((t: number) => document.querySelector('#h-list')?.textContent?.includes(`(${t})`), { timeout: 30_000 }, total);

    // a word only some report texts hold (no title does): those reports
    await popup.type('#search', 'lighthouse');
    await popup.waitForFunction(() => document.querySelector('#h-list')?.textContent?.includes('lighthouse'), { timeout: 30_000 });
    await idle(popup);
    const found = await popup.$$eval('#reports .report .report-title', (els) => els.map((e) => e.textContent?.trim() ?? ''));
    expect(found.sort()).toEqual([7, 47, 87, 127].map((i) => `Harbour board minutes ${i}`).sort());
    expect(await heading(popup)).toContain(`(${found.length})`);
    await popup.close();
  }, 240_000);
});
