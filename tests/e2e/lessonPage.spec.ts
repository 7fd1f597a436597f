import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON, expectStep } from './helpers.ts';

const SECTIONS = [
  'Big idea',
  'Intuition',
  'Visual',
  'Depth',
  'Code lab',
  'Common pitfalls',
  'Real world',
  'Interview angle',
  'Explain it',
  'Do this today',
  'Takeaways & terms',
];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

const codeLab = (page: Page) => page.getByRole('region', { name: /^Code lab: / });

// A lesson page is long (the player, the code lab, eleven sections): axe takes a while to check it.
test.describe.configure({ timeout: 120_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a lesson shows its eleven sections in order, with the code highlighted (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(LESSON);
    const headings = page.locator('.lesson-content > section > h2');
    await expect(headings).toHaveText(SECTIONS.map((title) => new RegExp(`${title}$`)));
    await expect(page.getByText(/^\d+ min read$/)).toBeVisible();
    // Shiki is loaded on demand, once the code lab nears the screen, and colours each token for the
    // theme in use.
    await page.locator('#code-lab').scrollIntoViewIfNeeded();
    await expect(codeLab(page).locator('.code-token').first()).toBeVisible();
    const keyword = codeLab(page)
      .locator('.code-token', { hasText: /^export$/ })
      .first();
    const color = await keyword.evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe(colorScheme === 'light' ? 'rgb(207, 34, 46)' : 'rgb(255, 123, 114)');
    await page.getByText('Show the answer').click();
    await expect(page.getByText('Hide the answer')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the table of contents moves to a section and marks the one on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LESSON);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link', { name: /Big idea/ })).toHaveAttribute('aria-current', 'location');
  await toc.getByRole('link', { name: /Real world/ }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Real world' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(toc.getByRole('link', { name: /Real world/ })).toHaveAttribute('aria-current', 'location');
  // The place is kept: opening the lesson again offers to continue there.
  await page.waitForTimeout(1500);
  await page.goto('/#/lessons');
  await page.goto(LESSON);
  const offer = page.getByRole('link', { name: 'Continue where you left off: Real world' });
  await expect(offer).toBeVisible();
  await expect(heading).not.toBeInViewport();
  await offer.click();
  await expect(heading).toBeFocused();
});

test('on a phone the table of contents is a collapsible list at the top', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(LESSON);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link', { name: /Depth/ })).toBeHidden();
  await toc.getByText('On this page').click();
  await toc.getByRole('link', { name: /Depth/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Depth' })).toBeFocused();
  await expectNoAxeViolations(page);
});

test('the Code lab’s Copy button copies the code and says "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON);
  // The code lab comes as it nears the screen.
  await page.locator('#code-lab').scrollIntoViewIfNeeded();
  const copy = page.getByRole('button', { name: /^Copy cache-aside\.ts$/ });
  await copy.click();
  await expect(page.getByRole('button', { name: /^Copied cache-aside\.ts$/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('export async function getEmail(');
  expect(copied).not.toMatch(/^\s*1\s/);
});

test('stepping the Visual highlights the line that runs in the Code lab', async ({ page }) => {
  await page.goto(`${LESSON}?scenario=cache-aside-read&seed=1&step=0`);
  await expectStep(page, 0);
  await expect(codeLab(page).locator('.is-current')).toHaveCount(0);
  const forward = page.getByRole('button', { name: /Step forward/ });
  for (let step = 1; step <= 12; step++) {
    await forward.click();
    await expectStep(page, step);
    if ((await page.locator('.code-panel .code-line.is-current').count()) > 0) break;
  }
  const playerLine = await page.locator('.code-panel .code-line.is-current').getAttribute('data-line');
  expect(playerLine).not.toBeNull();
  await page.locator('#code-lab').scrollIntoViewIfNeeded();
  await expect(codeLab(page).locator('mark.code-lab-line.is-current')).toHaveAttribute(
    'data-line',
    playerLine!,
  );
  await expect(page.getByText(new RegExp(`line ${playerLine} runs \\(marked ▶\\)`))).toBeVisible();
});

test('the Glossary finds a term, and its link opens the lesson that teaches it', async ({ page }) => {
  await page.goto('/#/glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('sticky');
  await expect(page.getByRole('status')).toHaveText(/of \d+ terms match “sticky”/);
  const entry = page.locator('.glossary-entry').first();
  await expect(entry.locator('dt')).toHaveText('Sticky sessions');
  await expectNoAxeViolations(page);
  await entry.getByRole('link', { name: /Session stores/ }).click();
  await expect(page).toHaveURL(/#\/lessons\/sessions#terms$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Takeaways & terms' })).toBeFocused();
  // And a term in the lesson links back to its entry.
  await page.getByRole('link', { name: /^In the glossary\s*:\s*Sticky sessions$/ }).click();
  await expect(page.locator('#term-sticky-sessions')).toBeFocused();
});

test('read-aloud reads the lesson a paragraph at a time, with pause, resume, stop and speed', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const voices = [
      { name: 'Test English', lang: 'en-US', voiceURI: 'test-en', default: true, localService: true },
      { name: 'Test German', lang: 'de-DE', voiceURI: 'test-de', default: false, localService: true },
    ];
    const spoken: { text: string; rate: number; onend: (() => void) | null }[] = [];
    class Utterance {
      rate = 1;
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: unknown = null;
      constructor(public text: string) {}
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak: (u: Utterance) => spoken.push(u),
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'spoken', { value: spoken });
  });
  await page.goto(LESSON);
  const control = page.getByRole('group', { name: 'Read aloud' });
  await expect(control.getByRole('combobox', { name: 'Voice' }).locator('option')).toHaveText([
    'Test English (en-US)',
  ]);
  await control.getByRole('combobox', { name: 'Speed' }).selectOption('1.25');
  await control.getByRole('button', { name: 'Listen' }).click();
  await expect(page.locator('[data-reading]')).toHaveText(/Big idea$/);
  await page.evaluate(() =>
    (window as unknown as { spoken: { onend: () => void }[] }).spoken.at(-1)!.onend(),
  );
  const reading = page.locator('[data-reading]');
  await expect(reading).toHaveCount(1);
  await expect(reading).toBeInViewport();
  const text = await reading.textContent();
  const spoken = await page.evaluate(() =>
    (window as unknown as { spoken: { text: string; rate: number }[] }).spoken.map(({ text, rate }) => ({
      text,
      rate,
    })),
  );
  expect(spoken.at(-1)).toEqual({ text: text!.replace(/\s+/g, ' ').trim(), rate: 1.25 });
  await control.getByRole('button', { name: 'Pause reading' }).click();
  await expect(control.getByRole('status')).toHaveText(/^Paused at paragraph 2 of \d+\.$/);
  await control.getByRole('button', { name: 'Resume reading' }).click();
  await expectNoAxeViolations(page);
  await control.getByRole('button', { name: 'Stop reading' }).click();
  await expect(page.locator('[data-reading]')).toHaveCount(0);
  // The speed is kept for the next visit.
  await page.reload();
  await expect(control.getByRole('combobox', { name: 'Speed' })).toHaveValue('1.25');
});

test('without speech synthesis, read-aloud says it is not available', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  });
  await page.goto(LESSON);
  const notice = page.getByRole('group', { name: 'Read aloud' });
  await expect(notice.getByText(/Read aloud\s+is not available/)).toBeVisible();
  // The reason is one click (or Enter) away.
  const reason = notice.getByText('This browser cannot speak text: it has no speech synthesis.');
  await expect(reason).toBeHidden();
  await notice.getByText(/is not available/).click();
  await expect(reason).toBeVisible();
});
