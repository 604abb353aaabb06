import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Crosscheck',
    description: 'Read the news with context: marks what your local corpus of reports knows about and shows which reports corroborate or conflict.',
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Crosscheck' },
  },
  vite: () => ({ plugins: [preact()] }),
});
