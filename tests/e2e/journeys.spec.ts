import { expect, test } from '@playwright/test';
import { LESSON, expectStep, narration, openLesson, readStep, stepCounter } from './helpers.ts';
import { serveWithPolicyHeader } from './support/siteGuards.ts';

test('a learner finds the lesson through the navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeFocused();
  await page.getByRole('link', { name: 'Cache-aside', exact: false }).first().click();
  await expect(page).toHaveURL(/#\/lessons\/cache-aside$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Visual' })).toBeVisible();
  await expectStep(page, 0);
});

test('stepping forward and back changes the narration and the counter', async ({ page }) => {
  await openLesson(page);
  const first = await narration(page).textContent();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectStep(page, 1);
  await expect(narration(page)).not.toHaveText(first ?? '');
  const second = await narration(page).textContent();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectStep(page, 2);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expectStep(page, 1);
  await expect(narration(page)).toHaveText(second ?? '');
  await expect(page).toHaveURL(/step=1$/);
});

test('play runs to the end and stops', async ({ page }) => {
  await openLesson(page);
  // Without the lesson's questions, which would stop it on the way (questions.spec.ts).
  await page.getByRole('switch', { name: 'Questions' }).click();
  await expect(page.getByRole('switch', { name: 'Questions' })).toHaveAttribute('aria-checked', 'false');
  // Fastest speed, so the whole run plays in a few seconds.
  for (let i = 0; i < 4; i++) await page.getByRole('figure', { name: 'System diagram' }).press('+');
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '4\u00d7');
  const { last } = await readStep(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(stepCounter(page)).toHaveText(`Step ${last} of ${last}`, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('reloading a deep link lands on the same frame', async ({ page }) => {
  await openLesson(page, '?scenario=cache-aside-write&seed=3&step=6');
  await expectStep(page, 6);
  const shown = await narration(page).textContent();
  await page.reload();
  await expectStep(page, 6);
  await expect(narration(page)).toHaveText(shown ?? '');
  await expect(
    page.getByRole('tablist', { name: 'Scenarios' }).getByRole('tab', { selected: true }),
  ).toHaveText(/write/i);
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('3');
});

test('an invalid deep link explains itself and shows the default frame', async ({ page }) => {
  await page.goto(`${LESSON}?scenario=nope&seed=-4&step=zzz`);
  const problems = page.getByRole('region', { name: /link could not be used/ });
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('\u201cnope\u201d');
  await expect(problems).toContainText('seed \u201c-4\u201d');
  await expect(problems).toContainText('step \u201czzz\u201d');
  await expectStep(page, 0);
  await expect(page).toHaveURL(/\?scenario=cache-aside-read&seed=1&step=0$/);
});

test('the player works from the keyboard alone', async ({ page }) => {
  await openLesson(page);
  const diagram = page.getByRole('figure', { name: 'System diagram' });
  // Tab from the top of the page until the diagram has focus.
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await diagram.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(diagram).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1);
  await page.keyboard.press('End');
  const { last } = await readStep(page);
  await expectStep(page, last);
  await page.keyboard.press('Home');
  await expectStep(page, 0);
  const speed = page.getByRole('slider', { name: 'Speed' });
  await page.keyboard.press('+');
  await expect(speed).toHaveAttribute('aria-valuetext', '1.4\u00d7');
  await expect(page.getByText('1.4\u00d7', { exact: true })).toBeVisible();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(speed).toHaveAttribute('aria-valuetext', '0.71\u00d7');
  await expect(page.getByText('0.71\u00d7', { exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Tab onward to Step forward and press it with Space: exactly one step.
  const { step } = await readStep(page);
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab');
    if (await forward.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(forward).toBeFocused();
  await page.keyboard.press('Space');
  await expectStep(page, step + 1);
});

test('unknown addresses get a real 404 page with a way back', async ({ page }) => {
  await page.goto('/#/this/does/not/exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Where to go from here' })
    .getByRole('link', { name: 'Roadmap' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
});

test('the site loads nothing from other origins', async ({ page, baseURL }) => {
  const own = new URL(baseURL ?? 'http://invalid').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== own) foreign.push(request.url());
  });
  await openLesson(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  expect(foreign).toEqual([]);
});

test('the lesson runs under a strict Content-Security-Policy', async ({ page }) => {
  // The site must work with no inline script or style and nothing from elsewhere; serve every
  // document with the site's policy as a header too and fail on any violation the browser reports.
  await serveWithPolicyHeader(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await openLesson(page, '?scenario=cache-aside-wrong-order&seed=1&step=0');
  await page.getByRole('button', { name: 'Play' }).click();
  await expectStep(page, 3);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByText(/Divergence: /).first()).toBeVisible();
  expect(violations).toEqual([]);
});
