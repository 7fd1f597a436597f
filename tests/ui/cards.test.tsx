import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useProgress } from '../../src/state/progress.ts';
import { useReview } from '../../src/state/review.ts';
import { LessonCards } from '../../src/ui/cards/LessonCards.tsx';
import { ALPHA, DAY, NOW } from './cardsFixture.ts';
import { REDUCED_MOTION, emulateMedia } from './media.ts';

const [MISS, DELETE] = ALPHA.cards as [(typeof ALPHA.cards)[number], (typeof ALPHA.cards)[number]];

function renderCards() {
  return render(
    <MemoryRouter>
      <LessonCards lesson={ALPHA} />
    </MemoryRouter>,
  );
}

/** The card's flip control, found by its question, whichever face shows. */
function cardArticle(number: number) {
  return screen.getByRole('article', { name: `Card ${number} of ${ALPHA.cards.length}` });
}
function flipControl(number: number) {
  return within(cardArticle(number)).getByRole('button', { name: /^(Question|Answer)/ });
}

beforeEach(() => {
  useReview.setState({ cards: {} });
  useProgress.setState({ lessons: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('explain-it cards', () => {
  it('show the prompt first, as a button that says which side shows', () => {
    renderCards();
    expect(screen.getAllByRole('article')).toHaveLength(ALPHA.cards.length);
    const card = flipControl(1);
    expect(card).toHaveAccessibleName(`Question ${MISS.prompt}`);
    expect(card).toHaveAccessibleDescription('Showing the question');
    expect(screen.getByText('0 of 4')).toBeInTheDocument();
  });

  it('flip on click, and back', async () => {
    const user = userEvent.setup();
    renderCards();
    await user.click(flipControl(1));
    expect(flipControl(1)).toHaveAccessibleName(`Answer ${MISS.answer}`);
    expect(flipControl(1)).toHaveAccessibleDescription('Showing the answer');
    expect(
      within(cardArticle(1)).getByRole('group', { name: 'How well did you know it?' }),
    ).toBeInTheDocument();
    await user.click(flipControl(1));
    expect(flipControl(1)).toHaveAccessibleDescription('Showing the question');
  });

  it('flip with Enter and with Space', async () => {
    const user = userEvent.setup();
    renderCards();
    flipControl(2).focus();
    await user.keyboard('{Enter}');
    expect(flipControl(2)).toHaveAccessibleDescription(/^Showing the answer/);
    await user.keyboard(' ');
    expect(flipControl(2)).toHaveAccessibleDescription(/^Showing the question/);
  });

  it('turn over in 3D, or cross-fade when reduced motion is preferred', async () => {
    const user = userEvent.setup();
    const { unmount } = renderCards();
    expect(cardArticle(1).querySelector('[data-motion]')).toHaveAttribute('data-motion', 'turn');
    unmount();

    emulateMedia(REDUCED_MOTION);
    renderCards();
    const turn = cardArticle(1).querySelector<HTMLElement>('[data-motion]');
    expect(turn).toHaveAttribute('data-motion', 'fade');
    await user.click(flipControl(1));
    expect(flipControl(1)).toHaveAccessibleName(`Answer ${MISS.answer}`);
    expect(turn?.style.transform ?? '').not.toMatch(/rotateY\((?!0)/);
  });

  it('show the hint on request, on the front', async () => {
    const user = userEvent.setup();
    renderCards();
    expect(within(cardArticle(2)).queryByRole('button', { name: 'Show hint' })).not.toBeInTheDocument();
    await user.click(within(cardArticle(1)).getByRole('button', { name: 'Show hint' }));
    expect(flipControl(1)).toHaveAccessibleName(`Question ${MISS.prompt} Hint: ${MISS.hint ?? ''}`);
    expect(within(cardArticle(1)).queryByRole('button', { name: 'Show hint' })).not.toBeInTheDocument();
  });

  it('link the back to the exact step of the Visual that shows the answer', async () => {
    const user = userEvent.setup();
    renderCards();
    await user.click(flipControl(2));
    const link = within(cardArticle(2)).getByRole('link', { name: /^See it happen/ });
    expect(link).toHaveAttribute(
      'href',
      `/lessons/alpha?scenario=${DELETE.seeIt.scenario}&seed=1&step=${DELETE.seeIt.step}`,
    );
  });

  it('say when each rating brings the card back, and rating schedules it with FSRS', async () => {
    const user = userEvent.setup();
    renderCards();
    await user.click(flipControl(1));
    const ratings = within(cardArticle(1)).getByRole('group', { name: 'How well did you know it?' });
    expect(
      within(ratings)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual([
      'Again, due again in 1 day',
      'Hard, due again in 2 days',
      'Good, due again in 3 days',
      'Easy, due again in 8 days',
    ]);
    expect(within(ratings).getByRole('button', { name: 'Good, due again in 3 days' })).toHaveTextContent(
      'Good3 days',
    );
    await user.click(within(ratings).getByRole('button', { name: 'Good, due again in 3 days' }));

    const saved = useReview.getState().cards['alpha/miss-path'];
    expect(saved?.due).toBe(new Date(NOW.getTime() + 3 * DAY).toISOString());
    expect(
      within(cardArticle(1)).queryByRole('group', { name: 'How well did you know it?' }),
    ).not.toBeInTheDocument();
    expect(within(cardArticle(1)).getByRole('status')).toHaveTextContent(
      /^Saved\. Next review in 3 days \(.+\)\.$/,
    );
    expect(flipControl(1)).toHaveFocus();
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
    // Rating a card counts as working on the lesson.
    expect(useProgress.getState().lessons.alpha?.status).toBe('in-progress');
  });

  it('ask for no rating while a card is not due, and say when it is', async () => {
    const user = userEvent.setup();
    useReview.setState({
      cards: {
        'alpha/miss-path': {
          due: new Date(NOW.getTime() + 2 * DAY).toISOString(),
          stability: 3,
          difficulty: 5,
          elapsed_days: 0,
          scheduled_days: 2,
          learning_steps: 0,
          reps: 1,
          lapses: 0,
          state: 2,
          last_review: new Date(NOW.getTime() - DAY).toISOString(),
        },
      },
    });
    renderCards();
    await user.click(flipControl(1));
    expect(within(cardArticle(1)).queryByRole('group')).not.toBeInTheDocument();
    expect(within(cardArticle(1)).getByRole('status')).toHaveTextContent(/^Reviewed\. Next review in 2 days/);
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
  });
});
