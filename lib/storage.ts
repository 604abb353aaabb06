/** Typed extension storage items (WXT), shared by content script, popup and options page; each has `.watch`. */
import { storage } from 'wxt/utils/storage';
import type { FollowedFeed } from './background/feeds';
import { DEFAULT_PREFERENCES, DEFAULT_READING, type Preferences, type ReadingSettings } from './settings';

/** Sites the reader switched Crosscheck off for (key kept from version 0.1). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export const preferences = storage.defineItem<Preferences>('local:preferences', { fallback: DEFAULT_PREFERENCES });

/** Changes whenever the background re-indexes the corpus, so open tabs and the popup refresh live. */
export const indexVersion = storage.defineItem<string>('local:indexVersion', { fallback: '' });

/**
 * Changes when the evidence index changed without a new index version (it is filled again after an
 * update, or after reports were stored raw), so open tabs judge their sentences again.
 */
export const evidenceStamp = storage.defineItem<number>('local:evidenceStamp', { fallback: 0 });

/** How far an import is: saving its reports, then indexing their terms in the background. */
export type ImportProgress = { done: number; total: number; phase: 'saving' | 'indexing' } | null;

/**
 * Progress of the import running in the background (null when none), so the popup can show a bar.
 * In `local`, not `session`: content scripts (which import this module) may not touch session
 * storage in Chrome, and Firefox's MV2 build has none.
 */
export const importProgress = storage.defineItem<ImportProgress>('local:importProgress', { fallback: null });

/** "Remember what I read" (lib/settings.ts `ReadingSettings`); read through `normaliseReading`. */
export const reading = storage.defineItem<ReadingSettings>('local:reading', { fallback: DEFAULT_READING });

/** The feeds the reader follows, with each one's status (written by the background only). */
export const feeds = storage.defineItem<FollowedFeed[]>('local:feeds', { fallback: [] });

/** How long a feed fetch may take (ms); not shown in the settings: the end-to-end tests store a shorter one. */
export const feedTimeoutMs = storage.defineItem<number | null>('local:feedTimeoutMs', { fallback: null });
