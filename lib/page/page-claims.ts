/**
 * The page's claims at a glance (the popup's "On this page"): each page sentence a report conflicts
 * with or corroborates, as far as the sentences have been judged, conflicts first, then page order.
 * One entry per sentence and verdict, naming each report once, however many marked terms the
 * sentence holds. Pure.
 */
import type { ExplainReply, PageClaim } from '../messages';

export interface JudgedMark {
  termId: string;
  label: string;
  /** the page sentence around the mark */
  claim: string;
  reply: ExplainReply | null | undefined;
}

export function pageClaims(marks: readonly JudgedMark[]): PageClaim[] {
  const bySentence = new Map<string, PageClaim>();
  for (const m of marks) {
    for (const it of m.reply?.items ?? []) {
      if (it.verdict !== 'conflicts' && it.verdict !== 'corroborates') continue;
      const key = `${it.verdict}\u0000${m.claim}`;
      let c = bySentence.get(key);
      if (!c) bySentence.set(key, (c = { termId: m.termId, label: m.label, claim: m.claim, verdict: it.verdict, reports: [] }));
      if (c.reports.some((r) => r.reportId === it.reportId)) continue;
      c.reports.push({ reportId: it.reportId, title: it.title, lead: it.lead, source: it.source, date: it.date, reason: it.reason });
    }
  }
  const rank = (c: PageClaim) => (c.verdict === 'conflicts' ? 0 : 1);
  // Array.prototype.sort is stable: page order is kept within each verdict
  return [...bySentence.values()].sort((a, b) => rank(a) - rank(b));
}
