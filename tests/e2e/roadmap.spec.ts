import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON } from './helpers.ts';

/** The roadmap, the cards, their review and the tasks, in real Chromium; each test starts with empty storage. */

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include !== undefined) builder.include(include);
  const results = await builder.analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

const cardsSection = (page: Page) => page.locator('#explain-it');
const tasksSection = (page: Page) => page.locator('#do-this-today');
const flipControl = (scope: ReturnType<Page['locator']> | Page) =>
  scope.getByRole('button', { name: /^(Question|Answer) / }).first();
const ratings = (scope: ReturnType<Page['locator']> | Page) =>
  scope.getByRole('group', { name: 'How well did you know it?' });
const courseRow = (page: Page, title: string) =>
  page
    .getByRole('region', { name: 'The course' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });

async function openLessonCards(page: Page) {
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await cardsSection(page).scrollIntoViewIfNeeded();
  await expect(flipControl(cardsSection(page))).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the roadmap, fresh and under way, with its shortcuts dialog, has no axe violations', async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/#/');
      await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
      await expectNoAxeViolations(page);

      await openLessonCards(page);
      await page.goto('/#/');
      await expect(page.getByRole('progressbar', { name: 'Course complete' })).toBeVisible();
      await expect(courseRow(page, 'Cache-aside')).toContainText('In progress');
      await expectNoAxeViolations(page);

      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('a lesson’s cards, flipped and rated, and its tasks have no axe violations', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openLessonCards(page);
      await flipControl(cardsSection(page)).click();
      await expect(ratings(cardsSection(page))).toBeVisible();
      await expectNoAxeViolations(page, '#explain-it');
      await ratings(cardsSection(page)).getByRole('button', { name: /^Good/ }).click();
      await expect(cardsSection(page).getByRole('status').first()).toContainText(
        'Saved. Next review in 3 days',
      );
      await expectNoAxeViolations(page, '#explain-it');

      await tasksSection(page).getByRole('checkbox').first().click();
      await expectNoAxeViolations(page, '#do-this-today');
    });

    test('the Review page, with cards due and empty, has no axe violations', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/#/review');
      await expect(page.getByRole('heading', { level: 2, name: 'No cards yet' })).toBeVisible();
      await expectNoAxeViolations(page);

      await openLessonCards(page);
      await page.goto('/#/review');
      await flipControl(page).click();
      await expect(ratings(page)).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('a card flips with a click and the keyboard, and a rating says when it comes back', async ({ page }) => {
  await openLessonCards(page);
  const section = cardsSection(page);
  const card = flipControl(section);
  await expect(card).toHaveAccessibleDescription('Showing the question');
  await card.click();
  await expect(card).toHaveAccessibleDescription('Showing the answer');
  await expect(section.getByRole('link', { name: /^See it happen/ }).first()).toHaveAttribute(
    'href',
    /^#\/lessons\/cache-aside\?scenario=[\w-]+&seed=1&step=\d+$/,
  );
  await card.press('Enter');
  await expect(card).toHaveAccessibleDescription('Showing the question');
  await card.press('Space');
  await expect(card).toHaveAccessibleDescription('Showing the answer');

  const good = ratings(section).getByRole('button', { name: 'Good, due again in 3 days' });
  await expect(good).toBeVisible();
  await good.click();
  await expect(ratings(section)).toHaveCount(0);
  await expect(section.getByText(/^1 of \d+$/)).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('cachescope.review') ?? '{}'));
  const [key] = Object.keys(saved.state.cards);
  expect(key).toMatch(/^cache-aside\//);

  // The See-it-happen link moves the lesson's player to the step that shows the answer.
  await section
    .getByRole('link', { name: /^See it happen/ })
    .first()
    .click();
  await expect(page).toHaveURL(/scenario=[\w-]+&seed=1&step=\d+/);
  await expect(page.getByText(/^Step \d+ of \d+$/)).toBeVisible();
});

test('the Review page shows the cards due one at a time, then when the next is due', async ({ page }) => {
  await openLessonCards(page);
  const total = await cardsSection(page).getByRole('article').count();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: `Review, ${total} cards due` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByText(`${total} cards due`, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'From the lesson Cache-aside' })).toBeVisible();

  for (let left = total; left > 0; left--) {
    const card = flipControl(page);
    await card.press('Enter');
    await ratings(page).getByRole('button', { name: /^Good/ }).click();
  }
  await expect(
    page.getByRole('heading', { level: 2, name: `Done for now: ${total} cards reviewed` }),
  ).toBeFocused();
  await expect(page.getByText(/^The next card is due in 3 days/)).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'All caught up' })).toBeVisible();
});

test('tasks checked on a lesson show on the roadmap after a reload, and a shortcut marks it done', async ({
  page,
}) => {
  await page.goto(LESSON);
  const tasks = tasksSection(page);
  await tasks.scrollIntoViewIfNeeded();
  const boxes = tasks.getByRole('checkbox');
  const count = await boxes.count();
  await boxes.nth(0).click();
  await boxes.nth(1).focus();
  await page.keyboard.press('Space');
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();

  await page.goto('/#/');
  await page.reload();
  const row = courseRow(page, 'Cache-aside');
  await expect(row).toContainText('In progress');
  await expect(row).toContainText(`Tasks 2 of ${count}`);
  await expect(page.getByRole('link', { name: 'Continue Cache-aside' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Course complete' })).not.toHaveAttribute(
    'aria-valuenow',
    '0',
  );

  const link = row.getByRole('link', { name: 'Cache-aside', exact: true });
  await link.focus();
  await page.keyboard.press('d');
  await expect(row).toContainText('Done');
  await expect(page.getByText('Cache-aside marked done.')).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(link).toBeFocused();

  await page.reload();
  await expect(courseRow(page, 'Cache-aside')).toContainText('Done');
});
