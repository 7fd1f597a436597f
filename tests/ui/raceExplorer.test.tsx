import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RaceExploration, RaceExplorerOptions, Scenario } from '../../src/engine/index.ts';
import { raceScenarios } from '../../src/content/scenarios/races/index.ts';
import { staleOverwriteRace } from '../../src/content/scenarios/races/stale-overwrite-race.ts';
import { RaceExplorer, type RaceExplorerProps } from '../../src/ui/player/RaceExplorer.tsx';
import { boundedExploration, fullExploration, labelOf } from './raceFixture.ts';

type Explore = (scenario: Scenario, options: RaceExplorerOptions) => RaceExploration;

/** Renders the explorer with a hand-made exploration, or with the engine's own `exploreRace`. */
function setup(overrides: Partial<RaceExplorerProps> = {}, { withEngine = false } = {}) {
  const onOpen = vi.fn<RaceExplorerProps['onOpen']>();
  const onClose = vi.fn<RaceExplorerProps['onClose']>();
  const explore = vi.fn<Explore>(() => fullExploration);
  const props: RaceExplorerProps = {
    scenario: staleOverwriteRace,
    seed: 7,
    openOrder: null,
    onOpen,
    onClose,
    labelOf,
    ...(withEngine ? {} : { explore }),
    ...overrides,
  };
  const view = render(<RaceExplorer {...props} />);
  return { ...view, props, onOpen, onClose, explore, user: userEvent.setup() };
}

const region = () => screen.getByRole('region', { name: 'Race explorer' });
const cells = () => within(screen.getByRole('list', { name: 'Interleavings' })).getAllByRole('button');
const exploreButton = () => screen.getByRole('button', { name: 'Explore every interleaving' });
const STALE_NAME =
  'Interleaving 3: Bob GET, Bob SELECT v1, Alice COMMIT v2, Alice DEL, Bob SET v1. Ends stale. Open in the player';

