/**
 * npm run bench:corpus -- --reports 100,1000,10000 [--browser [--parts seed,import | --firefox] [--index-wait S]] [--adds 7]: what corpus writes cost
 * at N reports — seeding N (precomputed index, the install path), importing (with extraction), adding,
 * editing and deleting one report, dictionary size and download bytes, and the longest wait of a
 * 'dictionary' request during a bulk add. Node + fake-indexeddb by default; --browser measures through
 * the built extension in Chromium, --browser --firefox the import alone in firefox-esr (run them under
 * the browser lock). Prints figures; asserts nothing.
 */
import '../tests/unit/setup-i18n'; // the background's messages (locales/en.yml) outside an extension
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toReport, type CompiledCorpus, type Report } from '../lib/corpus';
import { textKey } from '../lib/corpus/identity';
import { firstNearDuplicate, nearKeys } from '../lib/corpus/near-duplicate';
import { buildIndex, indexRow, type ReportIndexRow } from '../lib/corpus/live-index';
import { CorpusService } from '../lib/background/explain';
import { addUserReport, backupOf, deleteUserReport, importReports, seedCorpus, updateUserReport } from '../lib/background/store';
import { CrosscheckDB } from '../lib/db';
import { parseNewReport } from '../lib/corpus/schema';
import { readBodies } from './fnc';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SIZES = opt('reports', '100,1000').split(',').map(Number);
const ADDS = Number(opt('adds', '7'));
/** import (with NLP extraction) is measured up to this size; above it, seeding with precomputed rows */
const IMPORT_MAX = Number(opt('import-max', '1000'));
/** --browser: seconds to wait for an import's terms to be indexed before single writes are measured */
/** --browser: which measurements to run, "seed" (store code in a page) and/or "import" (the built extension) */
const PARTS = opt('parts', 'seed,import').split(',');
const INDEX_WAIT_S = Number(opt('index-wait', 'Infinity'));
const FNC = resolve(ROOT, opt('data', '../shared/data/fnc-1'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

const isValid = (text: string) => {
  try {
    parseNewReport({ text });
    return true;
  } catch {
    return false;
  }
};

/** Report texts: FNC-1 training bodies when present (recombined past 1,683), else a generator. */
function texts(n: number): string[] {
  const file = join(FNC, 'train_bodies.csv');
  let bodies: string[];
  if (existsSync(file)) {
    bodies = [...readBodies(readFileSync(file, 'utf8')).values()].map((b) => b.slice(0, 4000))
      .filter((b) => b.split(/\s+/).length > 60 && isValid(b));
    bodies = [...new Map(bodies.map((b) => [textKey(b), b])).values()]; // FNC-1 repeats some bodies
  } else {
    const who = ['Maria Lopez', 'Ahmed Khan', 'Li Wei', 'John Carter', 'Olga Petrova', 'Kwame Mensah'];
    const where = ['Lisbon', 'Nairobi', 'Osaka', 'Denver', 'Krakow', 'Santiago', 'Hanoi', 'Tunis'];
    const what = ['water rationing', 'rail strike', 'flood defences', 'vaccine rollout', 'trade tariffs', 'housing shortage'];
    bodies = Array.from({ length: 600 }, (_, i) => {
      const p = who[i % who.length]!, c = where[(i * 3) % where.length]!, t = what[(i * 5) % what.length]!;
      return `${p} said on Monday that ${c} would review its ${t} plan. Officials in ${c} said the ${t} had strained budgets. ` +
        `Critics of ${p} argued the ${t} needed a national response, while residents of ${c} waited for details of the review.`;
    });
  }
  // Past the number of bodies, a report is the first half of one body and the second half of another.
  const half = (b: string, first: boolean) => {
    const paragraphs = b.split(/\n+/);
    const cut = Math.max(1, Math.floor(paragraphs.length / 2));
    return (first ? paragraphs.slice(0, cut) : paragraphs.slice(cut)).join('\n');
  };
  // distinct as the store sees them (same parsed text, or near-identical), so no add is refused as a repeat
  const seen = new Set<string>();
  const near = new Map<string, string[]>();
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const a = bodies[i % bodies.length]!;
    const round = Math.floor(i / bodies.length);
    const text = round === 0 ? a : `${half(a, true)}\n${half(bodies[(i * 7 + round * 13) % bodies.length]!, false)}`;
    const parsed = toReport({ id: 'x', origin: 'user', text }).text;
    const key = textKey(parsed);
    const keys = nearKeys(parsed);
    if (seen.has(key) || firstNearDuplicate(parsed, [...new Set(keys.flatMap((k) => near.get(k) ?? []))].map((t) => ({ text: t })))) continue;
    seen.add(key);
    for (const k of keys) near.set(k, [...(near.get(k) ?? []), parsed]);
    out.push(text);
  }
  return out;
}

/** Extraction is the slow, per-report part; cache it across runs (keyed by text and extractor source). */
function cachedRows(reports: Report[]): ReportIndexRow[] {
  const sources = ['lib/corpus/terms.ts', 'lib/corpus/bloom.ts', 'lib/corpus/parse.ts', 'lib/text.ts', ...readdirSync(join(ROOT, 'lib/match')).map((f) => `lib/match/${f}`)];
  const src = sources.filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(ROOT, f), 'utf8')).join();
  const dir = join(ROOT, 'node_modules/.cache/crosscheck-bench');
  const file = join(dir, `rows-${createHash('sha1').update(src).digest('hex').slice(0, 12)}.json`);
  const cache: Record<string, Pick<ReportIndexRow, 'terms' | 'bloom'>> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let fresh = 0;
  const t = performance.now();
  const rows = reports.map((r) => {
    const k = textKey([r.title, r.text].join('\n'));
    let c = cache[k];
    if (!c) {
      const { terms, bloom } = indexRow(r);
      cache[k] = c = { terms, bloom };
      fresh++;
    }
    return { reportId: r.id, ...c, hits: {}, mentions: [] };
  });
  if (fresh) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(cache));
    console.log(`  (extracted ${fresh} reports: ${ms((performance.now() - t) / fresh)} per report; cached)`);
  }
  return rows;
}

