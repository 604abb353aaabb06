import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** PNGs rendered from public/icons/icon.svg by `npm run icons`. */
const icons = Object.fromEntries([16, 32, 48, 96, 128].map((s) => [s, `icons/${s}.png`]));

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Firefox gets Manifest V2 (WXT's default there): a background page with persistent scripts and host
  // access granted at install, like Chrome's MV3 build; lib/background/badge.ts picks browserAction.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons,
    // alarms: fetching followed feeds; offscreen (Chrome): a DOM to read them in. Host access for a
    // feed is asked for when the reader adds it, for that host only (optional host permissions).
    permissions: ['storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] as never } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // "Check with Crosscheck" for the selection (lib/background/context-menu.ts); the reader can change it
    // (chrome://extensions/shortcuts, Firefox's add-ons manager)
    commands: {
      'check-selection': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_check_command__' },
    },
    // The popover is the extension's own page in an iframe (lib/page/popover-frame.ts): pages may load
    // it, in Chrome only through a URL that changes every session (it cannot be probed for).
    web_accessible_resources:
      browser === 'firefox'
        ? (['popover.html'] as never)
        : [{ resources: ['popover.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'crosscheck@crosscheck.invalid',
          strict_min_version: '140.0',
          // Firefox's data-consent declaration: Crosscheck collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  // CROSSCHECK_PROFILE=1 npm run build: unminified background and pages, so a CPU profile (BENCH_PROFILE) names functions
  vite: () => ({ plugins: [preact()], ...(process.env.CROSSCHECK_PROFILE && { build: { minify: false } }) }),
  hooks: {
    // The content script's lifetime is ours (lib/page/lifetime.ts), not WXT's context: that one posts
    // the extension id to the page's window and ends on a document event the page can replay.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = { find: /^wxt\/utils\/content-script-context$/, replacement: resolve(import.meta.dirname, 'lib/page/lifetime.ts') };
      config.resolve ??= {};
      const had = config.resolve.alias;
      config.resolve.alias = Array.isArray(had) ? [alias, ...had] : [alias, ...Object.entries(had ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
      // The English word list (lib/match/english-words.ts, most of the script's size) comes from the
      // background at run time instead (lib/page/english-words.ts).
      const words = resolve(import.meta.dirname, 'lib/match/english-words.ts');
      const fromBackground = resolve(import.meta.dirname, 'lib/page/english-words.ts');
      // Evaluated on every page the reader opens: terser's two passes take ~4% off esbuild's gzipped size.
      config.build ??= {};
      config.build.minify = 'terser';
      config.build.terserOptions = { ecma: 2020, toplevel: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } };
      config.plugins = [
        {
          name: 'crosscheck:english-words-from-background',
          enforce: 'pre',
          async resolveId(source, importer, options) {
            if (!source.includes('english-words')) return null;
            const found = await this.resolve(source, importer, { ...options, skipSelf: true });
            return found?.id === words ? fromBackground : null;
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
});
