/**
 * npm run bench:hover [-- --reports 10000]: what one popover costs in the background —
 * CorpusService.explain() over a corpus in IndexedDB (fake-indexeddb): the five seed reports plus
 * generated ones (built from FNC-1 bodies when ../shared/data/fnc-1 exists, else from a sentence
 * generator), with the seed dictionary. Prints the evidence index build time and the time per hover
 * as p50/p95 over repeated rounds of claims; asserts nothing.
 * With --browser --restart: the built extension in Chromium, hovers after its service worker
 * restarts (scripts/bench-hover-browser.ts).
 */
import '../tests/unit/setup-i18n'; // the background's messages (locales/en.yml) outside an extension
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import corpus from '../corpus/dist/corpus.json';
import { toReport, type CompiledCorpus, type DictionaryTerm, type Mention, type Report } from '../lib/corpus';
import { textKey } from '../lib/corpus/identity';
import { Matcher } from '../lib/match';
import type { ReportIndexRow } from '../lib/corpus/live-index';
import { CrosscheckDB } from '../lib/db';
import { CorpusService } from '../lib/background/explain';
import { resumeIndexing, seedCorpus, whenIndexed } from '../lib/background/store';
import { readBodies } from './fnc';

const arg = process.argv.indexOf('--reports');
const target = arg >= 0 ? Number(process.argv[arg + 1]) : 0;
if (process.argv.includes('--browser')) {
  // the built extension in Chromium: first hovers after the service worker restarts (scripts/bench-hover-browser.ts)
  const { restartBench } = await import('./bench-hover-browser');
  const opt = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  await restartBench(target || 10_000, process.argv.includes('--hovers') ? Number(opt('hovers')) : 7, process.argv.includes('--extension') ? opt('extension') : undefined);
  process.exit(0);
}
const ROUNDS = 5;

const CLAIMS: [string, string][] = [
  ['united-states', 'Ukrainian President Volodymyr Zelenskiy said on Saturday that Ukraine hopes to hold a leaders’ summit in the United States by the end of January.'],
  ['security-guarantees', 'Zelensky said advisers from 12 countries discussed security guarantees and economic agreements.'],
  ['washington', 'Washington has not yet publicly confirmed plans for a leaders’ meeting.'],
  ['donald-trump', 'Former U.S. President Donald Trump told reporters he was “not thrilled” with Vladimir Putin.'],
  ['kyiv', 'Security advisers from Ukraine’s allies met in Kyiv on Saturday to push the peace plan.'],
  ['russia', 'Russia said 24 people were killed when drones hit a hotel and cafe in Kherson region.'],
  ['ukraine', 'Ukraine said it would not accept a ceasefire that freezes the conflict.'],
  ['vladimir-putin', 'Moscow claimed Ukraine attacked a residence of Vladimir Putin with drones.'],
];

const FNC = resolve(import.meta.dirname, '../../shared/data/fnc-1/train_bodies.csv');

/** `n` reports: FNC-1 bodies (each used with its sentences rotated, so repeats are not identical), or generated text. */
function generated(n: number): Report[] {
  const out: Report[] = [];
  if (existsSync(FNC)) {
    const bodies = [...readBodies(readFileSync(FNC, 'utf8')).entries()];
    for (let k = 0; k < n; k++) {
      const [id, body] = bodies[k % bodies.length]!;
      const paragraphs = body.split(/\n+/).filter((p) => p.trim());
      const shift = Math.floor(k / bodies.length) % Math.max(1, paragraphs.length);
      const text = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n\n');
      out.push(toReport({ id: `bench-${k}-fnc-${id}`, origin: 'user', text }));
    }
    return out;
  }
  const who = ['Ukraine', 'Russia', 'the United States', 'France', 'Germany', 'Kyiv', 'Moscow', 'Washington', 'officials', 'President Donald Trump', 'Volodymyr Zelensky'];
  const did = ['said', 'denied', 'confirmed', 'met in Paris on Monday', 'discussed security guarantees', 'reported 12 people killed', 'announced talks'];
  for (let k = 0; k < n; k++) {
    const sentences = Array.from({ length: 12 }, (_, i) => `${who[(k + i) % who.length]} ${did[(k * 7 + i) % did.length]} about the ${['war', 'summit', 'talks', 'economy'][(k + i) % 4]} on day ${(k + i) % 30}.`);
    out.push(toReport({ id: `bench-${k}-gen`, origin: 'user', text: sentences.join(' ') }));
  }
  return out;
}

