/** IndexedDB failures (no storage, quota, corruption) turned into messages a reader understands. */

const NAMES = (e: unknown): string[] => {
  const names: string[] = [];
  for (let x = e as { name?: string; inner?: unknown } | undefined, depth = 0; x && depth < 4; x = x.inner as typeof x, depth++) if (x.name) names.push(x.name);
  return names;
};

export const STORAGE_MESSAGES = {
  quota: 'Your browser has no more room for Crosscheck’s reports. Nothing was saved, and nothing already stored was lost. Delete some reports or free disk space, then try again.',
  missing: 'Crosscheck cannot store reports here: this browser’s storage (IndexedDB) is unavailable, for example in a private window or when site data is blocked. Nothing was saved.',
  broken: 'Crosscheck’s report storage could not be read. Your own reports are kept in a backup and will be restored when the extension restarts.',
} as const;

/** The same error when it is already readable; a reader's message for storage failures. */
export function storageError(e: unknown): Error {
  const names = NAMES(e);
  if (names.some((n) => n === 'QuotaExceededError')) return new Error(STORAGE_MESSAGES.quota);
  if (names.some((n) => n === 'MissingAPIError' || n === 'InvalidAccessError' || n === 'SecurityError')) return new Error(STORAGE_MESSAGES.missing);
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'UnknownError' || n === 'DataError' || n === 'VersionError' || n === 'OpenFailedError')) return new Error(STORAGE_MESSAGES.broken);
  return e instanceof Error ? e : new Error(String(e));
}
