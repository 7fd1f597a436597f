import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LESSON, expectStep } from './helpers.ts';

const PAGES: { name: string; path: string; toEnd?: boolean }[] = [
  { name: 'roadmap', path: '/#/' },
  { name: 'lessons', path: '/#/lessons' },
  { name: 'lesson', path: LESSON },
  { name: 'lesson mid-run (highlights)', path: `${LESSON}?scenario=cache-aside-read&seed=1&step=8` },
  {
    name: 'lesson with a stale entry',
    path: `${LESSON}?scenario=cache-aside-wrong-order&seed=1`,
    toEnd: true,
  },
  { name: 'lesson with a bad link', path: `${LESSON}?scenario=nope&seed=x&step=-1` },
  { name: 'penetration lesson', path: '/#/lessons/penetration' },
  { name: 'avalanche lesson', path: '/#/lessons/avalanche' },
  { name: 'stampede lesson', path: '/#/lessons/stampede' },
  { name: 'ttl-eviction lesson', path: '/#/lessons/ttl-eviction' },
  { name: 'review', path: '/#/review' },
  { name: 'playground', path: '/#/playground' },
  {
    name: 'playground with a built run',
    path: '/#/playground?from=stale-overwrite-race&clients=3&nodes=3&lb=sticky&l1=10&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=lease&sessions=node-memory&seed=1&step=12',
  },
  {
    name: 'playground with impossible settings and a bad link',
    path: '/#/playground?from=stale-overwrite-race&clients=1&inv=outbox&ttl=soon',
  },
  { name: 'lab', path: '/#/playground/lab' },
  { name: 'lab with a bad link', path: '/#/playground/lab?lab=sharding&nodes=lots&schemes=ring,jump' },
  { name: 'load lab with a bad link', path: '/#/playground/lab?lab=load&scenario=stampede&beta=2&rate=fast' },
  { name: 'glossary', path: '/#/glossary' },
  { name: '404', path: '/#/no/such/page' },
];

// A whole lesson page gives axe a lot to check: seconds on a 2-core machine shared with other work.
test.describe.configure({ timeout: 90_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { name, path, toEnd = false } of PAGES) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (toEnd) {
          await page.getByRole('button', { name: 'Jump to end' }).click();
          await expect(page.getByText(/Divergence: /).first()).toBeVisible();
        }
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(({ id, help, nodes }) => ({
            id,
            help,
            targets: nodes.map((n) => n.target),
          })),
        ).toEqual([]);
      });
    }

    test('the player has no axe violations while playing', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(LESSON);
      await expectStep(page, 0);
      await page.getByRole('button', { name: 'Play' }).click();
      await expectStep(page, 2);
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((n) => n.target) })),
      ).toEqual([]);
    });
  });
}
