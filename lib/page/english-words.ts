/**
 * The content script's English word list. The content build resolves lib/match/english-words.ts to
 * this module (wxt.config.ts), so the 167 KB list stays out of the script every page evaluates: it
 * comes from the background once per page, with the first dictionary, before any matcher is built.
 */
/** The front-coded list (the format of lib/match/english-words.ts); empty until loaded. */
export let ENGLISH_WORDS = '';

let loading: Promise<void> | null = null;

/** Fetches the list once per page (again after a failed try); later calls share the first fetch. */
export function loadEnglishWords(fetch: () => Promise<string>): Promise<void> {
  loading ??= fetch().then(
    (list) => {
      ENGLISH_WORDS = list;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
