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
          // Property tests run hundreds of simulations; on a loaded 2-core machine that takes seconds.
          testTimeout: 30_000,
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
          testTimeout: 20_000,
        },
      },
    ],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
