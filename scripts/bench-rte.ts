/**
 * npm run bench:rte -- <file.xml> [more.xml] [--ids FROM-TO]: the extension's own pipeline on RTE three-way pairs. The texts
 * of the file are compiled as one imported corpus (its own term dictionary); for each pair T is the
 * only report in an evidence index and H is the page claim, judged by judgeReports() as a popover
 * would. corroborates → ENTAILMENT, conflicts/disputed → CONTRADICTION, related or not listed →
 * UNKNOWN. Prints accuracy and per-class precision/recall; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { termsNamed } from '../lib/background/check';
import { compileCorpus } from '../lib/corpus';
import { EvidenceIndex } from '../lib/evidence';
import { judgeReports } from '../lib/evidence/judged';
import { Matcher } from '../lib/match';
import { entityLookup, type Verdict } from '../lib/stance';
import { parseRte, type RteLabel } from './rte';

const argv = process.argv.slice(2);
const idsArg = argv.indexOf('--ids');
const range = idsArg >= 0 ? argv[idsArg + 1]!.split('-').map(Number) : null;
const files = argv.filter((a, i) => !a.startsWith('--') && (idsArg < 0 || i !== idsArg + 1));
if (!files.length && process.env.CROSSCHECK_RTE) files.push(...process.env.CROSSCHECK_RTE.split(':'));
if (!files.length) {
  console.error('usage: npm run bench:rte -- <file.xml> [more.xml] [--ids FROM-TO] [--failures] [--all] (or CROSSCHECK_RTE=file.xml[:more.xml])');
  process.exit(2);
}
const absent = files.filter((f) => !existsSync(f));
if (absent.length) {
  console.log(`${absent.join(', ')} not found: bench:rte skipped (the RTE data stays outside the repository)`);
  process.exit(0);
}
const verbose = argv.includes('--failures');
// --all: every pair with its verdict and reason ('=' right, '-' wrong), to read which rule decided
const all = argv.includes('--all');
// --ids 1-300: the pairs whose numeric id is in the range (the RTE-5 development set is tuned on 1-300, measured on 301-600)
const pairs = files.flatMap((f) => parseRte(readFileSync(f, 'utf8'))).filter((p) => !range || (Number(p.id) >= range[0]! && Number(p.id) <= range[1]!));
const corpus = compileCorpus(pairs.map((p) => ({ id: p.id, origin: 'user', text: p.t })));
const entities = entityLookup(new Matcher(corpus.terms));
const rows = new Map(corpus.index.map((r) => [r.reportId, r]));
const reportCount = new Map(corpus.terms.map((t) => [t.id, t.reportCount]));
const MAP: Record<Verdict, RteLabel> = { corroborates: 'entailment', conflicts: 'contradiction', disputed: 'contradiction', related: 'unknown' };
const LABELS: RteLabel[] = ['entailment', 'contradiction', 'unknown'];

const t0 = performance.now();
const got: RteLabel[] = [];
for (const [k, p] of pairs.entries()) {
  const index = new EvidenceIndex(entities);
  index.add(corpus.reports[k]!, rows.get(p.id)?.mentions ?? []);
  const termId = termsNamed(p.h, entities, (id) => reportCount.get(id) ?? 0)[0];
  const j = judgeReports(index, p.h, entities, { termId })[0];
  got.push(j ? MAP[j.judgement.verdict] : 'unknown');
  if ((verbose && got[k] !== p.label) || all) console.log(`${got[k] === p.label ? '=' : '-'} ${p.id} expected ${p.label}, got ${got[k]}: H: ${p.h}\n    ${j?.judgement.reason ?? 'not listed'}`);
}
const ms = (performance.now() - t0) / pairs.length;
const right = got.filter((g, k) => g === pairs[k]!.label).length;
console.log(`pairs: ${pairs.length}`);
console.log(`accuracy: ${(right / pairs.length).toFixed(3)}`);
for (const l of LABELS) {
  const predicted = got.filter((g) => g === l).length;
  const actual = pairs.filter((p) => p.label === l).length;
  const tp = got.filter((g, k) => g === l && pairs[k]!.label === l).length;
  console.log(`  ${l.padEnd(13)} P ${(predicted ? tp / predicted : 0).toFixed(3)} (${tp}/${predicted})  R ${(actual ? tp / actual : 0).toFixed(3)} (${tp}/${actual})`);
}
console.log(`time: ${ms.toFixed(2)} ms per pair`);
