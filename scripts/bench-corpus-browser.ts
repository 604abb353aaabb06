/**
 * bench:corpus --browser: the same corpus writes through the BUILT extension in Debian Chromium
 * (its service worker and real IndexedDB), driven by messages from an extension page (hovers over
 * the query port, as pages ask them, answered by the offscreen document; BENCH_MESSAGES=1: as
 * messages to the service worker, its fallback); and the
 * store's code on Chromium's IndexedDB in a plain page, for seeding at sizes import cannot reach. Prints figures.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import type { CompiledCorpus } from '../lib/corpus';
import { chromiumPath, launch, ROOT } from '../tests/e2e/harness';

declare const chrome: {
  runtime: {
    sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
    connect(info: { name: string }): {
      postMessage(m: unknown): void;
      disconnect(): void;
      onMessage: { addListener(l: (m: any) => void): void };
    };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** `indexWaitMs`: how long to wait for the imported reports' terms before measuring single writes (indexing goes on meanwhile). */
export async function browserBench(n: number, texts: string[], adds: number, indexWaitMs = Infinity): Promise<void> {
  const { browser, worker, extensionId } = await launch();
  const complaints: string[] = [];
  worker.on('console', (m) => void (['error', 'warn'].includes(m.type()) && complaints.push(`${m.type()}: ${m.text()}`)));
  browser.on('targetcreated', (t) => void (t.type() === 'service_worker' && complaints.push('the service worker was started again')));
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the service worker over the whole run
  const profile = process.env.BENCH_PROFILE ? worker.client : null;
  if (profile) {
    await profile.send('Profiler.enable');
    await profile.send('Profiler.setSamplingInterval', { interval: 500 });
    await profile.send('Profiler.start');
  }
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.evaluate('globalThis.__name = (f) => f'); // tsx names functions; the page has no such helper
    const r = await page.evaluate(
      async (n: number, texts: string[], adds: number, indexWaitMs: number, messages: boolean) => {
        const send = async (m: unknown) => {
          const reply = await chrome.runtime.sendMessage(m);
          if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
          return reply.value as any;
        };
        const now = () => performance.now();
        const progress = async () => ((await chrome.storage.local.get('importProgress')).importProgress ?? null) as { phase: string; done: number; total: number } | null;
        // import N while an 'explain' request goes out every 20 ms and a 'dictionary' request every 3 s (every 20 ms as messages), until its terms are indexed
        let stop = false;
        const waits = { dictionary: 0, explain: 0, portDictionary: 0, portExplain: 0 };
        /** every wait, for the distribution: how often a request waited, not only the longest */
        const all = { dictionary: [] as number[], explain: [] as number[], portDictionary: [] as number[], portExplain: [] as number[], add: [] as number[] };
        // Pages and the popup ask the read side over a port (lib/query-client.ts), answered by the
        // offscreen document; the messages above are the service worker's fallback when no port answers.
        const port = chrome.runtime.connect({ name: 'crosscheck-queries' });
        const answers = new Map<number, (reply: { ok: boolean; error?: string }) => void>();
        let served!: () => void;
        const hello = new Promise<void>((r) => (served = r));
        port.onMessage.addListener((msg: { hello?: string; id?: number; reply?: { ok: boolean; error?: string } }) => {
          if (msg?.hello) served();
          else if (msg?.id !== undefined) answers.get(msg.id)?.(msg.reply!);
        });
        await hello;
        let nextId = 1;
        const overPort = (request: unknown) =>
          new Promise<void>((resolve, reject) => {
            const id = nextId++;
            answers.set(id, (reply) => (answers.delete(id), reply.ok ? resolve() : reject(new Error(reply.error))));
            port.postMessage({ id, request });
          });
        let asked = 0;
        const probe = async (kind: keyof typeof waits, message: unknown, everyMs = 20) => {
          while (!stop) {
            const t = now();
            await (kind.startsWith('port') ? overPort(message) : send(message));
            waits[kind] = Math.max(waits[kind], now() - t);
            all[kind].push(now() - t);
            asked++;
            await new Promise((r) => setTimeout(r, everyMs));
          }
        };
        // and a report of the reader's own added every 2 s: how long an add waits behind indexing
        let addWait = 0;
        let addsMeanwhile = 0;
        const adder = async () => {
          for (let k = 0; !stop; k++) {
            await new Promise((r) => setTimeout(r, 2_000));
            if (stop) break;
            const t = now();
            // words drawn at random, so no add is a near-copy of an imported report or of another add
            const words = 'harbour council ferry budget museum railway orchard bakery glacier festival lighthouse vineyard tunnel library stadium quarry river bridge market school'.split(' ');
            const text = Array.from({ length: 60 }, () => words[Math.floor(Math.random() * words.length)]).join(' ');
            await send({ type: 'add-report', report: { text: `Added while indexing, number ${k}: ${text}.` } });
            addWait = Math.max(addWait, now() - t);
            all.add.push(now() - t);
            addsMeanwhile++;
          }
        };
        const hover = { type: 'explain', termId: 'kyiv', claim: 'Security advisers from 15 countries met in Kyiv on Saturday to discuss the peace plan.' };
        // over the port, as pages ask; with BENCH_MESSAGES=1 as messages to the service worker instead (the fallback)
        const probers = messages
          ? [probe('dictionary', { type: 'dictionary' }), probe('explain', hover), adder()]
          : // a tab asks for the dictionary when told of a new index, at most every 3 s while an import is indexed
            [probe('portDictionary', { type: 'dictionary' }, 3_000), probe('portExplain', hover), adder()];
        let t = now();
        const imported = await send({ type: 'import-reports', reports: texts.slice(0, n).map((text) => ({ text })) });
        const importMs = now() - t;
        let sawIndexing = false;
        let indexing: { done: number; total: number } | null = null; // the last progress seen, while the wait was cut short
        for (;;) {
          const p = await progress();
          if (p?.phase === 'indexing') sawIndexing = true;
          if (!p && sawIndexing) break;
          if (p?.phase === 'indexing' && now() - t > importMs + indexWaitMs) {
            indexing = { done: p.done, total: p.total };
            break;
          }
          if (!p && now() - t > importMs + 5_000) break; // indexing ended before the first look
          await new Promise((r) => setTimeout(r, 200));
        }
        const indexedMs = now() - t;
        stop = true;
        await Promise.all(probers);
        port.disconnect();
        const add: number[] = [];
        const ids: string[] = [];
        for (const text of texts.slice(n, n + adds)) {
          t = now();
          ids.push((await send({ type: 'add-report', report: { text } })).report.id);
          add.push(now() - t);
        }
        const edit: number[] = [];
        for (const [i, id] of ids.entries()) {
          t = now();
          await send({ type: 'update-report', id, report: { text: texts[n + adds + i] ?? `${texts[n + i]}\nUpdated.` } });
          edit.push(now() - t);
        }
        const del: number[] = [];
        for (const id of ids) {
          t = now();
          await send({ type: 'delete-report', id });
          del.push(now() - t);
        }
        const dict = await chrome.runtime.sendMessage({ type: 'dictionary' });
        return { imported, importMs, indexedMs, indexing, waits, all, asked, addWait, addsMeanwhile, add, edit, del, terms: (dict.value as { terms: unknown[] }).terms.length, bytes: new Blob([JSON.stringify(dict)]).size };
      },
      n,
      texts,
      adds,
      Number.isFinite(indexWaitMs) ? indexWaitMs : 1e12,
      process.env.BENCH_MESSAGES === '1',
    );
    const indexed = r.indexing
      ? `${r.indexing.done} of ${r.indexing.total} indexed after ${ms(r.indexedMs)} (${((r.indexing.done / (r.indexedMs - r.importMs)) * 1000).toFixed(0)} reports/s), still going`
      : `terms indexed after ${ms(r.indexedMs)}`;
    if (!r.indexing) console.log(`indexed ${r.imported.added} reports in ${(r.indexedMs / 1000).toFixed(0)} s`);
    console.log(
      `N=${n} (Chromium): import ${r.imported.added}: stored (one transaction) in ${ms(r.importMs)}, ${indexed}; ` +
        `${r.asked} 'dictionary' and 'explain' requests meanwhile, longest wait ${ms(Math.max(r.waits.dictionary, r.waits.portDictionary))} / ${ms(Math.max(r.waits.explain, r.waits.portExplain))}; ` +
        `${r.addsMeanwhile} adds meanwhile, longest ${ms(r.addWait)}\n` +
        `  add one: median ${ms(median(r.add))} (max ${ms(Math.max(...r.add))}) | edit one: median ${ms(median(r.edit))} | delete one: median ${ms(median(r.del))}\n` +
        `  dictionary: ${r.terms} terms, ${(r.bytes / 1024).toFixed(0)} KiB per download`,
    );
    const spread = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const at = (q: number) => ms(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
      return `median ${at(0.5)}, p95 ${at(0.95)}, p99 ${at(0.99)}, ${s.filter((x) => x > 300).length} of ${s.length} over 300 ms`;
    };
    const [dictionary, explain] = process.env.BENCH_MESSAGES === '1' ? [r.all.dictionary, r.all.explain] : [r.all.portDictionary, r.all.portExplain];
    const path = process.env.BENCH_MESSAGES === '1' ? 'as messages to the service worker (its fallback)' : 'over the port as pages ask (offscreen document)';
    console.log(`  waits meanwhile, ${path}: dictionary ${spread(dictionary)}; explain ${spread(explain)}; adds ${spread(r.all.add)}`);
    console.log(`longest wait meanwhile: hover ${ms(Math.max(...dictionary, ...explain))}, add ${ms(r.addWait)}`);
    if (profile) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profile.send('Profiler.stop')).profile));
    if (complaints.length) console.log(`  the service worker complained ${complaints.length}×:\n    ${complaints.slice(0, 10).join('\n    ')}`);
  } finally {
    await browser.close();
  }
}

