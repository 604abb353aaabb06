/**
 * Feature extraction for the stance model: a claim (headline or page sentence) against a body
 * (a news report), for the offline trainer (scripts/train-stance.ts) and bench:stance; not
 * shipped by the extension.
 */
import { NEGATORS, contentTokens, splitSentences, tokenize } from '../../lib/text';

export const REFUTE_WORDS = [
  'fake', 'fraud', 'hoax', 'false', 'deny', 'denies', 'denied', 'denial', 'refute', 'refutes', 'refuted', 'despite', 'nope',
  'doubt', 'doubts', 'bogus', 'debunk', 'debunked', 'debunks', 'prank', 'pranks', 'retract', 'retracted', 'retraction', 'satire',
  'satirical', 'untrue', 'myth', 'rumour', 'rumor', 'misleading', 'incorrect', 'wrong', 'dismissed', 'rejected', 'rejects',
];
export const HEDGE_WORDS = [
  'reportedly', 'allegedly', 'alleged', 'claim', 'claims', 'claimed', 'according', 'unconfirmed', 'unverified', 'apparently',
  'purportedly', 'purported', 'suggests', 'suggested', 'may', 'might', 'could', 'possibly', 'possible', 'report', 'reports',
  'reported', 'rumored', 'rumoured', 'speculation', 'speculate', 'believed', 'appears', 'seems', 'unclear', 'if', 'whether',
];
export const AGREE_WORDS = [
  'confirmed', 'confirms', 'confirm', 'official', 'officially', 'announced', 'announces', 'revealed', 'indeed', 'true', 'proven',
  'verified', 'shows', 'showed', 'footage', 'video', 'photos', 'actually', 'admitted', 'admits', 'finally',
];
const REFUTE = new Set(REFUTE_WORDS);
const HEDGE = new Set(HEDGE_WORDS);
const AGREE = new Set(AGREE_WORDS);

/** Learned vocabulary: stemmed content terms and their inverse document frequencies. */
export interface StanceVocab {
  terms: string[];
  idf: number[];
}

export interface VocabIndex {
  index: Map<string, number>;
  idf: Float32Array;
  size: number;
}

export function indexVocab(v: StanceVocab): VocabIndex {
  const index = new Map<string, number>();
  v.terms.forEach((t, i) => index.set(t, i));
  return { index, idf: Float32Array.from(v.idf), size: v.terms.length };
}

/** Sparse vector as parallel arrays, L2-normalised. */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

function sparse(counts: Map<number, number>, weight: (i: number, c: number) => number): SparseVec {
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    const w = weight(idx[k]!, counts.get(idx[k]!)!);
    val[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k] = val[k]! / norm;
  return { idx, val };
}

function counts(tokens: string[], vocab: VocabIndex): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of tokens) {
    const i = vocab.index.get(t);
    if (i !== undefined) m.set(i, (m.get(i) ?? 0) + 1);
  }
  return m;
}

export function tfidf(tokens: string[], vocab: VocabIndex): SparseVec {
  return sparse(counts(tokens, vocab), (i, c) => (1 + Math.log(c)) * vocab.idf[i]!);
}

export function tf(tokens: string[], vocab: VocabIndex): SparseVec {
  return sparse(counts(tokens, vocab), (_i, c) => c);
}

export function cosine(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) s += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

interface SentenceInfo {
  vec: SparseVec;
  counts: Map<number, number>;
  stems: Set<string>;
  raw: string[];
  neg: number;
  refute: number;
  hedge: number;
  agree: number;
  question: boolean;
  quote: boolean;
}

/** Everything about a body that does not depend on the claim; computed once per body and cached. */
export interface BodyInfo {
  vec: SparseVec;
  tfVec: SparseVec;
  stems: Set<string>;
  bigrams: Set<string>;
  numbers: Set<string>;
  sentences: SentenceInfo[];
  length: number;
}

function countIn(words: string[], set: Set<string>): number {
  let n = 0;
  for (const w of words) if (set.has(w)) n++;
  return n;
}

function bigramsOf(stems: string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 1 < stems.length; i++) s.add(stems[i] + ' ' + stems[i + 1]);
  return s;
}

