/**
 * bench:corpus --browser --firefox: the same import as the Chromium part, in Debian's firefox-esr
 * with the BUILT Firefox extension (.output/firefox-mv2; npm run build:firefox), sent from its popup
 * page: how long until the imported reports' terms and evidence are indexed, and the longest wait of
 * a 'dictionary' request asked every 20 ms meanwhile. Prints figures; asserts nothing.
 */
import { launchFirefox, openExtensionPage } from '../tests/e2e/firefox';

const ms = (x: number) => `${x.toFixed(0)} ms`;
/** Texts go into the page in parts: one evaluation of 10,000 reports is tens of MB over WebDriver BiDi. */
const PART = 500;

export async function firefoxImportBench(n: number, texts: string[], indexWaitMs = Infinity): Promise<void> {
  const { browser } = await launchFirefox();
  const errors: string[] = [];
  try {
    const page = await openExtensionPage(browser, 'popup.html', '#app', errors);
    await page.evaluate('globalThis.__name = (f) => f; globalThis.benchTexts = []'); // tsx names functions; the page has no such helper
    for (let i = 0; i < n; i += PART) {
      await page.evaluate((part: string[]) => void (globalThis as unknown as { benchTexts: string[] }).benchTexts.push(...part), texts.slice(i, Math.min(n, i + PART)));
    }
    // started in the page, then read when done: one evaluation of minutes outlasts the protocol's timeout
    await page.evaluate((indexWaitMs: number) => {
      const g = globalThis as unknown as { benchResult?: unknown };
      void (async () => {
        const api = (globalThis as unknown as { browser: any }).browser; // Firefox's promise API
        const send = async (m: unknown) => {
          const reply = await api.runtime.sendMessage(m);
          if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
          return reply.value as any;
        };
        const now = () => performance.now();
        const progress = async () => ((await api.storage.local.get('importProgress')).importProgress ?? null) as { phase: string; done: number; total: number } | null;
        let stop = false;
        let longest = 0;
        let asked = 0;
        const prober = (async () => {
          while (!stop) {
            const t = now();
            await send({ type: 'dictionary' });
            longest = Math.max(longest, now() - t);
            asked++;
            await new Promise((r) => setTimeout(r, 20));
          }
        })();
        const texts = (globalThis as unknown as { benchTexts: string[] }).benchTexts;
        const t = now();
        const imported = await send({ type: 'import-reports', reports: texts.map((text) => ({ text })) });
        const importMs = now() - t;
        let sawIndexing = false;
        let indexing: { done: number; total: number } | null = null;
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
        await prober;
        return { added: imported.added as number, importMs, indexedMs, indexing, longest, asked };
      })().then((value) => (g.benchResult = { value }), (e: unknown) => (g.benchResult = { error: String(e) }));
    }, Number.isFinite(indexWaitMs) ? indexWaitMs : 1e12);
    type Result = { added: number; importMs: number; indexedMs: number; indexing: { done: number; total: number } | null; longest: number; asked: number };
    let outcome: { value?: Result; error?: string } | undefined;
    while (!(outcome = await page.evaluate(() => (globalThis as unknown as { benchResult?: { value?: Result; error?: string } }).benchResult))) {
      await new Promise((r) => setTimeout(r, 2_000));
    }
    if (!outcome.value) throw new Error(`the import in firefox-esr failed: ${outcome.error}`);
    const r = outcome.value;
    if (!r.indexing) console.log(`firefox-esr: indexed ${r.added} reports in ${(r.indexedMs / 1000).toFixed(0)} s`);
    const indexed = r.indexing ? `${r.indexing.done} of ${r.indexing.total} indexed after ${ms(r.indexedMs)}, still going` : `indexed after ${ms(r.indexedMs)}`;
    console.log(`N=${n} (firefox-esr): import ${r.added}: stored in ${ms(r.importMs)}, ${indexed}; ${r.asked} 'dictionary' requests meanwhile, longest wait ${ms(r.longest)}`);
    if (errors.length) console.log(`  page errors:\n    ${errors.slice(0, 10).join('\n    ')}`);
  } finally {
    await browser.close();
  }
}