/** Which sentences of which reports mention the seed dictionary's terms (the hover reads these). */
function mentionIndex(reports: Report[], dictionary: DictionaryTerm[]): { terms: DictionaryTerm[]; rows: ReportIndexRow[] } {
  const matcher = new Matcher(dictionary, { fuzzy: false });
  const rows: ReportIndexRow[] = [];
  const byTerm = new Map<string, Set<string>>();
  for (const r of reports) {
    const seen = new Set<string>();
    const mentions: Mention[] = [];
    [r.title ?? '', ...r.sentences].forEach((s, i) => {
      for (const m of matcher.find(s)) {
        const key = `${m.termId}|${i - 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mentions.push({ termId: m.termId, sentence: i - 1 });
        byTerm.set(m.termId, (byTerm.get(m.termId) ?? new Set()).add(r.id));
      }
    });
    rows.push({ reportId: r.id, terms: { entities: [], phrases: [] }, bloom: [], hits: {}, mentions });
  }
  const terms = dictionary.map((t) => ({ ...t, reportCount: byTerm.get(t.id)?.size ?? 0 }));
  return { terms, rows };
}

const seeds = corpus as unknown as CompiledCorpus;
let t0 = 0;
const db = new CrosscheckDB('bench-hover');
await seedCorpus(db, seeds);
if (target > seeds.reports.length) {
  const t = performance.now();
  const extra = generated(target - seeds.reports.length);
  const all = [...seeds.reports, ...extra];
  const { terms, rows } = mentionIndex(all, seeds.terms);
  await db.transaction('rw', db.reports, db.terms, db.reportIndex, db.meta, async () => {
    // generated reports are never checked for near-duplicates here: no keys needed
    await db.reports.bulkPut(extra.map((r) => ({ ...r, textKey: `${textKey(r.text)}:${r.id}`, nearKeys: [] })));
    await db.terms.clear();
    await db.terms.bulkPut(terms);
    await db.reportIndex.bulkPut(rows);
    await db.meta.put({ key: 'indexVersion', value: `bench-${target}` });
    await db.meta.delete('indexingComplete'); // written behind the store's back: work left, as its own writes say
  });
  const sentences = extra.reduce((n, r) => n + r.sentences.length, 0);
  console.log(`corpus: ${all.length} reports (${existsSync(FNC) ? 'FNC-1 bodies' : 'generated'}), ${sentences} sentences; stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
t0 = performance.now();
await resumeIndexing(db); // the stored evidence index misses the reports written above: filled in the background
await whenIndexed(db);
console.log(`evidence index stored: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const service = new CorpusService(db);
let t = performance.now();
await service.getDictionary();
console.log(`dictionary + matcher: ${(performance.now() - t).toFixed(1)} ms`);
t = performance.now();
await service.warm();
console.log(`term matcher for claims: ${(performance.now() - t).toFixed(0)} ms`);

const dict = await service.getDictionary();
for (const [term] of CLAIMS) {
  const n = dict.terms.find((x) => x.id === term)?.reportCount ?? 0;
  process.stdout.write(`${term}: ${n} reports  `);
}
console.log();
const times: number[] = [];
const cold: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const [term, claim] of CLAIMS) {
    t = performance.now();
    const r = await service.explain(term, claim, '2026-01-06');
    const ms = performance.now() - t;
    if (!r) throw new Error(`no term ${term}`);
    (round === 0 ? cold : times).push(ms);
    if (round === 0) console.log(`  ${term}: ${ms.toFixed(1)} ms first hover, ${r.items.length} shown + ${r.more} more; top: ${r.items[0]?.verdict ?? '-'} — ${r.items[0]?.reason ?? ''}\n      (${r.items[0]?.reportId.slice(0, 24)}: ${r.items[0]?.sentence.slice(0, 110) ?? ''})`);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`first hover per claim: p50 ${q(cold, 0.5).toFixed(1)} ms, p95 ${q(cold, 0.95).toFixed(1)} ms`);
console.log(`hover (${times.length} repeats): p50 ${q(times, 0.5).toFixed(1)} ms, p95 ${q(times, 0.95).toFixed(1)} ms`);
await db.delete();
