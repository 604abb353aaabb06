/**
 * End-to-end over a folder of real news pages (optional data, never committed):
 * `CROSSCHECK_PAGES=DIR npm run test:pages`. Without CROSSCHECK_PAGES, vitest.pages.config.ts runs
 * no file and says what was not tested.
 */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMarks, hoverAndRead, launch, NEWS_PAGES, openLocal, pageState, readMarks, startServer, until, waitForMarks } from './harness';

if (!NEWS_PAGES) throw new Error('Set CROSSCHECK_PAGES to a folder of saved news pages (npm run test:pages).');
{
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, origin } = await startServer());
    ({ browser } = await launch());
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const open = (path: string) => openLocal(browser, origin, path);

  // nytimes-2 names Trump/U.S. only in its navigation and lists of other stories: site chrome, not marked in article scope.
  const WITH_MENTIONS = ['bbc-1', 'cnn', 'msn', 'nytimes-1', 'wapo-1', 'yahoo-1'];
  const ALL_NEWS = readdirSync(NEWS_PAGES!).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).sort();

  describe('real news pages', () => {
    for (const name of ALL_NEWS) {
      const expectMarks = WITH_MENTIONS.includes(name);
      it(`${name}: ${expectMarks ? 'marks corpus mentions' : 'runs'} without errors from the extension`, async () => {
        const { page, errors } = await open(`/news/${name}.html`);
        try {
          await until(async () => (await pageState(page))?.enabled, 20_000, 'the content script');
          const marks = expectMarks ? await waitForMarks(page, 1, 20_000) : await readMarks(page);
          if (expectMarks) expect(marks.length).toBeGreaterThan(0);
          for (const m of marks) {
            expect(m.term).toMatch(/^[a-z0-9-]+$/);
            // Never a generic word alone: a name/acronym (capitalised) or a multi-word phrase.
            expect(/\p{Lu}/u.test(m.text) || m.text.trim().includes(' ')).toBe(true);
          }
          // Marks sit in readable text only.
          const bad = await countMarks(page, 'script,style,textarea,input,[contenteditable="true"],pre,code');
          expect(bad).toBe(0);
          expect(errors.filter((e) => /chrome-extension|crosscheck|content\.js/i.test(e))).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }

    it('hovering a mark on a news page lists the reports', async () => {
      const { page } = await open('/news/nytimes-1.html');
      try {
        await waitForMarks(page, 1, 20_000);
        const sel = 'crosscheck-mark[data-term="donald-trump"]';
        const pop = await hoverAndRead(page, sel);
        expect(pop.term).toBe('Donald Trump');
        expect(pop.items.length).toBe(3);
        expect(pop.items.every((i) => i.sentence.includes('Trump'))).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
}
