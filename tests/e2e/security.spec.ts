import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchCspViolations, watchForeignRequests, watchPageErrors } from './support/siteGuards.ts';
import { settleVisual } from './helpers.ts';

/**
 * The built site under its own Content-Security-Policy (the <meta> vite.config.ts adds to
 * index.html at build time): every page works with nothing inline, no eval and nothing from another
 * origin; and text from the address or the keyboard is shown as text, never parsed as HTML.
 */

const LAB_COMPARISON =
  '/#/playground/lab?lab=eviction&alpha=0.8&keys=2000&requests=20000&warmup=4000&seed=1&sizes=50,200,800' +
  '&policies=lru,lfu&scale=log&compare=on&alphaB=1.2&keysB=2000&requestsB=20000';

const stepCounter = (page: Page) => page.getByText(/^Step \d+ of \d+$/).first();

async function expectPage(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

function originOf(baseURL: string | undefined): string {
  if (baseURL === undefined) throw new Error('playwright.config.ts sets a baseURL');
  return new URL(baseURL).origin;
}

test('the built page carries the policy (no inline script, no eval), and it blocks inline script', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  await expectPage(page, '/#/', 'Roadmap');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ])
    expect(policy).toContain(directive);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);

  // Proof that the listeners see a violation when there is one: the tests below rely on them.
  // (eval cannot be tried from here: Playwright's own evaluation is exempt from the policy.)
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
  expect(violations.join('\n')).toMatch(/script-src/);
});

test('every lesson works with no CSP violation and nothing loaded from elsewhere', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const foreign = watchForeignRequests(context, originOf(baseURL));
  const violations = await watchCspViolations(page);
  const errors = watchPageErrors(page);

  await expectPage(page, '/#/lessons', 'Lessons');
  const hrefs = await page
    .getByRole('main')
    .locator('a[href^="#/lessons/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const lessons = [...new Set(hrefs)];
  expect(lessons.length).toBeGreaterThanOrEqual(14);

  for (const href of lessons) {
    await page.goto('about:blank');
    await page.goto(`/${href}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The Visual plays: one step forward (it loads as it nears the screen).
    await page.locator('#visual').scrollIntoViewIfNeeded();
    await expect(stepCounter(page)).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).first().click();
    await expect(stepCounter(page)).not.toHaveText(/^Step 0 of/);
    // The code lab, highlighted by Shiki (its tokens carry their colours through CSSOM).
    // It loads as it nears the screen.
    await page.locator('#code-lab').scrollIntoViewIfNeeded();
    await expect(page.locator('.code-token').first()).toBeVisible();
    expect.soft(violations, `CSP violations on ${href}`).toEqual([]);
  }
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('every other page, the playground’s run, the Lab and a lesson’s chart work under the policy', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const foreign = watchForeignRequests(context, originOf(baseURL));
  const violations = await watchCspViolations(page);
  const errors = watchPageErrors(page);

  await expectPage(page, '/#/', 'Roadmap');
  await expectPage(page, '/#/glossary', 'Glossary');
  await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('TTL');
  await expect(page.getByText(/^\d+ of \d+ terms match “TTL”\.$/)).toBeVisible();
  await expectPage(page, '/#/review', 'Review');
  await expectPage(page, '/#/scenarios', 'Scenarios');
  await page.getByRole('main').locator('a[href^="#/scenarios/"]').first().click();
  await expect(stepCounter(page)).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).first().click();

  await expectPage(page, '/#/playground', 'Playground');
  await expect(stepCounter(page)).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).first().click();
  await expect(stepCounter(page)).not.toHaveText(/^Step 0 of/);

  // The Lab runs its comparison in its Web Worker and draws it with uPlot.
  await page.goto('about:blank');
  await page.goto(LAB_COMPARISON);
  await expect(page.locator('.lab-status:visible')).toHaveText(/^Done in /, { timeout: 60_000 });
  await expect(page.locator('.line-chart-plot canvas').first()).toBeVisible();

  // A lesson's chart: the same worker and chart inside a lesson page.
  await page.goto('about:blank');
  await page.goto('/#/lessons/avalanche');
  await settleVisual(page);
  const chart = page.getByRole('group', { name: 'In the lab' }).getByRole('figure').first();
  await chart.scrollIntoViewIfNeeded();
  await chart.getByRole('button', { name: 'Run' }).click();
  await expect(chart.locator('.lab-status')).toHaveText(/^Done in /, { timeout: 60_000 });
  await expect(chart.locator('.line-chart-plot canvas').first()).toBeVisible();

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

const PAYLOAD = '<img src=x onerror=window.__pwned=1>';
const P = encodeURIComponent(PAYLOAD);

/** No element came from the payload, and its handler never ran. */
async function expectNotInjected(page: Page) {
  await expect(page.locator('img[src="x"], [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

const ADDRESSES: { path: string; message: RegExp }[] = [
  {
    path: `/#/playground?from=${P}`,
    message: /The link starts from “<img src=x onerror=window\.__pwned=1>”/,
  },
  {
    path: `/#/playground?from=cache-aside-read&ttl=${P}`,
    message: /The link’s ttl “<img src=x onerror=window\.__pwned=1>”/,
  },
  {
    path: `/#/lessons/cache-aside?scenario=${P}`,
    message: /The link asks for scenario “<img src=x onerror=window\.__pwned=1>”/,
  },
  {
    path: `/#/scenarios/cache-aside?scenario=cache-aside-read&seed=${P}`,
    message: /The link’s seed “<img src=x onerror=window\.__pwned=1>”/,
  },
  { path: `/#/playground/lab?lab=${P}`, message: /The link’s lab “<img src=x onerror=window\.__pwned=1>”/ },
  {
    path: `/#/playground/lab?lab=eviction&policies=${P}`,
    message: /The link’s policies “<img src=x onerror=window\.__pwned=1>”/,
  },
  { path: `/#/lessons/${P}`, message: /There is no lesson called “<img src=x onerror=window\.__pwned=1>”/ },
];

test('text from the address is shown as text, with a message, never as HTML', async ({ page }) => {
  for (const { path, message } of ADDRESSES) {
    await page.goto('about:blank');
    await page.goto(path);
    await expect(page.getByText(message).first(), path).toBeVisible();
    await expectNotInjected(page);
  }
});

test('a command typed into a lesson’s Redis console is shown as text, never as HTML', async ({ page }) => {
  await page.goto('/#/lessons/cache-aside?scenario=cache-aside-read&seed=1&step=10');
  const input = page.getByRole('textbox', { name: 'Redis command' });
  await input.fill(PAYLOAD);
  await input.press('Enter');
  const log = page.getByRole('log', { name: 'Console output' });
  // The command is echoed as typed, and answered with an error.
  await expect(log.getByText(PAYLOAD).first()).toBeVisible();
  await expect(log).toContainText(/ERR|unknown command/i);
  await expectNotInjected(page);
});
