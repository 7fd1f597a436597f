import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectStep, narration, readStep, stepCounter } from './helpers.ts';

// A learner builds their own run: the stale-overwrite race behind a load balancer, with a third
// client and node, local caches and version checks. The race fix keeps Redis right, but the local
// caches still diverge. The address holds all of it, so the link reopens the same run.

const PLAYGROUND = '/#/playground';

const BUILT =
  'from=stale-overwrite-race&clients=3&nodes=3&lb=round-robin&l1=10&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=version-cas&sessions=node-memory&stampede=none&pen=none&maxkeys=off';

async function stepTo(page: Page, target: number) {
  await page.getByRole('figure', { name: 'System diagram' }).focus();
  while ((await readStep(page)).step < target) {
    const { step } = await readStep(page);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, step + 1);
  }
}

function anomalyMarks(page: Page) {
  return page.getByRole('list', { name: 'Anomalies in this run' }).getByRole('button');
}

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
      colorScheme,
    ).toEqual([]);
  }
}

test('a configuration built with the controls reopens from its link as the same run', async ({
  page,
  context,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(PLAYGROUND);
  await expect(stepCounter(page)).toBeVisible();

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('stale-overwrite-race');
  await expect(page).toHaveURL(/from=stale-overwrite-race&clients=2&nodes=2/);
  await page.getByRole('spinbutton', { name: 'Clients' }).fill('3');
  await expect(page).toHaveURL(/clients=3/);
  await page.getByRole('spinbutton', { name: 'App nodes' }).fill('3');
  await expect(page).toHaveURL(/nodes=3/);
  await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('round-robin');
  await page.getByRole('combobox', { name: 'Local cache (L1) in each node' }).selectOption('on');
  await expect(page.getByRole('spinbutton', { name: 'Local cache TTL (seconds)' })).toHaveValue('10');
  await page.getByRole('combobox', { name: 'Race fix' }).selectOption('version-cas');
  await expect(page).toHaveURL(`${PLAYGROUND}?${BUILT}&seed=1&step=0`);

  // The run: the balancer and the third node are in the diagram, and the checker finds the local
  // copies that no fix in Redis reaches.
  const diagram = page.getByRole('figure', { name: 'System diagram' });
  await expect(diagram.getByRole('button', { name: /^Node C: / })).toBeVisible();
  await expect(diagram.getByText('Load balancer', { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(anomalyMarks(page).first()).toBeVisible();
  const anomalies = await anomalyMarks(page).evaluateAll((marks) =>
    marks.map((m) => m.getAttribute('aria-label')),
  );
  expect(anomalies.length).toBeGreaterThan(0);

  await stepTo(page, 20);
  const { last } = await readStep(page);
  const told = (await narration(page).textContent()) ?? '';
  expect(told.length).toBeGreaterThan(10);
  await expect(page).toHaveURL(`${PLAYGROUND}?${BUILT}&seed=1&step=20`);
  await expectNoAxeViolations(page);

  // The same address in a fresh page: the same settings, the same run, the same step.
  const again = await context.newPage();
  await again.emulateMedia({ reducedMotion: 'reduce' });
  await again.goto(page.url());
  await expectStep(again, 20);
  expect((await readStep(again)).last).toBe(last);
  await expect(narration(again)).toHaveText(told);
  await expect(again.getByRole('combobox', { name: 'Scenario' })).toHaveValue('stale-overwrite-race');
  await expect(again.getByRole('spinbutton', { name: 'Clients' })).toHaveValue('3');
  await expect(again.getByRole('spinbutton', { name: 'App nodes' })).toHaveValue('3');
  await expect(again.getByRole('combobox', { name: 'Load balancer' })).toHaveValue('round-robin');
  await expect(again.getByRole('combobox', { name: 'Local cache (L1) in each node' })).toHaveValue('on');
  await expect(again.getByRole('combobox', { name: 'Race fix' })).toHaveValue('version-cas');
  await expect(anomalyMarks(again)).toHaveCount(anomalies.length);
  expect(
    await anomalyMarks(again).evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label'))),
  ).toEqual(anomalies);
  await expect(again).toHaveURL(page.url());
});

test('an impossible combination is explained next to its control and never run', async ({ page }) => {
  await page.goto(`${PLAYGROUND}?${BUILT}&seed=1&step=4`);
  await expectStep(page, 4);

  const invalidation = page.getByRole('combobox', { name: 'Invalidation' });
  await invalidation.selectOption('outbox');
  await expect(page).toHaveURL(/inv=outbox/);
  await expect(invalidation).toHaveAttribute('aria-invalid', 'true');
  await expect(invalidation).toHaveAccessibleDescription(/Events need a broker and a consumer/);
  await expect(stepCounter(page)).toHaveCount(0);
  const refusal = page.getByRole('region', { name: 'These settings cannot run' });
  await expect(refusal).toBeVisible();
  await expectNoAxeViolations(page);

  // The same refusal from the link, and a way back from the keyboard.
  await page.reload();
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Change the invalidation' }).click();
  await expect(invalidation).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/inv=none/);
  await expectStep(page, 0);
});

/** The database reads of the whole run: the counters at the last step. */
async function dbReadsAtTheEnd(page: Page) {
  await expect(stepCounter(page)).toBeVisible();
  await page.getByRole('figure', { name: 'System diagram' }).focus();
  await page.keyboard.press('End');
  const { last } = await readStep(page);
  await expectStep(page, last);
  const counters = page.getByRole('region', { name: 'Counters' });
  return counters.locator('dt', { hasText: 'DB reads' }).locator('xpath=following-sibling::dd').innerText();
}

test('a lock around the load turns five database reads into one', async ({ page, context }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${PLAYGROUND}?from=stampede-unprotected`);
  expect(await dbReadsAtTheEnd(page)).toMatch(/^5\b/);

  const stampede = page.getByRole('combobox', { name: 'Stampede protection' });
  await expect(page.getByRole('spinbutton', { name: 'Lock TTL (ms)' })).toHaveCount(0);
  await stampede.focus();
  await stampede.selectOption('mutex');
  await expect(page).toHaveURL(
    /stampede=mutex&lock=500&retry=60&retries=5&pen=none&maxkeys=off&seed=1&step=0$/,
  );
  const lock = page.getByRole('spinbutton', { name: 'Lock TTL (ms)' });
  await expect(lock).toHaveValue('500');
  await expect(lock).toHaveAccessibleDescription(/This database takes 100 ms to read a row/);
  await expect(page.getByRole('spinbutton', { name: 'Retries' })).toHaveValue('5');
  expect(await dbReadsAtTheEnd(page)).toMatch(/^1\b/);
  await expectNoAxeViolations(page);

  // From the keyboard: a lock shorter than the query lets a second reader load.
  await lock.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('60');
  await expect(page).toHaveURL(/lock=60&/);
  expect(await dbReadsAtTheEnd(page)).toMatch(/^2\b/);

  // The link reopens the same protection.
  const again = await context.newPage();
  await again.goto(page.url());
  await expect(again.getByRole('combobox', { name: 'Stampede protection' })).toHaveValue('mutex');
  await expect(again.getByRole('spinbutton', { name: 'Lock TTL (ms)' })).toHaveValue('60');
});

test('the failure-mode controls are explained and refused in words', async ({ page }) => {
  await page.goto(
    `${PLAYGROUND}?from=penetration-unprotected&pen=bloom-filter&items=10&fp=0.01&maxkeys=3&evict=allkeys-lfu`,
  );
  await expect(stepCounter(page)).toBeVisible();
  const protections = page.getByRole('group', { name: 'Failure-mode protections' });
  await expect(protections.getByRole('status')).toHaveText(
    '96 bits (m) and 7 hashes (k). With the database\u2019s 10 rows, the formula gives 1% false positives.',
  );
  await expect(page.getByRole('combobox', { name: 'Eviction policy' })).toHaveValue('allkeys-lfu');
  await page.getByRole('combobox', { name: 'Read path' }).selectOption('read-through');
  await page.getByRole('combobox', { name: 'Stampede protection' }).selectOption('single-flight');
  await expect(page.getByRole('region', { name: 'These settings cannot run' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Stampede protection' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);
});

test('the playground fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const withEveryField = BUILT.replace('stampede=none', 'stampede=mutex&lock=500&retry=60&retries=5')
    .replace('pen=none', 'pen=bloom-filter&items=1&fp=0.01')
    .replace('maxkeys=off', 'maxkeys=2&evict=volatile-random');
  await page.goto(`${PLAYGROUND}?${withEveryField}&seed=1&step=0`);
  await expect(stepCounter(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
