import { useEffect, useState } from 'react';
import type { Lesson } from '../../content/index.ts';

/**
 * The written lessons, loaded on demand. The header's count of due cards and the roadmap's progress
 * need only the lessons' card, task and scenario ids, but those come with every lesson's text and
 * code, a large chunk: the home page draws without it and fills in the counts when it arrives.
 */
let loaded: readonly Lesson[] | undefined;
let loading: Promise<readonly Lesson[]> | undefined;

export function loadLessons(): Promise<readonly Lesson[]> {
  loading ??= import('../../content/lessons/index.ts').then((module) => {
    loaded = module.lessons;
    return loaded;
  });
  return loading;
}

/** The written lessons; undefined until they have loaded (the first call starts loading them). */
export function useWrittenLessons(): readonly Lesson[] | undefined {
  const [lessons, setLessons] = useState(loaded);
  useEffect(() => {
    if (lessons !== undefined) return;
    let current = true;
    void loadLessons().then((all) => {
      if (current) setLessons(all);
    });
    return () => {
      current = false;
    };
  }, [lessons]);
  return lessons;
}
