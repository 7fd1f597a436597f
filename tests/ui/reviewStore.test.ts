import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  REVIEW_KEY,
  cardKey,
  dueCards,
  isDue,
  nextDueDate,
  readStoredReview,
  reviewedCardIds,
  useReview,
} from '../../src/state/review.ts';
import { previewDue, rateCard, scheduleCard } from '../../src/ui/review/schedule.ts';
import { intervalWords } from '../../src/ui/review/dueWords.ts';
import { reviewDeck } from '../../src/ui/review/reviewDeck.ts';
import { ALPHA, BETA, DAY, NOW } from './cardsFixture.ts';

const key = (lessonId: string, cardId: string) => cardKey(lessonId, cardId);
const [first, second, third] = ALPHA.cards.map((card) => card.id) as [string, string, string];

beforeEach(() => {
  useReview.setState({ cards: {} });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FSRS schedules (ts-fsrs, whole days, no fuzz)', () => {
  it('schedules a new card by its first rating: Again 1 day, Hard 2, Good 3, Easy 8', () => {
    const days = (grade: 'again' | 'hard' | 'good' | 'easy') =>
      (Date.parse(scheduleCard(undefined, grade, NOW).due) - NOW.getTime()) / DAY;
    expect([days('again'), days('hard'), days('good'), days('easy')]).toEqual([1, 2, 3, 8]);
  });

  it('stores the card as JSON with ISO dates and counts the review', () => {
    const stored = scheduleCard(undefined, 'good', NOW);
    expect(stored).toMatchObject({
      due: '2025-03-06T09:00:00.000Z',
      last_review: NOW.toISOString(),
      reps: 1,
    });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it('spaces a card further each time it is known, and brings it back soon after a lapse', () => {
    const firstGood = scheduleCard(undefined, 'good', NOW);
    const dueAt = new Date(firstGood.due);
    const secondGood = scheduleCard(firstGood, 'good', dueAt);
    const lapse = scheduleCard(firstGood, 'again', dueAt);
    const gap = (card: { due: string }) => (Date.parse(card.due) - dueAt.getTime()) / DAY;
    expect(gap(secondGood)).toBeGreaterThan(3);
    expect(gap(lapse)).toBeLessThan(gap(secondGood));
    expect(lapse.lapses).toBe(1);
  });

  it('previews exactly what each rating then gives', () => {
    const preview = previewDue(undefined, NOW);
    expect(intervalWords(preview.good.getTime() - NOW.getTime())).toBe('3 days');
    expect(intervalWords(preview.again.getTime() - NOW.getTime())).toBe('1 day');
    expect(preview.easy.toISOString()).toBe(scheduleCard(undefined, 'easy', NOW).due);
  });

  it('rates a card into the store under its lesson and card id', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const due = rateCard(key('alpha', first), 'good');
    expect(due.toISOString()).toBe('2025-03-06T09:00:00.000Z');
    expect(Object.keys(useReview.getState().cards)).toEqual(['alpha/miss-path']);
    expect(JSON.parse(localStorage.getItem(REVIEW_KEY) ?? '{}')).toMatchObject({
      version: 1,
      state: { cards: { 'alpha/miss-path': { due: '2025-03-06T09:00:00.000Z' } } },
    });
  });
});

describe('what is due', () => {
  it('treats a card never rated as new and due', () => {
    expect(isDue(undefined, NOW)).toBe(true);
    const due = dueCards([ALPHA], {}, NOW);
    expect(due.map((card) => card.cardId)).toEqual(ALPHA.cards.map((card) => card.id));
    expect(due.every((card) => card.isNew && card.due === null)).toBe(true);
  });

  it('puts overdue cards first, longest overdue first, then new ones; leaves out cards not due yet', () => {
    const cards = {
      [key('alpha', first)]: scheduleCard(undefined, 'again', new Date(NOW.getTime() - 3 * DAY)), // due 2 days ago
      [key('alpha', second)]: scheduleCard(undefined, 'good', NOW), // in 3 days
      [key('beta', first)]: scheduleCard(undefined, 'again', new Date(NOW.getTime() - 5 * DAY)), // due 4 days ago
    };
    const due = dueCards([ALPHA, BETA], cards, NOW);
    expect(due.slice(0, 2).map((card) => card.key)).toEqual([key('beta', first), key('alpha', first)]);
    expect(due.slice(0, 2).every((card) => !card.isNew)).toBe(true);
    expect(due.map((card) => card.key)).not.toContain(key('alpha', second));
    expect(due.slice(2).every((card) => card.isNew)).toBe(true);
    expect(due).toHaveLength(ALPHA.cards.length + BETA.cards.length - 1);
  });

  it('says when the next card falls due, or that none will', () => {
    expect(nextDueDate([ALPHA], {}, NOW)).toBeNull();
    const cards = {
      [key('alpha', first)]: scheduleCard(undefined, 'easy', NOW),
      [key('alpha', second)]: scheduleCard(undefined, 'hard', NOW),
      [key('alpha', third)]: scheduleCard(undefined, 'again', new Date(NOW.getTime() - 3 * DAY)), // overdue
    };
    expect(nextDueDate([ALPHA], cards, NOW)?.toISOString()).toBe('2025-03-05T09:00:00.000Z');
  });

  it('knows which of a lesson’s cards were reviewed at least once', () => {
    const cards = { [key('alpha', second)]: scheduleCard(undefined, 'again', NOW) };
    expect(reviewedCardIds(ALPHA, cards)).toEqual(new Set([second]));
    expect(reviewedCardIds(BETA, cards)).toEqual(new Set());
  });

  it('brings in the new cards of lessons started, and only the rated ones of the others', () => {
    const cards = { [key('beta', first)]: scheduleCard(undefined, 'good', NOW) };
    const progress = {
      alpha: { ...emptyRecord(), status: 'in-progress' as const },
      beta: { ...emptyRecord(), status: 'skipped' as const },
    };
    const deck = reviewDeck([ALPHA, BETA], progress, cards);
    expect(deck[0]?.cards).toHaveLength(ALPHA.cards.length);
    expect(deck[1]?.cards.map((card) => card.id)).toEqual([first]);
    expect(reviewDeck([ALPHA, BETA], {}, {}).flatMap((lesson) => lesson.cards)).toEqual([]);
  });
});

describe('what was saved', () => {
  it('falls back to an empty deck, without throwing, when the saved state is corrupt', async () => {
    localStorage.setItem(REVIEW_KEY, '{not json');
    await expect(useReview.persist.rehydrate()).resolves.toBeUndefined();
    expect(useReview.getState().cards).toEqual({});

    localStorage.setItem(REVIEW_KEY, JSON.stringify({ state: { cards: 'everything' }, version: 1 }));
    await useReview.persist.rehydrate();
    expect(useReview.getState().cards).toEqual({});
  });

  it('keeps the cards that read, drops the ones that do not', () => {
    const good = scheduleCard(undefined, 'good', NOW);
    const read = readStoredReview({
      cards: {
        'alpha/miss-path': good,
        'alpha/broken': { ...good, due: 'tomorrow-ish' },
        'alpha/negative': { ...good, reps: -1 },
        'no-slash': good,
      },
    });
    expect(Object.keys(read.cards)).toEqual(['alpha/miss-path']);
    expect(readStoredReview(null)).toEqual({ cards: {} });
    expect(readStoredReview([1, 2, 3])).toEqual({ cards: {} });
  });

  it('reads back what it saved', async () => {
    const good = scheduleCard(undefined, 'good', NOW);
    localStorage.setItem(
      REVIEW_KEY,
      JSON.stringify({ state: { cards: { 'alpha/miss-path': good } }, version: 1 }),
    );
    await useReview.persist.rehydrate();
    expect(useReview.getState().cards).toEqual({ 'alpha/miss-path': good });
  });
});

function emptyRecord() {
  return {
    status: 'not-started' as const,
    statusByHand: false,
    visualFinished: [],
    tasksDone: [],
    answers: {},
    place: null,
    updatedAt: NOW.getTime(),
  };
}
