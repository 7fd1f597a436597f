import { Rating, State, createEmptyCard, fsrs } from 'ts-fsrs';
import type { Card, CardInput, Grade } from 'ts-fsrs';
import { useReview } from '../../state/review.ts';
import type { StoredCard } from '../../state/review.ts';

/**
 * Spaced repetition with FSRS (ts-fsrs). A learner meets these cards while working through a course
 * over days, not in one sitting of drills, so the scheduler works in whole days: no short-term
 * learning steps (a new card rated Again comes back tomorrow, Good in three days, Easy in about a
 * week), and no fuzz, so the interval a rating button shows is exactly the one the rating gives.
 */
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

export type ReviewGrade = 'again' | 'hard' | 'good' | 'easy';

export const GRADES: readonly { grade: ReviewGrade; label: string; rating: Grade }[] = [
  { grade: 'again', label: 'Again', rating: Rating.Again },
  { grade: 'hard', label: 'Hard', rating: Rating.Hard },
  { grade: 'good', label: 'Good', rating: Rating.Good },
  { grade: 'easy', label: 'Easy', rating: Rating.Easy },
];

function ratingOf(grade: ReviewGrade): Grade {
  const found = GRADES.find((entry) => entry.grade === grade);
  if (found === undefined) throw new Error(`no grade ${grade}`);
  return found.rating;
}

const STATES = [State.New, State.Learning, State.Review, State.Relearning] as const;

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES.indexOf(card.state) as StoredCard['state'],
    last_review: card.last_review?.toISOString() ?? null,
  };
}

function toCardInput(stored: StoredCard): CardInput {
  return { ...stored, state: STATES[stored.state] ?? State.New };
}

/** The schedule a card gets if rated `grade` at `now`; a card never rated starts empty at `now`. */
export function scheduleCard(stored: StoredCard | undefined, grade: ReviewGrade, now: Date): StoredCard {
  const card = stored === undefined ? createEmptyCard(now) : toCardInput(stored);
  return toStored(scheduler.next(card, now, ratingOf(grade)).card);
}

/** When the card would be due next after each rating at `now`, for the rating buttons. */
export function previewDue(stored: StoredCard | undefined, now: Date): Record<ReviewGrade, Date> {
  const dueAfter = (grade: ReviewGrade) => new Date(scheduleCard(stored, grade, now).due);
  return { again: dueAfter('again'), hard: dueAfter('hard'), good: dueAfter('good'), easy: dueAfter('easy') };
}

/** Rates a card now and saves its new schedule; returns when it is due next. */
export function rateCard(key: string, grade: ReviewGrade, now: Date = new Date()): Date {
  const { cards, saveCard } = useReview.getState();
  const next = scheduleCard(cards[key], grade, now);
  saveCard(key, next);
  return new Date(next.due);
}
