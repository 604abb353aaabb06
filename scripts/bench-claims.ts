/**
 * npm run bench:claims: the claim comparator on the labelled pairs (tests/claims/pairs.ts) and, when
 * ../shared/data/news-pages exists, on sentences of those pages (other stories) against the evidence
 * the index retrieves for them from the seed corpus, which must never corroborate; and, when
 * ../shared/data/fnc-1 exists, on the real-text pairs (tests/claims/real-pairs.ts), tune, held-out,
 * held2, held3, held4, held5, held6 and held7 parts apart (held7's failures are never printed; 'held' is
 * tuned on since verdicts9, 'held2' since claims12, 'held3' since claims15, 'held4' and 'held5' since
 * claims33 and 'held6' since claims34, their failures printed like the tune part's). Prints accuracy,
 * per-verdict precision/recall and the failures; asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import corpus from '../corpus/dist/corpus.json';
import type { CompiledCorpus } from '../lib/corpus';
import { EvidenceIndex } from '../lib/evidence';
import { Matcher } from '../lib/match';
import { entityLookup } from '../lib/stance';
import { compareClaims } from '../lib/stance/claims';
import { isEnglish } from '../lib/language';
import { splitSentences } from '../lib/text';
import { PAIRS, type Expected } from '../tests/claims/pairs';
import { REAL_ROWS } from '../tests/claims/real-pairs';
import { sentenceHash } from '../tests/claims/real-pairs-format';
import { compileCorpus, toReport } from '../lib/corpus';
import { readBodies } from './fnc';

const compiled = corpus as unknown as CompiledCorpus;
const matcher = new Matcher(compiled.terms);
const entities = entityLookup(matcher);
const VERDICTS: Expected[] = ['conflicts', 'corroborates', 'related'];

interface Row {
  expected: Expected;
  got: Expected;
  kind: string;
  page: string;
  report: string;
  reason: string;
}

function score(name: string, rows: Row[], showFailures = true, showKinds = true): void {
  const right = rows.filter((r) => r.got === r.expected).length;
  console.log(`\n${name}: ${rows.length} pairs, accuracy ${(right / rows.length).toFixed(3)}`);
  for (const v of VERDICTS) {
    const predicted = rows.filter((r) => r.got === v);
    const actual = rows.filter((r) => r.expected === v);
    const tp = predicted.filter((r) => r.expected === v).length;
    if (!predicted.length && !actual.length) continue;
    const p = predicted.length ? tp / predicted.length : NaN;
    const rc = actual.length ? tp / actual.length : NaN;
    console.log(`  ${v.padEnd(13)} precision ${p.toFixed(3)} (${tp}/${predicted.length})  recall ${rc.toFixed(3)} (${tp}/${actual.length})`);
  }
  const kinds = [...new Set(rows.map((r) => `${r.expected}/${r.kind}`))];
  if (showKinds) console.log('  by kind: ' + kinds.map((k) => {
    const rs = rows.filter((r) => `${r.expected}/${r.kind}` === k);
    return `${k} ${rs.filter((r) => r.got === r.expected).length}/${rs.length}`;
  }).join(', '));
  const failures = rows.filter((r) => r.got !== r.expected);
  if (!showFailures || !failures.length) return;
  console.log(`  failures (${failures.length}):`);
  for (const f of failures) console.log(`  - expected ${f.expected} (${f.kind}), got ${f.got}\n      page:   ${f.page}\n      report: ${f.report}\n      reason: ${f.reason}`);
}

const t0 = performance.now();
const labelled: Row[] = PAIRS.map((p) => {
  const c = compareClaims(p.page, p.report, entities);
  return { expected: p.expected, got: c.verdict, kind: p.kind, page: p.page, report: p.report, reason: c.reason };
});
const ms = (performance.now() - t0) / PAIRS.length;
score('labelled pairs (tests/claims/pairs.ts)', labelled);
console.log(`  ${ms.toFixed(2)} ms per pair (cold frames)`);

// Retrieval: for pairs whose report sentence is a seed sentence, is it among the sentences explain()
// compares (the best 3 sentences of the best 12 reports retrieved for the page sentence)?
{
  const index = new EvidenceIndex(entities);
  for (const r of compiled.reports) index.add(r, compiled.index.find((row) => row.reportId === r.id)!.mentions);
  const norm = (x: string) => x.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').trim();
  const seedSentences = new Set(compiled.reports.flatMap((r) => [r.title ?? '', ...r.sentences]).map(norm));
  const seedPairs = PAIRS.filter((p) => seedSentences.has(norm(p.report)));
  const found = seedPairs.filter((p) => index.search(p.page, { limit: 36, perReport: 3 }).some((h) => norm(h.sentence) === norm(p.report)));
  console.log(`\nretrieval: ${found.length}/${seedPairs.length} labelled pairs whose report sentence is a seed sentence verbatim have it among the sentences compared`);
  for (const p of seedPairs.filter((x) => !found.includes(x))) console.log(`  - not compared (${p.expected}/${p.kind}): ${p.page}`);
}

const FNC = resolve(import.meta.dirname, '../../shared/data/fnc-1/train_bodies.csv');
if (existsSync(FNC)) {
  const bodies = readBodies(readFileSync(FNC, 'utf8'));
  const cache = new Map<number, string[]>();
  const sentence = (id: number, i: number) => {
    let s = cache.get(id);
    if (!s) cache.set(id, (s = toReport({ id: String(id), origin: 'user', text: bodies.get(String(id)) ?? '' }).sentences));
    return s[i] ?? '';
  };
  // the dictionary a reader's corpus of these stories would have: compiled from the bodies the pairs use
  // (tune and held share one, as when they were labelled; held2 to held7 each have their own, so
  // adding them moved no earlier part)
  const dictionary = (rows: typeof REAL_ROWS) => {
    const ids = [...new Set(rows.flatMap((r) => [r[4], r[7]]))];
    const story = compileCorpus(ids.map((id) => ({ id: String(id), origin: 'user' as const, text: bodies.get(String(id)) ?? '' })));
    return entityLookup(new Matcher(story.terms));
  };
  const firstEntities = dictionary(REAL_ROWS.filter((r) => r[3] === 'tune' || r[3] === 'held'));
  const held2Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held2'));
  const held3Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held3'));
  const held4Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held4'));
  const held5Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held5'));
  const held6Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held6'));
  const held7Entities = dictionary(REAL_ROWS.filter((r) => r[3] === 'held7'));
  const splitEntities = { tune: firstEntities, held: firstEntities, held2: held2Entities, held3: held3Entities, held4: held4Entities, held5: held5Entities, held6: held6Entities, held7: held7Entities };
  const t1 = performance.now();
  const rows: (Row & { split: string })[] = [];
  let moved = 0;
  for (const [expected, kind, , split, pb, pi, ph, rb, ri, rh] of REAL_ROWS) {
    const page = sentence(pb, pi);
    const report = sentence(rb, ri);
    if (sentenceHash(page) !== ph || sentenceHash(report) !== rh) {
      moved++;
      continue;
    }
    const c = compareClaims(page, report, splitEntities[split]);
    rows.push({ expected, got: c.verdict, kind, page: `[${pb}:${pi}] ${page}`, report: `[${rb}:${ri}] ${report}`, reason: c.reason, split });
  }
  const msReal = (performance.now() - t1) / Math.max(1, rows.length);
  if (moved) console.log(`\n${moved} real-text pairs skipped: their sentences no longer split as when labelled`);
  score('real-text pairs, tune part (FNC-1 bodies of the same story)', rows.filter((r) => r.split === 'tune'));
  // 'held' was looked at by earlier stops and has been tuned on since verdicts9: its failures are printed like the tune part's
  score('real-text pairs, held part (tuned on since verdicts9; report held7)', rows.filter((r) => r.split === 'held'));
  // held2 has been tuned on since claims12 (after three stops that only measured it): its failures are printed
  score('real-text pairs, held2 part (tuned on since claims12)', rows.filter((r) => r.split === 'held2'));
  // held3 was labelled before the tuning of the stop that added it (2026-12-05) and only measured until claims15,
  // which may tune on it: its failures are printed
  score('real-text pairs, held3 part (tuned on since claims15)', rows.filter((r) => r.split === 'held3'));
  // held4 and held5 likewise (labelled 2026-12-05 and 2026-12-06, before the changes of the stops that added
  // them), tuned on since claims33
  score('real-text pairs, held4 part (tuned on since claims33)', rows.filter((r) => r.split === 'held4'));
  score('real-text pairs, held5 part (tuned on since claims33)', rows.filter((r) => r.split === 'held5'));
  // held6 was labelled on 2026-12-06 before the comparator changes of claims33 and only measured there; tuned on since claims34
  score('real-text pairs, held6 part (tuned on since claims34)', rows.filter((r) => r.split === 'held6'));
  // held7 was labelled on 2026-12-07 before the comparator changes of claims34: figures only, never its misses
  score('real-text pairs, held7 part (report only)', rows.filter((r) => r.split === 'held7'), false, process.argv.includes('--held7-kinds'));
  console.log(`  ${msReal.toFixed(2)} ms per pair`);
} else {
  console.log(`\n${FNC} not found: real-text pairs skipped`);
}

const NEWS = resolve(import.meta.dirname, '../../shared/data/news-pages');
if (existsSync(NEWS)) {
  const { Window } = await import('happy-dom');
  const { Readability } = await import('@mozilla/readability');
  const index = new EvidenceIndex(entities);
  for (const r of compiled.reports) index.add(r, compiled.index.find((row) => row.reportId === r.id)!.mentions);
  const rows: Row[] = [];
  let skipped = 0;
  for (const file of readdirSync(NEWS).filter((f) => f.endsWith('.html')).sort()) {
    const win = new Window({ url: 'https://example.org/' });
    win.document.write(readFileSync(resolve(NEWS, file), 'utf8'));
    const article = new Readability(win.document as unknown as Document).parse();
    await win.happyDOM.close();
    const sentences = splitSentences(article?.textContent ?? '').filter((s) => s.split(/\s+/).length >= 8 && s.length < 400);
    // every 4th sentence, at most 25 per page: pairs are the sentence and its best retrieved evidence
    for (const s of sentences.filter((_, i) => i % 4 === 0).slice(0, 25)) {
      if (!isEnglish(s)) {
        skipped++;
        continue;
      }
      const hit = index.search(s, { limit: 1 })[0];
      if (!hit) continue;
      const c = compareClaims(s, hit.sentence, entities);
      rows.push({ expected: 'related', got: c.verdict, kind: `news:${file.replace('.html', '')}`, page: s.slice(0, 200), report: hit.sentence, reason: c.reason });
    }
  }
  score(`news-page sentences vs their best seed evidence (other stories; ${skipped} non-English sentences not judged)`, rows);
} else {
  console.log(`\n${NEWS} not found: news-page pairs skipped`);
}
