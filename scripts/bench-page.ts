/**
 * npm run bench:page: the built extension in Debian Chromium on all 20 news pages. Prints, per
 * page, the marks made and the time of the content script's marking passes (User Timing entries
 * 'crosscheck:mark-pass'), plus the page's JS heap. Figures only; nothing is asserted.
 */
import { readdirSync } from 'node:fs';
import { launch, NEWS_PAGES, openLocal, startServer } from '../tests/e2e/harness';

if (!NEWS_PAGES) throw new Error('Set CROSSCHECK_PAGES to a folder of news pages (npm run bench:page defaults to ../shared/data/news-pages)');
const pages = NEWS_PAGES;
const { server, origin } = await startServer();
const { browser } = await launch();
const rows: string[] = [];
let total = 0;
try {
  for (const f of readdirSync(pages).filter((x) => x.endsWith('.html')).sort()) {
    const { page } = await openLocal(browser, origin, `/news/${f}`, 'load');
    await page.waitForFunction(() => !!document.documentElement.dataset.crosscheck, { timeout: 20_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const m = await page.evaluate(() => ({
      marks: document.querySelectorAll('crosscheck-mark').length,
      passes: performance.getEntriesByName('crosscheck:mark-pass').map((e) => e.duration),
      words: (document.body.innerText || '').split(/\s+/).length,
    }));
    const metrics = await page.metrics();
    const first = m.passes[0] ?? NaN;
    const sum = m.passes.reduce((a, b) => a + b, 0);
    total += sum;
    rows.push(
      `${f.padEnd(22)} ${String(m.words).padStart(6)} words ${String(m.marks).padStart(4)} marks  first pass ${first.toFixed(1).padStart(6)} ms  ${String(m.passes.length).padStart(3)} passes ${sum.toFixed(1).padStart(7)} ms  JS heap ${((metrics.JSHeapUsedSize ?? 0) / 1048576).toFixed(1)} MB`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(rows.join('\n'));
console.log(`\nall marking passes on 20 pages: ${total.toFixed(1)} ms`);
