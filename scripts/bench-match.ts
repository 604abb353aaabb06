/**
 * npm run bench:match [-- --terms 100,1000,5000,20000 --runs 7 --pages DIR]: matcher speed against
 * dictionary size. For each size, a synthetic dictionary (the real corpus terms plus generated
 * people, places, organisations and topics) is matched against the text of the five news pages
 * with the most words (generated pages when the folder is absent). Prints medians of: matcher construction
 * (tokenising the dictionary, compiling the automaton, the fuzzy index), a cold pass (a new
 * matcher's first pass: empty token and fuzzy memos) and a warm pass (the same matcher again), and
 * the largest/smallest ratios. Figures only; nothing is asserted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

const wordCount = (texts: string[]) => texts.reduce((a, t) => a + t.split(/\s+/).filter(Boolean).length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const now = () => performance.now();

/** Text nodes of the five pages with the most text, as the content script would see them. */
async function newsPages(dir: string): Promise<{ name: string; texts: string[] }[]> {
  const out = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html'))) {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
    window.document.write(readFileSync(join(dir, f), 'utf8'));
    Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
    const texts = textNodes(window.document.body as unknown as Node).map((n) => n.nodeValue ?? '');
    out.push({ name: f, texts, words: wordCount(texts) });
    await window.happyDOM.close();
  }
  return out.sort((a, b) => b.words - a.words).slice(0, 5);
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
const words = pages.reduce((a, p) => a + wordCount(p.texts), 0);
console.log(`pages: ${pages.map((p) => p.name).join(', ')} (${words} words, ${pages.reduce((a, p) => a + p.texts.length, 0)} text nodes)${existsSync(pagesDir) ? '' : ' [news pages absent: generated]'}`);

const dictionaries = new Map(sizes.map((n) => [n, syntheticTerms(real, n)]));
const largest = sizes.reduce((a, b) => Math.max(a, b));
let t = now();
new Matcher(dictionaries.get(largest)!);
console.log(`first construction in this process (JIT cold, as on a page load): ${(now() - t).toFixed(1)} ms at ${largest} terms`);
t = now();
isEnglishWord('warmup');
console.log(`English word list indexed in ${(now() - t).toFixed(1)} ms (once per page load, at the first fuzzy candidate)`);

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
    t = now();
    let m: Matcher | null = new Matcher(dictionaries.get(n)!);
    row.build.push(now() - t);
    const cold = pass(m);
    row.cold.push(cold.ms);
    row.mentions = cold.mentions;
    row.warm.push(pass(m).ms);
    // The matcher's heap after a pass (memos included): heap with it minus heap without it.
    global.gc?.();
    const withIt = process.memoryUsage().heapUsed;
    m = null;
    global.gc?.();
    row.heapKiB = (withIt - process.memoryUsage().heapUsed) / 1024;
  }
}

// Built in slices (Matcher.create), as a page can do it: the longest time between two pauses.
const slices: number[] = [];
let sliceStart = now();
await Matcher.create(dictionaries.get(largest)!, {}, {
  pause: async () => {
    slices.push(now() - sliceStart);
    await new Promise((r) => setTimeout(r, 0));
    sliceStart = now();
  },
});
slices.push(now() - sliceStart);
console.log(`Matcher.create at ${largest} terms: ${slices.length} slices, longest ${Math.max(...slices).toFixed(1)} ms, median ${median(slices).toFixed(1)} ms`);

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
