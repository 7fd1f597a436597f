import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { computedQuestion, expectStep, readStep } from './helpers.ts';

// A learner meets a predict-then-reveal question in a lesson's Visual: the player stops, they answer
// wrong and see the right answer and why, carry on, and find their score again after a reload; and
// they turn questions off. The lesson's questions are the writers' to change, so the test finds the
// first one by stepping, and works out its answer from the same run the page replays.

const SCENARIO = 'write-around';
const LESSON = `/#/lessons/write-strategies?scenario=${SCENARIO}&seed=1&step=0`;

const question = (page: Page) => page.getByRole('radiogroup');
const toggle = (page: Page) => page.getByRole('switch', { name: 'Questions' });

/** Steps forward with → on the diagram until the player stops for a question. */
async function stepToQuestion(page: Page): Promise<number> {
  await page.getByRole('figure', { name: 'System diagram' }).focus();
  for (let presses = 0; presses < 60; presses++) {
    const { step } = await readStep(page);
    await page.keyboard.press('ArrowRight');
    // Either the next step shows, or the question does (and the step stays).
    const next = page.getByText(new RegExp(`^Step ${step + 1} of \\d+$`));
    await expect(next.or(question(page)).first()).toBeVisible();
    if (await question(page).isVisible()) return step;
  }
  throw new Error('no question on the way');
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('a question stops the player; a wrong answer shows the right one, and the score stays', async ({
      page,
    }) => {
      // Two accessibility scans, a reload and a dozen steps: more than the default 30 s on a busy machine.
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto(LESSON);
      await expect(page.getByText(/Score: none of \d+ questions answered yet/)).toBeVisible();
      const before = await stepToQuestion(page);

      // The player stays on the step before; the prompt has focus, and the step cannot be skipped.
      await expectStep(page, before);
      const eyebrow = await page.getByText(/^Question \d+ of \d+: what does step \d+ show\?$/).textContent();
      const step = Number(/step (\d+) show/.exec(eyebrow ?? '')?.[1]);
      expect(step).toBe(before + 1);
      const promptText = (await page.locator('.question-prompt').textContent()) ?? '';
      const prompt = page.getByRole('heading', { level: 3, name: promptText });
      await expect(prompt).toBeFocused();
      await expect(question(page)).toHaveAccessibleName(promptText);
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expectStep(page, before);
      await expect(prompt).toBeFocused();
      await expectNoAxeViolations(page);

      const computed = computedQuestion(SCENARIO, step, promptText);
      const right = computed.choices.find((c) => c.id === computed.answer);
      const wrong = computed.choices.find((c) => c.id !== computed.answer);
      if (right === undefined || wrong === undefined)
        throw new Error('a question needs a right and a wrong choice');

      // Answer wrong, from the keyboard: Tab to the choices, pick with Space or the arrows, Tab to Check.
      const wrongAt = computed.choices.indexOf(wrong);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('radio').first()).toBeFocused();
      if (wrongAt === 0) await page.keyboard.press('Space');
      for (let i = 0; i < wrongAt; i++) await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: wrong.label, exact: true })).toBeChecked();
      await expectStep(page, before);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Check my answer' })).toBeFocused();
      await page.keyboard.press('Enter');
      const verdict = page.getByRole('heading', { name: `Not quite. The answer is “${right.label}”.` });
      await expect(verdict).toBeVisible();
      await expect(verdict).toBeFocused();
      await expectStep(page, step);
      const choices = page.getByRole('list', { name: 'The choices' });
      await expect(choices.getByRole('listitem').filter({ hasText: right.label })).toContainText(
        '(the right answer)',
      );
      await expect(choices.getByRole('listitem').filter({ hasText: wrong.label })).toContainText(
        '(your answer, wrong)',
      );
      await expect(page.getByText('Why:')).toBeVisible();
      await expect(page.getByText('0 of 1 right the first time')).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(verdict).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expectStep(page, step + 1);

      await page.reload();
      await expect(page.getByText('0 of 1 right the first time')).toBeVisible();
    });

    test('questions can be turned off, and stay off after a reload', async ({ page }) => {
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto(LESSON);
      await expect(toggle(page)).toHaveAttribute('aria-checked', 'true');
      await toggle(page).click();
      await expect(toggle(page)).toHaveAttribute('aria-checked', 'false');
      await expect(page.getByText('The player plays through without asking.')).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('figure', { name: 'System diagram' }).focus();
      const { last } = await readStep(page);
      for (let step = 1; step <= last; step++) {
        await page.keyboard.press('ArrowRight');
        await expectStep(page, step);
      }
      await expect(question(page)).toHaveCount(0);

      await page.reload();
      await expect(toggle(page)).toHaveAttribute('aria-checked', 'false');
    });
  });
}
