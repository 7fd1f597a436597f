import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp.tsx';

const PATH = '/scenarios/coherence?scenario=coherence-pubsub&seed=1&step=12';

async function open(path = PATH, step = 12) {
  const app = renderApp(path);
  await screen.findByText(new RegExp(`^Step ${step} of \\d+$`));
  return app;
}

const nodeB = () => screen.getByRole('button', { name: /^Node B: / });

describe('the intervention menu', () => {
  it('opens with Enter, moves with the arrows and closes with Escape, giving focus back', async () => {
    const user = userEvent.setup();
    await open();
    nodeB().focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Node B' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['Crash Node B', 'Cut Node B off (partition)']);
    expect(nodeB()).toHaveAttribute('aria-expanded', 'true');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(nodeB()).toHaveFocus();
    // The arrows moved within the menu, not the player.
    expect(screen.getByText(/^Step 12 of \d+$/)).toBeInTheDocument();
  });

  it('closes when the learner clicks somewhere that takes no focus (the page itself)', async () => {
    const user = userEvent.setup();
    await open();
    await user.click(nodeB());
    expect(screen.getByRole('menu', { name: 'Node B' })).toBeInTheDocument();
    await user.pointer({ keys: '[MouseLeft]', target: document.body });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('offers the database its own fault', async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByRole('button', { name: /^Database: / }));
    expect(
      within(screen.getByRole('menu'))
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Crash Database', 'Slow the database by 100 ms', 'Cut Database off (partition)']);
  });

  it('forks the run when Crash is chosen, lists the intervention, and takes it back', async () => {
    const user = userEvent.setup();
    const app = await open();
    nodeB().focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    // The player shows the fault's own frame.
    expect(await screen.findByText(/^Step 13 of \d+$/)).toBeInTheDocument();
    expect(app.currentParams().get('fx')).toBe('12:crash:app-b');
    expect(app.currentParams().get('step')).toBe('13');
    expect(app.router.state.location.search).toContain('fx=12:crash:app-b');
    const list = screen.getByRole('region', { name: 'Interventions' });
    expect(within(list).getByText('After step 12: crash Node B')).toBeInTheDocument();
    expect(nodeB()).toHaveAccessibleName(/^Node B: down/);

    // Now Node B is down: its menu offers a restart.
    await user.click(nodeB());
    expect(screen.getByRole('menuitem', { name: 'Restart Node B' })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(within(list).getByRole('button', { name: /^Remove/ }));
    expect(within(list).queryByText('After step 12: crash Node B')).not.toBeInTheDocument();
    expect(app.currentParams().get('fx')).toBeNull();
    expect(nodeB()).not.toHaveAccessibleName(/^Node B: down/);
  });

  it('offers Drop and Delay on a message in flight', async () => {
    const user = userEvent.setup();
    const app = await open('/scenarios/coherence?scenario=coherence-pubsub&seed=1&step=22', 22);
    await user.click(screen.getByRole('button', { name: /^Message .*invalidate.* to Node B$/ }));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Drop this message',
      'Delay this link by 100 ms',
    ]);
    await user.click(screen.getByRole('menuitem', { name: 'Drop this message' }));
    expect(app.currentParams().get('fx')).toBe('22:drop:20');
    expect(await screen.findByText(/^Step 23 of \d+$/)).toBeInTheDocument();
  });
});
