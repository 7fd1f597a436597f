import type { Lesson } from '../schema.ts';
import { cacheAsideLesson } from './cache-aside.ts';

export const lessons: readonly Lesson[] = [cacheAsideLesson];

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
