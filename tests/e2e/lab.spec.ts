import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { settleVisual } from './helpers.ts';
import { serveWithPolicyHeader } from './support/siteGuards.ts';

const LAB = '/#/playground/lab';
/** Small enough to finish in a second or two, with two policies on two traces. */
const COMPARISON = `${LAB}?lab=eviction&alpha=0.8&keys=2000&requests=20000&warmup=4000&seed=1&sizes=50,200,800&policies=lru,lfu&scale=log&compare=on&alphaB=1.2&keysB=2000&requestsB=20000`;
/** Tens of seconds of work: long enough to cancel. */
const LONG_RUN = `${LAB}?lab=eviction&alpha=0.9&keys=10000&requests=5000000&warmup=10000&seed=1&sizes=100,200,500,1000,2000&policies=lru,lfu,fifo,random,redis-lru,redis-lfu&scale=log&compare=off`;
const SHARDING = `${LAB}?lab=sharding&schemes=modulo,ring,slots&nodes=4&vnodes=100&keys=50000&prefix=user:&change=add`;
const STAMPEDE = `${LAB}?lab=load&scenario=stampede`;
/** No protection against a lock, on one hot key: two runs of a minute of virtual time. */
const STAMPEDE_COMPARISON = `${STAMPEDE}&compare=on&protectionB=mutex`;
const PENETRATION_BLOOM = `${LAB}?lab=load&scenario=penetration&protection=bloom-filter`;

const runStatus = (page: Page) => page.locator('.lab-status:visible');

async function expectDone(page: Page) {
  await expect(runStatus(page)).toHaveText(/^Done in /, { timeout: 60_000 });
}

test('an eviction comparison draws both traces’ curves, with a table of differences', async ({ page }) => {
  await page.goto(COMPARISON);
  await expectDone(page);
  const chart = page.getByRole('figure', { name: 'Hit ratio against cache size' });
  await expect(chart.locator('canvas').first()).toBeVisible();
  const legend = chart.getByRole('list', { name: 'Lines' });
  await expect(legend.getByRole('button')).toHaveText([
    'LRU (A)',
    'LFU (A)',
    'Che’s estimate for LRU (A)',
    'LRU (B)',
    'LFU (B)',
    'Che’s estimate for LRU (B)',
  ]);

  // Pointing at the chart reads the values at the nearest cache size.
  // uPlot's overlay over the plotting area takes the pointer; its right edge is the largest size.
  const overlay = chart.locator('.u-over');
  const box = await overlay.boundingBox();
  if (box === null) throw new Error('the chart has no plotting area');
  await overlay.hover({ position: { x: box.width - 4, y: box.height / 2 } });
  await expect(chart.getByText('At 800 keys:')).toBeVisible();
  await expect(legend.getByRole('button', { name: /^LRU \(B\) \d+\.\d\s%$/ })).toBeVisible();

  // A legend button hides its line.
  const lfuA = legend.getByRole('button', { name: /^LFU \(A\)/ });
  await lfuA.click();
  await expect(lfuA).toHaveAttribute('aria-pressed', 'false');

  const differences = page.getByRole('table', { name: 'Differences, B against A' });
  await expect(differences.getByRole('rowheader')).toHaveText(['LRU', 'LFU']);
  await expect(differences.getByRole('row')).toHaveCount(1 + 2 * 3);
  await expect(differences.getByText(/^\+\d+\.\d points$/).first()).toBeVisible();
});