/** N reports with their index precomputed (as the build does for the bundle), and texts to add later. */
function benchCorpus(n: number): { corpus: CompiledCorpus; extra: string[]; all: string[]; buildMs: number } {
  const all = texts(n + ADDS * 2 + 20);
  const reports = all.slice(0, n).map((text, i) => toReport({ id: `bench-${i}`, origin: 'seed', text }));
  const rows = cachedRows(reports);
  const t = performance.now();
  const full = buildIndex(reports, rows);
  const buildMs = performance.now() - t;
  return { corpus: { version: `bench-${n}`, reports, terms: full.terms, index: full.rows }, extra: all.slice(n), all, buildMs };
}

async function nodeBench(n: number): Promise<void> {
  const { corpus, extra, all, buildMs } = benchCorpus(n);
  const full = corpus;
  const db = new CrosscheckDB(`bench-corpus-${n}`);
  let t = performance.now();
  await seedCorpus(db, corpus);
  const seedMs = performance.now() - t;

  let importLine = `import skipped above ${IMPORT_MAX} (extraction-bound; see per-report extraction time)`;
  if (n <= IMPORT_MAX) {
    const idb = new CrosscheckDB(`bench-import-${n}`);
    t = performance.now();
    const r = await importReports(idb, all.slice(0, n).map((text) => ({ text })));
    importLine = `import ${r.added} (extract + index + one transaction) ${ms(performance.now() - t)}`;
    await backupOf(idb).delete();
    await idb.delete();
  }

  const service = new CorpusService(db);
  const adds: number[] = [];
  const added: string[] = [];
  for (const text of extra.slice(0, ADDS)) {
    t = performance.now();
    added.push((await addUserReport(db, { text })).id);
    adds.push(performance.now() - t);
  }
  const edits: number[] = [];
  for (const [i, id] of added.entries()) {
    t = performance.now();
    await updateUserReport(db, id, { text: `${extra[ADDS + i]!}\nUpdated.` });
    edits.push(performance.now() - t);
  }
  const dels: number[] = [];
  for (const id of added) {
    t = performance.now();
    await deleteUserReport(db, id);
    dels.push(performance.now() - t);
  }
  const dict = await service.getDictionary();
  const bytes = Buffer.byteLength(JSON.stringify({ ok: true, value: dict }));

  // hover-blocking: a 'dictionary' request every 10 ms while 20 reports are added one after another
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
  const burst = extra.slice(ADDS * 2);
  t = performance.now();
  for (const text of burst) await addUserReport(db, { text });
  const burstMs = performance.now() - t;
  stop = true;
  await prober;

  console.log(
    `N=${n}: seed ${ms(seedMs)} (index built in bulk ${ms(buildMs)} at build time) | ${importLine}\n` +
      `  add one: median ${ms(median(adds))} (max ${ms(Math.max(...adds))}, ${adds.length} runs) | edit one: median ${ms(median(edits))} | delete one: median ${ms(median(dels))}\n` +
      `  dictionary: ${dict.terms.length} terms, ${(bytes / 1024).toFixed(0)} KiB per download | ${full.index.reduce((a, r) => a + r.mentions.length, 0)} mentions in ${full.index.length} index rows\n` +
      `  hover-blocking: ${burst.length} adds in ${ms(burstMs)}; ${waits.length} 'dictionary' requests, wait median ${ms(median(waits))}, p95 ${ms(waits.sort((a, b) => a - b)[Math.floor(waits.length * 0.95)]!)}, longest ${ms(Math.max(...waits))}`,
  );
  await backupOf(db).delete();
  await db.delete();
}

if (args.includes('--browser') && args.includes('--firefox')) {
  const { firefoxImportBench } = await import('./bench-corpus-firefox');
  console.log(`bench:corpus in firefox-esr through the built extension's messages (import with extraction, up to --import-max ${IMPORT_MAX})`);
  for (const n of SIZES.filter((x) => x <= IMPORT_MAX)) await firefoxImportBench(n, texts(n), INDEX_WAIT_S * 1000);
} else if (args.includes('--browser')) {
  const { browserBench, pageBench } = await import('./bench-corpus-browser');
  console.log(`bench:corpus in Chromium's IndexedDB, store code bundled into a page (${existsSync(FNC) ? 'FNC-1 bodies' : 'generated reports'})`);
  for (const n of PARTS.includes('seed') ? SIZES : []) {
    const { corpus, extra, buildMs } = benchCorpus(n);
    await pageBench(corpus, extra, ADDS, buildMs);
  }
  console.log(`bench:corpus in Chromium through the built extension's messages (import with extraction, up to --import-max ${IMPORT_MAX})`);
  for (const n of SIZES.filter((x) => x <= IMPORT_MAX && PARTS.includes('import'))) await browserBench(n, texts(n + ADDS * 2), ADDS, INDEX_WAIT_S * 1000);
} else {
  console.log(`bench:corpus in Node + fake-indexeddb (${existsSync(FNC) ? 'FNC-1 bodies' : 'generated reports'})`);
  for (const n of SIZES) await nodeBench(n);
}
