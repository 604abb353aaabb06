/** How a report is named and described wherever the UI lists it (popover and popup alike). */
import { i18n } from '#i18n';
import type { Report } from '.';

/** The report's opening words, to name a report that has no headline. */
export function leadOf(r: Pick<Report, 'sentences'> & { text?: string }, words = 12): string {
  const w = (r.sentences[0] ?? r.text ?? '').split(/\s+/);
  return w.length > words ? w.slice(0, words).join(' ') + '…' : w.join(' ');
}

export const DISPLAY_STRINGS = {
  lead: (lead: string) => i18n.t('display.lead', [lead]),
  get noSource() {
    return i18n.t('display.noSource');
  },
  get neither() {
    return i18n.t('display.neither');
  },
  get noDate() {
    return i18n.t('display.noDate');
  },
  by: (author: string) => i18n.t('display.by', [author]),
  get mine() {
    return i18n.t('display.mine');
  },
  get read() {
    return i18n.t('display.read');
  },
};

/** The headline, or the report's opening words in quotes when it has none (never "Untitled"). */
export function displayTitle(title: string | null, lead: string): string {
  return title ?? DISPLAY_STRINGS.lead(lead);
}

/** "source · date · by author · dateline · added by you" (or "you read it"), saying so where the text states nothing. */
export function metaLine(r: Pick<Report, 'source' | 'date' | 'author' | 'dateline' | 'origin'>): string {
  const parts = !r.source && !r.date ? [DISPLAY_STRINGS.neither] : [r.source ?? DISPLAY_STRINGS.noSource, r.date ?? DISPLAY_STRINGS.noDate];
  if (r.author) parts.push(DISPLAY_STRINGS.by(r.author));
  if (r.dateline) parts.push(r.dateline);
  if (r.origin === 'user') parts.push(DISPLAY_STRINGS.mine);
  if (r.origin === 'read') parts.push(DISPLAY_STRINGS.read);
  return parts.join(' · ');
}
