import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchPageErrors } from './support/siteGuards.ts';

/**
 * After one visit the site works with the network off: the service worker (vite-plugin-pwa,
 * registered by src/app/registerServiceWorker.ts) has precached every page's chunks, Shiki's
 * grammars and themes, and the lab's Web Worker.
 */

test.use({ serviceWorkers: 'allow' });

const stepCounter = (page: Page) => page.getByText(/^Step \d+ of \d+$/).first();

test('after one visit, the roadmap, a lesson with its Visual and code, and the Glossary work offline', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const errors = watchPageErrors(page);
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  // Installed (and so precached) and active, then in control of the page.
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  expect(state).toMatch(/^activat(ing|ed)$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.goto('/#/lessons/cache-aside');
  await expect(stepCounter(page)).toBeVisible();

  await context.setOffline(true);
  // Proof that the network is really off: a file the site does not have cannot be fetched.
  const reached = await page.evaluate(() =>
    fetch(`./not-in-the-build-${Date.now()}.txt`).then(
      () => true,
      () => false,
    ),
  );
  expect(reached).toBe(false);

  // A full load of the roadmap with no network.
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();

  // A lesson opened by its link: its Visual plays and its code is highlighted.
  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await page.getByRole('main').locator('a[href="#/lessons/ttl-eviction"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(stepCounter(page)).toHaveText(/^Step 0 of/);
  await page.getByRole('button', { name: 'Step forward' }).first().click();
  await expect(stepCounter(page)).toHaveText(/^Step 1 of/);
  // The code lab loads as it nears the screen.
  await page.locator('#code-lab').scrollIntoViewIfNeeded();
  const codeLab = page.getByRole('region', { name: /^Code lab: / });
  await expect(codeLab.locator('.code-token').first()).toBeVisible();

  // The Glossary (a page not opened before this visit) loads and searches.
  await page.getByRole('link', { name: 'Glossary', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('stampede');
  await expect(
    page.getByRole('status').filter({ hasText: /^\d+ of \d+ terms match “stampede”\.$/ }),
  ).toBeVisible();

  // A new tab, opened offline straight at a lesson's address.
  const tab = await context.newPage();
  const tabErrors = watchPageErrors(tab);
  await tab.goto('/#/lessons/cache-aside');
  await expect(tab.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  await tab.getByRole('button', { name: 'Step forward' }).first().click();
  await expect(stepCounter(tab)).toHaveText(/^Step 1 of/);

  expect(errors).toEqual([]);
  expect(tabErrors).toEqual([]);
});
