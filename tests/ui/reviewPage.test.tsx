import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonProgress } from '../../src/state/progress.ts';
import { useProgress } from '../../src/state/progress.ts';
import { useReview } from '../../src/state/review.ts';
import { scheduleCard } from '../../src/ui/review/schedule.ts';
import { ALPHA, DAY, NOW } from './cardsFixture.ts';
import { renderApp } from './renderApp.tsx';

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

function started(status: LessonProgress['status']): LessonProgress {
  return {
    status,
    statusByHand: status === 'skipped',
    visualFinished: [],
    tasksDone: [],
    answers: {},
    place: null,
    updatedAt: NOW.getTime(),
  };
}

async function openReview() {
  const app = renderApp('/review');
  await screen.findByRole('heading', { level: 1, name: 'Review' });
  return app;
}

/** The page's own status line (each card has one too, after it). */
const pageStatus = () => screen.getAllByRole('status')[0];
const flipControl = () => screen.getByRole('button', { name: /^(Question|Answer) / });
const rate = async (user: ReturnType<typeof userEvent.setup>, grade: RegExp) => {
  await user.click(flipControl());
  const ratings = screen.getByRole('group', { name: 'How well did you know it?' });
  await user.click(within(ratings).getByRole('button', { name: grade }));
};

beforeEach(() => {
  useProgress.setState({ lessons: {} });
  useReview.setState({ cards: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the Review page', () => {
  it('says there are no cards yet, and where to start', async () => {
    await openReview();
    expect(screen.getByRole('heading', { level: 2, name: 'No cards yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start with Alpha caching' })).toHaveAttribute(
      'href',
      '/lessons/alpha',
    );
    expect(screen.queryByRole('button', { name: /^Question/ })).not.toBeInTheDocument();
  });

  it('shows the cards due one at a time, with their lesson, and moves on when one is rated', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: started('in-progress') } });
    await openReview();
    expect(pageStatus()).toHaveTextContent('4 cards due');
    expect(
      screen.getByRole('heading', { level: 2, name: 'From the lesson Alpha caching' }),
    ).toBeInTheDocument();
    expect(screen.getByText('New card')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alpha caching' })).toHaveAttribute('href', '/lessons/alpha');
    expect(flipControl()).toHaveAccessibleName(/^Question What happens on a cache miss\?/);

    await rate(user, /^Good/);
    expect(flipControl()).toHaveAccessibleName(`Question ${ALPHA.cards[1]?.prompt ?? ''}`);
    expect(flipControl()).toHaveFocus();
    expect(pageStatus()).toHaveTextContent('Saved: back in 3 days. 3 cards due · 1 reviewed this session');
    expect(useReview.getState().cards['alpha/miss-path']?.due).toBe(
      new Date(NOW.getTime() + 3 * DAY).toISOString(),
    );
  });

  it('ends the session by saying when the next card is due', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: started('in-progress') } });
    await openReview();
    await rate(user, /^Easy/);
    await rate(user, /^Good/);
    await rate(user, /^Hard/);
    await rate(user, /^Again/);
    const done = screen.getByRole('heading', { level: 2, name: 'Done for now: 4 cards reviewed' });
    expect(done).toHaveFocus();
    expect(screen.getByText(/^The next card is due/)).toHaveTextContent(/^The next card is due in 1 day \(/);
    expect(screen.getByText(/4 cards in your review so far/)).toBeInTheDocument();
  });

  it('is all caught up when nothing is due, and says when the next card is', async () => {
    useProgress.setState({ lessons: { alpha: started('done') } });
    useReview.setState({
      cards: Object.fromEntries(
        ALPHA.cards.map((card) => [`alpha/${card.id}`, scheduleCard(undefined, 'hard', NOW)]),
      ),
    });
    await openReview();
    expect(screen.getByRole('heading', { level: 2, name: 'All caught up' })).toBeInTheDocument();
    expect(screen.getByText(/^The next card is due/)).toHaveTextContent(/^The next card is due in 2 days \(/);
  });

  it('brings overdue cards first, even from a lesson skipped since', async () => {
    const twoDaysAgo = new Date(NOW.getTime() - 2 * DAY);
    useProgress.setState({ lessons: { alpha: started('in-progress'), gamma: started('skipped') } });
    useReview.setState({ cards: { 'gamma/order-matters': scheduleCard(undefined, 'again', twoDaysAgo) } });
    await openReview();
    expect(pageStatus()).toHaveTextContent('5 cards due');
    expect(
      screen.getByRole('heading', { level: 2, name: 'From the lesson Gamma writes' }),
    ).toBeInTheDocument();
    expect(flipControl()).toHaveAccessibleName(/^Question Why does the write order matter with DEL\?/);
  });
});
