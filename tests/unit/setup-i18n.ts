/**
 * Unit tests and node scripts run without an extension, so `browser.i18n` is absent: give
 * @wxt-dev/i18n the same English messages the build writes to _locales/en/messages.json, read from
 * locales/en.yml. A script imports this first: `chrome` exists before @wxt-dev/browser reads it,
 * and gets its messages once the file is read.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

const g = globalThis as { chrome?: { i18n?: unknown } };
const chrome = (g.chrome ??= {});

const messages = generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), 'locales/en.yml')));

function getMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const message = messages[key]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
}

chrome.i18n = { getMessage };
