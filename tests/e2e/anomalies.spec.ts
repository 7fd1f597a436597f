import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectStep, narration, openLesson } from './helpers.ts';

// The consistency checker, as a learner meets it: the wrong write order leaves the cache stale, and
// the scrubber and the narration say so at the steps where it becomes visible.

test('a stale read is marked on the scrubber and named in the narration at its step', async ({ page }) => {
  await openLesson(page, '?scenario=cache-aside-wrong-order&seed=1');
  const divergence = page.getByRole('button', { name: 'Divergence at step 18' });
  const staleRead = page.getByRole('button', { name: 'Stale read at step 23' });
  await expect(divergence).toBeVisible();
  await expect(staleRead).toBeVisible();
  await expect(narration(page)).not.toContainText('Stale read');

  await staleRead.click();
  await expectStep(page, 23);
  await expect(narration(page)).toContainText(
    'Stale read: Reader got user:42:email at version 1, but version 2 was committed before the read began.',
  );
  await expect(page.getByRole('region', { name: 'Consistency checker' })).toContainText('Divergence');

  // One step earlier the read has not finished, so nothing is named yet.
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 22);
  await expect(narration(page)).not.toContainText('Stale read:');

  await divergence.focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 18);
  await expect(narration(page)).toContainText('Divergence:');

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map(({ id, help }) => ({ id, help }))).toEqual([]);
});
