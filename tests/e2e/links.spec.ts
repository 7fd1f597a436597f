import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// Every internal link resolves: the test visits each page of the site, every lesson among them,
// collects every link that stays on the site, and follows each one: the page it opens is not "Page
// not found", the section or glossary entry it names exists, and a link to a step of a Visual opens
// the player on that step.

const START = ['/', '/lessons', '/glossary', '/review', '/scenarios', '/playground', '/playground/lab'];

async function internalLinks(page: Page): Promise<string[]> {
  return page
    .locator('a[href^="#/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

async function expectFound(page: Page, href: string) {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading, href).toBeVisible();
  await expect(heading, href).not.toHaveText('Page not found');
}

test('every link inside the site opens a page, a section or a step that exists', async ({ page }) => {
  // About two hundred links, each opened: far more than one page's worth of time.
  test.setTimeout(300_000);
  const pages = new Set(START);
  const links = new Set<string>();
  await page.goto('/#/lessons');
  for (const href of await internalLinks(page)) {
    const path = href.slice(1).split(/[?#]/)[0] ?? '';
    if (path.startsWith('/lessons/')) pages.add(path);
  }
  expect(pages.size).toBeGreaterThan(START.length + 10);

  for (const path of pages) {
    await page.goto(`/#${path}`);
    await expectFound(page, path);
    for (const href of await internalLinks(page)) links.add(href);
  }

  for (const href of [...links].sort()) {
    await page.goto(`/${href}`);
    await expectFound(page, href);
    const route = href.slice(1);
    const query = new URLSearchParams(route.split('?')[1]?.split('#')[0] ?? '');
    const fragment = route.split('#')[1];
    if (fragment !== undefined && fragment !== '')
      await expect(page.locator(`[id="${fragment}"]`), href).toHaveCount(1);
    const step = query.get('step');
    if (step !== null) await expect(page.getByText(new RegExp(`^Step ${step} of \\d+$`)), href).toBeVisible();
  }
  expect(links.size).toBeGreaterThan(50);
});
