import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { curriculum } from '../../src/content/curriculum.ts';
import { computedQuestion, readStep, stepCounter } from './helpers.ts';

// The whole course loop for one lesson, as a learner meets it: from the roadmap into the lesson, the
// Visual played to its end with its question answered on the way, every card reviewed, every task
// checked; the lesson says it is done, the roadmap shows it, and a reload keeps all of it. The lesson
// is the one with the shortest Visual (one scenario); its question's answer is computed from the run,
// and its cards and tasks are counted on the page, so the writers can change them.

const LESSON_ID = 'pubsub';
const SCENARIO = 'chat-fanout';
const title = curriculum.find((entry) => entry.id === LESSON_ID)?.title ?? LESSON_ID;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

const courseRow = (page: Page) =>
  page
    .getByRole('region', { name: 'The course' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
const progressLine = (page: Page) => page.getByRole('region', { name: 'Your progress:' });

test('a learner completes a lesson start to finish, sees the roadmap update, and a reload keeps it all', async ({
  page,
}) => {
  // A whole Visual, a question, every card and task, two reloads and two scans.
  test.slow();

  // The roadmap: nothing started yet.
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  // Nothing started: the roadmap welcomes rather than measures.
  await expect(page.getByRole('progressbar', { name: 'Course complete' })).toHaveCount(0);
  await expect(courseRow(page)).toContainText('Not started');
  await courseRow(page).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(progressLine(page)).toContainText('In progress');
  await expect(progressLine(page)).toContainText('Visual 0 of 1');

  // The Visual at 4×, stopped by its question; the right answer, worked out from the same run.
  await expect(stepCounter(page)).toBeVisible();
  const diagram = page.getByRole('figure', { name: 'System diagram' });
  for (let i = 0; i < 4; i++) await diagram.press('+');
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '4\u00d7');
  const { last } = await readStep(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const choices = page.getByRole('radiogroup');
  await expect(choices).toBeVisible({ timeout: 30_000 });
  const eyebrow = await page.getByText(/^Question \d+ of \d+: what does step \d+ show\?$/).textContent();
  const step = Number(/step (\d+) show/.exec(eyebrow ?? '')?.[1]);
  const prompt = (await page.locator('.question-prompt').textContent()) ?? '';
  const computed = computedQuestion(SCENARIO, step, prompt);
  const right = computed.choices.find((choice) => choice.id === computed.answer);
  if (right === undefined) throw new Error('the question has no right choice');
  await page.getByRole('radio', { name: right.label, exact: true }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: /^Right/ })).toBeFocused();
  await expect(page.getByText('1 of 1 right the first time')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(stepCounter(page)).toHaveText(`Step ${last} of ${last}`, { timeout: 30_000 });
  await expect(progressLine(page)).toContainText('Visual 1 of 1');

  // Every card: flip it, say how well it was known.
  const cards = page.locator('#explain-it');
  await cards.scrollIntoViewIfNeeded();
  // The cards come as they near the screen.
  await expect(cards.getByRole('article').first()).toBeVisible();
  const cardCount = await cards.getByRole('article').count();
  expect(cardCount).toBeGreaterThanOrEqual(4);
  for (let index = 0; index < cardCount; index++) {
    const card = cards.getByRole('article').nth(index);
    await card.getByRole('button', { name: /^Question / }).press('Enter');
    await card
      .getByRole('group', { name: 'How well did you know it?' })
      .getByRole('button', { name: /^Good/ })
      .click();
  }
  await expect(cards.getByText(`${cardCount} of ${cardCount}`, { exact: true })).toBeVisible();

  // Every task, the last one from the keyboard.
  const boxes = page.locator('#do-this-today').getByRole('checkbox');
  const taskCount = await boxes.count();
  expect(taskCount).toBeGreaterThan(0);
  for (let index = 0; index < taskCount - 1; index++) await boxes.nth(index).click();
  await boxes.last().focus();
  await page.keyboard.press('Space');
  await expect(progressLine(page)).toContainText('Done');
  await expect(progressLine(page)).toContainText('everything in it is done');
  await expectNoAxeViolations(page);

  // The roadmap shows it done, and the course a little further on.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click();
  await expect(courseRow(page)).toContainText('Done');
  const percent = String(Math.floor(100 / curriculum.length));
  await expect(page.getByRole('progressbar', { name: 'Course complete' })).toHaveAttribute(
    'aria-valuenow',
    percent,
  );
  await expect(page.getByRole('link', { name: /^Review, \d+ cards? due$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A reload keeps everything: the status, the score, the cards, the tasks.
  await page.reload();
  await expect(courseRow(page)).toContainText('Done');
  await courseRow(page).getByRole('link', { name: title, exact: true }).click();
  await expect(progressLine(page)).toContainText('Done');
  await expect(progressLine(page)).toContainText(
    `Visual 1 of 1 \u00b7 Cards ${cardCount} of ${cardCount} \u00b7 Tasks ${taskCount} of ${taskCount}`,
  );
  await expect(page.getByText('1 of 1 right the first time')).toBeVisible();
  for (let index = 0; index < taskCount; index++) await expect(boxes.nth(index)).toBeChecked();
});
