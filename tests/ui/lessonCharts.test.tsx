import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runLabJob } from '../../src/ui/lab/labJobs.ts';
import { FakeLabWorker } from './labFakeWorker.ts';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/ui/lab/createLabWorker.ts', async () => {
  const { FakeLabWorker: Fake } = await import('./labFakeWorker.ts');
  return { createLabWorker: () => new Fake() };
});

beforeEach(() => FakeLabWorker.reset());

describe('a lesson’s lab charts', () => {
  it('are listed under "In the lab" with what to look for, and run only when asked', async () => {
    renderApp('/lessons/stampede');
    const section = await screen.findByRole('group', { name: 'In the lab' });
    const figures = await within(section).findAllByRole('figure');
    expect(figures.map((f) => within(f).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'No protection against a lock',
      'Single-flight against the lock',
      'XFetch against stale-while-revalidate',
    ]);
    expect(within(figures[0]!).getByText(/about a hundred queries at each expiry/)).toBeInTheDocument();
    // Nothing runs until the reader asks: three comparisons would keep the worker busy for seconds.
    expect(FakeLabWorker.created).toHaveLength(0);
    const link = within(figures[0]!).getByRole('link', { name: 'Open these settings in the Lab' });
    expect(link).toHaveAttribute(
      'href',
      '/playground/lab?lab=load&scenario=stampede&compare=on&protectionB=mutex',
    );
  });

  it('run the lesson’s two configurations on one seed and show the headline chart and the differences', async () => {
    renderApp('/lessons/stampede');
    const user = userEvent.setup();
    const group = await screen.findByRole('group', { name: 'In the lab' });
    const [first] = await within(group).findAllByRole('figure');
    await user.click(within(first!).getByRole('button', { name: 'Run' }));
    const worker = await waitFor(() => FakeLabWorker.latest());
    const job = worker.posted.at(-1)!.job;
    expect(job.kind).toBe('load-run');
    if (job.kind !== 'load-run') return;
    expect([job.scenario, job.seed, job.variants.map((v) => [v.label, v.values.protection])]).toEqual([
      'stampede',
      1,
      [
        ['A', 'none'],
        ['B', 'mutex'],
      ],
    ]);
    worker.finish(runLabJob(job, () => {}));
    const differences = await within(first!).findByRole('table', { name: /Differences/ });
    const peakRow = within(differences).getByRole('row', { name: /DB load peak/ });
    // B − A: 105 queries in the busiest second without the lock, 2 with it.
    expect(peakRow.textContent).toMatch(/−103\s*98\.1\s%\slower/);
    // Compact: the headline chart only, not the Lab's other charts; the tables' headings under the chart's own.
    const captions = [...first!.querySelectorAll('.line-chart figcaption')].map((c) => c.textContent);
    expect(captions).toEqual(['Database queries per second']);
    expect(
      within(first!)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['The two runs', 'Differences, B against A']);
  });
});
