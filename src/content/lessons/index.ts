import type { Lesson } from '../schema.ts';
import { avalancheLesson } from './avalanche.ts';
import { cacheAsideLesson } from './cache-aside.ts';
import { penetrationLesson } from './penetration.ts';
import { stampedeLesson } from './stampede.ts';

/** The written lessons, in curriculum order. */
export const lessons: readonly Lesson[] = [
  cacheAsideLesson,
  penetrationLesson,
  avalancheLesson,
  stampedeLesson,
];

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
