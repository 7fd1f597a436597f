import type { CurriculumEntry } from '../../content/curriculum.ts';
import type { LessonOutline } from '../../content/lessonOutline.ts';
import { statusOf } from '../../state/progress.ts';
import type { LessonProgress, LessonStatus } from '../../state/progress.ts';
import { reviewedCardIds } from '../../state/review.ts';
import type { StoredCard } from '../../state/review.ts';

export interface PartCount {
  done: number;
  total: number;
}

/** What of a lesson is done: its Visual's scenarios played to the end, cards reviewed, tasks checked. */
export interface LessonParts {
  visual: PartCount;
  cards: PartCount;
  tasks: PartCount;
  /** The share of all three together, from 0 to 1. */
  fraction: number;
}

export function lessonParts(
  lesson: LessonOutline,
  progress: LessonProgress | undefined,
  cards: Readonly<Record<string, StoredCard>>,
): LessonParts {
  const visual = {
    done: lesson.scenarioIds.filter((id) => progress?.visualFinished.includes(id) ?? false).length,
    total: lesson.scenarioIds.length,
  };
  const cardCount = { done: reviewedCardIds(lesson, cards).size, total: lesson.cards.length };
  const tasks = {
    done: lesson.tasks.filter((task) => progress?.tasksDone.includes(task.id) ?? false).length,
    total: lesson.tasks.length,
  };
  const total = visual.total + cardCount.total + tasks.total;
  const fraction = total === 0 ? 0 : (visual.done + cardCount.done + tasks.done) / total;
  return { visual, cards: cardCount, tasks, fraction };
}

/** "Visual 1 of 3 · Cards 2 of 5 · Tasks 0 of 3"; a lesson whose Visual is charts only has no count for it. */
export function partsWords(parts: LessonParts): string {
  const words = [
    parts.visual.total === 0 ? null : `Visual ${parts.visual.done} of ${parts.visual.total}`,
    `Cards ${parts.cards.done} of ${parts.cards.total}`,
    `Tasks ${parts.tasks.done} of ${parts.tasks.total}`,
  ];
  return words.filter((word) => word !== null).join(' \u00b7 ');
}

export interface LessonOverview {
  entry: CurriculumEntry;
  /** The written lesson's outline; undefined for a lesson still coming. */
  lesson: LessonOutline | undefined;
  status: LessonStatus;
  /** Undefined for a lesson still coming. */
  parts: LessonParts | undefined;
}

export interface CourseOverview {
  lessons: LessonOverview[];
  /**
   * How much of the course is complete, 0–100: each lesson done counts whole, one under way for
   * the share of its parts done; skipped lessons are left out, lessons still coming count as not
   * done.
   */
  percent: number;
  counts: Record<LessonStatus, number>;
}

/** Each lesson's status and parts: statuses from the progress, parts from the lessons' outlines. */
export function courseOverview(
  entries: readonly CurriculumEntry[],
  outlines: readonly LessonOutline[],
  progress: Readonly<Record<string, LessonProgress>>,
  cards: Readonly<Record<string, StoredCard>>,
): CourseOverview {
  const counts: Record<LessonStatus, number> = { 'not-started': 0, 'in-progress': 0, done: 0, skipped: 0 };
  let counted = 0;
  let complete = 0;
  const lessons = entries.map((entry): LessonOverview => {
    const lesson = entry.available ? outlines.find((l) => l.id === entry.id) : undefined;
    const record = entry.available ? progress[entry.id] : undefined;
    const status = statusOf(record);
    const parts = lesson === undefined ? undefined : lessonParts(lesson, record, cards);
    counts[status] += 1;
    if (status !== 'skipped') {
      counted += 1;
      complete += status === 'done' ? 1 : (parts?.fraction ?? 0);
    }
    return { entry, lesson, status, parts };
  });
  const percent = counted === 0 ? 0 : Math.floor((complete / counted) * 100);
  return { lessons, percent, counts };
}

/**
 * "Continue where you left off": the available lesson most recently worked on that is neither done
 * nor skipped, with the section the reader last had on screen.
 */
export function lessonToContinue(
  entries: readonly CurriculumEntry[],
  progress: Readonly<Record<string, LessonProgress>>,
): { entry: CurriculumEntry; place: string | null } | undefined {
  let best: { entry: CurriculumEntry; record: LessonProgress } | undefined;
  for (const entry of entries) {
    const record = progress[entry.id];
    if (!entry.available || record === undefined) continue;
    if (record.status === 'done' || record.status === 'skipped') continue;
    if (best === undefined || record.updatedAt > best.record.updatedAt) best = { entry, record };
  }
  return best === undefined ? undefined : { entry: best.entry, place: best.record.place };
}
