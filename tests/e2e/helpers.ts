import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { runScenario } from '../../src/engine/index.ts';
import { DEFAULT_SEED, getScenario } from '../../src/content/scenarios/index.ts';
import { QUESTION_KINDS } from '../../src/content/lessonSchema.ts';
import { questionAt } from '../../src/ui/questions/questionAt.ts';
import type { ComputedQuestion } from '../../src/ui/questions/questionAt.ts';

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

/**
 * Brings a lesson's Visual into view and waits for its player. It loads as it nears the screen; a
 * test that clicks below it first lets it settle, so that the page does not move under the click.
 */
export async function settleVisual(page: Page) {
  await page.locator('#visual').scrollIntoViewIfNeeded();
  await expect(stepCounter(page)).toBeVisible();
}

export async function expectStep(page: Page, step: number) {
  await expect(stepCounter(page)).toHaveText(new RegExp(`^Step ${step} of \\d+$`));
}

/** Waits for the player to show its first frame. */
export async function openLesson(page: Page, query = '') {
  await page.goto(`${LESSON}${query}`);
  await expect(stepCounter(page)).toBeVisible();
}

/**
 * The question a page shows before `step` of a scenario (the one whose prompt is `prompt`),
 * computed from the same run the page replays, so a test knows the right answer without typing it
 * in. (Lessons import their code as `?raw`, which only Vite reads, so the kind is found by prompt.)
 */
export function computedQuestion(scenarioId: string, step: number, prompt: string): ComputedQuestion {
  const scenario = getScenario(scenarioId);
  if (scenario === undefined) throw new Error(`no scenario ${scenarioId}`);
  const trace = runScenario(scenario, { seed: DEFAULT_SEED, record: 'frames' });
  for (const kind of QUESTION_KINDS) {
    const computed = questionAt(trace, kind, step);
    if (typeof computed !== 'string' && computed.prompt === prompt) return computed;
  }
  throw new Error(`no question at step ${step} of ${scenarioId} asks "${prompt}"`);
}
