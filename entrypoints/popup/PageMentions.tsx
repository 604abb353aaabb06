/** The popup's "On this page" section: what the tab's content script marked, as chips that search the corpus. */
import type { PageMention } from '../../lib/messages';

export const PAGE_STRINGS = {
  heading: 'On this page',
  noPage: 'Open a news page to see its mentions.',
  off: 'Switched off for this site.',
  none: 'Nothing from your corpus is mentioned here.',
} as const;

interface Props {
  site: string | null;
  mentions: PageMention[] | null;
  enabled: boolean;
  onPick(label: string): void;
}

export function PageMentions({ site, mentions, enabled, onPick }: Props) {
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
        <ul class="chips">
          {mentions.map((m) => (
            <li class="mention" data-term={m.termId} key={m.termId}>
              <button onClick={() => onPick(m.label)}>
                {m.label} <span class="n">{m.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
