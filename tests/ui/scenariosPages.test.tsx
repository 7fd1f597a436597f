import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as Content from '../../src/content/index.ts';
import type { ScenarioGroup } from '../../src/content/index.ts';
import { curriculum, scenarioGroups } from '../../src/content/index.ts';
import { renderApp } from './renderApp.tsx';

// Every lesson is written and has scenarios today; the page must still cope when one is not.
// The mock empties one lesson's group and marks another lesson as not written.
const EMPTY_LESSON = 'ttl-eviction';
const UNWRITTEN_LESSON = 'races';
vi.mock('../../src/content/index.ts', async (importOriginal) => {
  const content = await importOriginal<typeof Content>();
  const groups: ScenarioGroup[] = content.scenarioGroups.map((group) =>
    group.lessonId === 'ttl-eviction' ? { ...group, scenarios: [] } : group,
  );
  const entries = content.curriculum.map((entry) =>
    entry.id === 'races' ? { ...entry, available: false } : entry,
  );
  return { ...content, scenarioGroups: groups, curriculum: entries };
});

const filledGroups = scenarioGroups.filter((group) => group.scenarios.length > 0);
const titleOf = (lessonId: string) => curriculum.find((entry) => entry.id === lessonId)?.title ?? lessonId;

async function open(path: string) {
  const app = renderApp(path);
  const heading = await screen.findByRole('heading', { level: 1 });
  return { ...app, heading };
}

describe('the scenarios page', () => {
  it('is in the main navigation', async () => {
    const user = userEvent.setup();
    await open('/');
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Scenarios' }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Scenarios' })).toHaveFocus();
    expect(document.title).toBe('Scenarios \u00b7 CacheScope');
  });

  it('lists every lesson that has scenarios, with its title and summary, in order', async () => {
    await open('/scenarios');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(filledGroups.map((group) => titleOf(group.lessonId)));
    for (const group of filledGroups) {
      const summary = curriculum.find((entry) => entry.id === group.lessonId)?.summary ?? '';
      const shelf = screen.getByRole('region', { name: titleOf(group.lessonId) });
      expect(within(shelf).getByText(summary)).toBeInTheDocument();
    }
  });

  it('links each scenario to its lesson\u2019s player, with the scenario selected', async () => {
    await open('/scenarios');
    for (const group of filledGroups) {
      const shelf = screen.getByRole('region', { name: titleOf(group.lessonId) });
      for (const scenario of group.scenarios) {
        expect(within(shelf).getByRole('link', { name: scenario.title })).toHaveAttribute(
          'href',
          `/scenarios/${group.lessonId}?scenario=${scenario.id}`,
        );
        expect(within(shelf).getByText(scenario.summary)).toBeInTheDocument();
      }
    }
  });

  it('leaves out lessons without scenarios', async () => {
    await open('/scenarios');
    expect(screen.queryByRole('heading', { name: titleOf(EMPTY_LESSON) })).not.toBeInTheDocument();
  });

  it('links the lessons that are written, and says the others are coming', async () => {
    await open('/scenarios');
    const written = screen.getByRole('region', { name: 'Cache-aside' });
    expect(within(written).getByRole('link', { name: 'Read the Cache-aside lesson' })).toHaveAttribute(
      'href',
      '/lessons/cache-aside',
    );
    const coming = screen.getByRole('region', { name: titleOf(UNWRITTEN_LESSON) });
    expect(within(coming).queryByRole('link', { name: /Read the/ })).not.toBeInTheDocument();
    expect(within(coming).getByText('Lesson coming')).toBeInTheDocument();
  });
});

describe('a lesson\u2019s scenario player', () => {
  const races = scenarioGroups.find((group) => group.lessonId === 'races');
  const second = races?.scenarios[1];

  it('opens the scenario the link names, among tabs for all of the lesson\u2019s scenarios', async () => {
    if (races === undefined || second === undefined) throw new Error('the races group needs 2 scenarios');
    const user = userEvent.setup();
    await open('/scenarios');
    await user.click(screen.getByRole('link', { name: second.title }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Races \u2014 scenarios' }),
    ).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(races.scenarios.map((scenario) => scenario.title));
    expect(screen.getByRole('tab', { name: second.title })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent(second.summary);
    expect(screen.getByText(/^Step 0 of \d+$/)).toBeInTheDocument();
  });

  it('shows no code panel, since these scenarios have no code sample', async () => {
    await open('/scenarios/races');
    await screen.findByText(/^Step 0 of \d+$/);
    expect(screen.queryByRole('region', { name: /^Code: / })).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Diagram of the system/ })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Cache' })).toBeInTheDocument();
  });

  it('switches scenario from the tabs and keeps the choice in the address', async () => {
    if (second === undefined) throw new Error('the races group needs 2 scenarios');
    const user = userEvent.setup();
    const { currentParams } = await open('/scenarios/races');
    await user.click(await screen.findByRole('tab', { name: second.title }));
    expect(currentParams().get('scenario')).toBe(second.id);
    expect(screen.getByRole('tab', { name: second.title })).toHaveAttribute('aria-selected', 'true');
  });

  it('links back to all scenarios, and to the lesson when it is written', async () => {
    await open('/scenarios/cache-aside');
    expect(screen.getByRole('link', { name: 'All scenarios' })).toHaveAttribute('href', '/scenarios');
    expect(screen.getByRole('link', { name: 'Read the Cache-aside lesson' })).toHaveAttribute(
      'href',
      '/lessons/cache-aside',
    );
  });

  it('says when the lesson is not written yet', async () => {
    await open(`/scenarios/${UNWRITTEN_LESSON}`);
    expect(screen.getByText(/The lesson that explains these runs is not written yet\./)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Read the .* lesson/ })).not.toBeInTheDocument();
  });

  it.each(['no-such-lesson', EMPTY_LESSON])('treats %s as not found, with a way back', async (id) => {
    const { heading } = await open(`/scenarios/${id}`);
    expect(heading).toHaveTextContent('Page not found');
    expect(
      screen.getByText(`There are no scenarios for a lesson called \u201c${id}\u201d.`),
    ).toBeInTheDocument();
    const ways = screen.getByRole('navigation', { name: 'Where to go from here' });
    expect(within(ways).getByRole('link', { name: 'Scenarios' })).toHaveAttribute('href', '/scenarios');
  });
});
