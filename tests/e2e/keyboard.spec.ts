import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { curriculum } from '../../src/content/curriculum.ts';
import { computedQuestion, readStep, stepCounter } from './helpers.ts';

// The whole course loop for one lesson with the keyboard alone (courseJourney.spec.ts does it with
// the mouse): Tab and Enter from the roadmap into the lesson, the Visual stepped with → and its
// question answered from the keyboard, the step log opened and read, every card flipped and rated,
// every task checked with Space, and the lesson Done; then an axe scan in both themes. No clicks:
// each control is reached by Tab, the way a person without a mouse reaches it.

const LESSON_ID = 'pubsub';
const SCENARIO = 'chat-fanout';
const title = curriculum.find((entry) => entry.id === LESSON_ID)?.title ?? LESSON_ID;

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    // The target may not be there yet: parts of a lesson come as the page scrolls near them.
    if (
      (await target.count()) > 0 &&
      (await target.evaluate((element) => element === document.activeElement))
    )
      return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The focused element shows a ring: an outline at least 2 px wide (the base style draws 3 px). */
async function expectFocusRing(target: Locator) {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

const progressLine = (page: Page) => page.getByRole('region', { name: 'Your progress:' });

test('a learner completes a lesson with the keyboard alone', async ({ page }) => {
  // Some two hundred key presses, each followed by a look at the focus, and two scans: minutes on a
  // busy machine.
  test.setTimeout(240_000);

  // The roadmap: Tab past the skip link and the navigation to the lesson's link, and follow it.
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const lessonLink = page
    .getByRole('region', { name: 'The course' })
    .getByRole('link', { name: title, exact: true });
  await tabTo(page, lessonLink, { max: 60 });
  await expectFocusRing(lessonLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/lessons/${LESSON_ID}`));
  const heading = page.getByRole('heading', { level: 1, name: title });
  await expect(heading).toBeFocused();
  await expect(progressLine(page)).toContainText('Visual 0 of 1');

  // The Visual: Tab from the heading to the diagram, and step with →.
  const diagram = page.getByRole('figure', { name: 'System diagram' });
  await tabTo(page, diagram, { max: 40 });
  await expectFocusRing(diagram);
  const { last } = await readStep(page);
  const choices = page.getByRole('radiogroup');
  for (let presses = 0; presses < last && !(await choices.isVisible()); presses++) {
    const { step } = await readStep(page);
    await page.keyboard.press('ArrowRight');
    await expect(
      page
        .getByText(`Step ${step + 1} of ${last}`, { exact: true })
        .or(choices)
        .first(),
    ).toBeVisible();
  }
  await expect(choices).toBeVisible();
  const { step: before } = await readStep(page);
  expect(before).toBeGreaterThan(0);

  // The question has focus on its prompt; answer from the keyboard: Tab to the choices, arrows, Tab, Enter.
  const prompt = (await page.locator('.question-prompt').textContent()) ?? '';
  await expect(page.getByRole('heading', { level: 3, name: prompt })).toBeFocused();
  const computed = computedQuestion(SCENARIO, before + 1, prompt);
  const right = computed.choices.find((choice) => choice.id === computed.answer);
  if (right === undefined) throw new Error('the question has no right choice');
  const rightAt = computed.choices.indexOf(right);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio').first()).toBeFocused();
  if (rightAt === 0) await page.keyboard.press('Space');
  for (let i = 0; i < rightAt; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: right.label, exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check my answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Right/ })).toBeFocused();
  await expect(page.getByText('1 of 1 right the first time')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();

  // The step log, from the keyboard: every step so far in words, the one shown marked.
  const logToggle = page.getByRole('button', { name: 'Step log' });
  await tabTo(page, logToggle, { max: 15 });
  await expectFocusRing(logToggle);
  await expect(logToggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(logToggle).toHaveAttribute('aria-expanded', 'true');
  const log = page.getByRole('list', { name: 'Steps so far' });
  const { step: now } = await readStep(page);
  const entries = log.getByRole('button');
  await expect(entries).toHaveCount(now + 1);
  await expect(entries.first()).toHaveAccessibleName(/^Step 0, at [\d,.]+ m?s: ./);
  await expect(entries.last()).toHaveAttribute('aria-current', 'step');
  await expect(log.locator('[aria-current="step"]')).toHaveCount(1);
  // The log is in the Tab order, right after its button.
  await page.keyboard.press('Tab');
  await expectFocusRing(entries.first());
  await page.keyboard.press('Shift+Tab');
  await expect(logToggle).toBeFocused();

  // On to the end with → (the player's keys work from any of its controls); the log follows.
  for (let step = now + 1; step <= last; step++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepCounter(page)).toHaveText(`Step ${step} of ${last}`);
  }
  await expect(entries).toHaveCount(last + 1);
  await expect(entries.last()).toHaveAttribute('aria-current', 'step');
  await expect(progressLine(page)).toContainText('Visual 1 of 1');
  // Closed again, with focus staying on its button.
  await expect(logToggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(log).toHaveCount(0);
  await expect(logToggle).toHaveAttribute('aria-expanded', 'false');

  // Every card: Tab to it, Enter flips it, Tab to "Good", Enter rates it.
  const cards = page.locator('#explain-it').getByRole('article');
  // The cards come as Tab brings the page near them.
  await tabTo(page, cards.first().getByRole('button', { name: /^Question / }), { max: 200 });
  const cardCount = await cards.count();
  expect(cardCount).toBeGreaterThanOrEqual(4);
  for (let index = 0; index < cardCount; index++) {
    const card = cards.nth(index);
    const surface = card.getByRole('button', { name: /^Question / });
    await tabTo(page, surface, { max: 60 });
    await expectFocusRing(surface);
    await page.keyboard.press('Enter');
    const good = card
      .getByRole('group', { name: 'How well did you know it?' })
      .getByRole('button', { name: /^Good/ });
    await tabTo(page, good, { max: 5 });
    await expectFocusRing(good);
    await page.keyboard.press('Enter');
    await expect(good).toHaveCount(0);
  }
  await expect(
    page.locator('#explain-it').getByText(`${cardCount} of ${cardCount}`, { exact: true }),
  ).toBeVisible();

  // Every task: Tab to it, Space checks it.
  const boxes = page.locator('#do-this-today').getByRole('checkbox');
  const taskCount = await boxes.count();
  expect(taskCount).toBeGreaterThan(0);
  for (let index = 0; index < taskCount; index++) {
    await tabTo(page, boxes.nth(index), { max: 10 });
    await expectFocusRing(boxes.nth(index));
    await page.keyboard.press('Space');
    await expect(boxes.nth(index)).toBeChecked();
  }

  // Done, and nothing for axe to find in either theme.
  await expect(progressLine(page)).toContainText('Done');
  await expect(progressLine(page)).toContainText('everything in it is done');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
});
