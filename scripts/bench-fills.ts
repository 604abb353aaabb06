/**
 * npm run bench:fills [-- --items 50 --read 1000]: what a corpus that fills itself costs, through the
 * BUILT extension in Debian Chromium (run it under the browser lock): one fetch of a followed feed of
 * N items, from the request to the items indexed (the add answers once their index rows are
 * committed), a second fetch that brings nothing new, and the storage that M remembered articles
 * take (navigator.storage.estimate() in the extension, before and after). Texts are FNC-1 bodies
 * when ../shared/data/fnc-1 exists (read here, never stored in the repository), else generated.
 * Prints figures; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { launch, ROOT, withGrantedHosts } from '../tests/e2e/harness';
import { readBodies } from './fnc';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: { local: { set(v: Record<string, unknown>): Promise<void> } };
};

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const ITEMS = Number(opt('items', '50'));
const READ = Number(opt('read', '1000'));
const FNC = resolve(ROOT, opt('data', '../shared/data/fnc-1'), 'train_bodies.csv');

function texts(n: number): { texts: string[]; from: string } {
  if (existsSync(FNC)) return { texts: [...readBodies(readFileSync(FNC, 'utf8')).values()].filter((t) => t.split(/\s+/).length > 60).slice(0, n), from: 'FNC-1 bodies' };
  const words = 'council harbour ferry budget museum railway orchard bakery glacier festival lighthouse vineyard tunnel library stadium quarry river bridge market school'.split(' ');
  return {
    texts: Array.from({ length: n }, (_, i) => {
      let x = i * 7919 + 1;
      return `Report ${i}. ` + Array.from({ length: 400 }, () => words[(x = (x * 1103515245 + 12345) % 2147483648) % words.length]).join(' ') + '.';
    }),
    from: 'generated texts (no ../shared/data/fnc-1)',
  };
}

const { texts: all, from } = texts(ITEMS * 2 + READ);
const esc = (s: string) => s.replace(/]]>/g, ']]&gt;');
let items = all.slice(0, ITEMS);
const rss = () =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed</title>${items
    .map((t, i) => `<item><title>Bench item ${i}</title><link>http://127.0.0.1/bench/${i}-${t.length}</link><content:encoded><![CDATA[${t.split('\n').filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('')}]]></content:encoded></item>`)
    .join('')}</channel></rss>`;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss()));
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;

const { browser, worker, extensionId } = await launch(withGrantedHosts(['http://127.0.0.1/*']));
try {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate('globalThis.__name = (f) => f');
  const send = (m: unknown) =>
    page.evaluate(async (m) => {
      const t = performance.now();
      const reply = await chrome.runtime.sendMessage(m);
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return { ms: performance.now() - t, value: reply.value as any };
    }, m);
  const usage = () => worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

  console.log(`Texts: ${from}; feed of ${ITEMS} items (${Math.round(rss().length / 1024)} KiB), ${READ} remembered articles.`);
  const first = await send({ type: 'add-feed', url: feedUrl });
  console.log(`follow + first fetch of ${ITEMS} items to indexed: ${(first.ms / 1000).toFixed(2)} s (${first.value.feed.lastAdded} added; ${(first.ms / Math.max(1, first.value.feed.lastAdded)).toFixed(0)} ms an item)`);
  const same = await send({ type: 'refresh-feeds', id: first.value.feed.id });
  console.log(`fetch again, nothing new: ${same.ms.toFixed(0)} ms`);
  items = all.slice(ITEMS, ITEMS * 2);
  const next = await send({ type: 'refresh-feeds', id: first.value.feed.id });
  console.log(`fetch of ${ITEMS} new items to indexed: ${(next.ms / 1000).toFixed(2)} s (${next.value.feeds[0].lastAdded} added)`);

  await worker.evaluate(() => chrome.storage.local.set({ reading: { on: true, paused: false, offSites: [], dwellMs: 30000 } }));
  const before = await usage();
  const times: number[] = [];
  let remembered = 0;
  const t0 = Date.now();
  for (const [i, text] of all.slice(ITEMS * 2).entries()) {
    const url = `https://read.example/a/${i}`;
    const paragraphs = text.split(/\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
    const html = `<html><head><title>Read ${i}</title><meta property="og:site_name" content="Bench"><meta property="article:published_time" content="2026-11-20"><link rel="canonical" href="${url}"></head><body><article><h1>Read ${i}</h1>${paragraphs}</article></body></html>`;
    const r = await send({ type: 'remember-read', html, url });
    times.push(r.ms);
    if (r.value.remembered) remembered++;
  }
  await new Promise((r) => setTimeout(r, 2000));
  const after = await usage();
  times.sort((a, b) => a - b);
  console.log(
    `remember ${READ} articles: ${remembered} stored (the rest near-copies), ${((Date.now() - t0) / 1000).toFixed(0)} s; one remember p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(0)} ms`,
  );
  const chars = all.slice(ITEMS * 2).reduce((s, t) => s + t.length, 0);
  // what the rows themselves hold (JSON characters of the reports and their index rows): estimate() moves with compaction
  const logical = await worker.evaluate(
    () =>
      new Promise<{ reports: number; rows: number }>((res, rej) => {
        const req = indexedDB.open('crosscheck');
        req.onsuccess = () => {
          const tx = req.result.transaction(['reports', 'reportIndex']);
          const got = tx.objectStore('reports').index('origin').getAll('read');
          got.onsuccess = () => {
            const reports = got.result as { id: string }[];
            let rows = 0;
            let left = reports.length;
            if (!left) return res({ reports: 0, rows: 0 });
            for (const r of reports) {
              const row = tx.objectStore('reportIndex').get(r.id);
              row.onsuccess = () => {
                rows += JSON.stringify(row.result ?? null).length;
                if (--left === 0) res({ reports: reports.reduce((n, x) => n + JSON.stringify(x).length, 0), rows });
              };
            }
          };
          got.onerror = () => rej(got.error);
        };
        req.onerror = () => rej(req.error);
      }),
  );
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`rows of the remembered articles (JSON characters): reports ${mib(logical.reports)} + index rows ${mib(logical.rows)} = ${((logical.reports + logical.rows) / Math.max(1, remembered) / 1024).toFixed(1)} KiB an article`);
  console.log(`storage used by them (navigator.storage.estimate): ${((after - before) / 1024 / 1024).toFixed(1)} MiB, ${((after - before) / Math.max(1, remembered) / 1024).toFixed(1)} KiB an article (their text: ${(chars / 1024 / 1024).toFixed(1)} MiB)`);
} finally {
  await browser.close();
  server.close();
}
