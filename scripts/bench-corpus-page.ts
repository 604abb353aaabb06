/**
 * Bundled by bench:corpus --browser into a plain page so the store's own code runs on Chromium's
 * real IndexedDB: seed N precomputed reports, then add/edit/delete one, and probe 'dictionary' waits.
 */
import './bench-page-i18n'; // the store's messages outside an extension
import type { CompiledCorpus } from '../lib/corpus';
import { CorpusService } from '../lib/background/explain';
import { addUserReport, deleteUserReport, seedCorpus, updateUserReport } from '../lib/background/store';
import { CrosscheckDB } from '../lib/db';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

(globalThis as { runBench?: unknown }).runBench = async (adds: number) => {
  const corpus = (await (await fetch('/corpus.json')).json()) as CompiledCorpus;
  const extra = (await (await fetch('/extra.json')).json()) as string[];
  const db = new CrosscheckDB(`bench-${corpus.reports.length}`);
  let t = performance.now();
  await seedCorpus(db, corpus);
  const seedMs = performance.now() - t;
  const service = new CorpusService(db);
  const add: number[] = [];
  const ids: string[] = [];
  for (const text of extra.slice(0, adds)) {
    t = performance.now();
    ids.push((await addUserReport(db, { text })).id);
    add.push(performance.now() - t);
  }
  const edit: number[] = [];
  for (const [i, id] of ids.entries()) {
    t = performance.now();
    await updateUserReport(db, id, { text: `${extra[adds + i]!}\nUpdated.` });
    edit.push(performance.now() - t);
  }
  const del: number[] = [];
  for (const id of ids) {
    t = performance.now();
    await deleteUserReport(db, id);
    del.push(performance.now() - t);
  }
  const dict = await service.getDictionary();
  const waits: number[] = [];
  let stop = false;
  const prober = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await service.getDictionary();
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  t = performance.now();
  for (const text of extra.slice(adds * 2)) await addUserReport(db, { text });
  const burstMs = performance.now() - t;
  stop = true;
  await prober;
  waits.sort((a, b) => a - b);
  return {
    seedMs,
    add: median(add),
    addMax: Math.max(...add),
    edit: median(edit),
    del: median(del),
    terms: dict.terms.length,
    bytes: new Blob([JSON.stringify({ ok: true, value: dict })]).size,
    burst: extra.length - adds * 2,
    burstMs,
    waits: [median(waits), waits[Math.floor(waits.length * 0.95)]!, waits.at(-1)!, waits.length],
  };
};
