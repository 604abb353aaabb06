/**
 * npm run bench:stance -- <bodies.csv> <stances.csv>
 * Scores the shipped stance model on any FNC-1-format split: official FNC-1 score (% of max),
 * per-class F1, macro-F1, plus model size and time per pair.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fncReport, formatReport, readBodies, readStances } from './fnc';
import type { PackedModel } from './stance-model/mlp';
import { StanceModel, stanceModel } from './stance-model/model';

const argv = process.argv.slice(2);
const modelArg = argv.indexOf('--model');
const modelFile = modelArg >= 0 ? argv.splice(modelArg, 2)[1] : undefined;
const [bodiesPath, stancesPath] = argv.filter((a) => !a.startsWith('--'));
if (!bodiesPath || !stancesPath) {
  console.error('usage: npm run bench:stance -- <bodies.csv> <stances.csv> [--dev-split] [--model other-model.json]');
  process.exit(2);
}
const only = process.argv.includes('--dev-split');
const bodies = readBodies(readFileSync(bodiesPath, 'utf8'));
let pairs = readStances(readFileSync(stancesPath, 'utf8'));
const modelPath = modelFile ?? fileURLToPath(new URL('./stance-model/model.json', import.meta.url));
const t0 = performance.now();
const model = modelFile ? new StanceModel(JSON.parse(readFileSync(modelFile, 'utf8')) as PackedModel) : stanceModel();
const loadMs = performance.now() - t0;
if (only) {
  // Restrict to the dev bodies the trainer held out (recorded in model.json).
  const dev = new Set((JSON.parse(readFileSync(modelPath, 'utf8')).dev?.devBodyIds ?? []) as string[]);
  pairs = pairs.filter((p) => dev.has(p.bodyId));
}
const missing = pairs.filter((p) => !bodies.has(p.bodyId));
if (missing.length) throw new Error(`${missing.length} pairs name bodies not in ${bodiesPath}`);

// Warm the body cache separately so "per pair" measures the claim-dependent work, then report both.
const tb = performance.now();
for (const id of new Set(pairs.map((p) => p.bodyId))) model.body(id, bodies.get(id)!);
const bodyMs = performance.now() - tb;
const tp = performance.now();
const pred = pairs.map((p) => model.classify(p.headline, p.bodyId, bodies.get(p.bodyId)!).label);
const pairMs = performance.now() - tp;

console.log(formatReport(fncReport(pairs.map((p) => p.stance), pred)));
console.log(`model: ${(statSync(modelPath).size / 1024 / 1024).toFixed(2)} MB on disk, unpacked in ${loadMs.toFixed(0)} ms`);
console.log(`time: ${(pairMs / pairs.length).toFixed(3)} ms per pair (body features cached), body features ${(bodyMs / new Set(pairs.map((p) => p.bodyId)).size).toFixed(3)} ms per body`);
