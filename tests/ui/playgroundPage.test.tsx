import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp.tsx';

const RACE_LINK =
  'from=stale-overwrite-race&clients=2&nodes=2&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory&stampede=none&pen=none&maxkeys=off';

async function open(query = '') {
  const app = renderApp(`/playground${query === '' ? '' : `?${query}`}`);
  await screen.findByRole('heading', { level: 1, name: 'Playground' });
  return { ...app, user: userEvent.setup() };
}

const stepCounter = () => screen.queryByText(/^Step \d+ of \d+$/);

/** The run's last step, from the keyboard: the database reads the whole run made. */
async function dbReadsAtTheEnd(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByText(/^Step 0 of \d+$/);
  act(() => screen.getByRole('figure', { name: 'System diagram' }).focus());
  await user.keyboard('{End}');
  const [, last] = /of (\d+)$/.exec(stepCounter()?.textContent ?? '') ?? [];
  expect(stepCounter()).toHaveTextContent(`Step ${last} of ${last}`);
  const counters = screen.getByRole('region', { name: 'Counters' });
  return within(counters).getByText('DB reads').nextElementSibling?.textContent;
}
const player = () => screen.queryByRole('region', { name: 'Step player' });

describe('the Playground', () => {
  it('writes every setting into the address, and plays the first scenario', async () => {
    const app = await open();
    await waitFor(() =>
      expect(app.currentParams().toString()).toBe(
        'from=why-cache-first-read&clients=1&nodes=1&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory&stampede=none&pen=none&maxkeys=off&seed=1&step=0',
      ),
    );
    expect(await screen.findByText(/^Step 0 of \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Start from' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Topology' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Strategy' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Cache size' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Failure-mode protections' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('why-cache-first-read');
    expect(screen.getByRole('spinbutton', { name: 'Clients' })).toHaveAccessibleDescription(
      /The scenario has 1 client: Browser/,
    );
    expect(screen.getByRole('button', { name: 'Back to the scenario\u2019s own settings' })).toBeDisabled();
  });

  it('restarts the run with a changed setting, keeping the seed and dropping faults', async () => {
    const app = await open(`${RACE_LINK}&seed=4&fx=3:crash:node-a&step=5`);
    expect(await screen.findByText(/^Step 5 of \d+$/)).toBeInTheDocument();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Load balancer' }), 'round-robin');
    await waitFor(() => expect(app.currentParams().get('lb')).toBe('round-robin'));
    expect(app.currentParams().get('seed')).toBe('4');
    expect(app.currentParams().get('step')).toBe('0');
    expect(app.currentParams().has('fx')).toBe(false);
    expect(await screen.findByText(/^Step 0 of \d+$/)).toBeInTheDocument();
    const diagram = screen.getByRole('figure', { name: 'System diagram' });
    expect(within(diagram).getAllByText('Load balancer').length).toBeGreaterThan(0);
  });

  it('follows a typed number at once, and says so when the box holds no number', async () => {
    const app = await open(RACE_LINK);
    const nodes = screen.getByRole('spinbutton', { name: 'App nodes' });
    await app.user.clear(nodes);
    expect(nodes).toHaveAttribute('aria-invalid', 'true');
    expect(nodes).toHaveAccessibleDescription(/Type a whole number/);
    await app.user.type(nodes, '3');
    await waitFor(() => expect(app.currentParams().get('nodes')).toBe('3'));
    expect(nodes).not.toHaveAttribute('aria-invalid');
    expect(nodes).toHaveAccessibleDescription(/New: Node C/);
    expect(
      within(screen.getByRole('figure', { name: 'System diagram' })).getByText('Node C'),
    ).toBeInTheDocument();
  });

  it('explains an impossible choice next to its control and runs nothing', async () => {
    const app = await open(RACE_LINK);
    await screen.findByText(/^Step 0 of \d+$/);
    const invalidation = screen.getByRole('combobox', { name: 'Invalidation' });
    await app.user.selectOptions(invalidation, 'outbox');
    await waitFor(() => expect(app.currentParams().get('inv')).toBe('outbox'));
    expect(invalidation).toHaveAttribute('aria-invalid', 'true');
    expect(invalidation).toHaveAccessibleDescription(/Events need a broker and a consumer/);
    expect(player()).not.toBeInTheDocument();
    expect(stepCounter()).not.toBeInTheDocument();
    const refusal = screen.getByRole('region', { name: 'These settings cannot run' });
    expect(refusal).toHaveTextContent('Events need a broker and a consumer');
    // The way out: the button in the message goes to the control.
    await app.user.click(within(refusal).getByRole('button', { name: 'Change the invalidation' }));
    expect(invalidation).toHaveFocus();
    await app.user.selectOptions(invalidation, 'none');
    expect(await screen.findByText(/^Step 0 of \d+$/)).toBeInTheDocument();
  });

  it('ties a combination to both controls that can resolve it', async () => {
    const app = await open(RACE_LINK.replace('read=cache-aside', 'read=read-through'));
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Race fix' }), 'lease');
    const fix = screen.getByRole('combobox', { name: 'Race fix' });
    const read = screen.getByRole('combobox', { name: 'Read path' });
    await waitFor(() => expect(fix).toHaveAttribute('aria-invalid', 'true'));
    expect(read).toHaveAttribute('aria-invalid', 'true');
    expect(read).toHaveAccessibleDescription(/the cache fills itself/);
  });

  it('names an unusable value from the link, uses the scenario\u2019s own, and rewrites the link', async () => {
    const app = await open(RACE_LINK.replace('ttl=30', 'ttl=soon'));
    const notice = await screen.findByRole('region', { name: /link could not be used/ });
    expect(notice).toHaveTextContent('The link\u2019s ttl \u201csoon\u201d is not a whole number of seconds');
    expect(screen.getByRole('spinbutton', { name: 'Cache TTL (seconds)' })).toHaveValue(30);
    await waitFor(() => expect(app.currentParams().get('ttl')).toBe('30'));
    expect(notice).toBeInTheDocument();
  });

  it('starts over from another scenario with all of its own settings, and comes back to them', async () => {
    const app = await open(RACE_LINK.replace('nodes=2', 'nodes=4'));
    const reset = screen.getByRole('button', { name: 'Back to the scenario\u2019s own settings' });
    expect(reset).toBeEnabled();
    await app.user.click(reset);
    await waitFor(() => expect(app.currentParams().get('nodes')).toBe('2'));
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'coherence-pubsub');
    await waitFor(() => expect(app.currentParams().get('from')).toBe('coherence-pubsub'));
    expect(app.currentParams().get('inv')).toBe('pubsub');
    expect(app.currentParams().get('l1')).toBe('10');
    expect(screen.getByRole('spinbutton', { name: 'Local cache TTL (seconds)' })).toHaveValue(10);
  });

  it('shows a lock\u2019s numbers once the lock is chosen, and the run makes one database read instead of five', async () => {
    const app = await open('from=stampede-unprotected');
    expect(await dbReadsAtTheEnd(app.user)).toBe('5');
    expect(screen.queryByRole('spinbutton', { name: 'Lock TTL (ms)' })).not.toBeInTheDocument();

    const stampede = screen.getByRole('combobox', { name: 'Stampede protection' });
    expect(stampede).toHaveAccessibleDescription(/each query the database/);
    await app.user.selectOptions(stampede, 'mutex');
    await waitFor(() => expect(app.currentParams().get('stampede')).toBe('mutex'));
    expect(app.currentParams().toString()).toContain('stampede=mutex&lock=500&retry=60&retries=5&pen=none');
    expect(app.currentParams().get('step')).toBe('0');
    expect(stampede).toHaveAccessibleDescription(/only the holder loads the row/);
    const lock = screen.getByRole('spinbutton', { name: 'Lock TTL (ms)' });
    expect(lock).toHaveValue(500);
    expect(lock).toHaveAccessibleDescription(/This database takes 100 ms to read a row/);
    expect(screen.getByRole('spinbutton', { name: 'Retry delay (ms)' })).toHaveAccessibleDescription(
      /60, 120, 240 ms/,
    );
    expect(screen.getByRole('spinbutton', { name: 'Retries' })).toHaveValue(5);
    expect(await dbReadsAtTheEnd(app.user)).toBe('1');

    // A lock shorter than the query: a second reader loads too.
    await app.user.clear(lock);
    await app.user.type(lock, '60');
    await waitFor(() => expect(app.currentParams().get('lock')).toBe('60'));
    expect(await dbReadsAtTheEnd(app.user)).toBe('2');
  });

  it('refuses a protection the read path would ignore, next to both controls', async () => {
    const app = await open(RACE_LINK.replace('read=cache-aside', 'read=read-through'));
    await app.user.selectOptions(
      screen.getByRole('combobox', { name: 'Stampede protection' }),
      'single-flight',
    );
    const stampede = screen.getByRole('combobox', { name: 'Stampede protection' });
    await waitFor(() => expect(stampede).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('combobox', { name: 'Read path' })).toHaveAccessibleDescription(
      /\u201cSingle-flight\u201d works where the app node loads rows/,
    );
    const refusal = screen.getByRole('region', { name: 'These settings cannot run' });
    await app.user.click(within(refusal).getByRole('button', { name: 'Change the stampede protection' }));
    expect(stampede).toHaveFocus();
  });

  it('sizes a Bloom filter from n and p, and gives the rate for the database\u2019s rows', async () => {
    const app = await open('from=penetration-unprotected');
    await app.user.selectOptions(
      screen.getByRole('combobox', { name: 'Penetration protection' }),
      'bloom-filter',
    );
    await waitFor(() => expect(app.currentParams().get('fp')).toBe('0.01'));
    expect(screen.getByRole('spinbutton', { name: 'Expected keys (n)' })).toHaveValue(10);
    const output = within(screen.getByRole('group', { name: 'Failure-mode protections' })).getByRole(
      'status',
    );
    expect(output).toHaveTextContent(
      '96 bits (m) and 7 hashes (k). With the database\u2019s 10 rows, the formula gives 1% false positives.',
    );
    const rate = screen.getByRole('spinbutton', { name: 'False-positive rate (p)' });
    await app.user.clear(rate);
    await app.user.type(rate, '0.001');
    await waitFor(() => expect(app.currentParams().get('fp')).toBe('0.001'));
    expect(output).toHaveTextContent('144 bits (m) and 10 hashes (k)');
    await app.user.clear(rate);
    await app.user.type(rate, '2');
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveAccessibleDescription(/above 0 and below 1/);
    expect(output).toHaveTextContent('Shown once n and p can size a filter.');
  });

  it('limits the cache to a number of keys with a Redis policy', async () => {
    const app = await open(RACE_LINK);
    expect(screen.queryByRole('spinbutton', { name: 'Max keys' })).not.toBeInTheDocument();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Size limit' }), 'on');
    await waitFor(() => expect(app.currentParams().get('maxkeys')).toBe('2'));
    expect(app.currentParams().get('evict')).toBe('allkeys-lru');
    const keys = screen.getByRole('spinbutton', { name: 'Max keys' });
    expect(keys).toHaveAccessibleDescription(/The script asks for 1 key: user:42:email\./);
    const policy = screen.getByRole('combobox', { name: 'Eviction policy' });
    await app.user.selectOptions(policy, 'volatile-ttl');
    await waitFor(() => expect(app.currentParams().get('evict')).toBe('volatile-ttl'));
    expect(policy).toHaveAccessibleDescription(/expires soonest/);
    await app.user.clear(keys);
    await app.user.type(keys, '0');
    await waitFor(() => expect(keys).toHaveAttribute('aria-invalid', 'true'));
    expect(keys).toHaveAccessibleDescription(/The limit must be at least 1 key/);
    expect(stepCounter()).not.toBeInTheDocument();
  });
});
