/**
 * FNC-1 data format and official metric, for the trainer and `npm run bench:stance` / `bench:hover`;
 * never imported by the extension's entrypoints.
 */
import { LABELS, type StanceLabel } from './stance-model/mlp';

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export interface FncPair {
  headline: string;
  bodyId: string;
  stance: StanceLabel;
}

export function readBodies(csv: string): Map<string, string> {
  const rows = parseCsv(csv);
  const header = rows.shift() ?? [];
  const id = header.findIndex((h) => /body.?id/i.test(h));
  const body = header.findIndex((h) => /articleBody/i.test(h));
  if (id < 0 || body < 0) throw new Error('bodies CSV needs "Body ID" and "articleBody" columns');
  return new Map(rows.map((r) => [r[id]!, r[body]!]));
}

export function readStances(csv: string): FncPair[] {
  const rows = parseCsv(csv);
  const header = rows.shift() ?? [];
  const h = header.findIndex((x) => /headline/i.test(x));
  const id = header.findIndex((x) => /body.?id/i.test(x));
  const st = header.findIndex((x) => /stance/i.test(x));
  if (h < 0 || id < 0 || st < 0) throw new Error('stances CSV needs "Headline", "Body ID" and "Stance" columns');
  return rows.map((r) => {
    const stance = r[st]!.trim().toLowerCase() as StanceLabel;
    if (!LABELS.includes(stance)) throw new Error(`unknown stance "${r[st]}"`);
    return { headline: r[h]!, bodyId: r[id]!, stance };
  });
}

export interface FncReport {
  n: number;
  score: number;
  maxScore: number;
  /** score as % of maximum */
  relativeScore: number;
  accuracy: number;
  f1: Record<StanceLabel, number>;
  macroF1: number;
  /** confusion[gold][pred] in LABELS order */
  confusion: number[][];
}

/** The official FNC-1 score plus per-class and macro-averaged F1. */
export function fncReport(gold: StanceLabel[], pred: StanceLabel[]): FncReport {
  if (gold.length !== pred.length) throw new Error('gold and predictions differ in length');
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  let score = 0;
  let maxScore = 0;
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = pred[i]!;
    confusion[LABELS.indexOf(g)]![LABELS.indexOf(p)]!++;
    if (g === p) correct++;
    const gRel = g !== 'unrelated';
    const pRel = p !== 'unrelated';
    maxScore += gRel ? 1 : 0.25;
    if (gRel === pRel) score += 0.25;
    if (gRel && g === p) score += 0.75;
  }
  const f1 = {} as Record<StanceLabel, number>;
  LABELS.forEach((label, c) => {
    const tp = confusion[c]![c]!;
    const fp = LABELS.reduce((a, _l, g) => a + (g === c ? 0 : confusion[g]![c]!), 0);
    const fn = LABELS.reduce((a, _l, p) => a + (p === c ? 0 : confusion[c]![p]!), 0);
    f1[label] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const macroF1 = LABELS.reduce((a, l) => a + f1[l], 0) / LABELS.length;
  return {
    n: gold.length,
    score,
    maxScore,
    relativeScore: maxScore ? (100 * score) / maxScore : 0,
    accuracy: gold.length ? correct / gold.length : 0,
    f1,
    macroF1,
    confusion,
  };
}

export function formatReport(r: FncReport): string {
  const lines = [
    `pairs: ${r.n}`,
    `FNC-1 score: ${r.score.toFixed(2)} / ${r.maxScore.toFixed(2)} = ${r.relativeScore.toFixed(2)}%`,
    `accuracy: ${(100 * r.accuracy).toFixed(2)}%`,
    `F1: ${LABELS.map((l) => `${l} ${r.f1[l].toFixed(3)}`).join(', ')}`,
    `macro-F1: ${r.macroF1.toFixed(3)}`,
    'confusion (rows gold, cols predicted: ' + LABELS.join(', ') + ')',
    ...r.confusion.map((row, i) => `  ${LABELS[i]!.padEnd(10)} ${row.map((v) => String(v).padStart(6)).join('')}`),
  ];
  return lines.join('\n');
}
