import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonProgress } from '../../src/state/progress.ts';
import { useProgress } from '../../src/state/progress.ts';
import { useReview } from '../../src/state/review.ts';
import { isTyping } from '../../src/ui/progress/ShortcutsDialog.tsx';
import { scheduleCard } from '../../src/ui/review/schedule.ts';
import { DAY, NOW } from './cardsFixture.ts';
import { renderApp } from './renderApp.tsx';

// A course of our own (three lessons written, one coming), whatever the lessons being written say.
vi.mock('../../src/content/curriculum.ts', async () => ({
  curriculum: (await import('./cardsFixture.ts')).FIXTURE_CURRICULUM,
}));
vi.mock('../../src/content/lessons/index.ts', async () => {
  const { FIXTURE_LESSONS } = await import('./cardsFixture.ts');
  return { lessons: FIXTURE_LESSONS, getLesson: (id: string) => FIXTURE_LESSONS.find((l) => l.id === id) };
});
vi.mock('../../src/content/lessonOutlines.ts', async () => ({
  lessonOutlines: (await import('./cardsFixture.ts')).FIXTURE_OUTLINES,
}));

function record(status: LessonProgress['status'], changes: Partial<LessonProgress> = {}): LessonProgress {
  return {
    status,
    statusByHand: false,
    visualFinished: [],
    tasksDone: [],
    answers: {},
    place: null,
    updatedAt: NOW.getTime(),
    ...changes,
  };
}

/** Alpha under way (one scenario, one task, one card), Beta done, Gamma skipped, Delta coming. */
function someProgress() {
  useProgress.setState({
    lessons: {
      alpha: record('in-progress', {
        visualFinished: ['alpha-read'],
        tasksDone: ['run-redis'],
        place: 'explain-it',
        updatedAt: NOW.getTime() - 60_000,
      }),
      beta: record('done', { statusByHand: true, updatedAt: NOW.getTime() - 30_000 }),
      gamma: record('skipped', { statusByHand: true }),
    },
  });
  useReview.setState({ cards: { 'alpha/miss-path': scheduleCard(undefined, 'good', NOW) } });
}

async function openRoadmap() {
  const app = renderApp('/');
  await screen.findByRole('heading', { level: 1, name: 'Roadmap' });
  return app;
}

const row = (title: string) => {
  const course = screen.getByRole('region', { name: 'The course' });
  const item = within(course).getByText(title).closest('li');
  if (item === null) throw new Error(`no row for ${title}`);
  return item;
};
const lessonLink = (title: string) => screen.getByRole('link', { name: title });

beforeEach(() => {
  useProgress.setState({ lessons: {} });
  useReview.setState({ cards: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the roadmap', () => {
  it('points a first visit to the first lesson, with every lesson not started', async () => {
    await openRoadmap();
    expect(screen.getByRole('link', { name: 'Open the Alpha caching lesson' })).toHaveAttribute(
      'href',
      '/lessons/alpha',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(row('Alpha caching')).getByText('Not started')).toBeInTheDocument();
    expect(within(row('Delta hashing')).getByText('Coming')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Delta hashing' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Review' })).toBeInTheDocument();
  });

  it('shows each lesson’s status in words and what of it is done', async () => {
    someProgress();
    await openRoadmap();
    expect(within(row('Alpha caching')).getByText('In progress')).toBeInTheDocument();
    expect(within(row('Beta sessions')).getByText('Done')).toBeInTheDocument();
    expect(within(row('Gamma writes')).getByText('Skipped')).toBeInTheDocument();
    expect(lessonLink('Alpha caching')).toHaveAccessibleDescription(
      'In progress Visual 1 of 2 · Cards 1 of 4 · Tasks 1 of 3',
    );
  });

  it('shows the course’s percent complete', async () => {
    someProgress();
    await openRoadmap();
    // Alpha 3 of 9 parts, Beta done, Gamma skipped (left out), Delta coming: (1/3 + 1) / 3 = 44%.
    expect(screen.getByRole('progressbar', { name: 'Course complete' })).toHaveAttribute(
      'aria-valuenow',
      '44',
    );
    expect(screen.getByText('44%')).toBeInTheDocument();
    expect(screen.getByText(/1 done · 1 in progress · 1 skipped · of 4 lessons/)).toBeInTheDocument();
  });

  it('continues where the learner left off, at the section they were reading', async () => {
    someProgress();
    await openRoadmap();
    const resume = screen.getByRole('link', { name: 'Continue Alpha caching' });
    expect(resume).toHaveAttribute('href', '/lessons/alpha#explain-it');
    expect(screen.getByText('· Explain it')).toBeInTheDocument();
  });

  it('counts the review cards due, there and in the navigation', async () => {
    someProgress();
    await openRoadmap();
    // Alpha's three cards not yet rated, and Beta's four (done): Gamma is skipped.
    expect(screen.getByText('7 cards due')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review 7 cards' })).toHaveAttribute('href', '/review');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Review, 7 cards due' })).toHaveAttribute('href', '/review');
  });

  it('says when the next card is due when none is due now', async () => {
    useProgress.setState({ lessons: { alpha: record('skipped', { statusByHand: true }) } });
    useReview.setState({ cards: { 'alpha/miss-path': scheduleCard(undefined, 'hard', NOW) } });
    await openRoadmap();
    expect(screen.getByText('No cards due')).toBeInTheDocument();
    expect(screen.getByText(/^Next card due in 2 days/)).toBeInTheDocument();
    vi.setSystemTime(NOW.getTime() + 2 * DAY);
  });
});

