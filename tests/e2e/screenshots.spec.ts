import { copyFile, mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LESSON, expectStep } from './helpers.ts';

// A frame with a packet on the wire, a freshly filled cache and a line of code highlighted: the
// lesson at its most telling. Reduced motion makes the capture exact (no tween caught half-way).
const FRAME = `${LESSON}?scenario=cache-aside-read&seed=1&step=8`;

// Desktop: the Visual section from its heading down, as the README shows it. Phone: the whole page.
for (const { width, height, name } of [
  { width: 1280, height: 1180, name: 'lesson-1280.png' },
  { width: 390, height: 844, name: 'lesson-390.png' },
]) {
  test(`screenshot of the lesson at ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(FRAME);
    // On a phone the Visual, the code lab and the cards load as they near the screen.
    await page.locator('#visual').scrollIntoViewIfNeeded();
    await expectStep(page, 8);
    const path = testInfo.outputPath(name);
    if (width < 600) {
      await page.locator('#code-lab').scrollIntoViewIfNeeded();
      await expect(page.locator('#code-lab .code-token').first()).toBeVisible();
      await page.locator('#explain-it').scrollIntoViewIfNeeded();
      await expect(page.locator('#explain-it').getByRole('article').first()).toBeVisible();
      await page.screenshot({ path, fullPage: true });
    } else {
      await page.getByRole('heading', { level: 2, name: 'Visual' }).evaluate((heading) => {
        heading.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -16);
      });
      await page.screenshot({ path });
    }
    if (width === 1280 && process.env.UPDATE_README_SCREENSHOT === '1') {
      // The README shows this one; `npm run screenshot` refreshes it (a test run leaves it alone, so
      // running the tests never changes a tracked file).
      await mkdir('docs', { recursive: true });
      await copyFile(path, 'docs/screenshot.png');
    }
  });
}
