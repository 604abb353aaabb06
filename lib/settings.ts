/** The reader's settings: per-site switch and preferences (pure: types, defaults and rules). */
import type { TermKind } from './corpus/terms';

export type MarkScope = 'article' | 'everywhere';

export interface Preferences {
  /** how long the pointer rests on a mark before its popover opens */
  hoverDelayMs: number;
  /** which kinds of terms are marked */
  kinds: TermKind[];
  /** mark misspellings (Witkof → Witkoff) */
  fuzzy: boolean;
  /** mark only the article's main text, or everywhere on the page */
  scope: MarkScope;
}

export const TERM_KINDS: readonly TermKind[] = ['person', 'place', 'organization', 'topic'];

export const DEFAULT_PREFERENCES: Preferences = {
  hoverDelayMs: 350,
  kinds: [...TERM_KINDS],
  fuzzy: true,
  scope: 'article',
};

/** Fill gaps and drop out-of-range values from stored preferences (older versions, hand edits). */
export function normalisePreferences(p: Partial<Preferences> | null | undefined): Preferences {
  const d = DEFAULT_PREFERENCES;
  const delay = Number(p?.hoverDelayMs);
  return {
    hoverDelayMs: Number.isFinite(delay) ? Math.min(2000, Math.max(0, Math.round(delay))) : d.hoverDelayMs,
    kinds: Array.isArray(p?.kinds) ? TERM_KINDS.filter((k) => p!.kinds!.includes(k)) : [...d.kinds],
    fuzzy: typeof p?.fuzzy === 'boolean' ? p.fuzzy : d.fuzzy,
    scope: p?.scope === 'everywhere' || p?.scope === 'article' ? p.scope : d.scope,
  };
}

/** The site key for a URL: its hostname without "www."; null for pages the extension cannot act on. */
export function siteOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function isSiteEnabled(disabled: readonly string[] | undefined, site: string | null): boolean {
  return !!site && !(disabled ?? []).includes(site);
}

export function withSite(disabled: readonly string[] | undefined, site: string, enabled: boolean): string[] {
  const set = new Set(disabled ?? []);
  if (enabled) set.delete(site);
  else set.add(site);
  return [...set].sort();
}

/** "Remember what I read": off until the reader turns it on; per site; paused from the popup. */
export interface ReadingSettings {
  on: boolean;
  paused: boolean;
  /** sites where reading is never remembered */
  offSites: string[];
  /**
   * How long an article stays in front (visible and focused) before it is remembered. Not shown in
   * the settings; the end-to-end tests store a shorter one.
   */
  dwellMs: number;
}

export const DEFAULT_READING: ReadingSettings = { on: false, paused: false, offSites: [], dwellMs: 30_000 };

export function normaliseReading(r: Partial<ReadingSettings> | null | undefined): ReadingSettings {
  const d = DEFAULT_READING;
  const dwell = Number(r?.dwellMs);
  return {
    on: r?.on === true,
    paused: r?.paused === true,
    offSites: Array.isArray(r?.offSites) ? [...new Set(r.offSites.filter((s): s is string => typeof s === 'string'))].sort() : [],
    dwellMs: Number.isFinite(dwell) ? Math.min(600_000, Math.max(1_000, Math.round(dwell))) : d.dwellMs,
  };
}

/** Whether an article read on `site` is to be remembered now. */
export function remembersOn(r: ReadingSettings, site: string | null): boolean {
  return r.on && !r.paused && !!site && !r.offSites.includes(site);
}

/** The host permission pattern for a URL's host (any port): what the reader is asked to grant for a feed. */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
