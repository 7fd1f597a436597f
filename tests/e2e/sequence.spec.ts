import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectStep, openLesson } from './helpers.ts';

// The same run as a sequence diagram: switching views keeps the cursor, and stepping moves both.

test('the sequence view shows the run at the same step as the diagram, and keeps it when switching', async ({
  page,
}) => {
  await openLesson(page, '?scenario=cache-aside-wrong-order&seed=1&step=18');
  await page.getByRole('button', { name: 'Sequence' }).click();
  const sequence = page.getByRole('img', { name: /^Sequence diagram at step 18: \d+ of \d+ messages sent/ });
  await expect(sequence).toBeVisible();
  await expect(sequence).toHaveAccessibleName(/anomalies at 1 step so far/);

  await page.keyboard.press('ArrowRight');
  await expectStep(page, 19);
  await expect(page.getByRole('img', { name: /^Sequence diagram at step 19:/ })).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map(({ id, help }) => ({ id, help }))).toEqual([]);

  await page.getByRole('button', { name: 'Topology' }).click();
  await expect(page.getByRole('img', { name: 'Diagram of the system at step 19.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Topology' })).toHaveAttribute('aria-pressed', 'true');
  // The choice is a preference kept across visits, like the speed: a reload keeps it.
  await page.getByRole('button', { name: 'Sequence' }).click();
  await page.reload();
  await expect(page.getByRole('img', { name: /^Sequence diagram at step 19:/ })).toBeVisible();
});
