import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Prefer the system Chromium when there is one (CI images and this dev box ship it); otherwise
// Playwright's own download is used.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Two runs side by side (say, one per working copy) each need their own port, build and results:
// E2E_PORT and E2E_SUFFIX give them (`E2E_PORT=4301 E2E_SUFFIX=-a npx playwright test`).
const PORT = Number(process.env.E2E_PORT ?? 4174);
const SUFFIX = process.env.E2E_SUFFIX ?? '';
const OUT_DIR = `dist${SUFFIX}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results${SUFFIX}`,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A guard against a hung test, not a speed check: accessibility scans of the larger pages take
  // several seconds each, and many times that on a small machine doing other work.
  timeout: 60_000,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: `reports/playwright${SUFFIX}.json` }]],
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
