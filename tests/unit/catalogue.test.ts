/** The message catalogue read from the bundle where a context has no i18n API (Chrome's offscreen document). */
import { describe, expect, it, vi } from 'vitest';

const api: { runtime: { getURL(p: string): string }; i18n?: { getMessage(name: string, subs?: string[]): string } } = {
  runtime: { getURL: (p) => `chrome-extension://x${p}` },
};
vi.mock('wxt/browser', () => ({ browser: api }));
const { catalogueLanguages, installCatalogue, messageReader } = await import('../../lib/background/catalogue');

describe('catalogue', () => {
  it('reads messages as Chrome does: substitutions by position, a dollar kept, unknown names empty', () => {
    const read = messageReader({ app_reports: { message: '$1 reports' }, price: { message: 'Costs $$$1 ($2)' }, plain: { message: 'Settings' } });
    expect(read('app_reports', ['12'])).toBe('12 reports');
    expect(read('app_reports', '3')).toBe('3 reports');
    expect(read('price', ['5'])).toBe('Costs $5 ()');
    expect(read('plain')).toBe('Settings');
    expect(read('missing')).toBe('');
  });

  it('tries the UI language, its base, then the default', () => {
    expect(catalogueLanguages('pt-BR')).toEqual(['pt_BR', 'pt', 'en']);
    expect(catalogueLanguages('en-GB')).toEqual(['en_GB', 'en']);
    expect(catalogueLanguages('en')).toEqual(['en']);
  });

  it('installs getMessage from the first catalogue the bundle has, and leaves a real i18n API alone', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/_locales/en/messages.json') ? new Response(JSON.stringify({ popover_notEnglish: { message: 'Not in English.' } })) : new Response('', { status: 404 }),
    );
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('navigator', { language: 'de-AT' });
    await installCatalogue();
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['chrome-extension://x/_locales/de_AT/messages.json', 'chrome-extension://x/_locales/de/messages.json', 'chrome-extension://x/_locales/en/messages.json']);
    expect(api.i18n!.getMessage('popover_notEnglish')).toBe('Not in English.');
    const installed = api.i18n;
    await installCatalogue();
    expect(api.i18n).toBe(installed);
    expect(fetch).toHaveBeenCalledTimes(3);
    vi.unstubAllGlobals();
  });
});