test('a long run shows progress, keeps the page responsive, and can be cancelled', async ({ page }) => {
  // Main-thread tasks over 50 ms while the worker runs, for the report (not asserted: timing).
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { labLongTasks: number[] }).labLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(LONG_RUN);
  const progress = page.getByRole('progressbar', { name: 'Progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^\d+\s% · [\d.,]+( million)? of 150 million requests$/)).toBeVisible({
    timeout: 20_000,
  });
  const before = await page.evaluate(
    () => (window as unknown as { labLongTasks: number[] }).labLongTasks.length,
  );

  // The page answers while the worker is busy: a typed setting reaches the address.
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('2');
  await expect(page).toHaveURL(/[?&]seed=2(&|$)/);
  await page.waitForTimeout(1500);
  await expect(progress).toHaveAttribute('value', /^[1-9]\d*$/);
  const during = await page.evaluate(
    (start) => (window as unknown as { labLongTasks: number[] }).labLongTasks.slice(start),
    before,
  );

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(runStatus(page)).toHaveText(/^Cancelled at \d+\s%\. No results yet\.$/);
  await expect(progress).toBeHidden();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();

  const longest = during.length === 0 ? 0 : Math.max(...during);
  test.info().annotations.push({
    type: 'long tasks during the run',
    description: `${during.length} main-thread tasks over 50 ms; longest ${Math.round(longest)} ms`,
  });
  console.log(`lab long tasks while running: ${during.length}, longest ${Math.round(longest)} ms`);
});

test('the sharding lab shows the share of keys each scheme moves', async ({ page }) => {
  await page.goto(SHARDING);
  await expectDone(page);
  const moved = page.getByRole('table', { name: 'Keys that move when node-5 joins 4 nodes' });
  await expect(moved.getByRole('rowheader')).toHaveText([
    'Modulo',
    'Hash ring, 100 virtual nodes each',
    'Redis Cluster',
    'Least possible (1/5)',
  ]);
  const share = async (scheme: string) => {
    const text = await moved
      .getByRole('row', { name: new RegExp(`^${scheme}`) })
      .getByText(/%$/)
      .textContent();
    return Number(/([\d.]+)/.exec(text ?? '')?.[1]);
  };
  // Modulo moves about N/(N+1) of the keys; the ring and the slots about the least, 1/(N+1).
  expect(await share('Modulo')).toBeGreaterThan(70);
  expect(await share('Hash ring')).toBeLessThan(30);
  expect(await share('Redis Cluster')).toBeCloseTo(20, 0);
  await expect(page.getByRole('table', { name: 'How evenly keys are spread' })).toBeVisible();
});

test('the load lab compares a stampede without protection against a lock', async ({ page }) => {
  await page.goto(STAMPEDE);
  await expectDone(page);
  const load = page.getByRole('tabpanel', { name: 'Load' });
  await expect(load.getByRole('radio', { name: 'Stampede: one hot key, a slow query' })).toBeChecked();

  // B starts as a copy of A; choosing the lock for B alone is the comparison. (The settings go
  // through the address, so a box is checked a moment after the click: click, then expect.)
  const compare = load.getByRole('checkbox', { name: /Compare with a second configuration/ });
  await compare.click();
  await expect(compare).toBeChecked();
  const b = load.getByRole('group', { name: 'Compare' });
  const lock = b
    .getByRole('group', { name: 'B: Protection' })
    .getByRole('radio', { name: 'Lock (SET NX PX)' });
  await lock.click();
  await expect(lock).toBeChecked();
  await expect(b.getByRole('textbox', { name: 'B: Lock expiry' })).toHaveValue('1,000');
  await expect(page).toHaveURL(/[?&]compare=on&protectionB=mutex$/);
  await expect(load.getByText(/These results are from earlier settings/)).toBeVisible();
  await load.getByRole('button', { name: 'Run', exact: true }).click();
  await expectDone(page);

  const chart = load.getByRole('figure', { name: 'Database queries per second' });
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect(chart.getByRole('list', { name: 'Lines' }).getByRole('button')).toHaveText([
    'DB queries (A)',
    'DB queries (B)',
  ]);
  // Pointing at the chart reads both runs at that second.
  const overlay = chart.locator('.u-over');
  const box = await overlay.boundingBox();
  if (box === null) throw new Error('the chart has no plotting area');
  await overlay.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(chart.getByText(/^At \d+\s+s:$/)).toBeVisible();

  const differences = load.getByRole('table', { name: 'Differences, B against A' });
  const peak = differences.getByRole('row', { name: /^DB load peak/ });
  await expect(peak.getByRole('cell').first()).toHaveText(/^\u2212\d+$/);
  await expect(peak.getByRole('cell').last()).toHaveText(/lower$/);
  const results = load.getByRole('table', { name: 'The two runs' });
  const peaks = await results
    .getByRole('row', { name: /^DB load peak/ })
    .getByRole('cell')
    .allTextContents();
  const [a, bPeak] = peaks.map((text) => Number(/^[\d,]+/.exec(text)?.[0].replace(/,/g, '')));
  expect(bPeak).toBeLessThan((a ?? 0) / 5);
});

