/**
 * npm run bench:fnc -- <bodies.csv> <stances.csv> [--dev-split | --train-split] [--sample N] [--dump FILE]
 * The extension's own pipeline on FNC-1: every body of the file is a report (compiled as an
 * imported corpus: its own term dictionary and mentions) in one evidence index; each headline is the
 * page claim, hovered on the term "Check with Crosscheck" reads it by (termsNamed: the rarest person,
 * else organisation, place, topic); judgeReports() (what a popover uses)
 * decides. The labelled body's verdict maps corroborates → agree, conflicts/disputed → disagree,
 * related → discuss; a body not judged but counted by the popover ("and N more": it mentions the
 * hovered term) → discuss; not listed → unrelated. Prints the FNC-1 score, macro-F1, per-class P/R/F1
 * and ms per pair; asserts nothing.
 *
 * --dump FILE writes every pair's gold label, prediction, reason and sentence as JSON lines (the
 * training part only: the held-apart part is never read pair by pair).
 *
 * --dev-split keeps the held-apart part (bodies whose id hashes into the last fifth, fixed); the
 * figures to report. --train-split keeps the rest, for development.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { termsNamed } from '../lib/background/check';
import { compileCorpus, type RawReport } from '../lib/corpus';
import { EvidenceIndex } from '../lib/evidence';
import { judgeReports, type JudgedReport } from '../lib/evidence/judged';
import { Matcher } from '../lib/match';
import { entityLookup, type Verdict } from '../lib/stance';
import type { StanceLabel } from './stance-model/mlp';
import { fncReport, readBodies, readStances } from './fnc';
import { heldApart } from './fnc-split';

const argv = process.argv.slice(2);
const [bodiesPath, stancesPath] = argv.filter((a, k) => !a.startsWith('--') && !/^\d+$/.test(a) && argv[k - 1] !== '--dump');
if (!bodiesPath || !stancesPath) {
  console.error('usage: npm run bench:fnc -- <bodies.csv> <stances.csv> [--dev-split | --train-split] [--sample N]');
  process.exit(2);
}
const sampleArg = argv.indexOf('--sample');
const sample = sampleArg >= 0 ? Number(argv[sampleArg + 1]) : 0;
const bodies = readBodies(readFileSync(bodiesPath, 'utf8'));
let pairs = readStances(readFileSync(stancesPath, 'utf8'));
if (argv.includes('--dev-split')) pairs = pairs.filter((p) => heldApart(p.bodyId));
if (argv.includes('--train-split')) pairs = pairs.filter((p) => !heldApart(p.bodyId));
if (sample && sample < pairs.length) {
  // an even sample over the file, the same on every run
  const step = pairs.length / sample;
  pairs = Array.from({ length: sample }, (_, k) => pairs[Math.floor(k * step)]!);
}

const t0 = performance.now();
const raws: RawReport[] = [...bodies].map(([id, text]) => ({ id, origin: 'user', text }));
const corpus = compileCorpus(raws);
const matcher = new Matcher(corpus.terms);
const entities = entityLookup(matcher);
const index = new EvidenceIndex(entities);
const rows = new Map(corpus.index.map((r) => [r.reportId, r]));
for (const r of corpus.reports) index.add(r, rows.get(r.id)?.mentions ?? []);
const buildMs = performance.now() - t0;
const reportCount = new Map(corpus.terms.map((t) => [t.id, t.reportCount]));

const MAP: Record<Verdict, StanceLabel> = { corroborates: 'agree', conflicts: 'disagree', disputed: 'disagree', related: 'discuss' };

/** The mark a reader would hover in the headline, as "Check with Crosscheck" reads a sentence: the rarest person it names, else organisation, place, topic. */
function hoverTerm(headline: string): string | undefined {
  return termsNamed(headline, entities, (id) => reportCount.get(id) ?? 0)[0];
}

const dumpArg = argv.indexOf('--dump');
const dumpPath = dumpArg >= 0 ? argv[dumpArg + 1] : undefined;
if (dumpPath && argv.includes('--dev-split')) {
  console.error('--dump is for the training part only: the held-apart part is never read pair by pair');
  process.exit(2);
}
const dumped: string[] = [];
const byHeadline = new Map<string, Map<string, JudgedReport['judgement']>>();
const hovered = new Map<string, string | undefined>();
const tp = performance.now();
const pred: StanceLabel[] = [];
for (const p of pairs) {
  let listed = byHeadline.get(p.headline);
  if (!listed) {
    const termId = hoverTerm(p.headline);
    hovered.set(p.headline, termId);
    listed = new Map(judgeReports(index, p.headline, entities, { termId }).map((j) => [j.report.id, j.judgement]));
    byHeadline.set(p.headline, listed);
  }
  const j = listed.get(p.bodyId);
  const v = j?.verdict;
  // a report the popover does not judge but counts ("and N more", listed in the popup) mentions the hovered term
  const termId = hovered.get(p.headline);
  const counted = !v && termId !== undefined && index.firstMention(p.bodyId, termId) !== undefined;
  pred.push(v ? MAP[v] : counted ? 'discuss' : 'unrelated');
  if (dumpPath) dumped.push(JSON.stringify({ headline: p.headline, bodyId: p.bodyId, gold: p.stance, pred: pred[pred.length - 1], reason: j?.reason, sentence: j?.sentence }));
}
if (dumpPath) writeFileSync(dumpPath, dumped.join('\n') + '\n');
const pairMs = performance.now() - tp;

const gold = pairs.map((p) => p.stance);
const r = fncReport(gold, pred);
const LABELS: StanceLabel[] = ['agree', 'disagree', 'discuss', 'unrelated'];
console.log(`pairs: ${r.n} (${byHeadline.size} headlines), reports: ${corpus.reports.length}, terms: ${corpus.terms.length}`);
console.log(`FNC score: ${r.relativeScore.toFixed(2)}%`);
console.log(`macro-F1: ${r.macroF1.toFixed(3)}`);
console.log(`accuracy: ${r.accuracy.toFixed(3)}`);
for (const l of LABELS) {
  const c = LABELS.indexOf(l);
  const tpN = r.confusion[c]![c]!;
  const predicted = r.confusion.reduce((a, row) => a + row[c]!, 0);
  const actual = r.confusion[c]!.reduce((a, v) => a + v, 0);
  console.log(`  ${l.padEnd(10)} P ${(predicted ? tpN / predicted : 0).toFixed(3)} (${tpN}/${predicted})  R ${(actual ? tpN / actual : 0).toFixed(3)} (${tpN}/${actual})  F1 ${r.f1[l].toFixed(3)}`);
}
console.log('confusion (rows gold, cols predicted: ' + LABELS.join(', ') + ')');
for (const [i, row] of r.confusion.entries()) console.log(`  ${LABELS[i]!.padEnd(10)} ${row.map((v) => String(v).padStart(6)).join('')}`);
console.log(`time: ${(pairMs / pairs.length).toFixed(2)} ms per pair (${(pairMs / byHeadline.size).toFixed(1)} ms per headline), corpus + evidence index ${(buildMs / 1000).toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
