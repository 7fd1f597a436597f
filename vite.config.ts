import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `base: './'` keeps every asset URL relative, so the built site works from any folder.
export default defineConfig({
  base: './',
  plugins: [react()],
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
