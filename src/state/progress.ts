import { create } from 'zustand';
import { persist } from 'zustand/middleware';
// zod's tree-shakable build: these schemas are read on every page's first load.
import { z } from 'zod/mini';
import { newerRecords, pathPart } from './savedState.ts';
import type { MigrationSteps, Reading, SavedShape } from './savedState.ts';
import { keepInStepWithOtherTabs, persistedAs } from './storage.ts';

/**
 * The learner's progress through the course, kept in this browser: each lesson's status, what of it
 * is done (the Visual's scenarios played to the end, its tasks, its questions), and where the reader
 * was. Review cards live in their own store (review.ts). Only user data here, never simulation truth.
 *
 * A lesson becomes "in progress" when opened and "done" when every scenario of its Visual was played
 * to its last step, every card was reviewed once and every task is checked (`lessonComplete`); the
 * learner can also set a status by hand, which then stands until they change it.
 */
export type LessonStatus = 'not-started' | 'in-progress' | 'done' | 'skipped';

export interface QuestionScore {
  /** Questions answered, and answered right the first time, counted once per question. */
  answered: number;
  correct: number;
}

export interface LessonProgress {
  status: LessonStatus;
  /** True when the learner set the status by hand: it is not changed by what they do next. */
  statusByHand: boolean;
  /** Scenario ids of the Visual played to their last step. */
  visualFinished: string[];
  /** Task ids checked. */
  tasksDone: string[];
  /** Each question, by `${scenario}@${step}`: whether the first answer was right. */
  answers: Record<string, boolean>;
  /** The id of the section the reader last had on screen, to return to. */
  place: string | null;
  /** When anything of this lesson last changed (ms since the epoch): "continue where you left off". */
  updatedAt: number;
}

export interface ProgressState {
  lessons: Record<string, LessonProgress>;
  /** Marks a lesson in progress (unless done, skipped or set by hand) and remembers it as the last one. */
  openLesson: (lessonId: string) => void;
  /** Sets a status by hand (`not-started` resets the lesson: its record is removed). */
  setStatus: (lessonId: string, status: LessonStatus) => void;
  /** These three also start a lesson that was not started. */
  markVisualFinished: (lessonId: string, scenarioId: string) => void;
  setTaskDone: (lessonId: string, taskId: string, done: boolean) => void;
  /** Records a question's first answer; later answers to the same question do not change the score. */
  answerQuestion: (lessonId: string, questionKey: string, correct: boolean) => void;
  setPlace: (lessonId: string, sectionId: string) => void;
  /** Marks a lesson done once `lessonComplete` holds, unless its status was set by hand. */
  completeLesson: (lessonId: string) => void;
  /** Puts back a lesson's record as it was (`undefined`: none), to undo a change of status. */
  restoreLesson: (lessonId: string, progress: LessonProgress | undefined) => void;
}

export const PROGRESS_KEY = 'cachescope.progress';
export const PROGRESS_VERSION = 1;

export function emptyLessonProgress(now: number): LessonProgress {
  return {
    status: 'not-started',
    statusByHand: false,
    visualFinished: [],
    tasksDone: [],
    answers: {},
    place: null,
    updatedAt: now,
  };
}

/** A lesson's status; a lesson without a record has not been started. */
export function statusOf(progress: LessonProgress | undefined): LessonStatus {
  return progress?.status ?? 'not-started';
}

/** The score of a lesson's questions from its first answers. */
export function questionScore(progress: LessonProgress | undefined): QuestionScore {
  const firsts = Object.values(progress?.answers ?? {});
  return { answered: firsts.length, correct: firsts.filter(Boolean).length };
}

/**
 * Whether a lesson has been completed: every scenario of its Visual played to the end, every card
 * reviewed at least once (`reviewedCards` holds the lesson's card ids that were), every task checked.
 */
export function lessonComplete(
  lesson: {
    scenarioIds: readonly string[];
    cards: readonly { id: string }[];
    tasks: readonly { id: string }[];
  },
  progress: LessonProgress | undefined,
  reviewedCards: ReadonlySet<string>,
): boolean {
  if (progress === undefined) return false;
  return (
    lesson.scenarioIds.every((id) => progress.visualFinished.includes(id)) &&
    lesson.cards.every((card) => reviewedCards.has(card.id)) &&
    lesson.tasks.every((task) => progress.tasksDone.includes(task.id))
  );
}

/** One lesson's saved record, as the store and the progress file's import read it. */
export const storedLessonSchema = z.object({
  status: z.enum(['not-started', 'in-progress', 'done', 'skipped']),
  statusByHand: z.boolean(),
  visualFinished: z.array(z.string()),
  tasksDone: z.array(z.string()),
  answers: z.record(z.string(), z.boolean()),
  place: z.nullable(z.string()),
  updatedAt: z.number(),
});
const storedProgress = z.object({ lessons: z.record(z.string(), z.unknown()) });

