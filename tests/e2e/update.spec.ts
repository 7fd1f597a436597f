import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { settleVisual, stepCounter } from './helpers.ts';
import { servePlain, type PlainServer } from './support/plainServer.ts';
import { BUILD_ROOT, watchPageErrors } from './support/siteGuards.ts';

/**
 * A new version of the site, put on the server while the learner has it open, never interrupts a
 * page: it takes over when the learner moves to another page, which then reloads at its address
 * (src/app/registerServiceWorker.ts). The "new version" is the same build with a service worker
 * that differs by a few bytes, as any rebuild's does, and that says which version it is.
 */

test.use({ serviceWorkers: 'allow' });

/** Appended to sw.js for the second version: it answers "version?" with "2". */
const SECOND_VERSION = `
self.addEventListener('message', (event) => {
  if (event.data === 'version?') event.source.postMessage('2');
});
`;

let server: PlainServer;
let version = 1;

test.beforeAll(async () => {
  server = await servePlain(BUILD_ROOT, {
    rewrite: (file, body) =>
      file === 'sw.js' && version === 2 ? Buffer.concat([body, Buffer.from(SECOND_VERSION)]) : body,
  });
});

test.afterAll(async () => {
  await server.close();
});

/** The version of the service worker that controls the page: '2', or '1' when it does not say. */
function controllingVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((answer) => {
        const controller = navigator.serviceWorker.controller;
        if (controller === null) return answer('none');
        navigator.serviceWorker.addEventListener('message', (event) => answer(String(event.data)), {
          once: true,
        });
        controller.postMessage('version?');
        setTimeout(() => answer('1'), 2_000);
      }),
  );
}

const waitingState = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');

test('a new version waits while a page is open, and takes over when the learner moves on', async ({
  context,
}) => {
  test.setTimeout(120_000);
  // The first visit: the first version installs and takes control.
  const first = await context.newPage();
  await first.goto(`${server.origin}/#/`);
  await expect(first.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect.poll(() => controllingVersion(first), { timeout: 30_000 }).toBe('1');
  await first.close();

  // The site is updated. The learner comes back in two tabs: the browser finds the new version.
  version = 2;
  const other = await context.newPage();
  await other.goto(`${server.origin}/#/`);
  await expect(other.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`${server.origin}/#/lessons/cache-aside`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  await expect.poll(() => waitingState(page), { timeout: 30_000 }).toBe('installed');

  // It waits: the page goes on under the old version, the step player and all.
  await settleVisual(page);
  await page.getByRole('button', { name: 'Step forward' }).first().click();
  await expect(stepCounter(page)).toHaveText(/^Step 1 of/);
  await page.evaluate(() => Object.assign(window, { loadedBeforeTheUpdate: true }));
  expect(await controllingVersion(page)).toBe('1');
  expect(await page.evaluate(() => 'loadedBeforeTheUpdate' in window)).toBe(true);

  // Moving to another page lets it take over; that page loads afresh, at its own address.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('link', { name: 'Glossary', exact: true }).first().click();
  await reloaded;
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/glossary');
  expect(await page.evaluate(() => 'loadedBeforeTheUpdate' in window)).toBe(false);
  expect(await controllingVersion(page)).toBe('2');
  expect(await waitingState(page)).toBe('none');
  expect(errors).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) })),
  ).toEqual([]);

  // The other tab runs the old code: it reloads too, at its next move, and lands where it went.
  const otherReloaded = other.waitForEvent('load');
  await other.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await otherReloaded;
  await expect(other.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
  expect(new URL(other.url()).hash).toBe('#/lessons');
  expect(await controllingVersion(other)).toBe('2');
});
