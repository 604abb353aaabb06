/** How a report is named and described wherever the UI lists it (popover and popup alike). */
import type { Report } from '.';

/** The report's opening words, to name a report that has no headline. */
export function leadOf(r: Pick<Report, 'sentences'> & { text?: string }, words = 12): string {
  const w = (r.sentences[0] ?? r.text ?? '').split(/\s+/);
  return w.length > words ? w.slice(0, words).join(' ') + '…' : w.join(' ');
}

export function displayTitle(title: string | null, lead: string): string {
  return title ?? `Untitled report: “${lead}”`;
}

/** "source · date · by author · dateline · added by you", saying so where the text states nothing. */
export function metaLine(r: Pick<Report, 'source' | 'date' | 'author' | 'dateline' | 'origin'>): string {
  const parts = [r.source ?? 'source not stated', r.date ?? 'date not stated'];
  if (r.author) parts.push(`by ${r.author}`);
  if (r.dateline) parts.push(r.dateline);
  if (r.origin === 'user') parts.push('added by you');
  return parts.join(' · ');
}
