import { describe, expect, it } from 'vitest';
import { isSiteEnabled, siteOf, withSite } from '../../lib/settings';

describe('per-site switch', () => {
  it('keys sites by hostname and only for web pages', () => {
    expect(siteOf('https://www.bbc.co.uk/news/x')).toBe('bbc.co.uk');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
  it('adds and removes sites', () => {
    const off = withSite([], 'bbc.co.uk', false);
    expect(isSiteEnabled(off, 'bbc.co.uk')).toBe(false);
    expect(isSiteEnabled(off, 'nytimes.com')).toBe(true);
    expect(withSite(off, 'bbc.co.uk', true)).toEqual([]);
  });
});

describe('preferences', () => {
  it('fills gaps and clamps stored values', async () => {
    const { normalisePreferences, DEFAULT_PREFERENCES } = await import('../../lib/settings');
    expect(normalisePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(normalisePreferences({ hoverDelayMs: 99999, kinds: ['place', 'bogus' as never], scope: 'nowhere' as never })).toEqual({
      ...DEFAULT_PREFERENCES,
      hoverDelayMs: 2000,
      kinds: ['place'],
    });
  });
});
