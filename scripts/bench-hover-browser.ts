/**
 * bench:hover --browser --restart [--reports 10000] [--hovers 7] [--extension DIR]: the first
 * hover after the service worker restarts, in Chromium with the BUILT extension and N reports in
 * its IndexedDB. The reports are FNC-1 bodies (rotated past 1,683, as bench:hover's Node mode),
 * indexed in Node with the extension's own code (extraction cached per body) and written into the
 * extension's database from one of its pages; the worker is then stopped (CDP
 * ServiceWorker.stopAllWorkers) before each measured hover on a generated page of distinct
 * sentences. A hover is timed from the mouse moving onto a mark to a ready popover, with the
 * popover delay set to 0; warm hovers follow, each on a sentence never asked before. Prints
 * figures; asserts nothing. Run it under the browser lock.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer';
import corpus from '../corpus/dist/corpus.json';
import { toReport, type CompiledCorpus, type Report } from '../lib/corpus';
import { textKey } from '../lib/corpus/identity';
import { buildIndex, indexRow, unmatched, type ReportIndexRow } from '../lib/corpus/live-index';
import { launch, locateMark, markTexts, openLocal, pageState, readPopover, ROOT, startServer, waitForMarks } from '../tests/e2e/harness';
import { readBodies } from './fnc';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const FNC = resolve(ROOT, '../shared/data/fnc-1/train_bodies.csv');

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const median = (xs: number[]) => q(xs, 0.5);
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Report texts: FNC-1 bodies, rotated by paragraph past the first round so repeats are not identical; generated without the data. */
function bodies(): string[] {
  if (existsSync(FNC)) return [...readBodies(readFileSync(FNC, 'utf8')).values()].filter((b) => b.split(/\s+/).length > 40);
  const who = ['Ukraine', 'Russia', 'the United States', 'France', 'Germany', 'Kyiv', 'Moscow', 'Washington', 'President Donald Trump', 'Volodymyr Zelensky'];
  const did = ['said', 'denied', 'confirmed', 'met in Paris on Monday', 'discussed security guarantees', 'reported 12 people killed', 'announced talks'];
  return Array.from({ length: 600 }, (_, k) =>
    Array.from({ length: 12 }, (_, i) => `${who[(k + i) % who.length]} ${did[(k * 7 + i) % did.length]} about the ${['war', 'summit', 'talks', 'economy'][(k + i) % 4]} on day ${(k + i) % 30}.`).join(' '),
  );
}

/** Extraction rows per body, cached across runs (keyed by the extractor's sources). */
function extractionRows(texts: string[]): Pick<ReportIndexRow, 'terms' | 'bloom'>[] {
  const sources = ['lib/corpus/terms.ts', 'lib/corpus/bloom.ts', 'lib/corpus/parse.ts', 'lib/text.ts', ...readdirSync(join(ROOT, 'lib/match')).map((f) => `lib/match/${f}`)];
  const src = sources.filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(ROOT, f), 'utf8')).join();
  const dir = join(ROOT, 'node_modules/.cache/crosscheck-bench');
  const file = join(dir, `hover-rows-${createHash('sha1').update(src).digest('hex').slice(0, 12)}.json`);
  const cache: Record<string, Pick<ReportIndexRow, 'terms' | 'bloom'>> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let fresh = 0;
  const out = texts.map((text) => {
    const k = textKey(text);
    if (!cache[k]) {
      const { terms, bloom } = indexRow(toReport({ id: 'x', origin: 'user', text }));
      cache[k] = { terms, bloom };
      fresh++;
    }
    return cache[k]!;
  });
  if (fresh) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(cache));
    console.log(`  (extracted ${fresh} bodies; cached)`);
  }
  return out;
}