/**
 * The store's own code (scripts/bench-corpus-page.ts, bundled with esbuild) on a local page: seeding
 * N precomputed reports into Chromium's IndexedDB, then single writes and 'dictionary' waits.
 */
export async function pageBench(corpus: CompiledCorpus, extra: string[], adds: number, buildMs: number): Promise<void> {
  const bundle = await build({ entryPoints: [join(ROOT, 'scripts/bench-corpus-page.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', loader: { '.json': 'json' } });
  const files: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', bundle.outputFiles[0]!.text],
    '/corpus.json': ['application/json', JSON.stringify(corpus)],
    '/extra.json': ['application/json', JSON.stringify(extra)],
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? '/'];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': `${f[0]}; charset=utf-8` }).end(f[1]);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    page.setDefaultTimeout(600_000);
    await page.evaluate('globalThis.__name = (f) => f');
    // BENCH_PROFILE=file.cpuprofile: a CPU profile of the whole run, for chrome://inspect or a script
    const profile = process.env.BENCH_PROFILE ? await page.createCDPSession() : null;
    if (profile) await profile.send('Profiler.enable').then(() => profile.send('Profiler.start'));
    const r = await page.evaluate((a: number) => (globalThis as unknown as { runBench(a: number): Promise<any> }).runBench(a), adds);
    if (profile) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profile.send('Profiler.stop')).profile));
    const n = corpus.reports.length;
    console.log(
      `N=${n} (Chromium IndexedDB): seed ${ms(r.seedMs)} (index built in bulk at build time: ${ms(buildMs)} in Node)\n` +
        `  add one: median ${ms(r.add)} (max ${ms(r.addMax)}, ${adds} runs) | edit one: median ${ms(r.edit)} | delete one: median ${ms(r.del)}\n` +
        `  dictionary: ${r.terms} terms, ${(r.bytes / 1024).toFixed(0)} KiB per download\n` +
        `  hover-blocking: ${r.burst} adds in ${ms(r.burstMs)}; ${r.waits[3]} 'dictionary' requests, wait median ${ms(r.waits[0])}, p95 ${ms(r.waits[1])}, longest ${ms(r.waits[2])}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
