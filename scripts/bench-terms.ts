/**
 * npm run bench:terms -- [--part tune|held-out|held2|held3|held4|held5|held6|held7] [--only ID] [--dump] [--terms] [--held-misses]: how well the dictionary marks
 * what a reader expects, on the labelled stories of tests/terms/ (FNC-1 bodies and the news pages in
 * ../shared, referenced by id; see tests/terms/README.md for the protocol). Per story the corpus's
 * reports go through the extension's own path (toReport → buildIndex → dictionary → Matcher as the
 * content script builds it), then the matcher runs over each page text of the story. Prints, per
 * story and per part: recall of expected terms, precision of marks (distinct marked strings a reader
 * wants), misses and junk (not for the parts labelled to stay unseen, held-out, held6 and held7, unless --held-misses;
 * held2, looked at by earlier stops, is tuned on since terms14; held3 and held4 since terms33; held5 since terms34).
 * Prints figures; asserts nothing. --dump prints each story's page texts, --terms its dictionary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { toReport } from '../lib/corpus';
import { articleFromHtml } from '../lib/corpus/article';
import { buildIndex } from '../lib/corpus/live-index';
import { Matcher } from '../lib/match';
import { fold } from '../lib/text';
import { readBodies } from './fnc';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/data');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Label {
  id: string;
  /** held2–held7: later parts of FNC-1 stories, labelled before tuning; held6–held7 measured only (held2 tuned on since terms14, held3 and held4 since terms33, held5 since terms34) */
  part: 'tune' | 'held-out' | 'held2' | 'held3' | 'held4' | 'held5' | 'held6' | 'held7';
  /** FNC-1 body ids: the corpus and the pages */
  bodies?: string[];
  /** a news page (file in ../shared/data/news-pages): the page is its own corpus */
  page?: string;
  /** one entry per term a reader expects marked: the variants that occur */
  expect: string[][];
  /** marks a reader accepts without expecting them */
  ok: string[];
  /** the label file it came from */
  file?: string;
}

/** News pages: the first this many characters of the page's article text are the corpus and the page. */
export const PAGE_CHARS = 3_000;

const norm = (s: string) =>
  fold(s.replace(/[’‘]/g, "'"))
    .replace(/'s$|'$/, '')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .replace(/^the /, '') // "The Pentagon" marks the expected "Pentagon"
    .trim();

const labels: Label[] = ['fnc-tune.json', 'fnc-held-out.json', 'fnc-held2.json', 'fnc-held3.json', 'fnc-held4.json', 'fnc-held5.json', 'fnc-held6.json', 'fnc-held7.json', 'news-pages.json']
  .filter((f) => existsSync(join(ROOT, 'tests/terms', f)))
  .flatMap((f) => (JSON.parse(readFileSync(join(ROOT, 'tests/terms', f), 'utf8')) as Label[]).map((l) => ({ ...l, file: f })));

if (!existsSync(SHARED)) {
  console.log(`${SHARED} not found: bench:terms needs ../shared/data (FNC-1 bodies and news pages); nothing measured`);
  process.exit(0);
}
const bodies = readBodies(readFileSync(join(SHARED, 'fnc-1/train_bodies.csv'), 'utf8'));

/** The article text of a news page as "add this page" extracts it, clipped at a paragraph end. */
function pageText(file: string): string {
  const win = new Window({ url: 'https://example.org/' });
  (globalThis as { DOMParser?: unknown }).DOMParser = win.DOMParser;
  const draft = articleFromHtml(readFileSync(join(SHARED, 'news-pages', file), 'utf8'));
  const text = [draft?.title ?? '', draft?.text ?? ''].join('\n\n');
  if (text.length <= PAGE_CHARS) return text;
  const cut = text.lastIndexOf('\n', PAGE_CHARS);
  return text.slice(0, cut > PAGE_CHARS / 2 ? cut : PAGE_CHARS);
}

interface Result {
  id: string;
  part: string;
  file?: string;
  expected: number;
  found: number;
  marks: number;
  wanted: number;
  misses: string[];
  junk: string[];
  terms: number;
}

