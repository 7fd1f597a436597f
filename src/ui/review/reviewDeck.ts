import { useMemo } from 'react';
// The curriculum and the lessons' outlines, not content/index.ts: the header and the home page
// count due cards, and must not pull in the scenarios (and through them the engine) or the lessons.
import { curriculum } from '../../content/curriculum.ts';
import type { LessonOutline } from '../../content/lessonOutline.ts';
import { lessonOutlines } from '../../content/lessonOutlines.ts';
import { statusOf, useProgress } from '../../state/progress.ts';
import type { LessonProgress } from '../../state/progress.ts';
import { cardKey, dueCards, nextDueDate, useReview } from '../../state/review.ts';
import type { CardDeckLesson, DueCard, StoredCard } from '../../state/review.ts';

/** The lessons written and marked available in the curriculum, in course order. */
function availableLessons(): readonly LessonOutline[] {
  return curriculum
    .filter((entry) => entry.available)
    .map((entry) => lessonOutlines.find((lesson) => lesson.id === entry.id))
    .filter((lesson): lesson is LessonOutline => lesson !== undefined);
}

/**
 * The cards under review: every card of a lesson the learner has started (in progress or done),
 * and any card already rated, whatever its lesson's status. A lesson not started or skipped brings
 * no new cards: a learner opening the site for the first time has nothing due.
 */
export function reviewDeck(
  from: readonly LessonOutline[],
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
  due: DueCard[];
  /** When the next rated card falls due after now; null if none will. */
  next: Date | null;
  /** How many cards are under review at all. */
  total: number;
}

/** The cards due now across the available lessons, and when the next one falls due. */
export function useDueCards(now: Date): DueSummary {
  const progress = useProgress((state) => state.lessons);
  const cards = useReview((state) => state.cards);
  return useMemo(() => {
    const deck = reviewDeck(availableLessons(), progress, cards);
    return {
      due: dueCards(deck, cards, now),
      next: nextDueDate(deck, cards, now),
      total: deck.reduce((sum, lesson) => sum + lesson.cards.length, 0),
    };
  }, [progress, cards, now]);
}
