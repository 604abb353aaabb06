/** One report in the popover: title, meta line, the report's sentence and the plain-words reason. */
import { displayTitle, metaLine } from '../corpus/display';
import type { ExplainItem } from '../messages';

export const ITEM_STRINGS = {
  why: 'Why:',
  confidence: (pct: number) => `(${pct}% confidence)`,
};

export function Item({ it }: { it: ExplainItem }) {
  // tabIndex 0: a keyboard reader can Tab through the reports inside the popover.
  return (
    <li class="cc-item" data-verdict={it.verdict} data-report-id={it.reportId} tabIndex={0}>
      <div class="cc-title">{displayTitle(it.title, it.lead)}</div>
      <div class="cc-meta">{metaLine(it)}</div>
      <blockquote class="cc-sentence">{it.sentence}</blockquote>
      <div class="cc-reason">
        <b>{ITEM_STRINGS.why}</b> {it.reason} <span class="cc-confidence">{ITEM_STRINGS.confidence(Math.round(it.confidence * 100))}</span>
      </div>
    </li>
  );
}
