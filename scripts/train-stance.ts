/**
 * Offline trainer for the stance model. Reads FNC-1 train files only, splits them by body
 * (train / validation for early stopping / dev for the reported score), trains the MLP of
 * scripts/stance-model/mlp.ts on scripts/stance-model/features.ts and writes scripts/stance-model/model.json.
 *
 *   npm run train:stance -- [--data ../shared/data/fnc-1] [--epochs 30] [--hidden 100] [--vocab 3000]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentTokens } from '../lib/text';
import { bodyInfo, claimInfo, indexVocab, inputSize, modelInput, type InputBlock, type ModelInput, type StanceVocab } from './stance-model/features';
import { fncReport, formatReport, readBodies, readStances, type FncPair } from './fnc';
import { LABELS, hiddenLayer, outputLogits, packMlp, softmax, unpackMlp, type Mlp, type PackedModel, type StanceLabel } from './stance-model/mlp';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1]! : def;
};
const DATA = resolve(opt('data', '../shared/data/fnc-1'));
const EPOCHS = Number(opt('epochs', '30'));
const HIDDEN = Number(opt('hidden', '100'));
const VOCAB = Number(opt('vocab', '3000'));
const SEED = Number(opt('seed', '1'));
const LR = Number(opt('lr', '0.001'));
const L2 = Number(opt('l2', '0.00001'));
const DROPOUT = Number(opt('dropout', '0.4'));
const OUT = resolve(opt('out', 'scripts/stance-model/model.json'));
const BLOCKS = opt('blocks', 'claim,body').split(',') as InputBlock[];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const t0 = Date.now();
const bodies = readBodies(readFileSync(resolve(DATA, 'train_bodies.csv'), 'utf8'));
const pairs = readStances(readFileSync(resolve(DATA, 'train_stances.csv'), 'utf8'));

// Split by body (default): no body of the dev or validation split is seen in training.
// --split claims: whole claims are held out (bodies joined by the headlines they are related to),
// and training drops every pair whose headline belongs to a held-out claim: an "unseen topics"
// estimate, closer to the official competition test set than the standard body split.
const SPLIT = opt('split', 'bodies');
const ids = shuffle([...bodies.keys()].sort());
const devIds = new Set<string>();
const valIds = new Set<string>();
const heldHeadlines = new Set<string>();
if (SPLIT === 'claims') {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x) ?? (parent.set(x, x), x);
    return x;
  };
  for (const id of ids) parent.set('b:' + id, 'b:' + id);
  for (const p of pairs) {
    if (p.stance === 'unrelated') continue;
    if (!parent.has('h:' + p.headline)) parent.set('h:' + p.headline, 'h:' + p.headline);
    parent.set(find('b:' + p.bodyId), find('h:' + p.headline));
  }
  const comps = new Map<string, string[]>();
  for (const id of ids) {
    const r = find('b:' + id);
    comps.set(r, [...(comps.get(r) ?? []), id]);
  }
  const roots = shuffle([...comps.keys()].sort());
  for (const r of roots) {
    const target = devIds.size < ids.length * 0.2 ? devIds : valIds.size < ids.length * 0.1 ? valIds : null;
    if (!target) break;
    for (const id of comps.get(r)!) target.add(id);
  }
  for (const p of pairs) if (p.stance !== 'unrelated' && (devIds.has(p.bodyId) || valIds.has(p.bodyId))) heldHeadlines.add(p.headline);
  console.log(`claims: ${comps.size} components; held out ${devIds.size} dev + ${valIds.size} val bodies, ${heldHeadlines.size} headlines`);
} else {
  const nDev = Math.round(ids.length * 0.2);
  const nVal = Math.round(ids.length * 0.1);
  ids.slice(0, nDev).forEach((id) => devIds.add(id));
  ids.slice(nDev, nDev + nVal).forEach((id) => valIds.add(id));
}
const split = (p: FncPair) =>
  devIds.has(p.bodyId) ? 'dev' : valIds.has(p.bodyId) ? 'val' : heldHeadlines.has(p.headline) ? 'drop' : 'train';
const trainPairs = pairs.filter((p) => split(p) === 'train');
const valPairs = pairs.filter((p) => split(p) === 'val');
const devPairs = pairs.filter((p) => split(p) === 'dev');
console.log(`pairs: train ${trainPairs.length}, val ${valPairs.length}, dev ${devPairs.length} (split by ${SPLIT})`);

// Vocabulary from training documents only (unique headlines + training bodies).
const df = new Map<string, number>();
const trainBodyIds = new Set(trainPairs.map((p) => p.bodyId));
const docs = [...new Set(trainPairs.map((p) => p.headline))].concat([...trainBodyIds].map((id) => bodies.get(id)!));
for (const d of docs) for (const t of new Set(contentTokens(d))) df.set(t, (df.get(t) ?? 0) + 1);
const terms = [...df.entries()]
  .filter(([t, n]) => n >= 2 && t.length > 1)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, VOCAB)
  .map(([t]) => t);
const vocab: StanceVocab = {
  terms,
  idf: terms.map((t) => Math.round((Math.log((docs.length + 1) / (df.get(t)! + 1)) + 1) * 1e4) / 1e4),
};
const vi = indexVocab(vocab);
const D = inputSize(vi.size, BLOCKS);

const bodyCache = new Map<string, ReturnType<typeof bodyInfo>>();
const claimCache = new Map<string, ReturnType<typeof claimInfo>>();
function featurize(ps: FncPair[]): { x: ModelInput[]; y: number[] } {
  const x: ModelInput[] = [];
  const y: number[] = [];
  for (const p of ps) {
    let b = bodyCache.get(p.bodyId);
    if (!b) bodyCache.set(p.bodyId, (b = bodyInfo(bodies.get(p.bodyId)!, vi)));
    let c = claimCache.get(p.headline);
    if (!c) claimCache.set(p.headline, (c = claimInfo(p.headline, vi)));
    x.push(modelInput(c, b, vi.size, BLOCKS));
    y.push(LABELS.indexOf(p.stance));
  }
  return { x, y };
}
const train = featurize(trainPairs);
const val = featurize(valPairs);
const dev = featurize(devPairs);
console.log(`features: ${D} inputs, ${((Date.now() - t0) / 1000).toFixed(1)}s`);

// --- model and Adam optimiser (lazy updates for first-layer rows touched by a batch) ---
const H = HIDDEN;
const C = LABELS.length;
const m: Mlp = {
  inputSize: D,
  hidden: H,
  w1: new Float32Array(D * H).map(() => (rand() * 2 - 1) * Math.sqrt(6 / (200 + H))),
  b1: new Float32Array(H).fill(0.01),
  w2: new Float32Array(H * C).map(() => (rand() * 2 - 1) * Math.sqrt(6 / (H + C))),
  b2: new Float32Array(C),
};
const params = [m.w1, m.b1, m.w2, m.b2];
const mom = params.map((p) => new Float32Array(p.length));
const vel = params.map((p) => new Float32Array(p.length));
const grads = params.map((p) => new Float32Array(p.length));
const rowStep = new Int32Array(D);
let step = 0;
const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;

// Mild class weighting towards the rare stances (helps macro-F1 without wrecking the FNC score).
const counts = LABELS.map((_, c) => train.y.filter((y) => y === c).length);
const CW = Number(opt('cw', '0.5'));
const classWeight = counts.map((n) => Math.pow(train.y.length / (C * n), CW));
console.log('class weights', classWeight.map((w) => w.toFixed(2)).join(' '));

function adamDense(pi: number) {
  const p = params[pi]!;
  const g = grads[pi]!;
  const mo = mom[pi]!;
  const ve = vel[pi]!;
  const bc1 = 1 - Math.pow(B1, step);
  const bc2 = 1 - Math.pow(B2, step);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]! + L2 * p[i]!;
    mo[i] = B1 * mo[i]! + (1 - B1) * gi;
    ve[i] = B2 * ve[i]! + (1 - B2) * gi * gi;
    p[i] = p[i]! - (LR * (mo[i]! / bc1)) / (Math.sqrt(ve[i]! / bc2) + EPS);
    g[i] = 0;
  }
}

function adamRows(rows: Set<number>) {
  const p = m.w1;
  const g = grads[0]!;
  const mo = mom[0]!;
  const ve = vel[0]!;
  const bc1 = 1 - Math.pow(B1, step);
  const bc2 = 1 - Math.pow(B2, step);
  for (const r of rows) {
    // Catch up the moment decay for the steps this row was not touched (lazy Adam).
    const missed = step - rowStep[r]! - 1;
    const d1 = missed > 0 ? Math.pow(B1, missed) : 1;
    const d2 = missed > 0 ? Math.pow(B2, missed) : 1;
    rowStep[r] = step;
    for (let j = r * H, e = r * H + H; j < e; j++) {
      const gi = g[j]! + L2 * p[j]!;
      mo[j] = B1 * mo[j]! * d1 + (1 - B1) * gi;
      ve[j] = B2 * ve[j]! * d2 + (1 - B2) * gi * gi;
      p[j] = p[j]! - (LR * (mo[j]! / bc1)) / (Math.sqrt(ve[j]! / bc2) + EPS);
      g[j] = 0;
    }
  }
}

function predict(xs: ModelInput[]): StanceLabel[] {
  return xs.map((x) => {
    const z = outputLogits(m, hiddenLayer(m, x));
    let best = 0;
    for (let c = 1; c < C; c++) if (z[c]! > z[best]!) best = c;
    return LABELS[best]!;
  });
}

const BATCH = 32;
const h = new Float32Array(H);
const dh = new Float32Array(H);
const mask = new Float32Array(H);
let best = { objective: -Infinity, epoch: 0, w: [] as Float32Array[] };
const order = train.x.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  shuffle(order);
  let loss = 0;
  for (let bStart = 0; bStart < order.length; bStart += BATCH) {
    const rows = new Set<number>();
    const batch = order.slice(bStart, bStart + BATCH);
    for (const i of batch) {
      const x = train.x[i]!;
      const y = train.y[i]!;
      hiddenLayer(m, x, h);
      for (let j = 0; j < H; j++) {
        mask[j] = rand() < DROPOUT ? 0 : 1 / (1 - DROPOUT);
        h[j] = h[j]! * mask[j]!;
      }
      const p = softmax(outputLogits(m, h));
      const w = classWeight[y]! / batch.length;
      loss -= Math.log(p[y]! + 1e-12) * classWeight[y]!;
      dh.fill(0);
      for (let c = 0; c < C; c++) {
        const dz = (p[c]! - (c === y ? 1 : 0)) * w;
        grads[3]![c] = grads[3]![c]! + dz;
        for (let j = 0; j < H; j++) {
          grads[2]![j * C + c] = grads[2]![j * C + c]! + h[j]! * dz;
          dh[j] = dh[j]! + m.w2[j * C + c]! * dz;
        }
      }
      for (let j = 0; j < H; j++) if (h[j]! <= 0) dh[j] = 0;
      else dh[j] = dh[j]! * mask[j]!;
      for (let j = 0; j < H; j++) grads[1]![j] = grads[1]![j]! + dh[j]!;
      for (let k = 0; k < x.idx.length; k++) {
        const r = x.idx[k]!;
        const v = x.val[k]!;
        rows.add(r);
        const base = r * H;
        for (let j = 0; j < H; j++) grads[0]![base + j] = grads[0]![base + j]! + v * dh[j]!;
      }
    }
    step++;
    adamRows(rows);
    adamDense(1);
    adamDense(2);
    adamDense(3);
  }
  const r = fncReport(valPairs.map((p) => p.stance), predict(val.x));
  const objective = r.relativeScore / 100 + r.macroF1;
  console.log(
    `epoch ${epoch} loss ${(loss / order.length).toFixed(4)} val FNC ${r.relativeScore.toFixed(2)} macroF1 ${r.macroF1.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`,
  );
  if (objective > best.objective) best = { objective, epoch, w: params.map((p) => Float32Array.from(p)) };
}
params.forEach((p, i) => p.set(best.w[i]!));
console.log(`best epoch ${best.epoch}`);

// Report on the untouched dev split with the quantised weights that actually ship.
const packed: PackedModel = {
  format: 'crosscheck-stance-mlp/1',
  trainedOn: `FNC-1 train_stances.csv/train_bodies.csv, ~70% of bodies (split by ${SPLIT}, seed ${SEED})`,
  vocab,
  blocks: BLOCKS,
  ...packMlp(m),
};
const shipped = unpackMlp(packed);
m.w1.set(shipped.w1);
const devReport = fncReport(devPairs.map((p) => p.stance), predict(dev.x));
console.log(`\nDEV (split by ${SPLIT}; never seen in training or model selection), quantised weights:`);
console.log(formatReport(devReport));
packed.dev = {
  split: SPLIT === 'claims' ? `whole claims held out (seed ${SEED}): 20% of bodies dev, 10% validation` : `bodies shuffled with seed ${SEED}: first 20% dev, next 10% validation, rest train`,
  devBodyIds: [...devIds].sort((a, b) => Number(a) - Number(b)),
  fnc: Math.round(devReport.relativeScore * 100) / 100,
  macroF1: Math.round(devReport.macroF1 * 1000) / 1000,
  f1: Object.fromEntries(Object.entries(devReport.f1).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
  epochs: best.epoch,
  hidden: H,
  vocab: VOCAB,
  blocks: BLOCKS,
};
writeFileSync(OUT, JSON.stringify(packed));
console.log(`wrote ${OUT} (${(JSON.stringify(packed).length / 1024).toFixed(0)} KiB)`);
