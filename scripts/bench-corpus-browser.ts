/**
 * bench:corpus --browser: the same corpus writes through the BUILT extension in Debian Chromium
 * (its service worker and real IndexedDB), driven by messages from an extension page. Prints figures.
 */
import { launch } from '../tests/e2e/harness';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

export async function browserBench(n: number, texts: string[], adds: number): Promise<void> {
  const { browser, extensionId } = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const r = await page.evaluate(
      async (n: number, texts: string[], adds: number) => {
        const send = async (m: unknown) => {
          const reply = await chrome.runtime.sendMessage(m);
          if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
          return reply.value as any;
        };
        const now = () => performance.now();
        // import N while a 'dictionary' request goes out every 20 ms
        let stop = false;
        let maxWait = 0;
        let asked = 0;
        const prober = (async () => {
          while (!stop) {
            const t = now();
            await send({ type: 'dictionary' });
            maxWait = Math.max(maxWait, now() - t);
            asked++;
            await new Promise((r) => setTimeout(r, 20));
          }
        })();
        let t = now();
        const imported = await send({ type: 'import-reports', reports: texts.slice(0, n).map((text) => ({ text })) });
        const importMs = now() - t;
        stop = true;
        await prober;
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
        return { imported, importMs, maxWait, asked, add, edit, del, terms: (dict.value as { terms: unknown[] }).terms.length, bytes: new Blob([JSON.stringify(dict)]).size };
      },
      n,
      texts,
      adds,
    );
    console.log(
      `N=${n} (Chromium): import ${r.imported.added} (extract + index + one transaction) ${ms(r.importMs)}; ${r.asked} 'dictionary' requests meanwhile, longest wait ${ms(r.maxWait)}\n` +
        `  add one: median ${ms(median(r.add))} (max ${ms(Math.max(...r.add))}) | edit one: median ${ms(median(r.edit))} | delete one: median ${ms(median(r.del))}\n` +
        `  dictionary: ${r.terms} terms, ${(r.bytes / 1024).toFixed(0)} KiB per download`,
    );
  } finally {
    await browser.close();
  }
}
