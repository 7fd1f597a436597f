import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectStep, narration, stepCounter } from './helpers.ts';

// The race explorer under the player: every interleaving of the double-delete race, the one that
// ends stale opened in the player, and the link to it replayed in a fresh page.

const START = '/#/scenarios/races?scenario=race-fix-double-delete&seed=1';

test('the race explorer finds the stale interleaving, opens it in the player, and its link replays it', async ({
  page,
  context,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(START);
  await expect(stepCounter(page)).toBeVisible();
  const explorer = page.getByRole('region', { name: 'Race explorer' });
  await expect(explorer).toContainText('Bob reads user:42:email; Alice writes it.');
  await explorer.getByRole('button', { name: 'Explore every interleaving' }).click();
  await expect(explorer).toContainText('1 of 20 interleavings ends stale with this strategy.');
  await expect(explorer).toContainText('at most 200 interleavings');
  const cells = explorer.getByRole('list', { name: 'Interleavings' }).getByRole('button');
  await expect(cells).toHaveCount(20);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map(({ id, help }) => ({ id, help }))).toEqual([]);

  // The one stale run: Bob's SET of version 1 lands after Alice's second delete.
  const stale = explorer.getByRole('button', { name: /Ends stale/ });
  await expect(stale).toHaveCount(1);
  await expect(stale).toHaveAccessibleName(
    /Bob GET miss, Bob SELECT v1, Alice COMMIT v2, Alice DEL, Alice DEL, Bob SET v1\. Ends stale/,
  );
  await stale.click();
  await expect(page).toHaveURL(/race=1\.1\.2\.2\.2\.1&step=\d+/);
  await expect(stale).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Divergence at step \d+$/ })).toBeVisible();
  const step = Number(/step=(\d+)/.exec(page.url())?.[1]);
  await expectStep(page, step);
  const said = await narration(page).textContent();

  // The same link in a fresh page: the same interleaving, at the same step, saying the same.
  const again = await context.newPage();
  await again.emulateMedia({ reducedMotion: 'reduce' });
  await again.goto(page.url());
  await expectStep(again, step);
  await expect(narration(again)).toHaveText(said ?? '');
  await expect(again.getByRole('button', { name: /^Divergence at step \d+$/ })).toBeVisible();
  const againExplorer = again.getByRole('region', { name: 'Race explorer' });
  await expect(againExplorer.getByRole('button', { name: /Ends stale/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Back to the scenario's own timing: the fix holds there, and the race order leaves the link.
  await againExplorer.getByRole('button', { name: 'Back to the scenario\u2019s own timing' }).click();
  await expect(again).not.toHaveURL(/race=/);
  await expect(again.getByRole('button', { name: /^(Divergence|Stale read) at step/ })).toHaveCount(0);
});

test('a run without a race has no race explorer', async ({ page }) => {
  await page.goto('/#/scenarios/cache-aside?scenario=cache-aside-read&seed=1');
  await expect(stepCounter(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Race explorer' })).toHaveCount(0);
});
