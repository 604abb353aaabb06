/**
 * The popup's "On this page": the page's sentences that reports conflict with, then those they
 * corroborate (sentence, verdict, report, reason; each opens its popover on the page), then the
 * corpus terms the page mentions, as chips that search the corpus.
 */
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { displayTitle } from '../../lib/corpus/display';
import type { PageClaim, PageMention } from '../../lib/messages';

export const PAGE_STRINGS = {
  get heading() {
    return i18n.t('page.heading');
  },
  get noPage() {
    return i18n.t('page.noPage');
  },
  get off() {
    return i18n.t('page.off');
  },
  get none() {
    return i18n.t('page.none');
  },
  get noClaims() {
    return i18n.t('page.noClaims');
  },
  get mentioned() {
    return i18n.t('page.mentioned');
  },
  conflicts: (n: number) => i18n.t('page.conflicts', n),
  corroborates: (n: number) => i18n.t('page.corroborates', n),
  verdict: (v: PageClaim['verdict']) => i18n.t(v === 'conflicts' ? 'popover.conflicts' : 'popover.corroborates'),
  open: (label: string) => i18n.t('page.open', [label]),
  more: (n: number) => i18n.t('page.more', n),
  reports: (n: number) => i18n.t('page.reports', n),
  get fewer() {
    return i18n.t('page.fewer');
  },
  mention: (label: string, n: number) => i18n.t('page.mention', n, [label, String(n)]),
};

/** Claims shown before "show all". */
const FIRST = 4;

interface Props {
  site: string | null;
  mentions: PageMention[] | null;
  claims: PageClaim[];
  enabled: boolean;
  onPick(label: string): void;
  /** scroll the tab to the sentence's mark and open its popover */
  onReveal(termId: string, claim: string): void;
}

function Claim({ c, onReveal }: { c: PageClaim; onReveal: Props['onReveal'] }) {
  const [first] = c.reports;
  if (!first) return null;
  return (
    <li class="claim" data-verdict={c.verdict} data-term={c.termId} data-report-id={first.reportId}>
      <button class="claim-open" title={PAGE_STRINGS.open(c.label)} onClick={() => onReveal(c.termId, c.claim)}>
        <span class="verdict">
          {PAGE_STRINGS.verdict(c.verdict)}
          {c.reports.length > 1 && <span class="claim-count">{PAGE_STRINGS.reports(c.reports.length)}</span>}
        </span>
        <span class="claim-sentence">{c.claim}</span>
        <span class="claim-report">
          <span class="claim-title">{displayTitle(first.title, first.lead)}</span>
          {(first.source || first.date) && <span class="muted"> · {[first.source, first.date].filter(Boolean).join(' · ')}</span>}
        </span>
        <span class="claim-reason">{first.reason}</span>
      </button>
    </li>
  );
}

export function PageMentions({ site, mentions, claims, enabled, onPick, onReveal }: Props) {
  const [all, setAll] = useState(false);
  const nConflicts = claims.filter((c) => c.verdict === 'conflicts').length;
  const nCorroborates = claims.length - nConflicts;
  const shown = all ? claims : claims.slice(0, FIRST);
  return (
    <>
      <div class="section-head">
        <h2 id="h-page">{PAGE_STRINGS.heading}</h2>
        {claims.length > 0 && (
          <p class="tally" id="page-tally">
            {nConflicts > 0 && <span class="n-conflicts">{PAGE_STRINGS.conflicts(nConflicts)}</span>}
            {nCorroborates > 0 && <span class="n-corroborates">{PAGE_STRINGS.corroborates(nCorroborates)}</span>}
          </p>
        )}
      </div>
      {!site || mentions === null ? (
        <p class="muted">{PAGE_STRINGS.noPage}</p>
      ) : !enabled ? (
        <p class="muted">{PAGE_STRINGS.off}</p>
      ) : mentions.length === 0 ? (
        <p class="muted">{PAGE_STRINGS.none}</p>
      ) : (
        <>
          {claims.length === 0 ? (
            <p class="muted" id="no-claims">
              {PAGE_STRINGS.noClaims}
            </p>
          ) : (
            <ul id="page-claims">
              {shown.map((c) => (
                <Claim c={c} key={`${c.verdict}|${c.claim}`} onReveal={onReveal} />
              ))}
            </ul>
          )}
          {claims.length > FIRST && (
            <button class="link claims-more" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? PAGE_STRINGS.fewer : PAGE_STRINGS.more(claims.length - FIRST)}
            </button>
          )}
          <h3>{PAGE_STRINGS.mentioned}</h3>
          <ul class="chips" aria-label={PAGE_STRINGS.mentioned}>
            {mentions.map((m) => (
              <li class="mention" data-term={m.termId} key={m.termId}>
                <button class="mention-search" title={PAGE_STRINGS.mention(m.label, m.count)} onClick={() => onPick(m.label)}>
                  {m.label} <span class="n">{m.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
