/**
 * The extension's message catalogue where the browser gives no i18n API: Chrome's offscreen
 * document has only `runtime` (it answers hovers, whose notices are in the catalogue). The
 * catalogue WXT built (_locales/<lang>/messages.json) is read once and served as `i18n.getMessage`
 * would, $1…$9 filled from the substitutions.
 */
import { browser } from 'wxt/browser';

type Messages = Record<string, { message: string }>;

/** getMessage over one catalogue, as Chrome's: unknown names give '', `$n` the nth substitution, `$$` a dollar. */
export function messageReader(messages: Messages): (name: string, subs?: string | string[]) => string {
  return (name, subs) => {
    const entry = messages[name];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
  };
}

/** The catalogue's languages to try, best first: the UI language, its base, then the default. */
export function catalogueLanguages(ui: string, fallback = 'en'): string[] {
  const lang = ui.replace('-', '_');
  return [...new Set([lang, lang.split('_')[0]!, fallback])];
}

/** Give this context an `i18n.getMessage` read from the bundled catalogue, unless it has one. */
export async function installCatalogue(): Promise<void> {
  const api = browser as unknown as { i18n?: unknown };
  if (api.i18n) return;
  for (const lang of catalogueLanguages(navigator.language)) {
    const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/'))
      .then((r) => (r.ok ? r : null))
      .catch(() => null);
    if (!response) continue;
    const getMessage = messageReader((await response.json()) as Messages);
    api.i18n = { getMessage, getUILanguage: () => navigator.language };
    return;
  }
}
