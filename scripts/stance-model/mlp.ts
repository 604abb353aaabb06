/**
 * A one-hidden-layer perceptron over sparse inputs, with its weights packed for shipping:
 * first-layer rows quantised to int8 with one float scale per row (base64), the rest as floats.
 */
import type { InputBlock, ModelInput, StanceVocab } from './features';

export const LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof LABELS)[number];

export interface PackedModel {
  format: 'crosscheck-stance-mlp/1';
  trainedOn: string;
  vocab: StanceVocab;
  /** sparse input blocks; absent in older files = ['claim', 'body'] */
  blocks?: InputBlock[];
  inputSize: number;
  hidden: number;
  /** int8 weights, row-major [inputSize][hidden], base64 */
  w1: string;
  /** float32 scale per input row, base64 */
  w1Scale: string;
  b1: number[];
  /** [hidden][4] */
  w2: number[];
  b2: number[];
  dev?: Record<string, unknown>;
}

export interface Mlp {
  inputSize: number;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(b64, 'base64'));
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function packMlp(m: Mlp): Pick<PackedModel, 'inputSize' | 'hidden' | 'w1' | 'w1Scale' | 'b1' | 'w2' | 'b2'> {
  const { inputSize, hidden } = m;
  const q = new Int8Array(inputSize * hidden);
  const scale = new Float32Array(inputSize);
  for (let r = 0; r < inputSize; r++) {
    let max = 0;
    for (let j = 0; j < hidden; j++) max = Math.max(max, Math.abs(m.w1[r * hidden + j]!));
    const s = max / 127 || 1;
    scale[r] = s;
    for (let j = 0; j < hidden; j++) q[r * hidden + j] = Math.round(m.w1[r * hidden + j]! / s);
  }
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return {
    inputSize,
    hidden,
    w1: toBase64(new Uint8Array(q.buffer)),
    w1Scale: toBase64(new Uint8Array(scale.buffer)),
    b1: [...m.b1].map(round),
    w2: [...m.w2].map(round),
    b2: [...m.b2].map(round),
  };
}

export function unpackMlp(p: PackedModel): Mlp {
  const q = new Int8Array(fromBase64(p.w1).buffer);
  const scaleBytes = fromBase64(p.w1Scale);
  const scale = new Float32Array(scaleBytes.buffer, scaleBytes.byteOffset, scaleBytes.byteLength / 4);
  const w1 = new Float32Array(p.inputSize * p.hidden);
  for (let r = 0; r < p.inputSize; r++) {
    for (let j = 0; j < p.hidden; j++) w1[r * p.hidden + j] = q[r * p.hidden + j]! * scale[r]!;
  }
  return {
    inputSize: p.inputSize,
    hidden: p.hidden,
    w1,
    b1: Float32Array.from(p.b1),
    w2: Float32Array.from(p.w2),
    b2: Float32Array.from(p.b2),
  };
}

/** Hidden activations (ReLU) for a sparse input; `mask` applies dropout during training. */
export function hiddenLayer(m: Mlp, x: ModelInput, out = new Float32Array(m.hidden)): Float32Array {
  const H = m.hidden;
  out.set(m.b1);
  for (let k = 0; k < x.idx.length; k++) {
    const v = x.val[k]!;
    if (v === 0) continue;
    const base = x.idx[k]! * H;
    for (let j = 0; j < H; j++) out[j] = out[j]! + v * m.w1[base + j]!;
  }
  for (let j = 0; j < H; j++) if (out[j]! < 0) out[j] = 0;
  return out;
}

export function softmax(z: Float32Array | number[]): number[] {
  const max = Math.max(...z);
  const e = Array.from(z, (v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function outputLogits(m: Mlp, h: Float32Array): Float32Array {
  const C = LABELS.length;
  const z = Float32Array.from(m.b2);
  for (let j = 0; j < m.hidden; j++) {
    const hj = h[j]!;
    if (hj === 0) continue;
    for (let c = 0; c < C; c++) z[c] = z[c]! + hj * m.w2[j * C + c]!;
  }
  return z;
}

export function predictProbs(m: Mlp, x: ModelInput): number[] {
  return softmax(outputLogits(m, hiddenLayer(m, x)));
}
