/**
 * npm run eval:claims -- [--part tune|held|held2|held3|held4|held5|held6|held7] [--keep DIR] [--failures] [--out ROWS.json]: the real-text claim
 * pairs of tests/claims/real-pairs.ts measured through the BUILT extension with
 * ../shared/tools/eval-claims.mjs, exactly as the held-out sets are (Chromium, the corpus imported
 * through the popup on top of the bundled one, pages served from 127.0.0.1, the real mouse on each
 * mark of the page sentence, the popover read through the content script's probe). Unlike
 * bench:claims, which compares the two labelled sentences directly, this goes through everything a
 * reader meets: marking, retrieval of the evidence sentence among every report, judging, the popover.
 *
 * The part's report bodies (all its stories together, as a reader's corpus of several stories) are
 * the import file; each of its page bodies is a page, its labelled sentences the claims. A page body
 * that is also a report of another pair stays in the corpus (its own copy is then among what its
 * popovers list). The set is written to a temporary folder outside the repository. Prints the tool's
 * summary; failures only with --failures and only for the tuned parts (tune, held, held2-held6; held4 and
 * held5 are tuned on since claims33, held6 since claims34), never for held7, which is report-only (and the
 * default part).
 * Needs `npm run build` first and ../shared (skips with a message without it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toReport } from '../lib/corpus';
import { REAL_ROWS, type RealRow } from '../tests/claims/real-pairs';
import { sentenceHash } from '../tests/claims/real-pairs-format';
import { readBodies } from './fnc';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const TOOL = join(SHARED, 'tools/eval-claims.mjs');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const part = (opt('part') ?? 'held7') as RealRow[3];

if (!existsSync(TOOL) || !existsSync(join(SHARED, 'data/fnc-1'))) {
  console.log(`${SHARED} (tools/eval-claims.mjs, data/fnc-1) not found: nothing measured`);
  process.exit(0);
}
if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.log('no build in .output/chrome-mv3: run `npm run build` first');
  process.exit(1);
}

const bodies = readBodies(readFileSync(join(SHARED, 'data/fnc-1/train_bodies.csv'), 'utf8'));
const raw = (id: number) => bodies.get(String(id)) ?? '';
// A few bodies hold a stray control character (DEL), which an import refuses (the whole file): they
// go in without it, on the pages too.
// eslint-disable-next-line no-control-regex
const text = (id: number) => raw(id).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
const split = (t: string) => toReport({ id: 'x', origin: 'user', text: t }).sentences;
const sentences = new Map<number, { labelled: string[]; shown: string[] }>();
const of = (id: number) => {
  let s = sentences.get(id);
  if (!s) sentences.set(id, (s = { labelled: split(raw(id)), shown: split(text(id)) }));
  return s;
};
/** the sentence as labelled (its hash checks the labels), and as the page and the corpus give it */
const sentence = (id: number, i: number) => of(id).labelled[i] ?? '';
const shown = (id: number, i: number) => of(id).shown[i] ?? '';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const rows = REAL_ROWS.filter((r) => r[3] === part);
if (!rows.length) {
  console.log(`no real-text pairs in part "${part}" (tune, held, held2, held3, held4, held5, held6, held7)`);
  process.exit(2);
}
const kept = rows.filter(([, , , , pb, pi, ph, rb, ri, rh]) => sentenceHash(sentence(pb, pi)) === ph && sentenceHash(sentence(rb, ri)) === rh);
if (kept.length < rows.length) console.log(`${rows.length - kept.length} pairs skipped: their sentences no longer split as when labelled`);

const base = opt('keep') ? resolve(opt('keep')!) : mkdtempSync(join(tmpdir(), 'crosscheck-eval-claims-'));
mkdirSync(base, { recursive: true });
const reportIds = [...new Set(kept.map((r) => r[7]))];
const corpusFile = join(base, 'corpus.json');
const reports = reportIds.map((id) => ({ id: `fnc-${id}`, origin: 'user', text: text(id), title: null, source: null, author: null, date: null, url: null }));
writeFileSync(corpusFile, JSON.stringify({ format: 'crosscheck-corpus', version: 1, reports }));
const pages = [...new Set(kept.map((r) => r[4]))].map((pb) => {
  const file = `body-${pb}.html`;
  const paras = text(pb).split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${escape(p.trim())}</p>`).join('\n');
  writeFileSync(join(base, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Body ${pb}</title></head><body><main><article>\n${paras}\n</article></main></body></html>`);
  const claims = kept
    .filter((r) => r[4] === pb)
    .map(([expected, kind, , , , pi, , rb, ri]) => ({ page_sentence: shown(pb, pi), report: `fnc-${rb}`, report_sentence: shown(rb, ri), expected, why: kind }));
  return { file, expected_terms: [], claims };
});
writeFileSync(join(base, 'labels.json'), JSON.stringify(pages, null, 1));

console.log(`eval:claims, part ${part}: ${kept.length} pairs on ${pages.length} pages, ${reports.length} reports imported through the popup`);
const rowsOut = opt('out') ? ['--out', resolve(opt('out')!)] : [];
const out = execFileSync('node', [TOOL, ROOT, base, '--import', corpusFile, ...rowsOut], { encoding: 'utf8', maxBuffer: 64 << 20 });
const lines = out.trim().split('\n');
if (args.includes('--failures') && part !== 'held7') for (const l of lines.filter((l) => l.startsWith('BAD'))) console.log(l);
type PR = { tp: number; pred: number; gold: number; precision: number; recall: number };
const s = JSON.parse(lines.pop()!) as { claims: number; accuracy: number; conflicts: PR; corroborates: PR; related: PR; notShown: number };
const pr = (name: string, c: PR) => `${name} P ${c.precision.toFixed(3)} (${c.tp}/${c.pred}) R ${c.recall.toFixed(3)} (${c.tp}/${c.gold})`;
console.log(`through the built extension, real-text pairs (${part}): accuracy ${s.accuracy.toFixed(3)} (${s.claims} pairs)`);
console.log(`  ${pr('conflicts', s.conflicts)} | ${pr('corroborates', s.corroborates)} | ${pr('related', s.related)}`);
const got = (g: string) => lines.filter((l) => /^(ok|BAD)/.test(l) && l.includes(` got ${g} |`)).length;
console.log(`  not shown: ${s.notShown} (no mark in the sentence ${got('no mark')}, popovers without the report ${got('not listed')}, no popover ${got('no popover')}, not judged ${got('not judged')})`);
if (!opt('keep')) rmSync(base, { recursive: true, force: true });
