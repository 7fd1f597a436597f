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

/** Settings small enough to really run here, in a few milliseconds. */
const SMALL =
  'lab=eviction&alpha=0.9&keys=300&requests=3000&warmup=500&seed=1&sizes=10,50,100&policies=lru,lfu&scale=log&compare=off';
const SMALL_COMPARE = SMALL.replace('compare=off', 'compare=on&alphaB=1.2&keysB=300&requestsB=3000');

async function open(query = '') {
  const app = renderApp(`/playground/lab${query === '' ? '' : `?${query}`}`);
  await screen.findByRole('heading', { level: 1, name: 'Lab' });
  return { ...app, user: userEvent.setup() };
}

/** The worker the page started on opening, once its effect has run. */
async function startedWorker(): Promise<FakeLabWorker> {
  return waitFor(() => FakeLabWorker.latest());
}

/** Answers the latest worker's start message with the real result of its job. */
async function finishForReal(given?: FakeLabWorker) {
  const worker = given ?? (await startedWorker());
  const start = worker.posted.at(-1);
  if (start === undefined) throw new Error('nothing was started');
  worker.finish(runLabJob(start.job, () => undefined));
}

const status = () => screen.getAllByRole('status').find((element) => element.textContent !== '');

beforeEach(() => FakeLabWorker.reset());

