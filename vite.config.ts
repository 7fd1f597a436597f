import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './scripts/lib/contentSecurityPolicy.ts';

/** The site's Content-Security-Policy as a <meta> in the built index.html (see the policy's file). */
const contentSecurityPolicy = (): Plugin => ({
  name: 'cachescope:content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * React Router 7's package exports name only its development build, whose dev warnings stay on in
 * production (remix-run/react-router#14102). The build takes the production one instead, which
 * differs only in that switch; the dev server and the tests keep the warnings.
 */
const reactRouterProductionBuild = (): Plugin => ({
  name: 'cachescope:react-router-production-build',
  apply: 'build',
  config: () => ({
    resolve: {
      alias: [
        {
          find: /^react-router$/,
          replacement: fileURLToPath(
            new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
          ),
        },
      ],
    },
  }),
});

/**
 * The built page names its icon by a data: URL (public/favicon.svg, a few hundred bytes), so that
 * the browser never asks the service worker for it. In headless Chromium, with the icon fetched
 * through the old service worker, a new version told to take over after an in-page navigation
 * mostly never did; without that request it always does (tests/e2e/update.spec.ts). The file
 * stays for the manifest's icons.
 */
const inlineFavicon = (): Plugin => ({
  name: 'cachescope:inline-favicon',
  apply: 'build',
  transformIndexHtml: (html) => {
    const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'utf8').trim();
    const dataUrl = `data:image/svg+xml,${encodeURIComponent(svg.replace(/\s+/g, ' '))}`;
    if (!html.includes('href="./favicon.svg"')) throw new Error('index.html no longer names ./favicon.svg');
    return html.replace('href="./favicon.svg"', `href="${dataUrl}"`);
  },
});

// `base: './'` keeps every asset URL relative, so the built site works from any folder.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    reactRouterProductionBuild(),
    inlineFavicon(),
    // The service worker precaches the whole built site (every chunk, lazy ones and the lab's
    // worker too), so after one visit it works offline. src/app/registerServiceWorker.ts registers
    // it as ./sw.js (every URL is relative, so the site works from any folder). 'prompt': a new
    // version waits until it is told to take over (a SKIP_WAITING message), which that file sends
    // when the learner moves to another page.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The icons are precached by the glob below, with everything else in the build.
      includeManifestIcons: false,
      manifest: {
        name: 'CacheScope',
        short_name: 'CacheScope',
        description: 'An interactive, step-by-step visualizer that teaches distributed caching.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#ffffff',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        // Everything the site is made of (source maps aside). A file over Workbox's 2 MiB limit
        // fails the build, so no chunk is silently left out: none is over 400 KiB today.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The first visit's page is controlled at once, so what it loads later is cached too.
        clientsClaim: true,
      },
      integration: {
        // A build that writes nothing (tests/labs/bundle.test.ts) must not write a service worker.
        configureOptions(viteConfig, options) {
          if (!viteConfig.build.write) options.disable = true;
        },
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/engine/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          // Property tests and the lab runs simulate hundreds of thousands of requests: a few seconds
          // on an idle 2-core machine, many times that when other work shares it. A guard, not a speed
          // check (speed lives in `npm run bench`).
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The code labs (src/labs) against a real redis-server and PostgreSQL, started once by
          // the global setup. Files run one at a time: they share the two servers and reset them
          // before each test, and they read the servers' global counters.
          name: 'labs',
          environment: 'node',
          include: ['tests/labs/**/*.test.ts'],
          globalSetup: ['tests/labs/support/globalSetup.ts'],
          fileParallelism: false,
          // After the other projects, not beside them: real servers and a Vite build would slow
          // their CPU-bound tests past their timeouts on a small machine.
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/ui/setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
