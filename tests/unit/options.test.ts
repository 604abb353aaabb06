/** The options page's edits: preferences stay valid, kinds keep their order, typed sites become site keys. */
import { describe, expect, it } from 'vitest';
import { siteFromInput, updatePreferences, withKind } from '../../entrypoints/options/edit';
import { DEFAULT_PREFERENCES } from '../../lib/settings';

describe('updatePreferences', () => {
  it('applies a change and keeps the rest', () => {
    expect(updatePreferences(DEFAULT_PREFERENCES, { fuzzy: false })).toEqual({ ...DEFAULT_PREFERENCES, fuzzy: false });
    expect(updatePreferences(DEFAULT_PREFERENCES, { scope: 'everywhere' }).scope).toBe('everywhere');
  });
  it('clamps and rounds the hover delay', () => {
    expect(updatePreferences(DEFAULT_PREFERENCES, { hoverDelayMs: 5000 }).hoverDelayMs).toBe(2000);
    expect(updatePreferences(DEFAULT_PREFERENCES, { hoverDelayMs: -10 }).hoverDelayMs).toBe(0);
    expect(updatePreferences(DEFAULT_PREFERENCES, { hoverDelayMs: 249.6 }).hoverDelayMs).toBe(250);
    expect(updatePreferences(DEFAULT_PREFERENCES, { hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(DEFAULT_PREFERENCES.hoverDelayMs);
  });
  it('restores the defaults', () => {
    const changed = updatePreferences(DEFAULT_PREFERENCES, { fuzzy: false, kinds: ['topic'], hoverDelayMs: 900 });
    expect(updatePreferences(changed, DEFAULT_PREFERENCES)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('withKind', () => {
  it('switches one kind off and on again, in the canonical order', () => {
    const noPlaces = withKind(DEFAULT_PREFERENCES.kinds, 'place', false);
    expect(noPlaces).toEqual(['person', 'organization', 'topic']);
    expect(withKind(noPlaces, 'place', true)).toEqual(['person', 'place', 'organization', 'topic']);
    expect(withKind(['topic'], 'person', true)).toEqual(['person', 'topic']);
    expect(withKind(['topic'], 'topic', false)).toEqual([]);
  });
});

describe('siteFromInput', () => {
  it('takes a host name, with or without www.', () => {
    expect(siteFromInput('bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteFromInput('  WWW.BBC.co.uk ')).toBe('bbc.co.uk');
    expect(siteFromInput('localhost')).toBe('localhost');
    expect(siteFromInput('127.0.0.1:8080')).toBe('127.0.0.1');
  });
  it('takes a page address', () => {
    expect(siteFromInput('https://www.nytimes.com/2025/12/01/world/europe/ukraine.html')).toBe('nytimes.com');
    expect(siteFromInput('http://example.org/a?b=c')).toBe('example.org');
  });
  it('refuses what is not a site', () => {
    expect(siteFromInput('')).toBeNull();
    expect(siteFromInput('not a site')).toBeNull();
    expect(siteFromInput('bbc')).toBeNull();
    expect(siteFromInput('ftp://example.org/file')).toBeNull();
    expect(siteFromInput('chrome://extensions')).toBeNull();
    expect(siteFromInput('exa_mple.com')).toBeNull();
  });
});
