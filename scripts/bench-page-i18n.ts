/**
 * bench:corpus --browser bundles the store's code into a plain page, which has no `browser.i18n`:
 * the store's messages (only errors, which the bench never shows) read as their keys. Imported
 * first, so `chrome` exists before @wxt-dev/browser reads it (tests/unit/setup-i18n.ts does this in
 * Node, from locales/en.yml, which a page cannot read).
 */
const g = globalThis as { chrome?: { i18n?: unknown } };
(g.chrome ??= {}).i18n = { getMessage: (key: string) => key };
