/**
 * "Check with Crosscheck" in the background, the parts that differ from a hover: which corpus term
 * a selected sentence is read by (the rarest person it names, else organisation, place, topic: as a
 * hover starts from its mark), and one
 * verdict per report over the selection's sentences, strongest first. Pure.
 */
import type { JudgedReport } from '../evidence/judged';
import { VERDICTS } from '../stance';
import type { EntityLookup } from '../stance/claims';

/** Who or what a sentence is about, first: a person, an organisation, a place, then a topic ("capital city", "ceasefire deal"). */
const KIND_ORDER = ['person', 'organization', 'place', 'topic'];

/** The corpus terms a text names, each once: people first, then organisations, places and topics; within a kind the rarest (fewest reports) first. */
export function termsNamed(text: string, entities: EntityLookup, reportCount: (termId: string) => number): string[] {
  const kinds = new Map(entities.find(text).map((e) => [e.id, KIND_ORDER.indexOf(e.kind) < 0 ? KIND_ORDER.length : KIND_ORDER.indexOf(e.kind)]));
  return [...kinds.keys()].sort((a, b) => kinds.get(a)! - kinds.get(b)! || reportCount(a) - reportCount(b));
}

/** Conflicts first, then disputed, corroborates, related; within a verdict, the stronger evidence first. */
export function byVerdict(a: JudgedReport, b: JudgedReport): number {
  return VERDICTS.indexOf(a.judgement.verdict) - VERDICTS.indexOf(b.judgement.verdict) || b.judgement.strength - a.judgement.strength;
}

/** Each report once, with its strongest verdict on any of the sentences, in popover order. */
export function strongestPerReport(perSentence: JudgedReport[][]): JudgedReport[] {
  const best = new Map<string, JudgedReport>();
  for (const j of perSentence.flat()) {
    const had = best.get(j.report.id);
    if (!had || byVerdict(j, had) < 0) best.set(j.report.id, j);
  }
  return [...best.values()].sort(byVerdict);
}