describe('the roadmap’s keyboard shortcuts', () => {
  it('set the status of the lesson that has focus: D done, L in progress, S skipped, R reset', async () => {
    const user = userEvent.setup();
    someProgress();
    await openRoadmap();
    const notice = () => within(screen.getByRole('region', { name: 'The course' })).getAllByRole('status')[0];
    lessonLink('Alpha caching').focus();

    await user.keyboard('d');
    expect(within(row('Alpha caching')).getByText('Done')).toBeInTheDocument();
    expect(useProgress.getState().lessons.alpha).toMatchObject({ status: 'done', statusByHand: true });
    expect(notice()).toHaveTextContent('Alpha caching marked done. Undo');

    await user.keyboard('s');
    expect(within(row('Alpha caching')).getByText('Skipped')).toBeInTheDocument();
    await user.keyboard('L');
    expect(within(row('Alpha caching')).getByText('In progress')).toBeInTheDocument();

    await user.keyboard('r');
    expect(within(row('Alpha caching')).getByText('Not started')).toBeInTheDocument();
    expect(useProgress.getState().lessons.alpha).toBeUndefined();
    await user.click(within(notice() as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(within(row('Alpha caching')).getByText('In progress')).toBeInTheDocument();
    expect(useProgress.getState().lessons.alpha?.tasksDone).toEqual(['run-redis']);
    expect(lessonLink('Alpha caching')).toHaveFocus();
  });

  it('leave a lesson still coming, and keys held with Ctrl, alone', async () => {
    const user = userEvent.setup();
    await openRoadmap();
    lessonLink('Beta sessions').focus();
    await user.keyboard('{Control>}r{/Control}');
    expect(within(row('Beta sessions')).getByText('Not started')).toBeInTheDocument();
    fireEvent.keyDown(row('Delta hashing'), { key: 'd' });
    expect(within(row('Delta hashing')).getByText('Coming')).toBeInTheDocument();
    expect(useProgress.getState().lessons).toEqual({});
  });

  it('never fire while typing in a field', async () => {
    await openRoadmap();
    const field = document.createElement('input');
    document.body.append(field);
    fireEvent.keyDown(field, { key: '?' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(isTyping(field)).toBe(true);
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isTyping(box)).toBe(false);
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    field.remove();
  });

  it('are listed in a dialog opened with ?, which keeps and then gives back focus', async () => {
    const user = userEvent.setup();
    await openRoadmap();
    lessonLink('Beta sessions').focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    expect(within(dialog).getByText('Mark the lesson done')).toBeInTheDocument();

    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    // Shortcuts do not reach the lessons behind the dialog.
    await user.keyboard('d');
    expect(useProgress.getState().lessons).toEqual({});

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(lessonLink('Beta sessions')).toHaveFocus();
  });

  it('are also behind a button, and the dialog closes with its Close button', async () => {
    const user = userEvent.setup();
    await openRoadmap();
    const opener = screen.getByRole('button', { name: 'All shortcuts' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