function run(label: Label): Result {
  const texts = label.page ? [pageText(label.page)] : label.bodies!.map((id) => bodies.get(id) ?? '');
  if (args.includes('--dump')) for (const [k, t] of texts.entries()) console.log(`\n=== ${label.id} ${k}\n${t}`);
  const reports = texts.map((text, k) => toReport({ id: `${label.id}-${k}`, origin: 'user', text }));
  const { terms } = buildIndex(reports);
  if (args.includes('--terms')) console.log(`\n${label.id} dictionary: ${terms.map((t) => `${t.label} (${t.kind[0]})`).join(' · ')}`);
  const matcher = new Matcher(terms, { fuzzy: true });
  const marked = new Map<string, string>();
  // the page shows the text paragraph by paragraph (one text node each)
  for (const text of texts) for (const para of text.split(/\n+/)) for (const m of matcher.find(para)) marked.set(norm(m.text), m.text);
  const wantedSet = new Set([...label.expect.flat(), ...label.ok].map(norm));
  const misses = label.expect.filter((variants) => !variants.some((v) => marked.has(norm(v)))).map((v) => v[0]!);
  const junk = [...marked].filter(([k]) => !wantedSet.has(k)).map(([, t]) => t);
  return {
    id: label.id,
    part: label.part,
    file: label.file,
    expected: label.expect.length,
    found: label.expect.length - misses.length,
    marks: marked.size,
    wanted: marked.size - junk.length,
    misses,
    junk,
    terms: terms.length,
  };
}

/** Parts whose misses and junk stay unprinted, so that nobody tunes on them (the news pages' held-out part too). */
const UNSEEN = new Set(['held6', 'held7', 'held-out']);
const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '-');
const only = opt('only');
const part = opt('part');
const results = labels.filter((l) => (!only || l.id === only) && (!part || l.part === part)).map(run);
for (const r of results) {
  console.log(
    `\n${r.part.padEnd(8)} ${r.id.padEnd(22)} recall ${pct(r.found, r.expected)} (${r.found}/${r.expected})  precision ${pct(r.wanted, r.marks)} (${r.wanted}/${r.marks})  dictionary ${r.terms}`,
  );
  if (UNSEEN.has(r.part) && !args.includes('--held-misses')) continue;
  if (r.misses.length) console.log(`  misses: ${r.misses.join(' · ')}`);
  if (r.junk.length) console.log(`  junk:   ${r.junk.join(' · ')}`);
}
console.log('');
const groups: [string, Result[]][] = [
  ['tune, FNC-1 stories', results.filter((r) => r.part === 'tune' && !r.id.startsWith('page-'))],
  ['  of which fnc-tune', results.filter((r) => r.file === 'fnc-tune.json')],
  ['  of which fnc-held-out', results.filter((r) => r.file === 'fnc-held-out.json')],
  ['held2, FNC-1 stories', results.filter((r) => r.part === 'held2')],
  ['held3, FNC-1 stories', results.filter((r) => r.part === 'held3')],
  ['held4, FNC-1 stories', results.filter((r) => r.part === 'held4')],
  ['held5, FNC-1 stories', results.filter((r) => r.part === 'held5')],
  ['held6, FNC-1 stories', results.filter((r) => r.part === 'held6')],
  ['held7, FNC-1 stories', results.filter((r) => r.part === 'held7')],
  ['tune, news pages', results.filter((r) => r.part === 'tune' && r.id.startsWith('page-'))],
  ['held-out, news pages', results.filter((r) => r.part === 'held-out' && r.id.startsWith('page-'))],
  ['all', results],
];
for (const [name, rs] of groups) {
  if (!rs.length) continue;
  const sum = (f: (r: Result) => number) => rs.reduce((a, r) => a + f(r), 0);
  console.log(
    `${name.padEnd(26)} ${String(rs.length).padStart(2)} stories  recall ${pct(sum((r) => r.found), sum((r) => r.expected))} (${sum((r) => r.found)}/${sum((r) => r.expected)})  ` +
      `precision ${pct(sum((r) => r.wanted), sum((r) => r.marks))} (${sum((r) => r.wanted)}/${sum((r) => r.marks)})`,
  );
}
