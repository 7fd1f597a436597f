import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readStep, stepCounter } from '../e2e/helpers.ts';

/**
 * Playing a whole Visual at the fastest speed (4×) must leave the main thread free: no long task
 * (over 50 ms, the browser's own definition) from Play to the last step. Long tasks are recorded
 * from the first byte with a buffered PerformanceObserver; the ones before Play (loading the page,
 * highlighting the code) are reported, not checked. A timing check, so it runs with `npm run perf`
 * (playwright.perf.config.ts), never in `npm test`.
 */
const LONG_TASK_MS = 50;

const LESSONS = [
  { id: 'stampede', path: '/#/lessons/stampede' },
  { id: 'cache-aside', path: '/#/lessons/cache-aside' },
];

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const tasks: LongTask[] = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
});

const longTasks = (page: Page) => page.evaluate(() => window.__longTasks ?? []);
const now = (page: Page) => page.evaluate(() => performance.now());

function figures(tasks: readonly LongTask[]) {
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  return { count: tasks.length, longest: Math.round(longest) };
}

for (const lesson of LESSONS) {
  test(`${lesson.id}: playing the whole Visual at 4× makes no long task`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(lesson.path);
    // Let the page settle first. The Visual and the code lab load as they near the screen, and the
    // code lab is highlighted once Shiki has loaded: bring each into view once.
    await page.locator('#code-lab').scrollIntoViewIfNeeded();
    await expect(page.locator('.code-lab .code-token').first()).toBeAttached({ timeout: 60_000 });
    await page.locator('#visual').scrollIntoViewIfNeeded();
    await expect(stepCounter(page)).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(1_000);

    // Without the lesson's questions, which would stop the run on the way.
    const questions = page.getByRole('switch', { name: 'Questions' });
    await questions.click();
    await expect(questions).toHaveAttribute('aria-checked', 'false');
    const diagram = page.getByRole('figure', { name: 'System diagram' });
    for (let i = 0; i < 4; i++) await diagram.press('+');
    await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '4\u00d7');

    const { last } = await readStep(page);
    // Found before the clock starts, so the role engine's walk of the page is not counted.
    const playButton = await page.getByRole('button', { name: 'Play' }).elementHandle();
    const playedAt = await now(page);
    await playButton?.click();
    // Waiting must not load the page itself: Playwright's text and role engines walk the whole
    // (long) page on every poll, which makes long tasks of their own. A selector is cheap.
    await page.waitForFunction(
      (done) => [...document.querySelectorAll('.player-step')].some((el) => el.textContent === done),
      `Step ${last} of ${last}`,
      { polling: 250, timeout: 200_000 },
    );
    const endedAt = await now(page);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // A last look for a task that ended with the run (entries arrive after their task).
    await page.waitForTimeout(200);

    const tasks = await longTasks(page);
    const duringPlay = tasks.filter((t) => t.start + t.duration >= playedAt && t.start <= endedAt);
    const beforePlay = tasks.filter((t) => t.start + t.duration < playedAt);
    const play = figures(duringPlay);
    const load = figures(beforePlay);
    const annotate = (type: string, description: string) =>
      test.info().annotations.push({ type: `perf:${type}`, description });
    annotate('steps played', String(last));
    annotate('play time', `${Math.round(endedAt - playedAt)} ms`);
    annotate('long tasks during play', `${play.count} (longest ${play.longest} ms)`);
    annotate('long tasks before play (load, not checked)', `${load.count} (longest ${load.longest} ms)`);

    expect(
      duringPlay.map(
        (t) => `${Math.round(t.duration)} ms at ${Math.round(t.start - playedAt)} ms into the run`,
      ),
      `no task over ${LONG_TASK_MS} ms while the Visual plays`,
    ).toEqual([]);
  });
}
