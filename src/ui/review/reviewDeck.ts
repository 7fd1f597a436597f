import { useMemo } from 'react';
// The curriculum itself, not content/index.ts: the header and the home page count due cards, and
// must not pull in the scenarios (and through them the engine). The lessons load on demand.
import { curriculum } from '../../content/curriculum.ts';
import type { Lesson } from '../../content/index.ts';
import { statusOf, useProgress } from '../../state/progress.ts';
import type { LessonProgress } from '../../state/progress.ts';
import { cardKey, dueCards, nextDueDate, useReview } from '../../state/review.ts';
import { useWrittenLessons } from './lessonData.ts';
import type { CardDeckLesson, DueCard, StoredCard } from '../../state/review.ts';

/** The lessons written and marked available in the curriculum, in course order. */
export function availableLessons(written: readonly Lesson[]): readonly Lesson[] {
  return curriculum
    .filter((entry) => entry.available)
    .map((entry) => written.find((lesson) => lesson.id === entry.id))
    .filter((lesson): lesson is Lesson => lesson !== undefined);
}

/**
 * The cards under review: every card of a lesson the learner has started (in progress or done),
 * and any card already rated, whatever its lesson's status. A lesson not started or skipped brings
 * no new cards: a learner opening the site for the first time has nothing due.
 */
export function reviewDeck(
  from: readonly Lesson[],
  progress: Readonly<Record<string, LessonProgress>>,
  cards: Readonly<Record<string, StoredCard>>,
): CardDeckLesson[] {
  return from.map((lesson) => {
    const status = statusOf(progress[lesson.id]);
    if (status === 'in-progress' || status === 'done') return { id: lesson.id, cards: lesson.cards };
    return {
      id: lesson.id,
      cards: lesson.cards.filter((card) => cards[cardKey(lesson.id, card.id)] !== undefined),
    };
  });
}

export interface DueSummary {
  /** False until the lessons have loaded: then nothing is counted yet. */
  ready: boolean;
  /** The available lessons (empty until loaded). */
  lessons: readonly Lesson[];
  due: DueCard[];
  /** When the next rated card falls due after now; null if none will. */
  next: Date | null;
  /** How many cards are under review at all. */
  total: number;
}

/** The cards due now across the available lessons, and when the next one falls due. */
export function useDueCards(now: Date): DueSummary {
  const written = useWrittenLessons();
  const progress = useProgress((state) => state.lessons);
  const cards = useReview((state) => state.cards);
  return useMemo(() => {
    const lessons = availableLessons(written ?? []);
    const deck = reviewDeck(lessons, progress, cards);
    return {
      ready: written !== undefined,
      lessons,
      due: dueCards(deck, cards, now),
      next: nextDueDate(deck, cards, now),
      total: deck.reduce((sum, lesson) => sum + lesson.cards.length, 0),
    };
  }, [written, progress, cards, now]);
}
