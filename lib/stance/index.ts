/**
 * The stance engine as the popover uses it: a page sentence against one report, through the report
 * sentences retrieved for it. The claim comparator decides; a report that states a claim and its
 * denial is "disputed", with both sides. Every verdict has a reason in plain words.
 */
import type { Report } from '../corpus';
import type { Matcher } from '../match';
import { compareClaims, stemOverlap, uninformative, type Comparison, type CompareContext, type EntityLookup } from './claims';
import { contentTokens, stem } from '../text';
import { eventKind } from './events';
import { coveredByReport, predicateSaid, statesAcross } from './coverage';
import { claimCallsUntrue, notOwnFact, storyDebunked, untrueIn } from './debunk';
import { claimFrame, type Frame } from './frame';
import { hearsay, relayedIn, relaysItself } from './relay';

export type Verdict = 'corroborates' | 'conflicts' | 'disputed' | 'related';

/** Every verdict, in the order the popover shows them. */
export const VERDICTS: Verdict[] = ['conflicts', 'disputed', 'corroborates', 'related'];

/** How sure the engine is, in words (the popover shows no percentages). */
export type Certainty = 'clear' | 'likely' | 'tentative';

export interface Judgement {
  verdict: Verdict;
  reason: string;
  /** the differing words on both sides, for conflicts */
  parts: Comparison['parts'];
  /** for a disputed report: the claim and the denial as the report states them */
  sides: { claim: string; denial: string } | null;
  certainty: Certainty;
  /** for ordering reports: how much the evidence says about the claim */
  strength: number;
  /** word overlap (Dice, a name counted once) of the claim and the sentence the reason refers to */
  closeness?: number;
  /** a related sentence that names the claim's people or places at another event ("Both mention Eastmere, but not the same event") */
  otherEvent?: boolean;
  /** the report sentence the reason refers to; -1 is the headline */
  sentenceIndex: number;
  sentence: string;
}

export function entityLookup(matcher: Matcher): EntityLookup {
  return {
    find: (text) =>
      matcher.find(text).map((m) => ({ id: m.termId, kind: matcher.terms.get(m.termId)?.kind ?? 'topic', text: m.text, start: m.start })),
  };
}

function sentenceAt(report: Pick<Report, 'title' | 'sentences'>, i: number): string {
  return i < 0 ? report.title ?? '' : report.sentences[i] ?? '';
}

const CLAIM_THEN_DENIAL = /^(.*\b(?:claimed|alleged|accused|said)\b.*?)(?:;|,? but|, while|\. )\s*(.*\b(?:denied|rejected|dismissed)\b.*)$/i;

/** A report sentence that states a claim and, by another voice, its denial ("X claimed …; Y denied …"). */
export function claimAndDenial(sentence: string): { claim: string; denial: string } | null {
  const m = sentence.match(CLAIM_THEN_DENIAL);
  return m ? { claim: m[1]!.trim(), denial: m[2]!.trim() } : null;
}

/** Dice overlap of two sentences' words, a dictionary name counted by its words only. */
function closeness(A: Frame, B: Frame): number {
  const words = (F: Frame) => new Set([...F.stems].filter((x) => !x.startsWith('T:')));
  return stemOverlap(words(A), words(B)).overlap;
}

/** Word overlap with the claim at which a report sentence retells it (as the popover lists a related report). */
const RETOLD = 0.3;

function certainty(c: Comparison): Certainty {
  const checked = c.findings.length;
  if (c.verdict === 'related') return c.overlap < 0.15 ? 'clear' : 'tentative';
  if (checked >= 2 || c.overlap >= 0.5) return 'clear';
  return checked >= 1 ? 'likely' : 'tentative';
}

/**
 * Judge how `report` relates to the page `claim`, reading the report sentences `candidates`
 * (retrieved for the claim, best first; -1 = headline). The strongest finding decides: a conflict
 * on the same event, else a corroboration, else "related" with the closest sentence.
 */
