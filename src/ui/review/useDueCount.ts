import { cardCount } from './dueWords.ts';
import { useDueCards } from './reviewDeck.ts';
import { useNow } from './useNow.ts';

/**
 * The number of review cards due now, for the main navigation, and the link's name that says it:
 * "Review, 5 cards due". It counts from the saved schedules and the lessons' card ids: no engine,
 * no ts-fsrs.
 */
export function useDueCount(label: string): { count: number; name: string | undefined } {
  const count = useDueCards(useNow()).due.length;
  return { count, name: count === 0 ? undefined : `${label}, ${cardCount(count)} due` };
}
