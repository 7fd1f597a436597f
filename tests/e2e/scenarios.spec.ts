import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectStep, narration, readStep, stepCounter } from './helpers.ts';

// The scenarios pages, as a learner meets them: every recorded run can be opened and stepped
// through, including the multi-node ones whose lessons are not written yet.

async function openFromNavigation(page: Page, scenarioTitle: string) {
  await page.goto('/#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  await page.getByRole('link', { name: scenarioTitle }).click();
  await expect(stepCounter(page)).toBeVisible();
  await expect(page.getByRole('tab', { name: scenarioTitle })).toHaveAttribute('aria-selected', 'true');
}

/** Presses → on the diagram until the player shows `step`. */
async function stepWithKeyboardTo(page: Page, step: number) {
  const diagram = page.getByRole('figure', { name: 'System diagram' });
  await diagram.focus();
  for (let shown = (await readStep(page)).step; shown < step; shown++) {
    await page.keyboard.press('ArrowRight');
    await expectStep(page, shown + 1);
  }
}

test('a crashed node is shown down, and the user is logged out', async ({ page }) => {
  await openFromNavigation(page, 'Sticky sessions, then a crash');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session stores \u2014 scenarios');
  await expect(page).toHaveURL(/#\/scenarios\/sessions\?scenario=sessions-sticky-crash/);
  // No code sample for these scenarios: the diagram and tables have the room.
  await expect(page.getByRole('region', { name: /^Code: / })).toHaveCount(0);

  await stepWithKeyboardTo(page, 11);
  await expect(narration(page)).toContainText('Node A crashes.');
  const diagram = page.getByRole('img', { name: /Diagram of the system at step 11/ });
  await expect(diagram).toHaveAccessibleDescription(/Node A: down\./);
  await expect(diagram.getByText('down', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/step=11/);

  await page.keyboard.press('End');
  const { last } = await readStep(page);
  await expectStep(page, last);
  await expect(narration(page)).toContainText('The run is over.');
});

test('the stale-overwrite race is caught by the checker at its step', async ({ page }) => {
  await openFromNavigation(page, 'The race: a slow reader puts the old value back');
  const divergence = page.getByRole('button', { name: /^Divergence at step \d+$/ });
  await expect(divergence).toBeVisible();
  const step = Number(/(\d+)$/.exec((await divergence.getAttribute('aria-label')) ?? '')?.[1]);
  await stepWithKeyboardTo(page, step);
  await expect(narration(page)).toContainText('The consistency checker found an anomaly at this step');
  await expect(narration(page)).toContainText('Divergence: the cache holds user:42:email v1');
  await expect(page.getByRole('table', { name: 'Cache' }).getByText('stale')).toBeVisible();
});

test('each node\u2019s local cache has its own table', async ({ page }) => {
  await page.goto('/#/scenarios/coherence?scenario=coherence-pubsub&seed=1&step=13');
  await expectStep(page, 13);
  await expect(narration(page)).toContainText('Node B also keeps a copy of user:42:email in its local cache');
  const local = page.getByRole('table', { name: 'Local cache on Node B' });
  await expect(local).toBeVisible();
  await expect(local.getByRole('rowheader', { name: /user:42:email/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Local cache on Node A' })).toContainText('Empty');
});

test('an unknown lesson gets the not-found page with a way back to the scenarios', async ({ page }) => {
  await page.goto('/#/scenarios/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(
    page.getByText('There are no scenarios for a lesson called \u201cno-such-lesson\u201d.'),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Where to go from here' })
    .getByRole('link', { name: 'Scenarios' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
});

const PAGES = [
  { name: 'scenarios', path: '/#/scenarios' },
  { name: 'scenario player', path: '/#/scenarios/sessions?scenario=sessions-sticky-crash&seed=1&step=13' },
  {
    name: 'scenario player with local caches',
    path: '/#/scenarios/coherence?scenario=coherence-pubsub&step=25',
  },
  {
    name: 'scenario player, event loop',
    path: '/#/scenarios/event-driven?scenario=poison-event-dlq&step=20',
  },
  {
    name: 'scenario player with an anomaly',
    path: '/#/scenarios/races?scenario=stale-overwrite-race&step=18',
  },
  { name: 'unknown scenario lesson', path: '/#/scenarios/no-such-lesson' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { name, path } of PAGES) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (path.includes('?')) await expect(stepCounter(page)).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(({ id, help, nodes }) => ({
            id,
            help,
            targets: nodes.map((n) => n.target),
          })),
        ).toEqual([]);
      });
    }
  });
}