describe('the eviction lab', () => {
  it('writes every setting into the address and starts a run in a worker on opening', async () => {
    const app = await open();
    await waitFor(() => expect(app.currentParams().get('lab')).toBe('eviction'));
    const params = app.currentParams();
    expect(Object.fromEntries(params)).toEqual({
      lab: 'eviction',
      alpha: '0.9',
      keys: '10000',
      requests: '60000',
      warmup: '10000',
      seed: '1',
      sizes: '100,200,500,1000,2000',
      policies: 'lru,lfu,fifo,random,redis-lru,redis-lfu',
      scale: 'log',
      compare: 'off',
    });
    expect(screen.getByRole('tab', { name: 'Eviction policies' })).toHaveAttribute('aria-selected', 'true');
    const start = (await startedWorker()).posted[0];
    expect(start?.job).toMatchObject({ kind: 'hit-ratio-curves', sizes: [100, 200, 500, 1000, 2000] });
    expect(screen.getByText('30 simulations, 1.8 million requests in all.')).toBeInTheDocument();
  });

  it('shows progress while the worker runs', async () => {
    await open(SMALL);
    expect(await screen.findByText('Starting\u2026')).toBeInTheDocument();
    FakeLabWorker.latest().progress(9000, 18000);
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('value', '9000');
    expect(bar).toHaveAttribute('max', '18000');
    expect(screen.getByText('50 % \u00b7 9,000 of 18,000 requests')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Running in the background');
  });

  it('shows the result as a chart summary and a table of values', async () => {
    await open(SMALL);
    await finishForReal();
    expect(status()).toHaveTextContent(/^Done in \d+\.\d s\.$/);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const chart = screen.getByRole('figure', { name: 'Hit ratio against cache size' });
    expect(
      within(chart).getByText(
        /^The trace \(α 0\.9, 300 keys, 3,000 requests, the first 500 not counted\): at 100 keys, (LRU|LFU) hits most often \(\d+\.\d %\) and (LRU|LFU) least/,
      ),
    ).toBeInTheDocument();
    expect(
      within(chart).getByText(/Che’s estimate is within \d+\.\d points of exact LRU/),
    ).toBeInTheDocument();
    const table = within(chart).getByRole('table', { name: 'Hit ratio against cache size' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(['Cache size', 'LRU', 'LFU', 'Che’s estimate for LRU']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(['10 keys', '50 keys', '100 keys']);
    expect(within(table).getAllByRole('cell')[0]).toHaveTextContent(/^\d+\.\d %$/);
  });

  it('follows typed settings into the address, and explains text that is not a value', async () => {
    const app = await open(SMALL);
    await finishForReal();
    const alpha = screen.getByRole('textbox', { name: 'Zipf skew α' });
    await app.user.clear(alpha);
    await app.user.type(alpha, 'steep');
    expect(alpha).toHaveAttribute('aria-invalid', 'true');
    expect(alpha).toHaveAccessibleDescription(/Type a number above 0 and at most 3\./);
    expect(app.currentParams().get('alpha')).toBe('0.9');
    // Run with a bad value moves focus to it instead of running.
    const started = FakeLabWorker.latest().posted.length;
    await app.user.click(screen.getByRole('button', { name: 'Run' }));
    expect(alpha).toHaveFocus();
    expect(FakeLabWorker.latest().posted).toHaveLength(started);

    await app.user.clear(alpha);
    await app.user.type(alpha, '1.2');
    await waitFor(() => expect(app.currentParams().get('alpha')).toBe('1.2'));
    expect(alpha).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(/These results are from earlier settings/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Run' }));
    expect(FakeLabWorker.latest().posted.at(-1)?.job).toMatchObject({ variants: [{ alpha: 1.2 }] });
  });

  it('says which settings cannot run together, next to the setting', async () => {
    const app = await open(SMALL.replace('warmup=500', 'warmup=3000'));
    expect(screen.getByRole('textbox', { name: 'Warm-up requests' })).toHaveAccessibleDescription(
      /The warm-up must be shorter than the trace: fewer than 3,000 requests\./,
    );
    // Nothing ran on opening, and Run does not either.
    expect(FakeLabWorker.created).toHaveLength(0);
    await app.user.click(screen.getByRole('button', { name: 'Run' }));
    expect(FakeLabWorker.created).toHaveLength(0);
  });

  it('explains bad values in the link, uses the defaults and rewrites the address', async () => {
    const app = await open('lab=eviction&alpha=abc&sizes=10,x&policies=lru,mru&scale=log');
    const notice = screen.getByRole('region', { name: 'Parts of this link could not be used' });
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'alpha The link’s alpha “abc” is not a number above 0 and at most 3. Using 0.9, the default, instead.',
      'sizes The link’s sizes “10,x” is not 1 to 12 whole numbers from 1 to 1,000,000, separated by commas. Using 100, 200, 500, 1000, 2000, the default, instead.',
      'policies The link’s policies “lru,mru” is not one or more of lru, lfu, fifo, random, redis-lru, redis-lfu, separated by commas. Using lru,lfu,fifo,random,redis-lru,redis-lfu, the default, instead.',
    ]);
    await waitFor(() => expect(app.currentParams().get('alpha')).toBe('0.9'));
    expect(app.currentParams().get('sizes')).toBe('100,200,500,1000,2000');
    // The notice stays after the rewrite, until dismissed.
    expect(screen.getByRole('region', { name: 'Parts of this link could not be used' })).toBeInTheDocument();
    await app.user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Parts of this link could not be used' })).toBeNull();
  });

  it('compares two traces: both sets of lines, and a table of differences', async () => {
    await open(SMALL_COMPARE);
    expect(screen.getByRole('checkbox', { name: /Compare with a second trace/ })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'B: Zipf skew α' })).toHaveValue('1.2');
    await finishForReal();
    const chart = screen.getByRole('figure', { name: 'Hit ratio against cache size' });
    const values = within(chart).getByRole('table', { name: 'Hit ratio against cache size' });
    expect(
      within(values)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Cache size',
      'LRU (A)',
      'LFU (A)',
      'Che’s estimate for LRU (A)',
      'LRU (B)',
      'LFU (B)',
      'Che’s estimate for LRU (B)',
    ]);
    expect(
      within(chart).getByText(/^At 100 keys, B differs from A by [+−]\d+\.\d points/),
    ).toBeInTheDocument();
    const differences = screen.getByRole('table', { name: 'Differences, B against A' });
    expect(
      within(differences)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['LRU', 'LFU']);
    expect(within(differences).getAllByRole('row')).toHaveLength(1 + 2 * 3);
    expect(within(differences).getAllByText(/^[+−]\d+\.\d points$/).length).toBeGreaterThan(0);
  });

  it('cancels a run by terminating its worker, and keeps the previous result', async () => {
    const app = await open(SMALL);
    await finishForReal();
    const first = FakeLabWorker.latest();
    await app.user.click(screen.getByRole('button', { name: 'Run' }));
    first.progress(4500, 18000);
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('value', '4500');
    await app.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(first.terminated).toBe(true);
    expect(status()).toHaveTextContent(
      'Cancelled at 25 %. The results below are from the last finished run.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toHaveFocus();
    expect(screen.getByRole('figure', { name: 'Hit ratio against cache size' })).toBeInTheDocument();

    // The next run gets a fresh worker.
    await app.user.click(screen.getByRole('button', { name: 'Run' }));
    expect(FakeLabWorker.created).toHaveLength(2);
    expect(FakeLabWorker.latest()).not.toBe(first);
  });

  it('says so when a run fails', async () => {
    await open(SMALL);
    (await startedWorker()).fail('out of memory');
    expect(screen.getByRole('alert')).toHaveTextContent('The run stopped with an error: out of memory');
  });
});

describe('the sharding lab', () => {
  it('shows the share of keys each scheme moves against the least possible', async () => {
    const app = await open(
      'lab=sharding&schemes=modulo,ring,slots&nodes=4&vnodes=50&keys=2000&prefix=user:&change=add',
    );
    expect(screen.getByRole('tab', { name: 'Sharding' })).toHaveAttribute('aria-selected', 'true');
    expect(app.currentParams().get('lab')).toBe('sharding');
    const worker = await startedWorker();
    expect(worker.posted[0]?.job).toMatchObject({
      kind: 'resharding',
      nodes: ['node-1', 'node-2', 'node-3', 'node-4'],
    });
    await finishForReal(worker);
    const moved = screen.getByRole('table', { name: 'Keys that move when node-5 joins 4 nodes' });
    const rows = within(moved)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(rows).toEqual([
      'Modulo',
      'Hash ring, 50 virtual nodes each',
      'Redis Cluster',
      'Least possible (1/5)',
    ]);
    expect(within(moved).getByText(/of 16,384 slots changed owner/)).toBeInTheDocument();
    expect(
      screen.getByText(/^When node-5 joins 4 nodes, the share of 2,000 keys that move is: Modulo \d+\.\d %/),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'How evenly keys are spread' })).toBeInTheDocument();
    const perNode = screen.getByRole('table', { name: 'Redis Cluster' });
    expect(
      within(perNode)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
  });

  it('keeps each lab’s settings when switching tabs', async () => {
    const app = await open(SMALL.replace('alpha=0.9', 'alpha=1.3'));
    await app.user.click(screen.getByRole('tab', { name: 'Sharding' }));
    await waitFor(() => expect(app.currentParams().get('lab')).toBe('sharding'));
    expect(app.currentParams().get('nodes')).toBe('4');
    expect(app.currentParams().has('alpha')).toBe(false);
    await app.user.type(screen.getByRole('tab', { name: 'Sharding' }), '{ArrowLeft}');
    await waitFor(() => expect(app.currentParams().get('lab')).toBe('eviction'));
    expect(app.currentParams().get('alpha')).toBe('1.3');
    expect(screen.getByRole('tab', { name: 'Eviction policies' })).toHaveFocus();
  });
});
