import { create } from 'zustand';
import { persist } from 'zustand/middleware';
// zod's tree-shakable build: these schemas are read on every page's first load.
import { z } from 'zod/mini';
import { newerRecords, pathPart } from './savedState.ts';
import type { MigrationSteps, Reading, SavedShape } from './savedState.ts';
import { keepInStepWithOtherTabs, persistedAs } from './storage.ts';

/**
 * The learner's explain-it cards under spaced repetition, kept in this browser. Each card rated at
 * least once has its FSRS schedule here, as JSON (dates as ISO strings); a card never rated has no
 * entry: it is new, and due. The schedule itself is computed by ts-fsrs (ui/review/schedule.ts),
 * which this store does not import, so the pages that only count due cards stay light.
 */

/** A card's FSRS state (ts-fsrs's `Card`) with its dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  /** Kept because ts-fsrs 5 still reads it (deprecated there, removed in 6). */
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's `State`). */
  state: 0 | 1 | 2 | 3;
  last_review: string | null;
}

export interface ReviewState {
  /** Rated cards by `cardKey(lessonId, cardId)`. */
  cards: Record<string, StoredCard>;
  /** Saves a card's schedule after a rating. */
  saveCard: (key: string, card: StoredCard) => void;
}

export const REVIEW_KEY = 'cachescope.review';
export const REVIEW_VERSION = 1;

/** A card's id in this store: its lesson's id and its own, which lessons never reuse. */
export function cardKey(lessonId: string, cardId: string): string {
  return `${lessonId}/${cardId}`;
}

/** The lessons' parts this store's helpers read: ids only. */
export interface CardDeckLesson {
  id: string;
  cards: readonly { id: string }[];
}

export interface DueCard {
  key: string;
  lessonId: string;
  cardId: string;
  /** Never rated. */
  isNew: boolean;
  /** When it became due; null for a new card. */
  due: Date | null;
}

/** Whether a card is due at `now`: a card never rated always is. */
export function isDue(card: StoredCard | undefined, now: Date): boolean {
  return card === undefined || Date.parse(card.due) <= now.getTime();
}

/**
 * The cards of `lessons` due at `now`: the rated ones first, longest overdue first, then the new
 * ones in the lessons' order and each lesson's own.
 */
export function dueCards(
  lessons: readonly CardDeckLesson[],
  cards: Readonly<Record<string, StoredCard>>,
  now: Date,
): DueCard[] {
  const overdue: DueCard[] = [];
  const fresh: DueCard[] = [];
  for (const lesson of lessons) {
    for (const card of lesson.cards) {
      const key = cardKey(lesson.id, card.id);
      const stored = cards[key];
      if (!isDue(stored, now)) continue;
      const entry = { key, lessonId: lesson.id, cardId: card.id };
      if (stored === undefined) fresh.push({ ...entry, isNew: true, due: null });
      else overdue.push({ ...entry, isNew: false, due: new Date(stored.due) });
    }
  }
  overdue.sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
  return [...overdue, ...fresh];
}

/** The earliest time after `now` that one of the lessons' rated cards falls due; null if none will. */
export function nextDueDate(
  lessons: readonly CardDeckLesson[],
  cards: Readonly<Record<string, StoredCard>>,
  now: Date,
): Date | null {
  let next: number | null = null;
  for (const lesson of lessons) {
    for (const card of lesson.cards) {
      const stored = cards[cardKey(lesson.id, card.id)];
      if (stored === undefined) continue;
      const due = Date.parse(stored.due);
      if (due > now.getTime() && (next === null || due < next)) next = due;
    }
  }
  return next === null ? null : new Date(next);
}

/** The ids of a lesson's cards rated at least once. */
export function reviewedCardIds(
  lesson: CardDeckLesson,
  cards: Readonly<Record<string, StoredCard>>,
): Set<string> {
  return new Set(
    lesson.cards.filter((card) => cards[cardKey(lesson.id, card.id)] !== undefined).map((card) => card.id),
  );
}

const isoDate = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'expected a date'));
const count = z.int().check(z.nonnegative());
const nonNegative = z.number().check(z.nonnegative());
/** One saved card, as the store and the progress file's import read it. */
export const storedCardSchema = z.object({
  due: isoDate,
  stability: nonNegative,
  difficulty: nonNegative,
  elapsed_days: nonNegative,
  scheduled_days: nonNegative,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: z.literal([0, 1, 2, 3]),
  last_review: z.nullable(isoDate),
});
const storedReview = z.object({ cards: z.record(z.string(), z.unknown()) });

/** What review saves: the rated cards. */
export interface SavedReview {
  cards: Record<string, StoredCard>;
}

/**
 * What was saved, as far as it can be read: a card that does not validate is left out (it is new
 * again; named in `unread`) and the others are kept; anything else unreadable is an empty deck.
 * Never throws.
 */
export function readReview(persisted: unknown): Reading<SavedReview> {
  const parsed = storedReview.safeParse(persisted);
  if (!parsed.success) return { value: { cards: {} }, unread: persisted === undefined ? [] : ['cards'] };
  const cards: Record<string, StoredCard> = {};
  const unread: string[] = [];
  for (const [key, value] of Object.entries(parsed.data.cards)) {
    const card = storedCardSchema.safeParse(value);
    if (card.success && key.includes('/')) cards[key] = card.data;
    else unread.push(`cards${pathPart(key)}`);
  }
  return { value: { cards }, unread };
}

/** `readReview` without the list of what was left out. */
export function readStoredReview(persisted: unknown): SavedReview {
  return readReview(persisted).value;
}

/** When a card was last rated (ms), for keeping the newer of two copies. */
export function lastReviewTime(card: StoredCard): number {
  return card.last_review === null ? Number.NEGATIVE_INFINITY : Date.parse(card.last_review);
}

/** `mine` with each card `other` rated more recently; `mine` itself if none. */
export function combineReview(mine: SavedReview, other: SavedReview): SavedReview {
  const cards = newerRecords(mine.cards, other.cards, lastReviewTime);
  return cards === mine.cards ? mine : { cards };
}

/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const REVIEW_MIGRATIONS: MigrationSteps = {};

export const REVIEW_SHAPE: SavedShape<SavedReview> = {
  key: REVIEW_KEY,
  label: 'review cards',
  version: REVIEW_VERSION,
  steps: REVIEW_MIGRATIONS,
  read: readReview,
  combine: combineReview,
};

export const useReview = create<ReviewState>()(
  persist(
    (set) => ({
      cards: {},
      saveCard: (key, card) => set((state) => ({ cards: { ...state.cards, [key]: card } })),
    }),
    persistedAs(REVIEW_SHAPE, (state): SavedReview => ({ cards: state.cards })),
  ),
);

keepInStepWithOtherTabs(useReview);
