/**
 * End-to-end: evidence by claim in the BUILT extension (Chromium + Puppeteer). On a page of our own
 * (tests/pages/evidence.html) the popover shows a day conflict, a count conflict, a paraphrased
 * corroboration and a disputed report; on a page about another story (tests/pages/other-story.html)
 * nothing is corroborated, and an Italian sentence is not judged.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMarks, hoverAndRead, launch, locateMark, openLocal, startServer, waitForMarks, waitForNoPopover, waitForPopover } from './harness';

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

async function close(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await waitForNoPopover(page);
}

describe('evidence on a page about the seed story', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await openLocal(browser, origin, '/pages/evidence.html'));
    await waitForMarks(page, 4);
  });

  it('a day conflict: Saturday on the page, Monday in the report, the same meeting in Kyiv', async () => {
    const pop = await hoverAndRead(page, '#p-day crosscheck-mark[data-term="kyiv"]');
    const conflict = pop.items.find((i) => i.verdict === 'conflicts');
    expect(conflict?.sentence).toContain('met in Kyiv on Monday');
    expect(conflict?.reason).toMatch(/This page: Saturday\. The report: Monday — the same meeting in Kyiv\./);
    expect(conflict?.reason).not.toMatch(/%/);
    expect(pop.items.length).toBeLessThanOrEqual(5);
    await close(page);
  });

  it('a count conflict: 15 countries against 18, from a sentence found by claim', async () => {
    const pop = await hoverAndRead(page, '#p-count crosscheck-mark[data-term="volodymyr-zelensky"]');
    const conflict = pop.items.find((i) => i.verdict === 'conflicts');
    expect(conflict?.sentence).toContain('18 countries');
    expect(conflict?.reason).toMatch(/This page: 15 countries\. The report: 18 countries/);
    await close(page);
  });

  it('a paraphrased corroboration: “joined by video link” = “participated virtually”', async () => {
    const pop = await hoverAndRead(page, '#p-paraphrase crosscheck-mark[data-term="steve-witkoff"]');
    const agree = pop.items.find((i) => i.verdict === 'corroborates');
    expect(agree?.sentence).toContain('participated virtually');
    expect(agree?.reason).toMatch(/^Why: /);
    await close(page);
  });

  it('a claim and its denial in one report is shown as disputed, with both sides', async () => {
    const pop = await hoverAndRead(page, '#p-disputed crosscheck-mark[data-term="vladimir-putin"]');
    const disputed = pop.items.find((i) => i.verdict === 'disputed');
    expect(disputed?.reason).toMatch(/Moscow also claimed.*Kyiv denied/);
    await close(page);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('a page about another story', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openLocal(browser, origin, '/pages/other-story.html'));
    await waitForMarks(page, 2);
  });

  it('shares names and places with the corpus but is never corroborated', async () => {
    for (const sel of ['#p-jobs crosscheck-mark[data-term="united-states"]', '#p-tariffs crosscheck-mark[data-term="donald-trump"]', '#p-paris crosscheck-mark[data-term="paris"]']) {
      if (!(await countMarks(page, sel))) continue; // a term the matcher does not mark here has no popover to check
      const pop = await hoverAndRead(page, sel);
      expect(pop.items.length).toBeGreaterThan(0);
      expect(pop.items.filter((i) => i.verdict === 'corroborates'), sel).toEqual([]);
      // a title is a fact about the person whatever the story ("President" here, "former U.S. President"
      // in a report); no other slot may conflict across stories
      expect(pop.items.filter((i) => i.verdict === 'conflicts' && !/President/.test(i.reason)), sel).toEqual([]);
      await close(page);
    }
    expect(await countMarks(page, '#p-jobs crosscheck-mark[data-term="united-states"]')).toBeGreaterThan(0);
  });

  it('says so instead of judging a sentence in Italian', async () => {
    const { x, y } = await locateMark(page, '#p-italian crosscheck-mark');
    await page.mouse.move(x, y);
    const pop = await waitForPopover(page);
    expect(pop.notice).toMatch(/not in English/);
    expect(pop.items).toEqual([]);
    await close(page);
  });
});
