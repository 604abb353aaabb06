/**
 * npm run bench:page [-- --pages DIR]: the built extension in Debian Chromium on every page of a
 * directory (default ../shared/data/news-pages). Per page: marks, the longest extension task (its
 * longest marking slice), total marking ms, the ratio of that total to a bare text-node walk timed
 * in the same page (median of 5), and main-thread tasks over 50 ms (all, and those overlapping an
 * extension slice). Figures only; nothing is asserted. Run it under the browser lock.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { launch, NEWS_PAGES, openLocal, pageState, probe, startServer, until } from '../tests/e2e/harness';

const at = process.argv.indexOf('--pages');
const dir = at > 0 ? resolve(process.argv[at + 1] ?? '') : NEWS_PAGES;
if (!dir || !existsSync(dir)) {
  console.error(`No pages at ${dir ?? '(none)'}: pass --pages DIR with .html files, or set CROSSCHECK_PAGES.`);
  process.exit(1);
}
const files = readdirSync(dir).filter((x) => x.endsWith('.html')).sort();
const { server, origin } = await startServer(dir);
const { browser } = await launch();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rows: string[] = [];
const totals = { marks: 0, ms: 0, walk: 0, long: 0, ours: 0, worst: 0 };
const answers: string[] = [];
try {
  for (const f of files) {
    try {
      await Promise.race([benchOne(f), new Promise((_, no) => setTimeout(() => no(new Error('over 60 s')), 60_000))]);
    } catch (e) {
      rows.push(`${f.padEnd(24)} not measured: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    }
  }
  for (const mb of [2, 5]) answers.push(await slowestAnswer(mb));
} finally {
  await browser.close();
  server.close();
}

/**
 * tests/pages/repeated.html?mb=N (one text node of one repeated sentence): the slowest round trip
 * of a trivial evaluate in the page, polled for 15 s from navigation (the freeze figure).
 */
async function slowestAnswer(mb: number): Promise<string> {
  const page = await browser.newPage();
  try {
    const t0 = Date.now();
    await page.goto(`${origin}/pages/repeated.html?mb=${mb}`, { waitUntil: 'domcontentloaded' });
    let worst = 0;
    while (Date.now() - t0 < 15_000) {
      const t = Date.now();
      await page.evaluate(() => 1);
      worst = Math.max(worst, Date.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    return `repeated sentence, ${mb} MB text node: slowest answer ${worst} ms over 15 s (page load included), ${(await pageState(page))?.marks ?? 0} marks`;
  } finally {
    await page.close();
  }
}

async function benchOne(f: string): Promise<void> {
  {
    const { page } = await openLocal(browser, origin, `/news/${f}`, 'load', (p) =>
      p.evaluateOnNewDocument(() => {
        const w = window as unknown as { __long: [number, number][] };
        w.__long = [];
        try {
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) w.__long.push([e.startTime, e.duration]);
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          // no Long Tasks API
        }
      }),
    );
    try {
      await until(async () => {
        const s = await pageState(page);
        return !!s && s.enabled && !s.busy;
      }, 30_000, `marking of ${f}`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
      await probe(page, 'settled');
      const stats = (await probe<{ slices: number[]; starts: number[] }>(page, 'stats')) ?? { slices: [], starts: [] };
      const marks = (await pageState(page))?.marks ?? 0;
      // A page that breaks its own DOM API (tests/pages/hostile.html) gets no bare-walk figure.
      const walk = await page.evaluate(() => {
        const runs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
          let chars = 0;
          for (let n = w.nextNode(); n; n = w.nextNode()) chars += n.nodeValue?.length ?? 0;
          if (chars < 0) throw new Error("unreachable");
          runs.push(performance.now() - t);
        }
        return runs;
      }).catch(() => [NaN]);
      const long = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
      const ours = long.filter(([s, d]) => stats.starts.some((t, i) => t < s + d && t + stats.slices[i]! > s)).length;
      const total = stats.slices.reduce((a, b) => a + b, 0);
      const longest = Math.max(0, ...stats.slices);
      const bare = median(walk);
      totals.marks += marks;
      totals.ms += total;
      if (Number.isFinite(bare)) totals.walk += bare;
      totals.long += long.length;
      totals.ours += ours;
      totals.worst = Math.max(totals.worst, longest);
      rows.push(
        `${f.padEnd(24)} ${String(marks).padStart(4)} marks  longest slice ${longest.toFixed(1).padStart(5)} ms  marking ${total.toFixed(1).padStart(7)} ms in ${String(stats.slices.length).padStart(3)} slices  bare walk ${bare.toFixed(2).padStart(6)} ms  ratio ${(total / Math.max(bare, 0.01)).toFixed(1).padStart(6)}×  tasks>50ms ${long.length} (overlapping ours ${ours})`,
      );
    } finally {
      await page.close();
    }
  }
}
console.log(rows.join('\n'));
console.log(answers.join('\n'));
const script = readFileSync(resolve('.output/chrome-mv3/content-scripts/content.js'));
console.log(`content script: ${script.length} bytes raw, ${gzipSync(script).length} bytes gzipped`);
console.log(
  `\n${files.length} pages: ${totals.marks} marks, marking ${totals.ms.toFixed(1)} ms in all (bare walks ${totals.walk.toFixed(1)} ms, ratio ${(totals.ms / Math.max(totals.walk, 0.01)).toFixed(1)}×), longest extension slice ${totals.worst.toFixed(1)} ms, tasks over 50 ms: ${totals.long} (overlapping an extension slice: ${totals.ours})`,
);
