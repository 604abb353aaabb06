/**
 * npm run eval:terms -- [--part tune|held2|held3|held4] [--keep DIR]: the FNC-1 stories of tests/terms/ measured
 * through the BUILT extension with ../shared/tools/eval-claims.mjs, exactly as the held-out sets are
 * (Chromium, the corpus imported through the popup on top of the bundled one, real pages served from
 * 127.0.0.1, marks read through the content script's probe). Per story it writes a set to a temporary
 * folder outside the repository (the story's bodies as corpus.json and as pages, and for each page the
 * expected terms that occur on it, first variant found), runs the tool once, and prints the tool's
 * term recall; then the part's total. It checks that bench:terms (Node) and the extension agree.
 * Needs `npm run build` first and ../shared (skips with a message without it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readBodies } from './fnc';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const TOOL = join(SHARED, 'tools/eval-claims.mjs');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const part = opt('part') ?? 'held4';

if (!existsSync(TOOL) || !existsSync(join(SHARED, 'data/fnc-1'))) {
  console.log(`${SHARED} (tools/eval-claims.mjs, data/fnc-1) not found: nothing measured`);
  process.exit(0);
}
if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.log('no build in .output/chrome-mv3: run `npm run build` first');
  process.exit(1);
}

interface Label {
  id: string;
  part: string;
  bodies?: string[];
  expect: string[][];
}
const labels = (['fnc-tune.json', 'fnc-held-out.json', 'fnc-held2.json', 'fnc-held3.json', 'fnc-held4.json'] as const)
  .flatMap((f) => JSON.parse(readFileSync(join(ROOT, 'tests/terms', f), 'utf8')) as Label[])
  .filter((l) => l.part === part && l.bodies);
const bodies = readBodies(readFileSync(join(SHARED, 'data/fnc-1/train_bodies.csv'), 'utf8'));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const keep = opt('keep');
const base = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'crosscheck-eval-terms-'));
let expected = 0;
let found = 0;
for (const label of labels) {
  const dir = join(base, label.id);
  mkdirSync(dir, { recursive: true });
  const texts = label.bodies!.map((id) => bodies.get(id) ?? '');
  const reports = texts.map((text, k) => ({ id: `${label.id}-${k}`, origin: 'user', text, title: null, source: null, author: null, date: null, url: null }));
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ format: 'crosscheck-corpus', version: 1, reports }));
  const pages = texts.map((text, k) => {
    const file = `${String(k + 1).padStart(2, '0')}-body.html`;
    const paras = text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${escape(p.trim())}</p>`).join('\n');
    writeFileSync(join(dir, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(label.id)}</title></head><body><main><article>\n${paras}\n</article></main></body></html>`);
    // the terms a reader expects on this page: one variant that occurs in it
    const onPage = label.expect.map((variants) => variants.find((v) => text.includes(v))).filter((v): v is string => !!v);
    return { file, expected_terms: onPage, claims: [] };
  });
  writeFileSync(join(dir, 'labels.json'), JSON.stringify(pages, null, 1));
  const out = execFileSync('node', [TOOL, ROOT, dir, '--import', join(dir, 'corpus.json')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const summary = JSON.parse(out.trim().split('\n').pop()!) as { termRecall: number; termsExpected: number };
  const hits = Math.round(summary.termRecall * summary.termsExpected);
  expected += summary.termsExpected;
  found += hits;
  const missed = /^missed terms: (.*)$/m.exec(out)?.[1] ?? '';
  console.log(`${label.id.padEnd(22)} term recall ${summary.termRecall.toFixed(2)} (${hits}/${summary.termsExpected})${missed ? `  missed: ${missed}` : ''}`);
}
console.log(`through the built extension, ${part} FNC-1 stories: term recall ${(found / Math.max(1, expected)).toFixed(2)} (${found}/${expected} expected terms on their pages)`);
if (!keep) rmSync(base, { recursive: true, force: true });