test('the load lab shows a Bloom filter’s size and its false-positive rates', async ({ page }) => {
  await page.goto(PENETRATION_BLOOM);
  await expectDone(page);
  const load = page.getByRole('tabpanel', { name: 'Load' });
  await expect(load.getByRole('figure').first()).toHaveAccessibleName(
    'DB queries that found no row, per second',
  );
  const bloom = load.getByRole('table', { name: 'Bloom filter' });
  await expect(bloom.getByRole('columnheader')).toHaveText([
    'The filter',
    'False-positive rate',
    'm (bits)',
    'k (hashes)',
    'n (items)',
    'Formula',
    'Measured',
  ]);
  const cells = bloom.getByRole('row').nth(2).getByRole('cell');
  await expect(cells.nth(0)).toHaveText(/^\d{2,3},\d{3}$/);
  await expect(cells.nth(1)).toHaveText(/^\d{1,2}$/);
  await expect(cells.nth(2)).toHaveText('10,000');
  await expect(cells.nth(3)).toHaveText(/^1\.0\s%$/);
  await expect(cells.nth(4)).toHaveText(/^\d+\.\d\s%[\d,]+ of [\d,]+ absent-id reads passed$/);
});

test('the lab runs its worker and draws its chart under a strict Content-Security-Policy', async ({
  page,
  baseURL,
}) => {
  const own = new URL(baseURL ?? 'http://invalid').origin;
  await serveWithPolicyHeader(page);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== own) foreign.push(request.url());
  });
  await page.goto(COMPARISON);
  await expectDone(page);
  await expect(page.locator('.line-chart-plot canvas').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Sharding' }).click();
  await expectDone(page);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lab's results have no axe violations (${colorScheme})`, async ({ page }) => {
    // Four labs' runs, one after another.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    for (const path of [COMPARISON, SHARDING, STAMPEDE_COMPARISON, PENETRATION_BLOOM]) {
      // A fresh page each time: a new address alone would only change the settings, not run them.
      await page.goto('about:blank');
      await page.goto(path);
      await expectDone(page);
      // Open a chart's table of values too, so it is checked.
      if (path !== SHARDING) await page.locator('.line-chart-values > summary:visible').first().click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
      ).toEqual([]);
    }
  });
}

test('a lesson’s chart runs its comparison in the worker, and opens it in the Lab', async ({ page }) => {
  await page.goto('/#/lessons/avalanche');
  await settleVisual(page);
  const section = page.getByRole('group', { name: 'In the lab' });
  const chart = section.getByRole('figure', { name: /One TTL against 30 seconds of jitter/ });
  await expect(chart.getByText(/385 queries in the second after 30 s/)).toBeVisible();
  await chart.getByRole('button', { name: 'Run' }).click();
  await expect(chart.locator('.lab-status')).toHaveText(/^Done in /, { timeout: 60_000 });
  await expect(chart.locator('.line-chart-plot canvas').first()).toBeVisible();
  const legend = chart.getByRole('list', { name: 'Lines' });
  await expect(legend.getByRole('button')).toHaveText([/^DB queries \(A\)/, /^DB queries \(B\)/]);
  const differences = chart.getByRole('table', { name: 'Differences, B against A' });
  // The busiest second: 385 queries with one TTL, 42 with 30 s of jitter.
  await expect(differences.getByRole('row', { name: /DB load peak/ })).toContainText('−343');
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);

  await chart.getByRole('link', { name: 'Open these settings in the Lab' }).click();
  await expect(page).toHaveURL(/#\/playground\/lab\?lab=load&scenario=avalanche&compare=on&jitterB=30$/);
  await expect(page.getByRole('tab', { name: 'Load', selected: true })).toBeVisible();
});
