/** `npm run test:pages`: the end-to-end suite over real news pages in CROSSCHECK_PAGES (skips without it). */
import { defineConfig } from 'vitest/config';

const pages = process.env.CROSSCHECK_PAGES;
if (!pages) console.warn('\n[test:pages] CROSSCHECK_PAGES is not set: no real news page was tested. Run e.g. CROSSCHECK_PAGES=../shared/data/news-pages npm run test:pages\n');

export default defineConfig({
  test: {
    include: pages ? ['tests/e2e/**/*.pages.test.ts'] : [],
    passWithNoTests: true,
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
