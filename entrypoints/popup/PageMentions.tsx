/**
 * The popup's "On this page" section: the marks a report conflicts with first (each jumps to its
 * mark), then what the tab's content script marked, as chips that search the corpus.
 */
import { i18n } from '#i18n';
import type { PageMention } from '../../lib/messages';

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
  conflict: (label: string, n: number) => i18n.t('page.conflict', n, [label, String(n)]),
};

interface Props {
  site: string | null;
  mentions: PageMention[] | null;
  enabled: boolean;
  onPick(label: string): void;
  /** scroll the tab to the term's first mark and open its popover */
  onReveal(termId: string): void;
}

export function PageMentions({ site, mentions, enabled, onPick, onReveal }: Props) {
  const conflicts = mentions?.filter((m) => m.conflicts > 0) ?? [];
  return (
    <section id="page-mentions">
      <h2>{PAGE_STRINGS.heading}</h2>
      {!site || mentions === null ? (
        <p class="muted">{PAGE_STRINGS.noPage}</p>
      ) : !enabled ? (
        <p class="muted">{PAGE_STRINGS.off}</p>
      ) : mentions.length === 0 ? (
        <p class="muted">{PAGE_STRINGS.none}</p>
      ) : (
        <>
          {conflicts.length > 0 && (
            <ul id="page-conflicts">
              {conflicts.map((m) => (
                <li class="conflict" data-term={m.termId} key={m.termId}>
                  <button onClick={() => onReveal(m.termId)}>{PAGE_STRINGS.conflict(m.label, m.conflicts)}</button>
                </li>
              ))}
            </ul>
          )}
        <ul class="chips">
          {mentions.map((m) => (
            <li class="mention" data-term={m.termId} key={m.termId}>
              <button onClick={() => onPick(m.label)}>
                {m.label} <span class="n">{m.count}</span>
              </button>
            </li>
          ))}
        </ul>
        </>
      )}
    </section>
  );
}
