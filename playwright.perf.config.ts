import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// `npm run perf`: timing checks that stay out of `npm test` (speed lives in scripts and
// benchmarks). Its own port and build folder, so it can run beside the e2e suite; PERF_PORT and
// PERF_SUFFIX move them (`PERF_PORT=4304 PERF_SUFFIX=-b npm run perf`).
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env.PERF_PORT ?? 4303);
const SUFFIX = process.env.PERF_SUFFIX ?? '';
const OUT_DIR = `dist-perf${SUFFIX}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/perf',
  outputDir: `test-results-perf${SUFFIX}`,
  // One test at a time: a second browser on a small machine would itself cause long tasks.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: `reports/perf${SUFFIX}.json` }],
    ['./tests/perf/figuresReporter.ts'],
  ],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
