/**
 * npm run bench:match [-- --terms 100,1000,5000,20000 --runs 7 --pages DIR]: matcher speed against
 * dictionary size. For each size, a synthetic dictionary (the real corpus terms plus generated
 * people, places, organisations and topics) is matched against the text of the five largest news
 * pages (generated pages when the folder is absent). Prints medians of: matcher construction, a
 * cold pass (a new matcher's first pass: empty key and fuzzy memos) and a warm pass (the same
 * matcher again), and the 20k/100-style ratios. Figures only; nothing is asserted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import corpus from '../corpus/dist/corpus.json';
import { readSeeds } from '../corpus/seeds';
import type { CompiledCorpus } from '../lib/corpus';
import { Matcher } from '../lib/match';
import { isEnglishWord } from '../lib/match/words';
import { textNodes } from '../lib/page/marks';
import { syntheticTerms } from './synthetic-terms';

const { values: args } = parseArgs({
  options: {
    terms: { type: 'string', default: '100,1000,5000,20000' },
    runs: { type: 'string', default: '7' },
    pages: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data/news-pages') },
  },
});
const sizes = args.terms.split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(args.runs));
const real = (corpus as unknown as CompiledCorpus).terms;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const now = () => performance.now();

/** Text nodes of the five largest pages, as the content script would see them. */
async function newsPages(dir: string): Promise<{ name: string; texts: string[] }[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 5);
  const out = [];
  for (const { f } of files) {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
    window.document.write(readFileSync(join(dir, f), 'utf8'));
    Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
    out.push({ name: f, texts: textNodes(window.document.body as unknown as Node).map((n) => n.nodeValue ?? '') });
    await window.happyDOM.close();
  }
  return out;
}

/** Five pages of seed paragraphs mixed with sentences naming dictionary terms, one in six misspelt. */
function generatedPages(): { name: string; texts: string[] }[] {
  const paragraphs = readSeeds().flatMap((r) => r.text.split(/\n\s*\n/));
  const names = syntheticTerms(real, 20_000).filter((t) => t.kind !== 'topic').map((t) => t.label);
  return Array.from({ length: 5 }, (_, p) => {
    const texts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const a = names[(i * 7919 + p * 104729) % names.length]!;
      const b = names[(i * 15485863 + p) % names.length]!;
      const typo = i % 6 === 0 ? b.slice(0, -2) + b.slice(-1) : b;
      texts.push(`${paragraphs[(i + p) % paragraphs.length]} On Monday ${a} met ${typo} in Washington, officials said.`);
    }
    return { name: `generated-${p + 1}`, texts };
  });
}

const pagesDir = args.pages;
const pages = existsSync(pagesDir) ? await newsPages(pagesDir) : generatedPages();
const words = pages.reduce((a, p) => a + p.texts.reduce((b, t) => b + t.split(/\s+/).length, 0), 0);
console.log(`pages: ${pages.map((p) => p.name).join(', ')} (${words} words, ${pages.reduce((a, p) => a + p.texts.length, 0)} text nodes)${existsSync(pagesDir) ? '' : ' [news pages absent: generated]'}`);

let t = now();
isEnglishWord('warmup');
console.log(`English word list decoded in ${(now() - t).toFixed(1)} ms (once per page load, on the first fuzzy candidate)`);

const dictionaries = new Map(sizes.map((n) => [n, syntheticTerms(real, n)]));
type Row = { build: number[]; cold: number[]; warm: number[]; mentions: number; heapKiB: number };
const rows = new Map<number, Row>(sizes.map((n) => [n, { build: [], cold: [], warm: [], mentions: 0, heapKiB: 0 }]));

function pass(m: Matcher): { ms: number; mentions: number } {
  let mentions = 0;
  const t0 = now();
  for (const p of pages) for (const text of p.texts) mentions += m.find(text).length;
  return { ms: now() - t0, mentions };
}

// One untimed round warms the JIT; then sizes take turns run by run, so machine noise hits all alike.
for (const n of sizes) pass(new Matcher(dictionaries.get(n)!));
for (let r = 0; r < runs; r++) {
  for (const n of sizes) {
    const row = rows.get(n)!;
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    t = now();
    const m = new Matcher(dictionaries.get(n)!);
    row.build.push(now() - t);
    row.heapKiB = (process.memoryUsage().heapUsed - heap0) / 1024;
    const cold = pass(m);
    row.cold.push(cold.ms);
    row.mentions = cold.mentions;
    row.warm.push(pass(m).ms);
  }
}

console.log(`\nmedians of ${runs} runs (ms for all five pages together)`);
console.log('terms   surface forms   construction   cold pass   warm pass   cold+construction   mentions   matcher heap');
for (const n of sizes) {
  const r = rows.get(n)!;
  const forms = dictionaries.get(n)!.reduce((a, x) => a + 1 + x.aliases.length, 0);
  const [b, c, w] = [median(r.build), median(r.cold), median(r.warm)];
  console.log(
    `${String(n).padStart(5)}   ${String(forms).padStart(13)}   ${b.toFixed(1).padStart(12)}   ${c.toFixed(1).padStart(9)}   ${w.toFixed(1).padStart(9)}   ${(b + c).toFixed(1).padStart(17)}   ${String(r.mentions).padStart(8)}   ${(r.heapKiB / 1024).toFixed(1).padStart(9)} MB`,
  );
}
if (sizes.length > 1) {
  const lo = rows.get(sizes[0]!)!;
  const hi = rows.get(sizes.at(-1)!)!;
  const ratio = (f: (r: Row) => number) => (f(hi) / f(lo)).toFixed(2);
  console.log(
    `\n${sizes.at(-1)}/${sizes[0]} ratio: cold ${ratio((r) => median(r.cold))}x, warm ${ratio((r) => median(r.warm))}x, ` +
      `cold+construction ${ratio((r) => median(r.cold) + median(r.build))}x (target for the cold pass: <= 1.5x)`,
  );
}
