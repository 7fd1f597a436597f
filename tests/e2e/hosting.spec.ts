import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { servePlain, type PlainServer } from './support/plainServer.ts';
import {
  BUILD_ROOT,
  watchCspViolations,
  watchForeignRequests,
  watchPageErrors,
} from './support/siteGuards.ts';

/**
 * The build works from any folder of a plain static file server (a project page, say): here it is
 * served under /cachescope/ by a server of a few lines, which knows nothing of the site (no
 * rewrites, no headers beyond the content type).
 */

const PREFIX = '/cachescope/';

let server: PlainServer;
let origin: string;

test.beforeAll(async () => {
  server = await servePlain(BUILD_ROOT, { prefix: PREFIX });
  origin = server.origin;
});

test.afterAll(async () => {
  await server.close();
});

test('the site works under a sub-path of a plain static server', async ({ page, context }) => {
  const foreign = watchForeignRequests(context, origin);
  const violations = await watchCspViolations(page);
  const errors = watchPageErrors(page);
  const failed: string[] = [];
  const outside: string[] = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && !url.pathname.startsWith(PREFIX)) outside.push(request.url());
  });

  await page.goto(`${origin}${PREFIX}#/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  // The manifest and its icon load from the sub-path too. (The page's own icon is a data: URL.)
  const icon = await page.locator('link[rel="icon"]').evaluate((link: HTMLLinkElement) => link.href);
  expect(icon).toMatch(/^data:image\/svg\+xml,/);
  const manifest = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
  expect(manifest).toBe(`${origin}${PREFIX}manifest.webmanifest`);
  const manifestIcon = new URL('favicon.svg', manifest).href;
  expect(manifestIcon).toBe(`${origin}${PREFIX}favicon.svg`);
  for (const url of [manifestIcon, manifest]) expect((await page.request.get(url)).status()).toBe(200);

  // The service worker's scope is the sub-path, not the server's root.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${origin}${PREFIX}`);

  // A lesson, by its link: its lazy chunks, the Visual and the highlighted code.
  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await page.getByRole('main').locator('a[href="#/lessons/cache-aside"]').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  const counter = page.getByText(/^Step \d+ of \d+$/).first();
  await expect(counter).toHaveText(/^Step 0 of/);
  await page.getByRole('button', { name: 'Step forward' }).first().click();
  await expect(counter).toHaveText(/^Step 1 of/);
  await page.locator('#code-lab').scrollIntoViewIfNeeded();
  await expect(
    page
      .getByRole('region', { name: /^Code lab: / })
      .locator('.code-token')
      .first(),
  ).toBeVisible();
  // A fresh load of the lesson's own address, now through the service worker, keeps the place.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  expect(page.url()).toContain(`${origin}${PREFIX}#/lessons/cache-aside?`);
  await expect(counter).toHaveText(/^Step 1 of/);

  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

/** Every file of the build folder, as a path relative to it with forward slashes. */
function buildFiles(dir = BUILD_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? buildFiles(path) : [relative(BUILD_ROOT, path).split(sep).join('/')];
  });
}

test('the service worker precaches every file the site is made of, lazy chunks and the worker included', () => {
  const sw = readFileSync(join(BUILD_ROOT, 'sw.js'), 'utf8');
  const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]));
  const files = buildFiles();
  const site = files.filter(
    (file) => !file.endsWith('.map') && file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file),
  );
  // Lazy pages, Shiki's pieces and the lab's Web Worker are among them.
  for (const name of [
    /^assets\/LessonPage-/,
    /^assets\/GlossaryPage-/,
    /^assets\/labWorker-/,
    /^assets\/core-/,
  ])
    expect(
      site.some((file) => name.test(file)),
      String(name),
    ).toBe(true);
  expect(site).toContain('index.html');
  expect(site).toContain('manifest.webmanifest');
  expect(site.filter((file) => !precached.has(file))).toEqual([]);
  // Relative URLs only, so the worker serves the site from whatever folder it is in.
  expect(
    [...precached].filter((url) => url === undefined || url.startsWith('/') || url.includes(':')),
  ).toEqual([]);
  // Workbox answers every navigation with the precached index.html (hash routing needs no other).
  expect(sw).toContain('createHandlerBoundToURL("index.html")');
});
