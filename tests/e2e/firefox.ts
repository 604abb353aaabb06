/** Debian's firefox-esr through Puppeteer (WebDriver BiDi) with the BUILT Firefox extension (.output/firefox-mv2) installed as a temporary add-on. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { ROOT } from './harness';

export const FIREFOX_EXTENSION = join(ROOT, '.output/firefox-mv2');

export function firefoxPath(): string {
  const p = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(p)) throw new Error(`Firefox not found at ${p}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  return p;
}

/** Network closed: no updates, telemetry, safe-browsing lists or remote settings. */
const QUIET_PREFS = {
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
};

/** Launches firefox-esr headless and installs the built extension; returns its add-on id. */
export async function launchFirefox(): Promise<{ browser: Browser; addonId: string }> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('Build the Firefox extension first: npm run build:firefox');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true, extraPrefsFirefox: QUIET_PREFS });
  const addonId = await browser.installExtension(FIREFOX_EXTENSION);
  return { browser, addonId };
}
