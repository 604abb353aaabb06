/** One report in the popover: title, meta line, the report's sentence and the plain-words reason. */
import { i18n } from '#i18n';
import { displayTitle, metaLine } from '../corpus/display';
import type { ExplainItem } from '../messages';

export const ITEM_STRINGS = {
  get why() {
    return i18n.t('popover.why');
  },
  get page() {
    return i18n.t('popover.page');
  },
  get report() {
    return i18n.t('popover.report');
  },
  certainty: (c: string) => i18n.t('popover.certainty', [c]),
};

export function Item({ it }: { it: ExplainItem }) {
  // tabIndex 0: a keyboard reader can Tab through the reports inside the popover.
  return (
    <li class="cc-item" data-verdict={it.verdict} data-report-id={it.reportId} tabIndex={0}>
      <div class="cc-title">{displayTitle(it.title, it.lead)}</div>
      <div class="cc-meta">{metaLine(it)}</div>
      <blockquote class="cc-sentence">{it.sentence}</blockquote>
      <div class="cc-reason">
        <b>{ITEM_STRINGS.why}</b>{' '}
        {it.parts ? (
          <>
            {ITEM_STRINGS.page} <mark class="cc-page-words">{it.parts.page}</mark>. {ITEM_STRINGS.report} <mark class="cc-report-words">{it.parts.report}</mark> — {it.parts.context}.
          </>
        ) : (
          it.reason
        )}{' '}
        <span class="cc-certainty">{ITEM_STRINGS.certainty(it.certainty)}</span>
      </div>
    </li>
  );
}
