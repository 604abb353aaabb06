/**
 * Numbers compared as facts: a figure with what it counts (its unit, or for an age the noun it
 * belongs to), its bound ("at least 10", "nearly 8,000", "about 300") and the other figures of the
 * same unit in the sentence ("six shots, then four more" = "10 shots"). Says whether two sentences
 * give the same figure, a compatible one, or a different one. Pure.
 */
import type { Quantity } from './frame';

/** A stated figure is round when it has at most two significant digits (300, 8,000, 4.5 million). */
function isRound(v: number): boolean {
  if (!Number.isInteger(v)) return false;
  let n = v;
  while (n >= 100 && n % 10 === 0) n /= 10;
  return n < 100;
}

/** Does `precise` round to `round` at the significant digits `round` is written with (within 5%)? */
function roundsTo(round: number, precise: number): boolean {
  if (!isRound(round) || Math.abs(round - precise) > 0.05 * round) return false;
  // writers round large figures and amounts with decimals ("$4.9m" → "$5 million"), not small counts (19 / 20 stone)
  if (round < 1000 && Number.isInteger(precise)) return false;
  const digits = String(round).replace(/\./, '').replace(/0+$/, '').replace(/^0+/, '').length || 1;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(round))) - digits + 1);
  return Math.round(precise / scale) * scale === round;
}

const tolerance = (q: Quantity) => (q.bound === 'about' || q.bound === 'max' || (q.approx && q.bound !== 'min') ? (isRound(q.value) ? 0.1 : 0.03) : 0);

/**
 * true: the same figure (or one within the other's bound: "at least six" and "six");
 * false: different figures; null: compatible without being the same ("at least 10" and "at least 8").
 */
export function figuresAgree(a: Quantity, b: Quantity): boolean | null {
  if (a.value === b.value) return true;
  if (a.bound === 'min' && b.bound === 'min') return null;
  if (a.bound === 'max' && b.bound === 'max') return null;
  if ((a.bound === 'min' && b.bound === 'max') || (a.bound === 'max' && b.bound === 'min')) return null;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    if (x.bound === 'min') return y.value >= x.value * (1 - tolerance(y)) ? true : false;
    if (x.bound === 'max') {
      if (y.value <= x.value && y.value >= x.value * 0.85) return true;
      return y.value > x.value * (1 + tolerance(y)) ? false : null;
    }
  }
  const tol = Math.max(tolerance(a), tolerance(b));
  if (Math.abs(a.value - b.value) <= tol * Math.max(a.value, b.value)) return true;
  // a round figure and a precise one that rounds to it ("$15 billion" / "$15.2 billion"), within 5%
  return roundsTo(a.value, b.value) || roundsTo(b.value, a.value);
}

export interface FigureFinding {
  agree: boolean;
  page: string;
  report: string;
  unit: string;
  pageValue: number;
  reportValue: number;
  /** agreeing, but the report does not give the page's figure (onlyCompatible): compatible, not the same figure */
  oneBound?: boolean;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, a, b);

/**
 * Page figure `a` and report figure `b` agree without the report giving the page's figure: the same
 * figure bounded away on one side only ("more than 300" / "300"); only a ceiling in the report ("20
 * cats" / "up to 20 cats", but a price "up to $5,000" names the top price); or the report's figure the
 * rounded one ("a $2,084 tip" / "a $2,000 tip"). The other way round ("a $2,000 tip" / "$2,084") the
 * report gives what the page rounds: the same fact.
 */
function onlyCompatible(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value) return !!a.exclusive !== !!b.exclusive || (b.bound === 'max' && a.bound !== 'max' && a.unit !== 'money');
  return isRound(b.value) && !isRound(a.value);
}

/**
 * Compare the figures of one unit on both sides: matched pairs first; what is left on one side may
 * be the total of the other side's parts; what is left on both sides, pair for pair different, is
 * a different figure. Anything else says nothing.
 */
export function compareFigures(as: Quantity[], bs: Quantity[]): FigureFinding | null {
  if (!as.length || !bs.length) return null;
  const restA = [...as];
  const restB = [...bs];
  let first: [Quantity, Quantity] | null = null;
  for (const a of as) {
    const k = restB.findIndex((b) => figuresAgree(a, b) === true);
    if (k < 0) continue;
    first ??= [a, restB[k]!];
    restB.splice(k, 1);
    restA.splice(restA.indexOf(a), 1);
  }
  const sum = (qs: Quantity[]) => qs.reduce((t, q) => t + q.value, 0);
  const finding = (agree: boolean, a: Quantity, b: Quantity, page = a.text, report = b.text): FigureFinding => ({ agree, page, report, unit: a.unit, pageValue: a.value, reportValue: b.value, ...(onlyCompatible(a, b) ? { oneBound: true } : {}) });
  const agreeing = (): FigureFinding | null => (first ? finding(true, first[0], first[1]) : null);
  if (!restA.length && !restB.length) return agreeing();
  // a total on one side and its parts on the other ("10 shots" / "six, then four more")
  if (restA.length === 1 && bs.length >= 2 && near(restA[0]!.value, sum(bs.filter((b) => b !== restA[0]) as Quantity[]))) return finding(true, restA[0]!, bs[0]!, restA[0]!.text, bs.map((b) => b.text).join(' + '));
  if (restB.length === 1 && as.length >= 2 && near(restB[0]!.value, sum(as))) return finding(true, as[0]!, restB[0]!, as.map((a) => a.text).join(' + '), restB[0]!.text);
  if (restA.length === 1 && restB.length === 0 && as.length >= 2 && near(restA[0]!.value, sum(bs))) return agreeing();
  if (restA.length && restB.length && restA.length === restB.length && restA.every((a) => restB.every((b) => figuresAgree(a, b) === false))) {
    // the sum of the parts may still agree with a total: then nothing differs
    if (near(sum(as), sum(bs))) return agreeing();
    return finding(false, restA[0]!, restB[0]!);
  }
  return agreeing();
}
