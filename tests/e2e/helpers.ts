import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const LESSON = '/#/lessons/cache-aside';

export function stepCounter(page: Page) {
  return page.getByText(/^Step \d+ of \d+$/);
}

export function narration(page: Page) {
  return page.getByRole('status', { name: 'Narration' });
}

/** The step number and the last step, read off the "Step N of M" line. */
export async function readStep(page: Page): Promise<{ step: number; last: number }> {
  const text = (await stepCounter(page).textContent()) ?? '';
  const match = /^Step (\d+) of (\d+)$/.exec(text.trim());
  if (match === null) throw new Error(`no step counter in "${text}"`);
  return { step: Number(match[1]), last: Number(match[2]) };
}

export async function expectStep(page: Page, step: number) {
  await expect(stepCounter(page)).toHaveText(new RegExp(`^Step ${step} of \\d+$`));
}

/** Waits for the player to show its first frame. */
export async function openLesson(page: Page, query = '') {
  await page.goto(`${LESSON}${query}`);
  await expect(stepCounter(page)).toBeVisible();
}
