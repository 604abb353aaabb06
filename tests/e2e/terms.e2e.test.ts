/**
 * End-to-end, terms of a story of the reader's own (a heater recall, written for this test): the
 * corpus is imported through the popup, then a page on that story marks its people, places,
 * organisations and the model number however it is written ("XR-7", "XR 7", "XR7").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openLocal, startServer, waitForMarks } from './harness';

const REPORTS = [
  'Voltra Appliances recalls 40,000 Kestrel XR-7 heaters. The company said on Tuesday that the XR-7 model can overheat when left on overnight. Chief executive Priya Nandakumar said no one had been hurt, and that owners in Leeds and Sheffield had reported scorch marks. The Office for Product Safety and Standards said it was reviewing the case.',
  'Harlow Stores removes the XR 7 heater from sale. The retailer said it had sold the XR 7 in Leeds, Sheffield and York since October. Priya Nandakumar apologised to customers and said refunds would be paid by Voltra Appliances. Trading Standards officers in Sheffield inspected returned heaters.',
  'Fire crews in York were called to a house where a Kestrel XR7 heater had caught fire, North Yorkshire Fire and Rescue Service said. Nandakumar said the fault lay in a thermostat made by Corvel Components in Birmingham. The Office for Product Safety and Standards asked owners to stop using the XR7.',
];

const PAGE = `<!doctype html><html lang="en"><head><title>Heater recall widens</title></head><body><main><article>
<h1>Heater recall widens</h1>
<p id="people">Voltra Appliances chief executive Priya Nandakumar said on Friday that every XR-7 sold in York and Leeds would be collected.</p>
<p id="org">Harlow Stores and Corvel Components are working with the Office for Product Safety and Standards, Nandakumar said.</p>
<p id="model">Customers who own an XR 7 or an XR7 should unplug it; the Kestrel XR-7 was sold for three years.</p>
</article></main></body></html>`;

let server: Server;
let origin: string;
let browser: Browser;
let extensionId: string;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-terms-'));

beforeAll(async () => {
  ({ server, origin } = await startServer(null, { '/recall.html': PAGE }));
  ({ browser, extensionId } = await launch());
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('terms of a story of our own', () => {
  it('imports the corpus through the popup, then marks its people, places, organisations and model number on a page', async () => {
    const file = join(dir, 'recall-corpus.json');
    const reports = REPORTS.map((text, k) => ({ id: `recall-${k}`, origin: 'user', text, title: null, source: null, author: null, date: null, url: null }));
    writeFileSync(file, JSON.stringify({ format: 'crosscheck-corpus', version: 1, reports }));
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForSelector('#reports .report');
    await popup.click('#import-export summary');
    await (await popup.$('input#import-files'))!.uploadFile(file);
    await popup.waitForFunction(() => /^Imported/.test(document.querySelector('#notice')?.textContent ?? ''), { timeout: 30_000 });
    await popup.waitForFunction(() => !document.querySelector('#import-progress'), { timeout: 60_000 });
    await popup.close();

    const { page } = await openLocal(browser, origin, "/recall.html");
    const marks = await waitForMarks(page, 8, 30_000);
    const texts = marks.map((m) => m.text);
    for (const name of ['Priya Nandakumar', 'Nandakumar', 'York', 'Leeds', 'Voltra Appliances', 'Harlow Stores', 'Corvel Components', 'Office for Product Safety and Standards', 'XR-7', 'XR 7', 'XR7'])
      expect(texts, name).toContain(name);
    // one term for the model however it is written
    const model = new Set(marks.filter((m) => /^XR[- ]?7$/.test(m.text)).map((m) => m.term));
    expect(model.size).toBe(1);
    // no bare title and no common word marked alone
    for (const junk of ['Customers', 'Heater', 'Friday', 'chief executive']) expect(texts).not.toContain(junk);
  }, 120_000);
});
