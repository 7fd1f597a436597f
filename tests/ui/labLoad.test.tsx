import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabRun, LabSummary, MetricsBucket } from '../../src/engine/index.ts';
import { curriculum } from '../../src/content/curriculum.ts';
import { runLabJob } from '../../src/ui/lab/labJobs.ts';
import type { LoadRunJob, LoadRunResult } from '../../src/ui/lab/labProtocol.ts';
import { FakeLabWorker } from './labFakeWorker.ts';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/ui/lab/createLabWorker.ts', async () => {
  const { FakeLabWorker: Fake } = await import('./labFakeWorker.ts');
  return { createLabWorker: () => new Fake() };
});

async function open(query: string) {
  const app = renderApp(`/playground/lab?${query}`);
  await screen.findByRole('heading', { level: 1, name: 'Lab' });
  return { ...app, user: userEvent.setup() };
}

async function startedWorker(): Promise<FakeLabWorker> {
  return waitFor(() => FakeLabWorker.latest());
}

/** The job the page posted last. */
function postedJob(worker: FakeLabWorker): LoadRunJob {
  const job = worker.posted.at(-1)?.job;
  if (job?.kind !== 'load-run') throw new Error('no load job was posted');
  return job;
}

const status = () => screen.getAllByRole('status').find((element) => element.textContent !== '');
const panel = () => screen.getByRole('tabpanel', { name: 'Load' });

/** A second of a run with every count zero but those given. */
function second(index: number, counts: Partial<MetricsBucket> = {}): MetricsBucket {
  return {
    startMs: index * 1000,
    issued: 0,
    requests: 0,
    failed: 0,
    hits: 0,
    misses: 0,
    dbReads: 0,
    dbWrites: 0,
    evictions: 0,
    expirations: 0,
    warmed: 0,
    staleReads: 0,
    absentReads: 0,
    dbNotFound: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    ...counts,
  };
}

/** A three-second run with a database spike in its second second; numbers chosen to check by eye. */
function fixtureRun(job: LoadRunJob, index: number, peak: number, summary: Partial<LabSummary> = {}): LabRun {
  const buckets = [
    second(0, { requests: 500, hits: 500, dbReads: 1, p99Ms: 40 }),
    second(1, { requests: 500, hits: 400, misses: 100, dbReads: peak, p99Ms: 250 }),
    second(2, { requests: 500, hits: 500, dbReads: 0, p99Ms: 41 }),
  ];
  const variant = job.variants[index];
  if (variant === undefined) throw new Error(`the job has no variant ${index}`);
  return {
    labId: job.scenario,
    seed: job.seed,
    values: variant.values,
    buckets,
    totals: { ...second(0), requests: 1500, hits: 1400, misses: 100, dbReads: peak + 1, p99Ms: 250 },
    summary: {
      dbPeakPerSecond: peak,
      dbPeakAtMs: 1000,
      dbQueries: peak + 1,
      hitRatio: 1400 / 1500,
      p99Ms: 250,
      staleReads: 0,
      requests: 1500,
      failed: 0,
      bloom: null,
      ...summary,
    },
  };
}

function finishWith(worker: FakeLabWorker, runs: (job: LoadRunJob) => LabRun[]): LoadRunResult {
  const job = postedJob(worker);
  const result: LoadRunResult = { kind: 'load-run', job, runs: runs(job) };
  worker.finish(result);
  return result;
}

/** Each row of a table as the text of its cells. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

/** A table of measures, row by row: the measure's name (without its note) and the cells. */
function measureRows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) => [
    row.querySelector('th')?.firstChild?.textContent ?? '',
    ...[...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
  ]);
}

beforeEach(() => FakeLabWorker.reset());

