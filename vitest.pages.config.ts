/** `npm run test:pages`: the end-to-end suite over real news pages in CROSSCHECK_PAGES (skips without it). */
import { defineConfig } from 'vitest/config';

if (!process.env.CROSSCHECK_PAGES) console.warn('\n[test:pages] CROSSCHECK_PAGES is not set: skipping the real news pages. Run e.g. CROSSCHECK_PAGES=../shared/data/news-pages npm run test:pages\n');

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.pages.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
