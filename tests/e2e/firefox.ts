/** Debian's firefox-esr through Puppeteer (WebDriver BiDi) with the BUILT Firefox extension (.output/firefox-mv2) installed as a temporary add-on. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { ROOT, until } from './harness';

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

/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'crosscheck@crosscheck.invalid';
/**
 * Firefox gives each install a random internal UUID (moz-extension://UUID/); the pref
 * `extensions.webextensions.uuids` maps an add-on id to a fixed one, so tests can open its pages.
 */
export const FIREFOX_UUID = '3c0c5e1e-6b0a-4d1c-9a57-5c2f1a0e7c11';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

/** Launches firefox-esr headless and installs the built extension; returns its add-on id and its pages' origin. */
export async function launchFirefox(): Promise<{ browser: Browser; addonId: string; extensionOrigin: string }> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('Build the Firefox extension first: npm run build:firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // WebDriver BiDi navigates only to http(s)/file/blob unless system access is allowed: the add-on's
    // own pages (moz-extension://) need it
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...QUIET_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  const addonId = await browser.installExtension(FIREFOX_EXTENSION);
  return { browser, addonId, extensionOrigin: FIREFOX_ORIGIN };
}

/**
 * The text of the popover's frame (moz-extension://…/popover.html), '' when there is none. The
 * pages under test have no frames of their own; Puppeteer over BiDi lists the popover's frame with
 * the URL about:blank, so every child frame is read.
 */
export async function popoverText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  return texts.join('\n');
}

/**
 * Load an extension page in a tab. The page loads in the extension's process, and Puppeteer over
 * BiDi does not see that navigation finish (page.goto times out, page.url() stays about:blank), but
 * scripts and input reach the new document: so start the navigation, then wait for the page itself.
 */
export async function navigate(p: Page, url: string, ready: string): Promise<void> {
  void p.goto(url, { timeout: 60_000 }).catch(() => undefined);
  // asked again until the new document answers: while the document is swapped an evaluation can fail
  await until(
    () => p.evaluate((u, sel) => location.href === u && document.readyState === 'complete' && !!document.querySelector(sel), url, ready).catch(() => false),
    20_000,
    `${url} showing ${ready}`,
  );
}

/** An extension page (`path` under moz-extension://UUID/) in a new tab, once `ready` matches; its page errors go to `errors`. */
export async function openExtensionPage(browser: Browser, path: string, ready: string, errors: string[]): Promise<Page> {
  const p = await browser.newPage();
  p.on('pageerror', (e) => errors.push(`pageerror ${path}: ${(e as Error).message}`));
  await p.setViewport({ width: 380, height: 600 });
  await navigate(p, `${FIREFOX_ORIGIN}/${path}`, ready);
  return p;
}