describe('the load lab', () => {
  it('is the third tab, and runs the chosen scenario in a worker on opening', async () => {
    await open('lab=load&scenario=stampede');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Eviction policies',
      'Sharding',
      'Load',
    ]);
    expect(screen.getByRole('tab', { name: 'Load' })).toHaveAttribute('aria-selected', 'true');
    const job = postedJob(await startedWorker());
    expect(job).toMatchObject({ kind: 'load-run', scenario: 'stampede', seed: 1 });
    expect(job.variants).toHaveLength(1);
    expect(within(panel()).getByText('One run of 60 s of virtual time.')).toBeInTheDocument();
  });

  it('lists every scenario with its title and summary', async () => {
    await open('lab=load&scenario=stampede');
    const scenarios = within(panel()).getByRole('radiogroup', { name: 'Scenario' });
    const radios = within(scenarios).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual([
      'avalanche',
      'stampede',
      'penetration',
      'steady',
    ]);
    const chosen = within(scenarios).getByRole('radio', { name: 'Stampede: one hot key, a slow query' });
    expect(chosen).toBeChecked();
    expect(chosen).toHaveAccessibleDescription(/^One key is read 500 times a second\./);
  });

  it('builds its form from the scenario’s parameters, and shows β only once XFetch is chosen', async () => {
    const app = await open('lab=load&scenario=stampede');
    const form = within(panel()).getByRole('group', { name: 'Configuration (A)' });
    const protection = within(form).getByRole('group', { name: 'Protection' });
    expect(
      within(protection)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement?.textContent),
    ).toEqual(['None', 'Lock (SET NX PX)', 'Single-flight', 'XFetch', 'Stale-while-revalidate']);
    expect(within(protection).getByRole('radio', { name: 'None' })).toBeChecked();
    expect(protection).toHaveAccessibleDescription(
      'What the app does when the hot key is missing or about to expire.',
    );
    expect(
      within(form)
        .getAllByRole('textbox')
        .map((box) => box.getAttribute('id')),
    ).toEqual(['load-a-rate', 'load-a-query', 'load-a-ttl', 'load-seed']);
    const query = within(form).getByRole('textbox', { name: 'Query time' });
    expect(query).toHaveValue('200');
    expect(query).toHaveAccessibleDescription('ms How long the database takes to compute the value.');
    expect(within(form).queryByRole('textbox', { name: 'XFetch β' })).toBeNull();

    await app.user.click(within(protection).getByRole('radio', { name: 'XFetch' }));
    await waitFor(() => expect(app.currentParams().get('protection')).toBe('xfetch'));
    const beta = within(form).getByRole('textbox', { name: 'XFetch β' });
    expect(beta).toHaveValue('1');
    await app.user.clear(beta);
    await app.user.type(beta, '2.5');
    await waitFor(() => expect(app.currentParams().get('beta')).toBe('2.5'));
    await app.user.clear(beta);
    await app.user.type(beta, '0');
    expect(beta).toHaveAccessibleDescription(/Type a number from 0.1 to 10\./);
    expect(app.currentParams().get('beta')).toBe('2.5');

    await app.user.click(within(protection).getByRole('radio', { name: 'Lock (SET NX PX)' }));
    await waitFor(() => expect(app.currentParams().get('protection')).toBe('mutex'));
    expect(within(form).queryByRole('textbox', { name: 'XFetch β' })).toBeNull();
    expect(within(form).getByRole('textbox', { name: 'Lock expiry' })).toHaveValue('1,000');
    // β is not in use any more, so it leaves the address.
    expect(app.currentParams().has('beta')).toBe(false);
  });

  it('compares with B, which starts as a copy of A and has its own form', async () => {
    const app = await open('lab=load&scenario=stampede&ttl=20');
    await app.user.click(
      within(panel()).getByRole('checkbox', { name: /Compare with a second configuration \(B\)/ }),
    );
    await waitFor(() => expect(app.currentParams().get('compare')).toBe('on'));
    const b = within(panel()).getByRole('group', { name: 'Compare' });
    expect(within(b).getByRole('textbox', { name: 'B: TTL' })).toHaveValue('20');
    const protection = within(b).getByRole('group', { name: 'B: Protection' });
    expect(within(protection).getByRole('radio', { name: 'None' })).toBeChecked();
    await app.user.click(within(protection).getByRole('radio', { name: 'Lock (SET NX PX)' }));
    await waitFor(() => expect(app.currentParams().get('protectionB')).toBe('mutex'));
    expect(within(b).getByRole('textbox', { name: 'B: Lock expiry' })).toBeInTheDocument();
    // A's form is unchanged.
    const a = within(panel()).getByRole('group', { name: 'Configuration (A)' });
    expect(within(a).queryByRole('textbox', { name: 'Lock expiry' })).toBeNull();
    expect(within(panel()).getByText('Two runs, A and B, of 60 s of virtual time each.')).toBeInTheDocument();
    // The run started on opening is still going, so the button restarts it with these settings.
    await app.user.click(within(panel()).getByRole('button', { name: 'Restart' }));
    expect(postedJob(FakeLabWorker.latest()).variants).toMatchObject([
      { label: 'A', values: { protection: 'none', ttl: 20 } },
      { label: 'B', values: { protection: 'mutex', ttl: 20, 'lock-ttl': 1000 } },
    ]);
  });

  it('shows a run’s charts, its figures, and with B a table of differences', async () => {
    await open('lab=load&scenario=stampede&compare=on&protectionB=mutex');
    const worker = await startedWorker();
    worker.progress(75_000, 120_000);
    expect(within(panel()).getByText(/Run B: 15 s of 60 s of virtual time$/)).toBeInTheDocument();
    finishWith(worker, (job) => [
      fixtureRun(job, 0, 105),
      fixtureRun(job, 1, 2, { p99Ms: 197, hitRatio: 0.969 }),
    ]);
    expect(status()).toHaveTextContent(/^Done in \d+\.\d s\.$/);

    const figures = within(panel())
      .getAllByRole('figure')
      .map((figure) => figure.getAttribute('aria-labelledby'))
      .map((id) => document.getElementById(id ?? '')?.textContent);
    // The headline first; no stale reads and no absent ids, so no charts of them.
    expect(figures).toEqual([
      'Database queries per second',
      'Redis hit ratio per second',
      'p99 latency per second',
    ]);
    const db = within(panel()).getByRole('figure', { name: 'Database queries per second' });
    expect(
      within(db).getByText(
        'Busiest second: A 105 queries/s at 1 s; B 2 queries/s at 1 s. Over the run: A 106; B 3 in all.',
      ),
    ).toBeInTheDocument();
    const values = within(db).getByRole('table', { name: 'Database queries per second' });
    expect(rowsOf(values)).toEqual([
      ['Virtual time', 'DB queries (A)', 'DB queries (B)'],
      ['0\u00a0s', '1\u00a0queries/s', '1\u00a0queries/s'],
      ['1\u00a0s', '105\u00a0queries/s', '2\u00a0queries/s'],
      ['2\u00a0s', '0\u00a0queries/s', '0\u00a0queries/s'],
    ]);
    const hitRatio = within(panel()).getByRole('table', { name: 'Redis hit ratio per second' });
    expect(rowsOf(hitRatio)[2]).toEqual(['1\u00a0s', '80.0\u00a0%', '80.0\u00a0%']);

    const key = within(panel()).getByText('the scenario’s defaults').closest('dl');
    expect([...(key?.querySelectorAll('div') ?? [])].map((row) => row.textContent)).toEqual([
      'Athe scenario’s defaults',
      'B (dashed)as A, but Protection: Lock (SET NX PX)',
    ]);

    const results = within(panel()).getByRole('table', { name: 'The two runs' });
    expect(rowsOf(results)).toEqual([
      ['Measure', 'A', 'B'],
      ['DB load peakqueries in the busiest second, and when', '105at 1\u00a0s', '2at 1\u00a0s'],
      ['Redis hit ratiohits / (hits + misses) over the run', '93.3\u00a0%', '96.9\u00a0%'],
      ['p99 latency99 % of requests were answered within it', '250\u00a0ms', '197\u00a0ms'],
      ['Stale readsanswered with an outdated value', '0', '0'],
      ['DB queriesreads and writes, over the run', '106', '3'],
      ['Requestsanswered over the run', '1,500', '1,500'],
    ]);
    const differences = within(panel()).getByRole('table', { name: 'Differences, B against A' });
    expect(measureRows(differences)).toEqual([
      ['DB load peak', '\u2212103', '98.1\u00a0% lower'],
      ['Redis hit ratio', '+3.6 points', 'higher'],
      ['p99 latency', '\u221253\u00a0ms', '21.2\u00a0% lower'],
      ['Stale reads', '0', 'the same'],
      ['DB queries', '\u2212103', '97.2\u00a0% lower'],
      ['Requests', '0', 'the same'],
    ]);
    expect(within(panel()).queryByRole('table', { name: 'Bloom filter' })).toBeNull();
  });

  it('shows the Bloom filter’s size and both false-positive rates, side by side', async () => {
    await open('lab=load&scenario=penetration&protection=bloom-filter');
    const bloom = {
      bits: 95_851,
      hashes: 7,
      items: 10_000,
      formulaRate: 0.01004,
      measuredRate: 217 / 19_935,
      absentReads: 19_935,
      absentReadsPassed: 217,
    };
    finishWith(await startedWorker(), (job) => {
      const run = fixtureRun(job, 0, 11, { bloom });
      return [{ ...run, totals: { ...run.totals, dbNotFound: 217 } }];
    });
    const figures = within(panel()).getAllByRole('figure');
    expect(figures[0]).toHaveAccessibleName('DB queries that found no row, per second');
    const table = within(panel()).getByRole('table', { name: 'Bloom filter' });
    expect(rowsOf(table)).toEqual([
      ['The filter', 'False-positive rate'],
      ['m (bits)', 'k (hashes)', 'n (items)', 'Formula', 'Measured'],
      ['95,851', '7', '10,000', '1.0\u00a0%', '1.1\u00a0%217 of 19,935 absent-id reads passed'],
    ]);
    expect(
      within(panel()).getByText(/the measured rate is the share of this run’s reads of absent ids/),
    ).toBeInTheDocument();
  });

  it('runs the real job and draws what it returns', async () => {
    await open('lab=load&scenario=stampede&rate=50&compare=on&protectionB=single-flight');
    const worker = await startedWorker();
    worker.finish(runLabJob(postedJob(worker), () => undefined));
    const differences = within(panel()).getByRole('table', { name: 'Differences, B against A' });
    const peak = rowsOf(differences)[1];
    expect(peak?.[1]).toMatch(/^(\u2212[\d,]+|0)$/);
    expect(within(panel()).getByRole('figure', { name: 'Database queries per second' })).toBeInTheDocument();
  });

  it('says what the engine refused, in the page', async () => {
    await open('lab=load&scenario=stampede');
    (await startedWorker()).fail(
      'run B: scenario "lab-stampede": the TTL in seconds must be a whole number above 0, got 0',
    );
    expect(within(panel()).getByRole('alert')).toHaveTextContent(
      'The run stopped with an error: run B: scenario "lab-stampede": the TTL in seconds must be a whole number above 0, got 0',
    );
  });

  it('explains what in the link could not be used, and keeps the rest', async () => {
    const app = await open('lab=load&scenario=stampede&protection=mutex&rate=fast&speed=9&compare=on&ttlB=0');
    const notice = within(panel()).getByRole('region', { name: 'Parts of this link could not be used' });
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('code')?.textContent),
    ).toEqual(['speed', 'rate', 'ttlB']);
    expect(notice).toHaveTextContent(
      /For B: TTL must be a whole number from 1 to 60 s; got "0"\. Using 10 s, A’s value, instead\./,
    );
    await waitFor(() =>
      expect(Object.fromEntries(app.currentParams())).toEqual({
        lab: 'load',
        scenario: 'stampede',
        protection: 'mutex',
        compare: 'on',
      }),
    );
    const a = within(panel()).getByRole('group', { name: 'Configuration (A)' });
    expect(within(a).getByRole('radio', { name: 'Lock (SET NX PX)' })).toBeChecked();
    const b = within(panel()).getByRole('group', { name: 'Compare' });
    expect(within(b).getByRole('textbox', { name: 'B: TTL' })).toHaveValue('10');
  });

  it('starts another scenario from its defaults, keeping the comparison on', async () => {
    const app = await open('lab=load&scenario=stampede&protection=mutex&compare=on');
    await app.user.click(
      within(panel()).getByRole('radio', { name: 'Penetration: reads for ids that exist nowhere' }),
    );
    await waitFor(() => expect(app.currentParams().get('scenario')).toBe('penetration'));
    expect(app.currentParams().has('protection')).toBe(false);
    expect(app.currentParams().get('compare')).toBe('on');
    const form = within(panel()).getByRole('group', { name: 'Configuration (A)' });
    expect(within(form).getByRole('radio', { name: 'Bloom filter' })).not.toBeChecked();
    expect(within(form).getByRole('textbox', { name: 'Absent ids' })).toHaveValue('1,000,000');
    expect(within(panel()).getByRole('textbox', { name: 'B: Absent ids' })).toBeInTheDocument();
  });

  it('links the scenario’s lesson only when the lesson is written', async () => {
    await open('lab=load&scenario=stampede');
    const written = curriculum.find((entry) => entry.id === 'stampede')?.available === true;
    const link = within(panel()).queryByRole('link', { name: /^Read the lesson/ });
    if (written) expect(link).toHaveAttribute('href', '/lessons/stampede');
    else expect(link).toBeNull();
  });
});
