import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp.tsx';

const RACE_LINK =
  'from=stale-overwrite-race&clients=2&nodes=2&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory';

async function open(query = '') {
  const app = renderApp(`/playground${query === '' ? '' : `?${query}`}`);
  await screen.findByRole('heading', { level: 1, name: 'Playground' });
  return { ...app, user: userEvent.setup() };
}

const stepCounter = () => screen.queryByText(/^Step \d+ of \d+$/);
const player = () => screen.queryByRole('region', { name: 'Step player' });

describe('the Playground', () => {
  it('writes every setting into the address, and plays the first scenario', async () => {
    const app = await open();
    await waitFor(() =>
      expect(app.currentParams().toString()).toBe(
        'from=cache-aside-read&clients=1&nodes=1&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory&seed=1&step=0',
      ),
    );
    expect(await screen.findByText(/^Step 0 of \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Start from' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Topology' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Strategy' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cache-aside-read');
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
});
