import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-i18n.ts'],
    // Speed is measured by benchmarks, not by tests: on 2 shared cores a corpus test can need more than 5 s.
    testTimeout: 30_000,
  },
});
