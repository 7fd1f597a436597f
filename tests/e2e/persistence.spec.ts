import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON } from './helpers.ts';

/** Saving, corrupt storage, two tabs, export and import, in real Chromium; each test starts with empty storage. */

const PROGRESS_KEY = 'cachescope.progress';
const CORRUPT = '{"state":{"lessons":{"cache-aside":';

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include !== undefined) builder.include(include);
  const results = await builder.analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([]);
}

const courseRow = (page: Page, title: string) =>
  page
    .getByRole('region', { name: 'The course' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** Corrupt saved progress before the app's first load (only the first: a reload reads what it left). */
async function corruptProgressOnFirstLoad(page: Page) {
  await page.addInitScript(
    ([key, text]) => {
      if (sessionStorage.getItem('corrupted') !== null) return;
      sessionStorage.setItem('corrupted', 'yes');
      localStorage.setItem(key, text);
    },
    [PROGRESS_KEY, CORRUPT] as const,
  );
}

/** A valid progress file with nothing in it, as Export writes it. */
async function emptyExport(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const stream = await (await downloading).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const notice = (page: Page) =>
  page.getByRole('status', { name: 'Your saved lesson progress could not be read.' });

test('two tabs stay in step: a lesson started in one shows in the other', async ({ context }) => {
  const roadmap = await context.newPage();
  await roadmap.goto('/#/');
  await expect(courseRow(roadmap, 'Cache-aside')).toContainText('Not started');

  const lesson = await context.newPage();
  await lesson.goto(LESSON);
  await expect(lesson.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();

  // No reload: the roadmap hears the other tab's save.
  await expect(courseRow(roadmap, 'Cache-aside')).toContainText('In progress');
});

test('corrupt saved progress: a notice, a backup, and an app that works', async ({ page }) => {
  await corruptProgressOnFirstLoad(page);
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(notice(page)).toBeVisible();
  await expect(notice(page)).toContainText('Nothing was deleted');

  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('cachescope.progress.backup-'))
      .map((key) => [key, localStorage.getItem(key)]),
  );
  expect(backups).toHaveLength(1);
  expect(backups[0]?.[1]).toBe(CORRUPT);
  await expect(notice(page)).toContainText(backups[0]?.[0] ?? 'no backup');

  const download = page.waitForEvent('download');
  await notice(page).getByRole('link', { name: 'Download the saved text' }).click();
  expect((await download).suggestedFilename()).toMatch(/^cachescope\.progress\.backup-.*\.txt$/);

  // The app works: a lesson opens and is recorded; the notice stays on every page until dismissed.
  await page.goto(LESSON);
  // By name: after an in-page navigation the last page's heading shows until the lesson has loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  await page.goto('/#/');
  await expect(courseRow(page, 'Cache-aside')).toContainText('In progress');
  await notice(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});

test('export, reset, then import the file back on the Your data page', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: 'Cache-aside' })).toBeVisible();
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeFocused();
  await expect(page).toHaveTitle('Your data · CacheScope');
  const exportRegion = page.getByRole('region', { name: 'Export' });
  await expect(exportRegion).toContainText('1 lesson started (0 done)');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/^cachescope-progress-\d{4}-\d\d-\d\d\.json$/);

  await page.getByRole('button', { name: 'Reset all data…' }).click();
  await page
    .getByRole('alertdialog', { name: 'Reset all data?' })
    .getByRole('button', { name: 'Reset all data' })
    .click();
  await expect(exportRegion).toContainText('no lesson started and no card rated');

  await page.getByLabel('Progress file').setInputFiles(file);
  await expect(page.getByRole('radio', { name: /^Merge/ })).toBeChecked();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toContainText('Imported');
  await expect(exportRegion).toContainText('1 lesson started (0 done)');
  await page.goto('/#/');
  await expect(courseRow(page, 'Cache-aside')).toContainText('In progress');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the Your data page, with an import to choose, a problem list and its dialog, has no axe violations', async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/#/data');
      await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel('Progress file').setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"cachescope-progress","version":1}'),
      });
      await expect(page.getByRole('alert')).toContainText('bad.json was not imported');
      await expectNoAxeViolations(page);

      await page.getByLabel('Progress file').setInputFiles({
        name: 'good.json',
        mimeType: 'application/json',
        buffer: Buffer.from(await emptyExport(page)),
      });
      await expect(page.getByRole('group', { name: /How should good\.json be used\?/ })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Reset all data…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the storage notice has no axe violations', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await corruptProgressOnFirstLoad(page);
      await page.goto('/#/data');
      await expect(notice(page)).toBeVisible();
      await expect(page.getByRole('region', { name: 'Backups of unreadable data' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