/** The seed corpus plus N - 5 user reports, indexed as the extension would (dictionary, matches, mentions). */
function fixture(n: number): { reports: (Report & { textKey: string; nearKeys: string[]; addedAt: number })[]; rows: ReportIndexRow[]; terms: unknown[] } {
  const seeds = corpus as unknown as CompiledCorpus;
  const texts = bodies();
  const rows = extractionRows(texts);
  const extra: Report[] = [];
  const extraRows: ReportIndexRow[] = [];
  for (let k = 0; k < n - seeds.reports.length; k++) {
    const body = texts[k % texts.length]!;
    const paragraphs = body.split(/\n+/).filter((p) => p.trim());
    const shift = Math.floor(k / texts.length) % Math.max(1, paragraphs.length);
    const text = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n\n');
    const r = toReport({ id: `user-bench-${k}`, origin: 'user', text });
    extra.push(r);
    extraRows.push({ reportId: r.id, ...rows[k % texts.length]!, hits: {}, mentions: [] });
  }
  const t = performance.now();
  const all = [...seeds.reports, ...extra];
  const built = buildIndex(all, [...seeds.index.map(unmatched), ...extraRows]);
  console.log(`  fixture: ${all.length} reports, ${built.terms.length} terms, indexed in Node in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const now = Date.now();
  return {
    reports: extra.map((r, i) => ({ ...r, textKey: `${textKey(r.text)}:${r.id}`, nearKeys: [], addedAt: now + i })),
    rows: built.rows,
    terms: built.terms,
  };
}

/** Write the fixture into the extension's database from one of its pages (raw IndexedDB, in chunks). */
async function writeFixture(page: Page, f: ReturnType<typeof fixture>): Promise<void> {
  const put = (store: string, rows: unknown[], clear: boolean) =>
    page.evaluate(
      (store: string, rows: unknown[], clear: boolean) =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('crosscheck');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(store, 'readwrite');
            const os = tx.objectStore(store);
            if (clear) os.clear();
            for (const r of rows) os.put(r);
            tx.oncomplete = () => (db.close(), ok());
            tx.onerror = () => (db.close(), fail(tx.error));
          };
        }),
      store,
      rows,
      clear,
    );
  let t = performance.now();
  for (let i = 0; i < f.reports.length; i += 250) await put('reports', f.reports.slice(i, i + 250), false);
  console.log(`  reports written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  for (let i = 0; i < f.rows.length; i += 500) await put('reportIndex', f.rows.slice(i, i + 500), false);
  console.log(`  index rows written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await put('terms', f.terms, true);
  await put('meta', [{ key: 'indexVersion', value: `bench-${Date.now().toString(36)}` }], false);
  // written behind the store's back: leave work as the store's own writes do (lib/background/store.ts, 'indexingComplete')
  await page.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('crosscheck');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('indexingComplete');
          tx.oncomplete = () => (req.result.close(), ok());
          tx.onerror = () => (req.result.close(), fail(tx.error));
        };
      }),
  );
}

/**
 * Running status of the extension's service worker, as CDP's ServiceWorker domain reports it. A
 * worker started again waits for a debugger (Puppeteer's auto-attach) and Puppeteer, knowing the
 * target already, does not let it run: it is resumed here as soon as it says it is starting.
 */
interface WorkerWatch {
  status(): string;
  /** how many times it has stopped since the watch began */
  stops(): number;
  /** how many times it has started since the watch began */
  starts(): number;
  /** when it last started (performance.now()) */
  startedAt(): number;
}
async function watchWorker(browser: Browser, cdp: CDPSession): Promise<WorkerWatch> {
  let status = 'unknown';
  let stops = 0;
  let starts = 0;
  let startedAt = NaN;
  let resuming = false;
  const resume = async () => {
    if (resuming) return;
    resuming = true;
    try {
      for (let i = 0; i < 400 && status === 'starting'; i++) {
        const t = browser.targets().find((x) => x.type() === 'service_worker' && x.url().endsWith('/background.js'));
        const s = t && (await t.createCDPSession().catch(() => null));
        if (s) {
          await s.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
          await s.detach().catch(() => undefined);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      resuming = false;
    }
  };
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) status = v.runningStatus;
    if (status === 'stopped') stops++;
    if (status === 'starting') starts++, (startedAt = performance.now()), void resume();
  });
  await cdp.send('ServiceWorker.enable');
  return { status: () => status, stops: () => stops, starts: () => starts, startedAt: () => startedAt };
}

/**
 * Stop the extension's service worker (CDP ServiceWorker.stopAllWorkers) and wait until it says it
 * stopped (a message from a page may start it again at once: that start is what a hover meets).
 */
async function stopWorker(cdp: CDPSession, worker: WorkerWatch): Promise<void> {
  const before = worker.stops();
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (let i = 0; worker.stops() === before && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
  if (worker.stops() === before) throw new Error(`the service worker did not stop (${worker.status()})`);
}

/** Hover a mark with the real mouse; ms until the popover is ready (polled without pause). */
async function timeHover(page: Page, selector: string): Promise<{ ms: number; items: number; at: number }> {
  await page.mouse.move(1, 1);
  for (let i = 0; (await readPopover(page)) && i < 100; i++) await new Promise((r) => setTimeout(r, 20));
  const { x, y } = await locateMark(page, selector);
  const t = performance.now();
  await page.mouse.move(x, y);
  for (;;) {
    const p = await readPopover(page);
    if (p && p.status !== 'loading') return { ms: performance.now() - t, items: p.items.length, at: t };
    if (performance.now() - t > 120_000) throw new Error(`no popover for ${selector} within 120 s`);
  }
}

/**
 * A page of distinct sentences naming the corpus's most named people, places and organisations.
 * The content script judges the first 150 (term, sentence) pairs in idle time and remembers every
 * reply, so the hovers go to paragraphs past FILLERS, each a sentence the background never saw.
 */
const FILLERS = 100;
function benchPage(labels: string[], paragraphs: number): string {
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const ps = Array.from({ length: paragraphs }, (_, k) => {
    const a = labels[k % labels.length]!;
    const b = labels[(k * 7 + 3) % labels.length]!;
    return `<p id="p${k}">Officials in ${a} said on ${days[k % 7]} that ${k + 4} people were killed and ${2 * k + 9} injured after talks with ${b} stalled, and a further meeting was planned.</p>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench hover</title></head><body><main><article><h1>Talks stalled</h1>${ps.join('')}</article></main></body></html>`;
}

/** Worker-side extension API. */
declare const chrome: {
  storage: { local: { set(v: object): Promise<void> } };
  runtime: { connect(o: { name: string }): { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(l: (m: { hello?: string; id?: number }) => void): void } } };
};

export async function restartBench(n: number, hovers: number, extension?: string): Promise<void> {
  console.log(`bench:hover --browser --restart: ${n} reports (${existsSync(FNC) ? 'FNC-1 bodies' : 'generated'}), ${hovers} hovers after a worker restart${extension ? `, extension ${extension}` : ''}`);
  const f = fixture(n);
  const labels = (f.terms as { label: string; kind: string; reportCount: number }[])
    .filter((t) => t.kind !== 'topic' && t.label.length >= 4 && /^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(t.label))
    .sort((a, b) => b.reportCount - a.reportCount)
    .slice(0, 16)
    .map((t) => t.label);
  const WARM = 40;
  const POPUP_RUNS = 5;
  const { server, origin } = await startServer(null, { '/bench-hover.html': benchPage(labels, FILLERS + hovers + WARM + 2) });
  const { browser, worker, extensionId } = await launch(extension);
  try {
    await worker.evaluate(() => chrome.storage.local.set({ preferences: { hoverDelayMs: 0 } }));
    const ext = await browser.newPage();
    await ext.goto(`chrome-extension://${extensionId}/options.html`);
    await ext.evaluate('globalThis.__name = (f) => f');
    let t = performance.now();
    await writeFixture(ext, f);
    console.log(`  written into the extension's IndexedDB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const cdp = await ext.createCDPSession();
    const watch = await watchWorker(browser, cdp);
    await stopWorker(cdp, watch);
    // The first start after the write pays whatever the extension builds from the stored rows, once.
    t = performance.now();
    const { page, errors } = await openLocal(browser, origin, '/bench-hover.html');
    const marks = await waitForMarks(page, 1, 120_000).catch(async (e: unknown) => {
      throw new Error(`${String(e)}; page state ${JSON.stringify(await pageState(page))}; errors: ${errors.join(' | ')}`);
    });
    console.log(`  ${marks.length} marks on the page (labels: ${labels.join(', ')})`);
    const first = await timeHover(page, `#p${FILLERS + hovers + WARM + 1} crosscheck-mark`);
    console.log(`  first start after the write: marks and a first hover within ${((performance.now() - t) / 1000).toFixed(1)} s (the hover ${ms(first.ms)}, ${first.items} reports shown)`);
    const evidenceBuilt = () =>
      ext.evaluate(
        () =>
          new Promise<boolean | null>((ok) => {
            const req = indexedDB.open('crosscheck');
            req.onsuccess = () => {
              const db = req.result;
              if (!db.objectStoreNames.contains('evidenceReports')) return db.close(), ok(null);
              const tx = db.transaction(['evidenceReports', 'reportIndex']);
              const a = tx.objectStore('evidenceReports').count();
              const b = tx.objectStore('reportIndex').count();
              tx.oncomplete = () => (db.close(), ok(a.result >= b.result));
            };
            req.onerror = () => ok(null);
          }),
      );
    while ((await evidenceBuilt()) === false) await new Promise((r) => setTimeout(r, 500));
    if (await evidenceBuilt()) console.log(`  persisted evidence index complete ${((performance.now() - t) / 1000).toFixed(1)} s after that start`);
    // let the content script finish judging its first 150 claims (idle time), so no request but the hover's is under way
    await new Promise((r) => setTimeout(r, Number(opt('settle', '30')) * 1000));
    const cold: number[] = [];
    for (let k = 0; k < hovers; k++) {
      await stopWorker(cdp, watch);
      const started = watch.starts();
      const h = await timeHover(page, `#p${FILLERS + k} crosscheck-mark`);
      cold.push(h.ms);
      const woke = watch.starts() > started ? `; the service worker started ${ms(watch.startedAt() - h.at)} after the mouse moved` : '';
      console.log(`  restart ${k + 1}: ${ms(h.ms)} to a ready popover (${h.items} reports shown${woke})`);
    }
    // BENCH_PROFILE=file.cpuprofile: a CPU profile of the extension's pages' thread (the offscreen read side, the popup) over the warm hovers and the popup
    const offscreen = process.env.BENCH_PROFILE ? await browser.targets().find((x) => x.url().endsWith('/offscreen.html'))?.createCDPSession() : undefined;
    if (offscreen) {
      await offscreen.send('Profiler.enable');
      await offscreen.send('Profiler.setSamplingInterval', { interval: 500 });
      await offscreen.send('Profiler.start');
    }
    const warm: number[] = [];
    const slow: string[] = [];
    for (let k = 0; k < WARM; k++) {
      const selector = `#p${FILLERS + hovers + k} crosscheck-mark`;
      const label = (await markTexts(page, `#p${FILLERS + hovers + k}`))[0] ?? '?'; // marks are the content script's (a probe reads them)
      const h = await timeHover(page, selector);
      warm.push(h.ms);
      if (h.ms > 300) slow.push(`"${label}" ${ms(h.ms)} (${h.items} shown)`);
    }
    if (slow.length) console.log(`  warm hovers over 300 ms: ${slow.join('; ')}`);
    console.log(`after a worker restart: first hover median ${ms(median(cold))}, max ${ms(Math.max(...cold))}`);
    console.log(`warm hovers (${warm.length} sentences never asked before): p50 ${ms(q(warm, 0.5))}, p95 ${ms(q(warm, 0.95))}`);
    // the popup after a restart, POPUP_RUNS times: its first list of reports, then a search
    const lists: number[] = [];
    const searches: number[] = [];
    let popup!: Page;
    for (let run = 0; run < POPUP_RUNS; run++) {
      if (popup) await popup.close();
      await stopWorker(cdp, watch);
      popup = await browser.newPage();
      t = performance.now();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length > 0, { timeout: 300_000, polling: 20 });
      lists.push(performance.now() - t);
      const listed = await popup.evaluate(() => [document.querySelectorAll('#reports .report').length, document.querySelector('#h-list')?.textContent ?? ''] as const);
      await popup.focus('#search');
      t = performance.now();
      await popup.keyboard.type('Syria');
      // the answer to "Syria" drawn (the list is busy until the answer to what was typed is shown)
      await popup.waitForFunction((n: number) => document.querySelectorAll('#reports .report').length !== n && document.querySelector('#corpus')?.getAttribute('aria-busy') !== 'true', { timeout: 300_000, polling: 20 }, listed[0]);
      searches.push(performance.now() - t);
      const found = await popup.evaluate(() => document.querySelectorAll('#reports .report').length);
      console.log(`  popup run ${run + 1}: first list ${ms(lists[run]!)} (${listed[0]} reports drawn, "${listed[1].trim()}"), search "Syria" ${ms(searches[run]!)} (${found} found)`);
    }
    console.log(
      `popup after a worker restart (${POPUP_RUNS} runs): first list median ${ms(median(lists))}, max ${ms(Math.max(...lists))}; search "Syria" median ${ms(median(searches))}, max ${ms(Math.max(...searches))}`,
    );
    // where the time goes: the popup page's own loading, and one list request over the query port now
    const pageMs = await popup.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN);
    // one request over the query port, as the popup sends it: its time to the answer
    const portAsk = (request: object) =>
      popup.evaluate(
        (req: object) =>
          new Promise<number>((ok) => {
            const t0 = performance.now();
            const port = chrome.runtime.connect({ name: 'crosscheck-queries' });
            port.onMessage.addListener((m: { hello?: string; id?: number }) => {
              if (m?.hello) port.postMessage({ id: 1, request: req });
              else if (m?.id === 1) ok(performance.now() - t0), port.disconnect();
            });
          }),
        request,
      );
    const portMs = await portAsk({ type: 'list', filter: { sort: 'newest', source: '', origin: '', from: '', to: '' }, limit: 100 });
    const searchPortMs = [];
    for (const query of ['Sy', 'Syr', 'Syria', 'Islamic State', 'Apple Watch']) searchPortMs.push(`"${query}" ${ms(await portAsk({ type: 'search', query }))}`);
    console.log(`  (the last popup page itself loaded in ${ms(pageMs)}; a list request over the query port afterwards: ${ms(portMs)}; search requests: ${searchPortMs.join(', ')})`);
    if (offscreen) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await offscreen.send('Profiler.stop')).profile));
    if (process.env.BENCH_POPUP_PIECES) {
      // a string, not a function: tsx wraps named inner functions in a helper the page does not have
      const pieces = (): Promise<string> =>
        popup.evaluate(`(async () => {
          const db = await new Promise((ok, no) => {
            const r = indexedDB.open('crosscheck');
            r.onsuccess = () => ok(r.result);
            r.onerror = () => no(r.error);
          });
          const out = {};
          const reads = {
            count: (s) => s.count(),
            countTextKey: (s) => s.index('textKey').count(),
            last100: (s) => s.getAll({ query: null, count: 100, direction: 'prev' }),
            allKeys: (s) => s.getAllKeys(),
            dateKeys: (s) => s.index('date').getAllKeys(),
            get100: (s) => s.getAll(null, 100),
            sourceKeys: (s) => s.index('source').getAllKeys(),
          };
          for (const [name, read] of Object.entries(reads)) {
            const t0 = performance.now();
            await new Promise((ok) => (read(db.transaction('reports', 'readonly').objectStore('reports')).onsuccess = ok));
            out[name] = Math.round(performance.now() - t0);
          }
          db.close();
          return JSON.stringify(out);
        })()`) as Promise<string>;
      console.log(`  popup reads, worker up: ${await pieces()}`);
      await stopWorker(cdp, watch);
      await popup.reload();
      console.log(`  popup reads, right after a restart: ${await pieces()}`);
      await new Promise((r) => setTimeout(r, 5000));
      console.log(`  popup reads, 5 s later: ${await pieces()}`);
    }
    // BENCH_POPUP_PROFILE=file.cpuprofile: the popup's own thread over a reload after another restart (its first list)
    if (process.env.BENCH_POPUP_PROFILE) {
      await stopWorker(cdp, watch);
      const session = await popup.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      t = performance.now();
      await popup.reload();
      await popup.waitForFunction(() => document.querySelectorAll('#reports .report').length > 0, { timeout: 300_000, polling: 20 });
      console.log(`  profiled popup reload after a restart: first list ${ms(performance.now() - t)}`);
      writeFileSync(process.env.BENCH_POPUP_PROFILE, JSON.stringify((await session.send('Profiler.stop')).profile));
    }
  } finally {
    await browser.close();
    server.close();
  }
}
