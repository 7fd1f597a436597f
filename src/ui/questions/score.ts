import type { LessonQuestion } from '../../content/lessonSchema.ts';
import { questionScore } from '../../state/progress.ts';
import type { LessonProgress, QuestionScore } from '../../state/progress.ts';

/** The lesson's questions, for the Visual: whose progress they count towards, and where they are asked. */
export interface VisualQuestions {
  lessonId: string;
  questions: readonly LessonQuestion[];
}

/** A question's key in the progress store: its scenario and step, `cache-aside-read@13`. */
export function questionKey(question: Pick<LessonQuestion, 'scenario' | 'step'>): string {
  return `${question.scenario}@${question.step}`;
}

/**
 * The score of the lesson's questions as they are now: first answers to questions the lesson no
 * longer asks (a step that moved when a scenario changed) do not count.
 */
export function lessonScore(
  progress: LessonProgress | undefined,
  questions: readonly LessonQuestion[],
): QuestionScore {
  if (progress === undefined) return questionScore(undefined);
  const asked = new Set(questions.map(questionKey));
  const answers = Object.fromEntries(Object.entries(progress.answers).filter(([key]) => asked.has(key)));
  return questionScore({ ...progress, answers });
}

/** The score in words: "3 of 4 right the first time", and how many questions are left (if any). */
export function scoreWords(
  { answered, correct }: QuestionScore,
  total: number,
): { score: string; left: string | null } {
  const questions = `${total} ${total === 1 ? 'question' : 'questions'}`;
  if (answered === 0) return { score: `none of ${questions} answered yet`, left: null };
  const left = total - answered;
  return {
    score: `${correct} of ${answered} right the first time`,
    left:
      left > 0
        ? `${left} of ${questions} still to answer`
        : total === 1
          ? 'the one question answered'
          : `all ${questions} answered`,
  };
}
