/** Per-site switch, kept in extension storage so every tab and the popup see the same value. */
export const DISABLED_SITES_KEY = 'disabledSites';

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
