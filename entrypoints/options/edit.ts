/** The options page's edits, pure: each takes the stored value and returns the next one. */
import type { TermKind } from '../../lib/corpus/terms';
import { normalisePreferences, siteOf, TERM_KINDS, type Preferences } from '../../lib/settings';

/** Apply a change to the preferences; the result is always valid (delay clamped, kinds in canonical order). */
export function updatePreferences(prev: Preferences, patch: Partial<Preferences>): Preferences {
  return normalisePreferences({ ...prev, ...patch });
}

/** The kinds list with one kind switched on or off. */
export function withKind(kinds: readonly TermKind[], kind: TermKind, on: boolean): TermKind[] {
  return TERM_KINDS.filter((k) => (k === kind ? on : kinds.includes(k)));
}

/**
 * The site key for what a reader typed: a host name ("bbc.co.uk", "www.bbc.co.uk") or a page address
 * ("https://www.bbc.co.uk/news/x"). Null when it is not a site (no dot, spaces, another scheme).
 */
export function siteFromInput(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t || /\s/.test(t)) return null;
  if (t.includes('://') && !/^https?:\/\//.test(t)) return null;
  const site = siteOf(t.includes('://') ? t : `https://${t}`);
  if (!site || !/^[a-z0-9.-]+$/.test(site)) return null;
  return site.includes('.') || site === 'localhost' ? site : null;
}
