/**
 * npm run bench:extract -- [--n 1000] [--dump FILE] [--compare FILE]: per-report term extraction
 * time on the first N distinct FNC-1 training bodies plus the seed reports, measured as indexRow
 * does it (title and text of a toReport report), and indexRow itself (extraction + Bloom filter).
 * --dump writes every report's ReportTerms as JSON; --compare reads such a dump and prints how many
 * reports now extract differently, with a few of the differences. Prints figures; asserts nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toReport, type Report } from '../lib/corpus';
import { indexRow } from '../lib/corpus/live-index';
import { extractReportTerms, type ReportTerms } from '../lib/corpus/terms';
import { readSeeds } from '../corpus/seeds';
import { readBodies } from './fnc';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(opt('n') ?? 1000);
const WARMUP = 50;

/** The first N distinct bodies (FNC-1 repeats a few), then the seeds. */
function reports(): Report[] {
  const bodies = readBodies(readFileSync(join(ROOT, '../shared/data/fnc-1/train_bodies.csv'), 'utf8'));
  const distinct = [...new Map([...bodies].map(([id, text]) => [text, id])).entries()].slice(0, N);
  const fnc = distinct.map(([text, id]) => toReport({ id: `fnc-${id}`, origin: 'user', text }));
  return [...fnc, ...readSeeds().map(toReport)];
}

/** What indexRow hands to extraction (live-index.ts extractionText). */
const extractionText = (r: Report) => [r.title ?? '', r.text].join('\n\n');

/** Wall and CPU ms per report: the machine is shared, and CPU time suffers less from other processes. */
function time<T>(rs: Report[], f: (r: Report) => T): { wall: number[]; cpu: number[]; out: T[] } {
  for (const r of rs.slice(0, WARMUP)) f(r);
  const wall: number[] = [];
  const cpu: number[] = [];
  const out = rs.map((r) => {
    const t = performance.now();
    const c = process.cpuUsage();
    const o = f(r);
    const dc = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((dc.user + dc.system) / 1000);
    return o;
  });
  return { wall, cpu, out };
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}, mean ${mean.toFixed(2)}, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(2)} ms`;
};
const summary = (label: string, t: { wall: number[]; cpu: number[] }) =>
  console.log(`${label}: wall ${stats(t.wall)}; cpu ${stats(t.cpu)}; total wall ${(t.wall.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`);

const rs = reports();
console.log(`${rs.length} reports (${rs.length - readSeeds().length} FNC-1 bodies + seeds), ${WARMUP} warm-up runs each`);
const extracted = time(rs, (r) => extractReportTerms(extractionText(r)));
summary('extractReportTerms', extracted);
summary('indexRow          ', time(rs, indexRow));

const results: Record<string, ReportTerms> = Object.fromEntries(rs.map((r, i) => [r.id, extracted.out[i]!]));
const dump = opt('dump');
if (dump) {
  writeFileSync(dump, JSON.stringify(results));
  console.log(`wrote ${dump}`);
}
const compare = opt('compare');
if (compare) {
  const before: Record<string, ReportTerms> = JSON.parse(readFileSync(compare, 'utf8'));
  const differing = Object.keys(results).filter((id) => JSON.stringify(before[id]) !== JSON.stringify(results[id]));
  console.log(`compare with ${compare}: ${differing.length} of ${rs.length} reports differ`);
  const keyed = (t: ReportTerms | undefined) => new Set([...(t?.entities ?? []), ...(t?.phrases ?? [])].map((k) => JSON.stringify(k)));
  for (const id of differing.slice(0, 5)) {
    const [a, b] = [keyed(before[id]), keyed(results[id])];
    const lines = [...[...a].filter((k) => !b.has(k)).map((k) => `- ${k}`), ...[...b].filter((k) => !a.has(k)).map((k) => `+ ${k}`)];
    console.log(`  ${id}\n    ${lines.length ? lines.join('\n    ') : '(same entries, other order)'}`);
  }
}
