/**
 * The stance engine as the popover uses it: a page sentence against one report. Combines the
 * learned FNC-1 model (report-level stance) with the claim comparator (sentence-level facts),
 * and always returns a one-line reason a reader can check.
 */
import type { Report } from '../corpus';
import type { Matcher } from '../match';
import { claimFacts, compareClaims, stemOverlap, type Comparison, type EntityLookup } from './claims';
import { REFUTE_WORDS, HEDGE_WORDS } from './features';
import type { StanceLabel } from './mlp';
import { stanceModel, type StanceModel } from './model';

export type Verdict = 'corroborates' | 'conflicts' | 'related';

export interface Judgement {
  stance: StanceLabel;
  verdict: Verdict;
  confidence: number;
  reason: string;
  /** the report sentence the reason refers to; -1 is the headline */
  sentenceIndex: number;
  sentence: string;
}

export const VERDICT_OF: Record<StanceLabel, Verdict> = {
  agree: 'corroborates',
  disagree: 'conflicts',
  discuss: 'related',
  unrelated: 'related',
};

export function entityLookup(matcher: Matcher): EntityLookup {
  return {
    find: (text) =>
      matcher.find(text).map((m) => ({ id: m.termId, kind: matcher.terms.get(m.termId)?.kind ?? 'topic', text: m.text, start: m.start })),
  };
}

const clamp = (x: number) => Math.max(0.05, Math.min(0.99, x));
const HEDGE = new Set(HEDGE_WORDS);

function sentenceAt(report: Pick<Report, 'title' | 'sentences'>, i: number): string {
  return i < 0 ? report.title ?? '' : report.sentences[i] ?? '';
}

/**
 * Judge how `report` relates to the page `claim`. `mentionSentences` are the report's sentences
 * that mention the hovered term (-1 = headline); they are always considered, together with the
 * report's sentences closest to the claim.
 */
export function judge(
  claim: string,
  report: Pick<Report, 'id' | 'title' | 'text' | 'sentences'>,
  mentionSentences: number[],
  entities: EntityLookup,
  model: StanceModel = stanceModel(),
): Judgement {
  const claimStems = claimFacts(claim, entities).stems;
  const closeness = report.sentences.map((s, i) => ({ i, n: stemOverlap(claimStems, claimFacts(s, entities).stems).overlap }));
  const candidates = new Set<number>(mentionSentences);
  for (const c of [...closeness].sort((a, b) => b.n - a.n).slice(0, 3)) if (c.n > 0) candidates.add(c.i);

  const compared: { i: number; c: Comparison }[] = [...candidates].map((i) => ({ i, c: compareClaims(claim, sentenceAt(report, i), entities) }));
  compared.sort((x, y) => y.c.overlap - x.c.overlap);
  const m = model.classify(claim, report.id, [report.title ?? '', report.text].join('\n\n'));
  const result = (stance: StanceLabel, confidence: number, reason: string, i: number): Judgement => ({
    stance,
    verdict: VERDICT_OF[stance],
    confidence: Math.round(clamp(confidence) * 100) / 100,
    reason,
    sentenceIndex: i,
    sentence: sentenceAt(report, i),
  });

  // The closest sentence that says something checkable decides; on a tie a conflict wins.
  const decisive = compared.find((x) => x.c.conflicts.length || (x.c.agreements.length && x.c.overlap >= 0.2) || x.c.overlap >= 0.5);
  if (decisive?.c.conflicts.length) {
    return result('disagree', 0.6 + 0.25 * Math.min(1, decisive.c.overlap * 2) + 0.15 * m.probs.disagree, decisive.c.conflicts[0]!, decisive.i);
  }
  if (decisive) {
    const what = decisive.c.agreements.length ? decisive.c.agreements.join('; ') : `same wording: ${decisive.c.shared.slice(0, 5).join(', ')}`;
    return result('agree', 0.5 + 0.3 * Math.min(1, decisive.c.overlap * 1.5) + 0.2 * m.probs.agree, `both say it — ${what}`, decisive.i);
  }

  const best = compared[0] ?? { i: mentionSentences[0] ?? 0, c: compareClaims(claim, sentenceAt(report, mentionSentences[0] ?? 0), entities) };
  const words = new Set(sentenceAt(report, best.i).toLowerCase().match(/[a-z]+/g) ?? []);
  if (m.label === 'disagree' && m.confidence > 0.7 && best.c.overlap >= 0.2) {
    const cue = REFUTE_WORDS.find((w) => words.has(w));
    return result('disagree', m.confidence * 0.8, `the report disputes it${cue ? ` (“${cue}”)` : ''} — learned stance ${(m.confidence * 100).toFixed(0)}%`, best.i);
  }
  if (m.label === 'agree' && m.confidence > 0.7 && best.c.overlap >= 0.25) {
    return result('agree', m.confidence * 0.8, `the report makes the same claim — learned stance ${(m.confidence * 100).toFixed(0)}%`, best.i);
  }
  if (best.c.attribution) return result('discuss', 0.5, best.c.attribution, best.i);
  const hedge = [...words].find((w) => HEDGE.has(w) && w.length > 3);
  if (best.c.overlap >= 0.2) {
    return result('discuss', 0.4 + 0.3 * best.c.overlap, hedge ? `covers the same point without taking a side (“${hedge}”)` : `covers the same point (${best.c.shared.slice(0, 4).join(', ')}) without confirming or contradicting it`, best.i);
  }
  const i = mentionSentences[0] ?? best.i;
  return result('unrelated', Math.max(m.probs.unrelated, 0.5), 'mentions it in a different context; no claim to compare', i);
}