export function judge(
  claim: string,
  report: Pick<Report, 'id' | 'title' | 'sentences'>,
  candidates: number[],
  entities: EntityLookup,
  ctx: CompareContext = {},
): Judgement {
  const compared = candidates.map((i) => ({ i, s: sentenceAt(report, i), c: compareClaims(claim, sentenceAt(report, i), entities, ctx) }));
  // The closest sentence that says something checkable decides (a conflict wins a tie): a report
  // sentence about a neighbouring point must not outvote the one that restates the claim.
  const checkable = compared.filter((x) => x.c.verdict !== 'related').sort((a, b) => b.c.overlap - a.c.overlap || (a.c.verdict === 'conflicts' ? -1 : 1));
  const decisive = checkable[0] ?? [...compared].sort((a, b) => b.c.strength - a.c.strength)[0];
  // the report retells the claim, and elsewhere calls the story itself untrue ("It is a hoax …"): a conflict (debunk.ts)
  const retold = decisive && decisive.c.verdict !== 'conflicts' && (decisive.c.verdict === 'corroborates' || decisive.c.overlap >= RETOLD);
  const sentences = [{ i: -1, text: report.title ?? '' }, ...report.sentences.map((text, i) => ({ i, text }))];
  const debunk = retold ? storyDebunked(claim, claimFrame(claim, entities, ctx.pageYear), sentences, uninformative) : null;
  if (debunk) {
    return {
      verdict: 'conflicts',
      reason: `This page: “stated as fact”. The report: “${debunk.report}” — the story itself.`,
      parts: { page: 'stated as fact', report: debunk.report, context: 'the story itself' },
      sides: null,
      certainty: 'likely',
      strength: 0.6 + 0.4 * Math.min(1, decisive!.c.overlap * 2),
      sentenceIndex: debunk.i,
      sentence: sentenceAt(report, debunk.i),
    };
  }
  // no one sentence states it, but the report does, point by point, in plain assertions
  if (decisive && !checkable.length && statesAcross(claim, claimFrame(claim, entities, ctx.pageYear), compared.map((x) => ({ text: x.s, frame: claimFrame(x.s, entities, ctx.reportYear) })))) {
    return {
      verdict: 'corroborates',
      reason: 'The report states every point of this sentence, across its sentences, in its words or synonyms.',
      parts: null,
      sides: null,
      certainty: 'tentative',
      strength: 0.5,
      sentenceIndex: decisive.i,
      sentence: decisive.s,
    };
  }
  if (!decisive) {
    return { verdict: 'related', reason: 'The report has no sentence about this.', parts: null, sides: null, certainty: 'tentative', strength: 0, sentenceIndex: -1, sentence: report.title ?? '' };
  }
  const sides = decisive.c.verdict !== 'related' ? claimAndDenial(decisive.s) : null;
  if (sides) {
    return {
      verdict: 'disputed',
      reason: `The report gives both sides: ${sides.claim.replace(/[.;,]$/, '')} — and ${sides.denial.replace(/[.;,]$/, '')}.`,
      parts: null,
      sides,
      certainty: certainty(decisive.c),
      strength: decisive.c.strength,
      sentenceIndex: decisive.i,
      sentence: decisive.s,
    };
  }
  const A = claimFrame(claim, entities, ctx.pageYear);
  const B = claimFrame(decisive.s, entities, ctx.reportYear);
  return {
    verdict: decisive.c.verdict,
    closeness: closeness(A, B),
    otherEvent: decisive.c.verdict === 'related' && !decisive.c.sameEvent && [...A.entities.keys()].some((id) => B.entities.has(id)),
    reason: decisive.c.reason,
    parts: decisive.c.parts,
    sides: null,
    certainty: certainty(decisive.c),
    strength: decisive.c.strength,
    sentenceIndex: decisive.i,
    sentence: decisive.s,
  };
}

/** Share of a claim's content words a report must state, in its sentences, to state the claim. */
const STATED_SHARE = 0.5;
/** Debunking words by which a report calls the story itself untrue against a claim stated as fact. */
const UNTRUE_COUNT = 2;