export function bodyInfo(text: string, vocab: VocabIndex): BodyInfo {
  const stems = contentTokens(text);
  const raw = tokenize(text);
  const sentences = splitSentences(text)
    .slice(0, 60)
    .map((s): SentenceInfo => {
      const r = tokenize(s);
      const st = contentTokens(s);
      return {
        vec: tfidf(st, vocab),
        counts: counts(st, vocab),
        stems: new Set(st),
        raw: r,
        neg: countIn(r, NEGATORS),
        refute: countIn(r, REFUTE),
        hedge: countIn(r, HEDGE),
        agree: countIn(r, AGREE),
        question: s.includes('?'),
        quote: /["“”]/.test(s),
      };
    });
  return {
    vec: tfidf(stems, vocab),
    tfVec: tf(stems, vocab),
    stems: new Set(stems),
    bigrams: bigramsOf(stems),
    numbers: new Set(raw.filter((t) => /^\d/.test(t))),
    sentences,
    length: raw.length,
  };
}

export interface ClaimInfo {
  vec: SparseVec;
  tfVec: SparseVec;
  stems: string[];
  raw: string[];
  bigrams: Set<string>;
  numbers: string[];
  question: boolean;
}

export function claimInfo(text: string, vocab: VocabIndex): ClaimInfo {
  const stems = contentTokens(text);
  const raw = tokenize(text);
  return {
    vec: tfidf(stems, vocab),
    tfVec: tf(stems, vocab),
    stems,
    raw,
    bigrams: bigramsOf(stems),
    numbers: raw.filter((t) => /^\d/.test(t)),
    question: text.includes('?'),
  };
}

export const DENSE_NAMES = [
  'cos_body', 'cos_max_sent', 'cos_top3', 'cos_lead', 'overlap_body', 'overlap_best', 'bigram_overlap', 'jaccard',
  'numbers_found', 'has_numbers', 'log_len', 'claim_refute', 'claim_hedge', 'claim_neg', 'claim_question',
  'body_refute', 'body_hedge', 'body_agree', 'body_neg', 'top_refute', 'top_hedge', 'top_agree', 'top_neg',
  'top_question', 'top_quote', 'neg_parity_mismatch', 'lead_refute', 'lead_hedge', 'claim_len', 'n_sentences_rel',
  ...REFUTE_WORDS.map((w) => 'claim_has_' + w),
  ...REFUTE_WORDS.map((w) => 'top_has_' + w),
];
export const DENSE_SIZE = DENSE_NAMES.length;

/** Body sentences ranked by TF-IDF similarity to the claim. */
export function rankSentences(c: ClaimInfo, b: BodyInfo): { i: number; s: number }[] {
  return b.sentences.map((s, i) => ({ i, s: cosine(c.vec, s.vec) })).sort((x, y) => y.s - x.s || x.i - y.i);
}

/** Dense hand-crafted features; order matches DENSE_NAMES. */
export function denseFeatures(c: ClaimInfo, b: BodyInfo, sorted = rankSentences(c, b)): Float32Array {
  const f = new Float32Array(DENSE_SIZE);
  const top = sorted.slice(0, 3).map((x) => b.sentences[x.i]!);
  const best = top[0];
  const lead = b.sentences.slice(0, 2);
  const uniq = [...new Set(c.stems)];
  const inBody = uniq.filter((t) => b.stems.has(t)).length;
  const inBest = best ? uniq.filter((t) => best.stems.has(t)).length : 0;
  const bigramHits = [...c.bigrams].filter((g) => b.bigrams.has(g)).length;
  const union = new Set([...uniq, ...b.stems]).size || 1;
  const claimRefute = countIn(c.raw, REFUTE);
  const claimNeg = countIn(c.raw, NEGATORS);
  const sum = (xs: SentenceInfo[], k: 'refute' | 'hedge' | 'agree' | 'neg') => xs.reduce((a, s) => a + s[k], 0);
  const nS = b.sentences.length || 1;
  let k = 0;
  f[k++] = cosine(c.vec, b.vec);
  f[k++] = sorted[0]?.s ?? 0;
  f[k++] = top.length ? sorted.slice(0, 3).reduce((a, x) => a + x.s, 0) / top.length : 0;
  f[k++] = lead.length ? Math.max(...lead.map((s) => cosine(c.vec, s.vec))) : 0;
  f[k++] = uniq.length ? inBody / uniq.length : 0;
  f[k++] = uniq.length ? inBest / uniq.length : 0;
  f[k++] = c.bigrams.size ? bigramHits / c.bigrams.size : 0;
  f[k++] = inBody / union;
  f[k++] = c.numbers.length ? c.numbers.filter((n) => b.numbers.has(n)).length / c.numbers.length : 0;
  f[k++] = c.numbers.length ? 1 : 0;
  f[k++] = Math.log1p(b.length) / 8;
  f[k++] = Math.min(claimRefute, 3) / 3;
  f[k++] = Math.min(countIn(c.raw, HEDGE), 3) / 3;
  f[k++] = Math.min(claimNeg, 3) / 3;
  f[k++] = c.question ? 1 : 0;
  f[k++] = Math.min(sum(b.sentences, 'refute') / nS, 1);
  f[k++] = Math.min(sum(b.sentences, 'hedge') / nS, 1);
  f[k++] = Math.min(sum(b.sentences, 'agree') / nS, 1);
  f[k++] = Math.min(sum(b.sentences, 'neg') / nS, 1);
  f[k++] = Math.min(sum(top, 'refute'), 3) / 3;
  f[k++] = Math.min(sum(top, 'hedge'), 3) / 3;
  f[k++] = Math.min(sum(top, 'agree'), 3) / 3;
  f[k++] = Math.min(sum(top, 'neg'), 3) / 3;
  f[k++] = top.some((s) => s.question) ? 1 : 0;
  f[k++] = top.some((s) => s.quote) ? 1 : 0;
  f[k++] = best ? (claimNeg % 2) !== (best.neg % 2) ? 1 : 0 : 0;
  f[k++] = Math.min(sum(lead, 'refute'), 3) / 3;
  f[k++] = Math.min(sum(lead, 'hedge'), 3) / 3;
  f[k++] = Math.min(c.raw.length, 40) / 40;
  f[k++] = sorted.filter((x) => x.s > 0.1).length / nS;
  const topWords = new Set(top.flatMap((s) => s.raw));
  const claimWords = new Set(c.raw);
  for (const w of REFUTE_WORDS) f[k++] = claimWords.has(w) ? 1 : 0;
  for (const w of REFUTE_WORDS) f[k++] = topWords.has(w) ? 1 : 0;
  return f;
}

/** Sparse blocks of the model input, each V wide: claim TF, body TF, TF of the 3 body sentences closest to the claim. */
export type InputBlock = 'claim' | 'body' | 'top';
export const DEFAULT_BLOCKS: InputBlock[] = ['claim', 'body'];

/** The full model input: [block 1 (V) | block 2 (V) | … | dense], as index/value lists. */
export interface ModelInput {
  idx: Int32Array;
  val: Float32Array;
}

export function modelInput(c: ClaimInfo, b: BodyInfo, vocabSize: number, blocks: InputBlock[] = DEFAULT_BLOCKS): ModelInput {
  const ranked = rankSentences(c, b);
  const dense = denseFeatures(c, b, ranked);
  const parts = blocks.map((blk) => {
    if (blk === 'claim') return c.tfVec;
    if (blk === 'body') return b.tfVec;
    const m = new Map<number, number>();
    for (const { i } of ranked.slice(0, 3)) for (const [k, v] of b.sentences[i]!.counts) m.set(k, (m.get(k) ?? 0) + v);
    return sparse(m, (_i, v) => v);
  });
  const n = parts.reduce((a, p) => a + p.idx.length, 0) + dense.length;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let k = 0;
  parts.forEach((p, bi) => {
    for (let i = 0; i < p.idx.length; i++) {
      idx[k] = bi * vocabSize + p.idx[i]!;
      val[k++] = p.val[i]!;
    }
  });
  const base = blocks.length * vocabSize;
  for (let i = 0; i < dense.length; i++) {
    idx[k] = base + i;
    val[k++] = dense[i]!;
  }
  return { idx, val };
}

export function inputSize(vocabSize: number, blocks: InputBlock[] = DEFAULT_BLOCKS): number {
  return blocks.length * vocabSize + DENSE_SIZE;
}