/** What progress saves: only the lessons' records. */
export interface SavedProgress {
  lessons: Record<string, LessonProgress>;
}

/**
 * What was saved, as far as it can be read: a lesson whose record does not validate is left out
 * (and named in `unread`) and the others are kept; anything else unreadable is an empty progress.
 * Never throws.
 */
export function readProgress(persisted: unknown): Reading<SavedProgress> {
  const parsed = storedProgress.safeParse(persisted);
  if (!parsed.success) return { value: { lessons: {} }, unread: persisted === undefined ? [] : ['lessons'] };
  const lessons: Record<string, LessonProgress> = {};
  const unread: string[] = [];
  for (const [lessonId, record] of Object.entries(parsed.data.lessons)) {
    const lesson = storedLessonSchema.safeParse(record);
    if (lesson.success) lessons[lessonId] = lesson.data;
    else unread.push(`lessons${pathPart(lessonId)}`);
  }
  return { value: { lessons }, unread };
}

/** `readProgress` without the list of what was left out. */
export function readStoredProgress(persisted: unknown): SavedProgress {
  return readProgress(persisted).value;
}

/** Of two progresses, `mine` with each lesson `other` changed more recently; `mine` itself if none. */
export function combineProgress(mine: SavedProgress, other: SavedProgress): SavedProgress {
  const lessons = newerRecords(mine.lessons, other.lessons, (lesson) => lesson.updatedAt);
  return lessons === mine.lessons ? mine : { lessons };
}

/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const PROGRESS_MIGRATIONS: MigrationSteps = {};

export const PROGRESS_SHAPE: SavedShape<SavedProgress> = {
  key: PROGRESS_KEY,
  label: 'lesson progress',
  version: PROGRESS_VERSION,
  steps: PROGRESS_MIGRATIONS,
  read: readProgress,
  combine: combineProgress,
};

type Change = (lesson: LessonProgress) => LessonProgress;

export const useProgress = create<ProgressState>()(
  persist(
    (set) => {
      const change = (lessonId: string, update: Change) =>
        set((state) => {
          const now = Date.now();
          const before = state.lessons[lessonId] ?? emptyLessonProgress(now);
          return { lessons: { ...state.lessons, [lessonId]: { ...update(before), updatedAt: now } } };
        });
      // Working on a lesson (a task, a Visual played, a question) starts it if it was not started.
      const work =
        (update: Change): Change =>
        (l) => {
          const after = update(l);
          return after.status === 'not-started' ? { ...after, status: 'in-progress' } : after;
        };
      const unique = (list: readonly string[], item: string) =>
        list.includes(item) ? [...list] : [...list, item];
      return {
        lessons: {},
        openLesson: (lessonId) =>
          change(lessonId, (l) => (l.status === 'not-started' ? { ...l, status: 'in-progress' } : l)),
        setStatus: (lessonId, status) =>
          status === 'not-started'
            ? set((state) => {
                const { [lessonId]: _removed, ...rest } = state.lessons;
                return { lessons: rest };
              })
            : change(lessonId, (l) => ({ ...l, status, statusByHand: true })),
        markVisualFinished: (lessonId, scenarioId) =>
          change(
            lessonId,
            work((l) => ({ ...l, visualFinished: unique(l.visualFinished, scenarioId) })),
          ),
        setTaskDone: (lessonId, taskId, done) =>
          change(
            lessonId,
            work((l) => ({
              ...l,
              tasksDone: done ? unique(l.tasksDone, taskId) : l.tasksDone.filter((id) => id !== taskId),
            })),
          ),
        answerQuestion: (lessonId, questionKey, correct) =>
          change(
            lessonId,
            work((l) =>
              questionKey in l.answers ? l : { ...l, answers: { ...l.answers, [questionKey]: correct } },
            ),
          ),
        setPlace: (lessonId, sectionId) => change(lessonId, (l) => ({ ...l, place: sectionId })),
        completeLesson: (lessonId) =>
          change(lessonId, (l) => (l.statusByHand || l.status === 'done' ? l : { ...l, status: 'done' })),
        restoreLesson: (lessonId, progress) =>
          set((state) => {
            const { [lessonId]: _current, ...rest } = state.lessons;
            return { lessons: progress === undefined ? rest : { ...rest, [lessonId]: progress } };
          }),
      };
    },
    persistedAs(PROGRESS_SHAPE, (state): SavedProgress => ({ lessons: state.lessons })),
  ),
);

keepInStepWithOtherTabs(useProgress);
