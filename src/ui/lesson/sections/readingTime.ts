import type { Lesson } from '../../../content/index.ts';

/** Words a minute, read silently, for instructional text with some technical terms. */
export const WORDS_PER_MINUTE = 200;

/** Words in a text: runs of letters or digits (`cache-aside` and `user:42:profile` are one each). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’:_./@-]*/gu)?.length ?? 0;
}

/**
 * Everything a reader reads in a lesson's prose sections, in order. The Code lab's code is left out
 * (it is studied, not read through), and so is the Visual, which is stepped through.
 */
export function lessonProse(lesson: Lesson): string[] {
  return [
    ...lesson.bigIdea,
    ...lesson.intuition,
    ...lesson.depth.flatMap((part) => [part.title, ...part.paragraphs]),
    ...lesson.pitfalls.flatMap((p) => [p.symptom, p.cause, p.fix]),
    ...lesson.realWorld.map((claim) => claim.text),
    lesson.interview.question,
    ...lesson.interview.answer,
    ...lesson.cards.flatMap((card) => [card.prompt, card.answer]),
    ...lesson.tasks.map((task) => task.text),
    ...lesson.takeaways,
    ...lesson.terms.flatMap((t) => [t.term, t.definition]),
  ];
}

export function lessonWordCount(lesson: Lesson): number {
  return lessonProse(lesson).reduce((sum, text) => sum + countWords(text), 0);
}

/** Whole minutes at `WORDS_PER_MINUTE`, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "8 min read". */
export function readingTimeLabel(lesson: Lesson): string {
  return `${readingMinutes(lessonWordCount(lesson))} min read`;
}
