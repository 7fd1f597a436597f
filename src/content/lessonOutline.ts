import type { Lesson } from './lessonSchema.ts';

/**
 * What the pages that list lessons need of each one: the ids they count (scenarios, cards, tasks).
 * A few kilobytes for the whole course, where the lessons themselves, with their text and code, are
 * a large download: the roadmap and the header's due count draw from these, and a lesson page loads
 * only its own lesson. `npm run outlines` writes them to lessonOutlines.ts.
 */
export interface LessonOutline {
  id: string;
  title: string;
  scenarioIds: readonly string[];
  cards: readonly { id: string }[];
  tasks: readonly { id: string }[];
}

/** A lesson's glossary terms, which every lesson's prose links to (written to lessonTerms.ts). */
export interface LessonTerms {
  id: string;
  title: string;
  terms: readonly { term: string; definition: string }[];
}

export function outlineOf(lesson: Lesson): LessonOutline {
  return {
    id: lesson.id,
    title: lesson.title,
    scenarioIds: [...lesson.scenarioIds],
    cards: lesson.cards.map(({ id }) => ({ id })),
    tasks: lesson.tasks.map(({ id }) => ({ id })),
  };
}

export function termsOf(lesson: Lesson): LessonTerms {
  return {
    id: lesson.id,
    title: lesson.title,
    terms: lesson.terms.map(({ term, definition }) => ({ term, definition })),
  };
}