describe('the race explorer, on a hand-made exploration', () => {
  it('says in one sentence why a run has no race, and offers nothing else', () => {
    const alone: Scenario = { ...staleOverwriteRace, script: staleOverwriteRace.script.slice(0, 1) };
    const { explore } = setup({ scenario: alone });
    expect(within(region()).getByText(/no race to explore/)).toBeInTheDocument();
    expect(within(region()).queryByRole('button')).not.toBeInTheDocument();
    expect(explore).not.toHaveBeenCalled();
  });

  it('names the two operations and runs nothing until asked', () => {
    const { explore } = setup();
    expect(within(region()).getByText('Bob reads user:42:email; Alice writes it.')).toBeInTheDocument();
    expect(exploreButton()).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Interleavings' })).not.toBeInTheDocument();
    expect(explore).not.toHaveBeenCalled();
  });

  it('explores on demand: a summary, the bound in words, and one cell per run', async () => {
    const { explore, user } = setup();
    await user.click(exploreButton());
    expect(explore).toHaveBeenCalledWith(staleOverwriteRace, { seed: 7 });
    const summary = screen.getByText('1 of 10 interleavings ends stale with this strategy.');
    expect(summary).toHaveFocus();
    expect(
      screen.getByText(/every order of the steps where the two operations touch the cache or the database/),
    ).toHaveTextContent('It runs at most 200 interleavings; this race has 10, so every one is here.');
    expect(cells()).toHaveLength(10);
    expect(screen.queryByRole('button', { name: 'Explore every interleaving' })).not.toBeInTheDocument();
  });

  it('names each cell by its whole order and how it ends, and shows the outcome in words', async () => {
    const { user } = setup();
    await user.click(exploreButton());
    const stale = screen.getByRole('button', { name: STALE_NAME });
    expect(stale).toHaveTextContent('stale');
    expect(stale).toHaveTextContent(/B\s*GET/);
    expect(stale).toHaveTextContent(/A\s*COMMIT v2/);
    expect(screen.getByRole('button', { name: /^Interleaving 1: / })).toHaveAccessibleName(
      'Interleaving 1: Bob GET, Bob SELECT v1, Bob SET v1, Alice COMMIT v2, Alice DEL. Ends fresh. Open in the player',
    );
    expect(screen.getByRole('button', { name: /^Interleaving 1: / })).toHaveTextContent('fresh');
    expect(cells().filter((cell) => /Ends stale/.test(cell.getAttribute('aria-label') ?? ''))).toHaveLength(
      1,
    );
  });

  it('opens a run in the player at its first anomaly, or at the start when it ends fresh', async () => {
    const { user, onOpen } = setup();
    await user.click(exploreButton());
    await user.click(screen.getByRole('button', { name: STALE_NAME }));
    expect(onOpen).toHaveBeenLastCalledWith([1, 1, 2, 2, 1], 32);
    await user.click(screen.getByRole('button', { name: /^Interleaving 10: / }));
    expect(onOpen).toHaveBeenLastCalledWith([2, 2, 1, 1, 1], 0);
  });

  it('marks the run the player shows, and goes back to the scenario’s own timing', async () => {
    const { user, onClose, explore } = setup({ openOrder: [1, 1, 2, 2, 1] });
    // A link into one interleaving arrives with the grid already run.
    expect(explore).toHaveBeenCalledTimes(1);
    const pressed = cells().filter((cell) => cell.getAttribute('aria-pressed') === 'true');
    expect(pressed).toEqual([screen.getByRole('button', { name: STALE_NAME })]);
    expect(pressed[0]).toHaveTextContent('In the player');
    expect(screen.getByText('The player shows interleaving 3, marked below.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the scenario’s own timing' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('offers no way back while the player shows the scenario’s own timing', async () => {
    const { user } = setup();
    await user.click(exploreButton());
    expect(cells().every((cell) => cell.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(screen.queryByRole('button', { name: /Back to the scenario/ })).not.toBeInTheDocument();
  });

  it('says so in words when exploring fails', async () => {
    const explore = vi.fn<Explore>(() => {
      throw new RangeError('the scheduler lost its place');
    });
    const { user } = setup({ explore });
    await user.click(exploreButton());
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The explorer could not run the interleavings: the scheduler lost its place',
    );
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Interleavings' })).not.toBeInTheDocument();
  });

  it('says plainly when the bound cut the enumeration short', async () => {
    const { user } = setup({ explore: () => boundedExploration });
    await user.click(exploreButton());
    expect(
      screen.getByText('1 of the first 4 interleavings ends stale with this strategy.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/It runs at most 4 interleavings/)).toHaveTextContent(
      'this race reached that bound: there are more orders, which were not run.',
    );
    expect(cells()).toHaveLength(4);
  });

  it('can show only the stale runs, keeping their numbers', async () => {
    const { user } = setup();
    await user.click(exploreButton());
    const filter = screen.getByRole('button', { name: 'Only stale runs' });
    expect(filter).toHaveAttribute('aria-pressed', 'false');
    await user.click(filter);
    expect(filter).toHaveAttribute('aria-pressed', 'true');
    expect(cells().map((cell) => cell.getAttribute('aria-label'))).toEqual([STALE_NAME]);
    await user.click(filter);
    expect(cells()).toHaveLength(10);
  });

  it('says when no run is stale and only stale runs are shown', async () => {
    const allFresh: RaceExploration = {
      ...fullExploration,
      runs: fullExploration.runs.filter((run) => run.outcome === 'fresh'),
      staleRuns: 0,
    };
    const { user } = setup({ explore: () => allFresh });
    await user.click(exploreButton());
    expect(screen.getByText('0 of 9 interleavings end stale with this strategy.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Only stale runs' }));
    expect(screen.getByText('No interleaving ends stale with this strategy.')).toBeInTheDocument();
  });

  it('explains the marks in a legend', async () => {
    const { user } = setup();
    await user.click(exploreButton());
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'BBob reads user:42:email',
      'AAlice writes user:42:email',
      'stale: the checker found a stale read or a divergence in that run',
    ]);
  });

  it('runs again when the seed changes after it was opened', async () => {
    const { user, explore, rerender, props } = setup();
    await user.click(exploreButton());
    rerender(<RaceExplorer {...props} seed={8} />);
    expect(explore).toHaveBeenLastCalledWith(staleOverwriteRace, { seed: 8 });
  });

  it('moves between cells with the arrow keys, Home and End', async () => {
    const { user } = setup();
    await user.click(exploreButton());
    const all = cells();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Only stale runs' })).toHaveFocus();
    await user.tab();
    expect(all[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(all[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(all[9]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(all[9]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(all[0]).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(all[0]).toHaveFocus();
  });

  it('tells one client’s two operations apart by what they do', async () => {
    const aliceAlone: Scenario = {
      ...staleOverwriteRace,
      clients: staleOverwriteRace.clients.map((client) => ({ ...client, label: 'Alice' })),
    };
    const { user } = setup({ scenario: aliceAlone, labelOf: () => 'Alice' });
    expect(
      screen.getByText('Alice (read) reads user:42:email; Alice (write) writes it.'),
    ).toBeInTheDocument();
    await user.click(exploreButton());
    expect(screen.getByRole('button', { name: /^Interleaving 3: Alice \(read\) GET,/ })).toHaveTextContent(
      /A1\s*GET/,
    );
  });
});

describe('the race explorer, on the races lesson’s scenarios with the engine', () => {
  const [unfixed, versionCas, doubleDelete, lease] = raceScenarios;

  async function explore(scenario: Scenario | undefined) {
    if (scenario === undefined) throw new Error('the races lesson lost a scenario');
    const { user, onOpen } = setup({ scenario, seed: 1, labelOf: labelsOf(scenario) }, { withEngine: true });
    await user.click(exploreButton());
    const summary = screen.getByText(/^\d+ of \d+ interleavings? (ends|end) stale with this strategy\.$/);
    const [stale = NaN, total = NaN] = (summary.textContent?.match(/\d+/g) ?? []).map(Number);
    const runs = cells().map((cell) => parseCell(cell.getAttribute('aria-label') ?? ''));
    expect(runs).toHaveLength(total);
    expect(runs.filter((run) => run.stale)).toHaveLength(stale);
    return { user, onOpen, runs, stale, total };
  }

  it('finds the stale overwrite without a fix: the reader’s SET of v1 after the delete', async () => {
    const { user, onOpen, runs, stale } = await explore(unfixed);
    expect(stale).toBeGreaterThan(0);
    const staleRuns = runs.filter((run) => run.stale);
    for (const run of staleRuns) {
      expect(run.steps).toContain('Bob SET v1');
      expect(run.steps.indexOf('Bob SET v1'), run.name).toBeGreaterThan(run.steps.indexOf('Alice DEL'));
    }
    const first = staleRuns[0]!;
    await user.click(screen.getByRole('button', { name: first.name }));
    const [order, step] = onOpen.mock.lastCall ?? [];
    // Bob's read is request 1 and Alice's write request 2, in the cell's order.
    expect(order).toEqual(first.steps.map((s) => (s.startsWith('Bob ') ? 1 : 2)));
    expect(step).toBeGreaterThan(0);
  });

  it.each([
    ['comparing versions', versionCas],
    ['leases', lease],
  ])('finds no stale interleaving with %s', async (_fix, scenario) => {
    const { runs, stale, total } = await explore(scenario);
    expect(stale).toBe(0);
    expect(total).toBeGreaterThan(1);
    expect(runs.some((run) => run.stale)).toBe(false);
  });

  it('with a delayed double delete, ends stale only where the reader’s SET of v1 lands after the second DEL', async () => {
    const { runs, stale } = await explore(doubleDelete);
    expect(stale).toBeGreaterThan(0);
    for (const run of runs) {
      const secondDelete = run.steps.lastIndexOf('Alice DEL');
      const staleSet = run.steps.indexOf('Bob SET v1');
      expect(run.steps.filter((step) => step === 'Alice DEL')).toHaveLength(2);
      expect(run.stale, run.name).toBe(staleSet > secondDelete);
    }
  });
});

/** Actor id → label, from the scenario itself, as the player would give it. */
function labelsOf(scenario: Scenario) {
  const actors = [...scenario.clients, ...scenario.appNodes];
  return (actorId: string) => actors.find((actor) => actor.id === actorId)?.label ?? actorId;
}

/** A cell's accessible name, back into its steps ("Bob SET v1") and outcome. */
function parseCell(name: string) {
  const match = /^Interleaving \d+: (.*)\. Ends (stale|fresh)\. Open in the player$/.exec(name);
  if (match === null) throw new Error(`not a cell's name: ${name}`);
  return { name, steps: (match[1] ?? '').split(', ').map(normalStep), stale: match[2] === 'stale' };
}

/** The engine may add a word to a step ("GET miss", "SET v1 refused"); keep what the tests compare. */
function normalStep(step: string) {
  return step.replace(/^(\w+ (?:SET v\d|DEL))\b.*$/, '$1');
}
