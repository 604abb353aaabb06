/**
 * Unit tests run without an extension, so `browser.i18n` is absent: give @wxt-dev/i18n the same
 * English messages the build writes to _locales/en/messages.json, read from locales/en.yml.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

const messages = generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), 'locales/en.yml')));

function getMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const message = messages[key]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
}

const g = globalThis as { chrome?: { i18n?: unknown } };
g.chrome = { ...(g.chrome ?? {}), i18n: { getMessage } };
