import { useEffect, useState } from 'react';
import type { Lesson } from '../../content/index.ts';
import { loadLessons } from '../../content/lessons/load.ts';

/**
 * All the written lessons, for the pages that need every card's text (the Review page). They are
 * a large download, so they load on demand; the counts elsewhere come from the lesson outlines.
 */
let loaded: readonly Lesson[] | undefined;

export async function loadWrittenLessons(): Promise<readonly Lesson[]> {
  loaded = await loadLessons();
  return loaded;
}

/** The written lessons; undefined until they have loaded (the first call starts loading them). */
export function useWrittenLessons(): readonly Lesson[] | undefined {
  const [lessons, setLessons] = useState(loaded);
  useEffect(() => {
    if (lessons !== undefined) return;
    let current = true;
    void loadWrittenLessons().then((all) => {
      if (current) setLessons(all);
    });
    return () => {
      current = false;
    };
  }, [lessons]);
  return lessons;
}
