/** npm run icons: renders public/icons/icon.svg to the PNG sizes the stores and browsers ask for, in Debian Chromium. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { chromiumPath, ROOT } from '../tests/e2e/harness';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const dir = join(ROOT, 'public/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`, { waitUntil: 'load' });
    await page.screenshot({ path: join(dir, `${size}.png`) as `${string}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`public/icons/${size}.png`);
  }
} finally {
  await browser.close();
}
