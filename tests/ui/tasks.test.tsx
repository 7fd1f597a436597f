import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../src/content/index.ts';
import { PROGRESS_KEY, useProgress } from '../../src/state/progress.ts';
import { useReview } from '../../src/state/review.ts';
import { LessonStatusControl } from '../../src/ui/progress/LessonStatusControl.tsx';
import { LessonTasks } from '../../src/ui/progress/LessonTasks.tsx';
import { useLessonProgress } from '../../src/ui/progress/useLessonProgress.ts';
import { scheduleCard } from '../../src/ui/review/schedule.ts';
import { ALPHA, NOW } from './cardsFixture.ts';

const [RUN, CACHE, DELETE] = ALPHA.tasks as [
  Lesson['tasks'][number],
  Lesson['tasks'][number],
  Lesson['tasks'][number],
];

function LessonBits({ lesson }: { lesson: Lesson }) {
  useLessonProgress(lesson);
  return (
    <>
      <LessonStatusControl lesson={lesson} />
      <LessonTasks lesson={lesson} />
    </>
  );
}

function renderLesson() {
  return render(
    <MemoryRouter>
      <LessonBits lesson={ALPHA} />
    </MemoryRouter>,
  );
}

const task = (text: RegExp | string) => screen.getByRole('checkbox', { name: text });
const status = () => screen.getByRole('region', { name: 'Your progress:' });

beforeEach(() => {
  useProgress.setState({ lessons: {} });
  useReview.setState({ cards: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the lesson’s tasks', () => {
  it('list each task with its time, and the total', () => {
    renderLesson();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(task(/^Task 1 Start redis-server/)).toHaveAccessibleName(
      'Task 1 Start redis-server and run PING in redis-cli. about 10 min',
    );
    expect(task(/^Task 1/)).not.toBeChecked();
    expect(screen.getByText(/about 1 h in all/)).toHaveTextContent('0 of 3 done · about 1 h in all');
  });

  it('record a task done on click, and undone on a second click', async () => {
    const user = userEvent.setup();
    renderLesson();
    await user.click(task(/^Task 2/));
    expect(task(/^Task 2/)).toBeChecked();
    expect(useProgress.getState().lessons.alpha?.tasksDone).toEqual([CACHE.id]);
    expect(screen.getByText(/in all/)).toHaveTextContent('1 of 3 done · about 1 h in all, 30 min left');
    await user.click(task(/^Task 2/));
    expect(task(/^Task 2/)).not.toBeChecked();
    expect(useProgress.getState().lessons.alpha?.tasksDone).toEqual([]);
  });

  it('record with Enter and Space too', async () => {
    const user = userEvent.setup();
    renderLesson();
    task(/^Task 1/).focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(task(/^Task 2/)).toHaveFocus();
    await user.keyboard(' ');
    expect(task(/^Task 1/)).toBeChecked();
    expect(task(/^Task 2/)).toBeChecked();
    expect(task(/^Task 3/)).not.toBeChecked();
  });

  it('keep what was checked after a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = renderLesson();
    await user.click(task(/^Task 3/));
    unmount();
    const saved = localStorage.getItem(PROGRESS_KEY);
    useProgress.setState({ lessons: {} });
    localStorage.setItem(PROGRESS_KEY, saved ?? '');
    await useProgress.persist.rehydrate();
    renderLesson();
    expect(task(/^Task 3/)).toBeChecked();
    expect(useProgress.getState().lessons.alpha?.tasksDone).toEqual([DELETE.id]);
  });
});

describe('the lesson’s status', () => {
  it('starts the lesson when it is opened, and says so in words', () => {
    renderLesson();
    expect(within(status()).getByText('In progress')).toBeInTheDocument();
    expect(within(status()).getByText(/^Visual 0 of 2 · Cards 0 of 4 · Tasks 0 of 3/)).toBeInTheDocument();
  });

  it('becomes done by itself once the Visual, every card and every task are', async () => {
    const user = userEvent.setup();
    const cards = Object.fromEntries(
      ALPHA.cards.map((card) => [`alpha/${card.id}`, scheduleCard(undefined, 'good', NOW)]),
    );
    useReview.setState({ cards });
    renderLesson();
    for (const id of ALPHA.scenarioIds) useProgress.getState().markVisualFinished('alpha', id);
    await user.click(task(/^Task 1/));
    await user.click(task(/^Task 2/));
    expect(within(status()).getByText('In progress')).toBeInTheDocument();
    await user.click(task(/^Task 3/));
    expect(within(status()).getByText('Done')).toBeInTheDocument();
    expect(within(status()).getByText('(everything in it is done)')).toBeInTheDocument();
    expect(useProgress.getState().lessons.alpha).toMatchObject({ status: 'done', statusByHand: false });
  });

  it('can be marked done, skipped or reset by hand, and a reset can be undone', async () => {
    const user = userEvent.setup();
    renderLesson();
    await user.click(task(/^Task 1/));
    const actions = within(status()).getByRole('group', { name: 'Set the lesson’s status' });

    await user.click(within(actions).getByRole('button', { name: 'Mark done' }));
    expect(within(status()).getByText('Done')).toBeInTheDocument();
    expect(within(status()).getByText('(set by hand)')).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Mark done' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(actions).getByRole('button', { name: 'Mark done' })).toHaveFocus();

    await user.click(within(actions).getByRole('button', { name: 'Skip' }));
    expect(within(status()).getByText('Skipped')).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Reset' }));
    expect(within(status()).getByText('Not started')).toBeInTheDocument();
    expect(task(/^Task 1/)).not.toBeChecked();
    expect(within(status()).getByRole('status')).toHaveTextContent(/^Alpha caching reset/);

    await user.click(within(status()).getByRole('button', { name: 'Undo' }));
    expect(within(status()).getByText('Skipped')).toBeInTheDocument();
    expect(task(/^Task 1/)).toBeChecked();
    expect(RUN.id).toBe('run-redis');
  });
});
