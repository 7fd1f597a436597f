import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/index.ts';
import { RunPlayer } from '../../src/ui/lesson/RunPlayer.tsx';
import { parseRunChoice, playerSearch } from '../../src/ui/player/deepLink.ts';
import { parseRace, raceProblem } from '../../src/ui/player/raceLink.ts';
import { renderApp } from './renderApp.tsx';

const RACES = '/scenarios/races';
const LESSON = '/lessons/cache-aside';

async function open(path: string) {
  const app = renderApp(path);
  await screen.findByText(/^Step \d+ of \d+$/);
  return { ...app, user: userEvent.setup() };
}

const problems = () => screen.getByRole('region', { name: /link could not be used/ });

describe('the race parameter', () => {
  it('reads request ids joined by dots', () => {
    expect(parseRace('1.1.2.1.2')).toEqual({ ok: true, race: [1, 1, 2, 1, 2] });
    expect(raceProblem([1, 1, 2], 3)).toBeNull();
  });

  it.each([
    ['', /not a list of request ids/],
    ['1..2', /not a list of request ids/],
    ['0.1', /whole numbers from 1/],
    ['1.a', /not a list of request ids/],
    ['1,2', /not a list of request ids/],
    ['2.2.2', /names only one operation; a race needs two/],
    ['1.2.3', /names 3 operations; a race is between exactly two/],
  ])('refuses %j in words', (text, reason) => {
    const parsed = parseRace(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.param).toBe('race');
    expect(parsed.problem.message).toMatch(reason);
    expect(parsed.problem.message).toMatch(/Showing the run without a race order instead\.$/);
  });

  it('refuses a request the script does not have', () => {
    expect(raceProblem([1, 4, 1], 3)?.message).toContain(
      'names request 4, but this scenario\u2019s script has requests 1 to 3',
    );
  });

  it('is written after the faults and before the step, with its dots left as they are', () => {
    const search = playerSearch([['scenario', 'stale-overwrite-race']], {
      seed: 1,
      interventions: [{ atStep: 3, fault: { kind: 'crash', node: 'node-b' } }],
      race: [1, 2, 2, 1],
      step: 7,
    });
    expect(search).toBe('scenario=stale-overwrite-race&seed=1&fx=3:crash:node-b&race=1.2.2.1&step=7');
    const parsed = parseRunChoice(new URLSearchParams(search), {
      scenarioIds: ['stale-overwrite-race'],
      titleOf: () => 'Race',
      defaultSeed: 1,
    });
    expect(parsed.choice.race).toEqual([1, 2, 2, 1]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps a usable race order in the address', async () => {
    const app = await open(`${RACES}?scenario=stale-overwrite-race&seed=1&race=1.1.2.2.1&step=0`);
    expect(app.currentParams().get('race')).toBe('1.1.2.2.1');
    expect(screen.queryByRole('region', { name: /link could not be used/ })).not.toBeInTheDocument();
  });

  it('drops a race order naming a request the script does not have, and says so', async () => {
    const app = await open(`${RACES}?scenario=stale-overwrite-race&seed=1&race=1.9&step=0`);
    expect(within(problems()).getByText('race')).toBeInTheDocument();
    expect(problems()).toHaveTextContent(
      'names request 9, but this scenario\u2019s script has requests 1 to 3',
    );
    await waitFor(() => expect(app.currentParams().has('race')).toBe(false));
  });

  it('is dropped with the seed and the scenario', async () => {
    const app = await open(`${RACES}?scenario=stale-overwrite-race&seed=1&race=1.2&step=0`);
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await app.user.clear(seed);
    await app.user.type(seed, '5{Enter}');
    await waitFor(() => expect(app.currentParams().get('seed')).toBe('5'));
    expect(app.currentParams().has('race')).toBe(false);
  });
});

describe('faults in a link that a run cannot apply', () => {
  it('leaves out a fault on an actor the run does not have', async () => {
    const app = await open(`${LESSON}?scenario=cache-aside-read&seed=1&fx=2:crash:node-z,3:crash:app&step=0`);
    expect(problems()).toHaveTextContent(
      'The link\u2019s intervention \u201c2:crash:node-z\u201d names \u201cnode-z\u201d, which is not in this run, so it was left out.',
    );
    await waitFor(() => expect(app.currentParams().get('fx')).toBe('3:crash:app'));
    expect(screen.getByRole('region', { name: 'Interventions' })).toHaveTextContent(
      'After step 3: crash App server',
    );
  });

  it('leaves out a fault after the run\u2019s last step, which would never apply', async () => {
    const app = await open(`${LESSON}?scenario=cache-aside-read&seed=1&fx=999:crash:app&step=0`);
    expect(problems()).toHaveTextContent(
      /comes after step 999, but this run ends at step \d+: it would never apply/,
    );
    await waitFor(() => expect(app.currentParams().has('fx')).toBe(false));
  });
});

describe('a fault chosen at the last step', () => {
  it('is refused in words instead of being added to a run that has ended', async () => {
    const app = await open(`${LESSON}?scenario=cache-aside-read&seed=1&step=0`);
    await app.user.click(screen.getByRole('button', { name: 'Jump to end' }));
    const before = app.currentParams().toString();
    await app.user.click(screen.getByRole('button', { name: /^App server: / }));
    await app.user.click(screen.getByRole('menuitem', { name: 'Crash App server' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      /The run has ended at step \d+, so a fault here would never apply/,
    );
    expect(app.currentParams().toString()).toBe(before);
    await app.user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the race explorer under the player', () => {
  const mount = (id: string, initial: string, explainMissingRace = false) => {
    const scenario = getScenario(id);
    if (scenario === undefined) throw new Error(`no scenario ${id}`);
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: (
            <RunPlayer
              scenario={scenario}
              leadingParams={[['from', 'x']]}
              explainMissingRace={explainMissingRace}
            />
          ),
        },
      ],
      { initialEntries: [initial] },
    );
    render(<RouterProvider router={router} />);
    return router;
  };

  it('opens an interleaving in the player (dropping faults), says so above it, and goes back', async () => {
    const router = mount('stale-overwrite-race', '/?from=x&seed=3&fx=2:crash:node-a&step=1');
    const user = userEvent.setup();
    const explorer = await screen.findByRole('region', { name: 'Race explorer' });
    await user.click(within(explorer).getByRole('button', { name: 'Explore every interleaving' }));
    await user.click(within(explorer).getByRole('button', { name: /Ends stale/ }));
    expect(router.state.location.search).toMatch(/^\?from=x&seed=3&race=1\.1\.2\.2\.1&step=\d+$/);
    expect(screen.getByText(/The player shows one interleaving from the race explorer/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Interventions' })).not.toHaveTextContent(/crash/);
    const [back] = screen.getAllByRole('button', { name: 'Back to the scenario\u2019s own timing' });
    await user.click(back!);
    expect(router.state.location.search).toBe('?from=x&seed=3&step=0');
    expect(screen.queryByText(/The player shows one interleaving/)).not.toBeInTheDocument();
  });

  it('is not there for a run without a race, unless asked to say why', async () => {
    mount('cache-aside-read', '/?from=x&seed=1');
    await screen.findByText(/^Step 0 of \d+$/);
    expect(screen.queryByRole('region', { name: 'Race explorer' })).not.toBeInTheDocument();
    cleanup();
    mount('cache-aside-read', '/?from=x&seed=1', true);
    expect(await screen.findByRole('region', { name: 'Race explorer' })).toHaveTextContent(
      /No two clients in this run read and write the same key/,
    );
  });
});
