import type { Lesson } from '../lessonSchema.ts';

/**
 * The lessons, one download each. Every lesson lives in a file named after its id, which exports
 * it; a lesson page fetches only its own. `loadLessons` brings all of them, in course order.
 */
const lessonFiles = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./index.ts', '!./load.ts']);

/** The lesson with this id, or undefined when there is none. */
export async function loadLesson(id: string): Promise<Lesson | undefined> {
  const load = lessonFiles[`./${id}.ts`];
  if (load === undefined) return undefined;
  const module = await load();
  return Object.values(module).find((value): value is Lesson => isLessonWithId(value, id));
}

function isLessonWithId(value: unknown, id: string): boolean {
  return typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id;
}

let allLessons: Promise<readonly Lesson[]> | undefined;

/** Every written lesson, in curriculum order (the review deck needs all their cards). */
export function loadLessons(): Promise<readonly Lesson[]> {
  allLessons ??= import('./index.ts').then((module) => module.lessons);
  return allLessons;
}
