/**
 * npm run bench:match: how fast the matcher and the DOM marker are on the 20 real news pages,
 * and how much memory the dictionary/matcher take. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { Matcher } from '../lib/match';

const dir = join(import.meta.dirname, '../../shared/data/news-pages');
const terms = (corpus as unknown as CompiledCorpus).terms;

global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const matcher = new Matcher(terms);
const buildMs = performance.now() - t;
const heap1 = process.memoryUsage().heapUsed;

const rows: string[] = [];
let totalWords = 0;
let totalMatchMs = 0;
let totalMarkMs = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.html')).sort()) {
  const html = readFileSync(join(dir, f), 'utf8');
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  // Expose the DOM globals the marker relies on.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
  const { markAll, textNodes } = await import('../lib/page/marks');
  const nodes = textNodes(doc.body);
  const text = nodes.map((n) => n.nodeValue).join(' ');
  const words = text.split(/\s+/).length;
  // matching only, best of 5
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    for (const n of nodes) matcher.find(n.nodeValue ?? '');
    best = Math.min(best, performance.now() - t);
  }
  t = performance.now();
  const marks = markAll(doc.body, matcher).length;
  const markMs = performance.now() - t;
  totalWords += words;
  totalMatchMs += best;
  totalMarkMs += markMs;
  rows.push(`${f.padEnd(22)} ${String(words).padStart(6)} words ${String(nodes.length).padStart(5)} text nodes ${String(marks).padStart(4)} marks   match ${best.toFixed(2).padStart(6)} ms   walk+match+mark ${markMs.toFixed(2).padStart(7)} ms`);
  await window.happyDOM.close();
}
console.log(rows.join('\n'));
console.log(`\ndictionary: ${terms.length} terms, ${terms.reduce((a, x) => a + x.aliases.length + 1, 0)} surface forms; matcher built in ${buildMs.toFixed(1)} ms, ~${((heap1 - heap0) / 1024).toFixed(0)} KiB heap`);
console.log(`total: ${totalWords} words, matching ${totalMatchMs.toFixed(1)} ms (${((totalMatchMs / totalWords) * 1000).toFixed(2)} µs/word), walk+match+mark ${totalMarkMs.toFixed(1)} ms (happy-dom; Chromium's DOM is faster)`);
