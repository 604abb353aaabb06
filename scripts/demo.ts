/**
 * npm run demo: builds the extension, opens the bundled demo page in headless Debian Chromium
 * with the extension loaded, prints what it marked and what the popovers say, and saves
 * the screenshots the README shows to docs/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hoverAndRead, launch, markTexts, ROOT, startServer, tabIdOf, until, waitForMarks, waitForNoPopover } from '../tests/e2e/harness';

const out = join(ROOT, 'docs');
mkdirSync(out, { recursive: true });
const { server, origin } = await startServer();
const { browser, worker, extensionId } = await launch();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(`${origin}/demo.html`, { waitUntil: 'load' });
  await until(async () => (await markTexts(page, '#p-late')).length > 0, 10_000, 'late content marked').catch(() => undefined);
  const marks = await waitForMarks(page);
  console.log(`Marked ${marks.length} mentions on ${origin}/demo.html:`);
  for (const m of marks) console.log(`  ${m.text.padEnd(24)} -> ${m.term} (${m.how})`);
  for (const [sel, name] of [
    ['#p-washington crosscheck-mark', 'washington'],
    ['#p-countries crosscheck-mark[data-term="security-guarantees"]', 'security-guarantees'],
    ['#p-trump crosscheck-mark[data-term="donald-trump"]', 'trump'],
  ] as const) {
    const pop = await hoverAndRead(page, sel);
    console.log(`\nPopover for “${pop.term}” — ${pop.count}\n  ${pop.claim}`);
    for (const it of pop.items) console.log(`  [${it.verdict}] ${it.title}\n      ${it.meta}\n      “${it.sentence.slice(0, 140)}”\n      ${it.reason}`);
    await new Promise((r) => setTimeout(r, 400)); // let the popover's fade-in finish
    await page.screenshot({ path: join(out, `demo-${name}.png`) });
    await page.mouse.move(5, 5);
    await waitForNoPopover(page);
  }
  // The popup, pointed at the demo tab, at the size a toolbar popup opens (380 wide, at most 600 high).
  const tabId = await tabIdOf(worker, page);
  const popup = await browser.newPage();
  await popup.setViewport({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#page-mentions .mention');
  await popup.waitForSelector('#page-claims .claim', { timeout: 20_000 }).catch(() => undefined);
  const claims = await popup.$$eval('#page-claims .claim', (els) => els.map((e) => `[${e.getAttribute('data-verdict')}] ${e.querySelector('.claim-sentence')?.textContent?.slice(0, 90)}`));
  console.log(`\nPopup, “On this page”:\n  ${claims.join('\n  ')}`);
  const mentions = await popup.$$eval('#page-mentions .mention', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
  console.log(`  mentioned: ${mentions.join(', ')}`);
  await popup.screenshot({ path: join(out, 'demo-popup.png') });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await popup.screenshot({ path: join(out, 'demo-popup-dark.png') });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  // the corpus half: scrolled down, filters open
  await popup.click('#filters-toggle');
  await popup.$eval('#corpus-pane', (e) => e.scrollIntoView());
  await popup.screenshot({ path: join(out, 'demo-popup-corpus.png') });
  const options = await browser.newPage();
  await options.setViewport({ width: 640, height: 860 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#hover-delay');
  await options.screenshot({ path: join(out, 'demo-options.png') });
  console.log(`\nScreenshots: ${join(out, 'demo-*.png')}`);
} finally {
  await browser.close();
  server.close();
}
