import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLesson, readStep } from './helpers.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Redis console runs commands against the simulated cache (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openLesson(page, '?scenario=cache-aside-read&seed=1&step=10');
    const input = page.getByRole('textbox', { name: 'Redis command' });
    const log = page.getByRole('log', { name: 'Console output' });
    const cache = page.getByRole('table', { name: 'Cache' });
    const before = await readStep(page);

    // Only the keyboard: type, Enter.
    await input.click();
    await page.keyboard.type('SET user:1 Alice EX 60');
    await page.keyboard.press('Enter');
    await expect(log.getByText('OK', { exact: true })).toBeVisible();
    // The command travelled as a packet: the run grew and the player shows the cache running it.
    await expect.poll(async () => (await readStep(page)).last).toBe(before.last + 3);
    await expect(cache.getByRole('rowheader', { name: 'user:1' })).toBeVisible();
    await expect(cache.getByRole('row', { name: /user:1.*Alice/ })).toContainText('60.0 s');
    await expect(page.getByRole('figure', { name: 'System diagram' })).toContainText('Your console');

    for (const line of ['GET user:1', 'TTL user:1']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect(log.getByText('"Alice"', { exact: true })).toBeVisible();
    await expect(log.getByText('(integer) 60', { exact: true })).toBeVisible();

    await page.keyboard.type('GET "oops');
    await page.keyboard.press('Enter');
    await expect(log.getByText('Invalid argument(s)')).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}
