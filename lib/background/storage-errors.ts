/** IndexedDB failures (no storage, quota, corruption) turned into messages a reader understands. */
import { i18n } from '#i18n';

const NAMES = (e: unknown): string[] => {
  const names: string[] = [];
  for (let x = e as { name?: string; inner?: unknown } | undefined, depth = 0; x && depth < 4; x = x.inner as typeof x, depth++) if (x.name) names.push(x.name);
  return names;
};

export const STORAGE_MESSAGES = {
  get quota() {
    return i18n.t('errors.storageQuota');
  },
  get missing() {
    return i18n.t('errors.storageMissing');
  },
  get broken() {
    return i18n.t('errors.storageBroken');
  },
};

/** The same error when it is already readable; a reader's message for storage failures. */
export function storageError(e: unknown): Error {
  const names = NAMES(e);
  if (names.some((n) => n === 'QuotaExceededError')) return new Error(STORAGE_MESSAGES.quota);
  if (names.some((n) => n === 'MissingAPIError' || n === 'InvalidAccessError' || n === 'SecurityError')) return new Error(STORAGE_MESSAGES.missing);
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'UnknownError' || n === 'DataError' || n === 'VersionError' || n === 'OpenFailedError')) return new Error(STORAGE_MESSAGES.broken);
  return e instanceof Error ? e : new Error(String(e));
}
