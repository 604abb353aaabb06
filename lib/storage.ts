/** Typed extension storage items (WXT), shared by content script, popup and options page; each has `.watch`. */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PREFERENCES, type Preferences } from './settings';

/** Sites the reader switched Crosscheck off for (key kept from version 0.1). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export const preferences = storage.defineItem<Preferences>('local:preferences', { fallback: DEFAULT_PREFERENCES });

/** Changes whenever the background re-indexes the corpus, so open tabs and the popup refresh live. */
export const indexVersion = storage.defineItem<string>('local:indexVersion', { fallback: '' });

/** Progress of the import running in the background (null when none), so the popup can show a bar. Local, not session: content scripts import this module and may not touch session storage. */
export const importProgress = storage.defineItem<{ done: number; total: number } | null>('local:importProgress', { fallback: null });
