import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectStep, narration, readStep, stepCounter } from './helpers.ts';

// Breaking things from the player: a learner drops the invalidation on its way to Node B, the run
// forks there, and the checker finds the stale copy that follows. The fork lives in the address.

const START = '/#/scenarios/coherence?scenario=coherence-pubsub&seed=1';

async function stepTo(page: Page, target: number) {
  await page.getByRole('figure', { name: 'System diagram' }).focus();
  while ((await readStep(page)).step < target) {
    const { step } = await readStep(page);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, step + 1);
  }
}

test('a message dropped from the diagram forks the run, and the link reproduces the fork', async ({
  page,
  context,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(START);
  await expect(stepCounter(page)).toBeVisible();
  // Without a fault, pub/sub keeps Node B coherent.
  await expect(page.getByRole('button', { name: /^(Divergence|Stale read) at step/ })).toHaveCount(0);

  await stepTo(page, 22);
  const invalidation = page.getByRole('button', { name: /^Message .*invalidate.* to Node B$/ });
  await invalidation.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: /invalidate/ });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Drop this message' })).toBeFocused();

  // Axe with the menu open.
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map(({ id, help }) => ({ id, help }))).toEqual([]);

  await page.keyboard.press('Enter');
  await expectStep(page, 23);
  await expect(menu).toHaveCount(0);
  await expect(narration(page)).toContainText('to Node B is lost on the network');
  const interventions = page.getByRole('region', { name: 'Interventions' });
  await expect(interventions).toContainText(/After step 22: drop message #\d+/);
  await expect(page).toHaveURL(/fx=22:drop:\d+/);
  const divergence = page.getByRole('button', { name: /^Divergence at step \d+$/ });
  const staleRead = page.getByRole('button', { name: /^Stale read at step \d+$/ });
  await expect(divergence).toBeVisible();
  await expect(staleRead).toBeVisible();
  const divergenceName = await divergence.getAttribute('aria-label');

  // The same address in a fresh page: the same fork, at the same step, with the same anomalies.
  const url = page.url();
  const again = await context.newPage();
  await again.goto(url);
  await expectStep(again, 23);
  await expect(again.getByRole('region', { name: 'Interventions' })).toContainText(
    /After step 22: drop message #\d+/,
  );
  await expect(again.getByRole('button', { name: /^Divergence at step \d+$/ })).toHaveAttribute(
    'aria-label',
    divergenceName ?? '',
  );
  await expect(again.getByRole('button', { name: /^Stale read at step \d+$/ })).toBeVisible();

  // Taking the fault back restores the coherent run.
  await again.getByRole('button', { name: /^Remove/ }).click();
  await expect(again.getByRole('button', { name: /^(Divergence|Stale read) at step/ })).toHaveCount(0);
  await expect(again).not.toHaveURL(/fx=/);
});

test('crashing Node B from the keyboard lists the crash, and a bad fx entry is reported and dropped', async ({
  page,
}) => {
  await page.goto(`${START}&step=12&fx=5:explode:db`);
  await expect(page.getByText(/explode/).first()).toBeVisible();
  await expect(page.getByText(/so it was left out/)).toBeVisible();
  await expectStep(page, 12);

  const nodeB = page.getByRole('button', { name: /^Node B: / });
  await nodeB.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Crash Node B' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(nodeB).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectStep(page, 13);
  await expect(page.getByRole('region', { name: 'Interventions' })).toContainText(
    'After step 12: crash Node B',
  );
  await expect(page).toHaveURL(/fx=12:crash:app-b&step=13/);
  await expect(page.getByRole('button', { name: /^Node B: down/ })).toBeVisible();
});