/** A page sentence that asks its claim. */
const QUESTION = /\?\s*["'”’]?\s*$/;

const quoted = (words: string[]) => words.slice(0, 4).map((w) => `“${w}”`).join(', ');

/**
 * How the whole report takes the claim, for a report listed as evidence (`j`, judged sentence by
 * sentence): a report that calls the story untrue as the page does corroborates it; one that calls it
 * untrue, a hoax, fake, again and again, against a page that states it, conflicts; a report that
 * states the claim in a sentence but relays it in a sentence that retells it (reportedly, according
 * to, may) only relates to it; and a report that retells a plain claim, states its names, figures and
 * most of its words, and relays none of it corroborates it.
 * The sentence-level conflicts stand. Every reason names the report's words that show it.
 */
export function reportStance(claim: string, report: Pick<Report, 'id' | 'title' | 'sentences'>, j: Judgement): Judgement {
  if (j.verdict === 'conflicts' || j.verdict === 'disputed') return j;
  const asked = QUESTION.test(claim);
  // a page that asks ("Is the painter in custody?") states nothing a report could corroborate: the report answers, or relays, the question
  if (asked && j.verdict === 'corroborates') {
    return { ...j, verdict: 'related', reason: `This page asks this rather than stating it; the report speaks to it: ${j.reason}`, parts: null, certainty: 'tentative' };
  }
  const own = new Set(contentTokens(claim).filter((x) => !uninformative(x)));
  const shared = (text: string) => new Set(contentTokens(text).filter((x) => own.has(x))).size;
  const about = (text: string) => shared(text) >= 2;
  // a sentence that retells the claim: half its words or more
  const retells = (text: string) => shared(text) >= Math.max(2, own.size / 2);
  const sentences = [{ i: -1, text: report.title ?? '' }, ...report.sentences.map((text, i) => ({ i, text }))];
  if (!sentences.some((s) => about(s.text))) return j;
  const relaying = relayedIn(sentences, about, retells);
  const untrue = untrueIn(sentences);
  // a page that denies the story ("X is not suspended", "won't play") takes the debunking report's side too
  const claimUntrue = claimCallsUntrue(claim) ?? claim.match(/\b(?:not|never|nothing|no longer)\b|\b\w+n[’']t\b/i)?.[0] ?? null;
  const at = (i: number) => ({ sentenceIndex: i, sentence: sentenceAt(report, i) });
  if (claimUntrue && untrue && !asked) {
    return { ...j, ...at(untrue.i), verdict: 'corroborates', reason: `Both call it untrue: this page “${claimUntrue}”, the report “${untrue.report}”.`, parts: null, sides: null, certainty: 'tentative' };
  }
  // a question asks the story, it does not state it; nor does a page negating, hedging or relaying it, or quoting
  // someone saying it (notOwnFact)
  if (!claimUntrue && untrue && untrue.count >= UNTRUE_COUNT && !asked && !notOwnFact(claim)) {
    return {
      ...j,
      ...at(untrue.i),
      verdict: 'conflicts',
      reason: `This page: “stated as fact”. The report: “${untrue.report}” — the story itself.`,
      parts: { page: 'stated as fact', report: untrue.report, context: 'the story itself' },
      sides: null,
      certainty: 'tentative',
    };
  }
  const hedged = relaysItself(claim);
  // a page that relays or hedges its claim ("reportedly", "may") states no fact for a report to corroborate
  if (hedged && j.verdict === 'corroborates') {
    return { ...j, verdict: 'related', reason: `This page relays this (“${hedged}”) rather than stating it; the report speaks to it: ${j.reason}`, parts: null, certainty: 'tentative' };
  }
  // a plain statement: not asked, denied, negated or hedged
  const plain = !asked && !claimUntrue && !/\b(?:should|would|must|may|might|could|if|whether)\b/i.test(claim);
  // the page states it, the report only relays it as hearsay (reportedly, rumours, may); a source named for it
  // ("according to the police", "reports that") is how news states a sourced fact: the same claim from another
  // source corroborates (issue 15, failure kind 4)
  const heard = hearsay(relaying.words);
  if (j.verdict === 'corroborates' && plain && heard.length > 0) {
    return { ...j, ...at(relaying.first!), verdict: 'related', reason: `The report relays this (${quoted(heard)}) rather than stating it as fact.`, parts: null, certainty: 'tentative' };
  }
  // nor does a page that relays or hedges its own claim ("reportedly", "Report: …"): it states no fact for the report to state too
  if (j.verdict === 'related' && plain && !hedged && !untrue && sentences.some((s) => retells(s.text)) && !relaying.relayed && !relayedIn(sentences.slice(0, 3), () => true).relayed) {
    const c = coveredByReport(claim, report);
    // retold by a sentence of the report, none of it relayed; every name and figure of the claim there, its event word, half its words or more
    // (and the claim's predicate said of its names in one sentence: predicateSaid)
    if (!c.missingFacts.length && predicateSaid(claim, sentences.map((s) => s.text)) && c.covered.length >= 3 && c.covered.length >= STATED_SHARE * (c.covered.length + c.missing.length) && !c.missing.some((m) => eventKind(stem(m)))) {
      return { ...j, verdict: 'corroborates', reason: `The report states this as fact, in its own sentences: ${quoted(c.covered)}, none of it relayed or hedged.`, parts: null, certainty: 'tentative' };
    }
  }
  return j;
}
