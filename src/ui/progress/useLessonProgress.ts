import { useEffect } from 'react';
import type { Lesson } from '../../content/index.ts';
import { lessonComplete, useProgress } from '../../state/progress.ts';
import { reviewedCardIds, useReview } from '../../state/review.ts';

/**
 * For the lesson page: marks the lesson in progress when it is opened, and done once it is complete
 * (`lessonComplete`: every scenario of its Visual played to the end, every card reviewed once, every
 * task checked), unless the learner set its status by hand.
 */
export function useLessonProgress(lesson: Lesson): void {
  const openLesson = useProgress((state) => state.openLesson);
  const completeLesson = useProgress((state) => state.completeLesson);
  const progress = useProgress((state) => state.lessons[lesson.id]);
  const cards = useReview((state) => state.cards);

  useEffect(() => openLesson(lesson.id), [openLesson, lesson.id]);

  const finished =
    progress !== undefined &&
    !progress.statusByHand &&
    progress.status !== 'done' &&
    lessonComplete(lesson, progress, reviewedCardIds(lesson, cards));
  useEffect(() => {
    if (finished) completeLesson(lesson.id);
  }, [finished, completeLesson, lesson.id]);
}
