import { useCallback, useState } from 'react';
import { useProgress } from '../../state/progress.ts';
import type { LessonProgress, LessonStatus } from '../../state/progress.ts';
import { statusChangeWords } from './statusWords.ts';

export interface StatusNotice {
  /** What changed, in a sentence for the page's status line. */
  text: string;
  /** Puts the lesson's record back as it was before the change; null once undone. */
  undo: (() => void) | null;
}

/**
 * Sets a lesson's status by hand and keeps a sentence about it with a way to undo it: a reset
 * clears the lesson's checked tasks and finished Visual, and a shortcut key is easy to press by
 * mistake.
 */
export function useStatusChange() {
  const [notice, setNotice] = useState<StatusNotice | null>(null);
  const change = useCallback((lessonId: string, title: string, status: LessonStatus) => {
    const { lessons, setStatus, restoreLesson } = useProgress.getState();
    const before: LessonProgress | undefined = lessons[lessonId];
    // Where the change was made (a lesson on the roadmap, a button): focus returns there on undo,
    // since the Undo button goes away.
    const origin = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setStatus(lessonId, status);
    setNotice({
      text: statusChangeWords(title, status),
      undo: () => {
        restoreLesson(lessonId, before);
        if (origin?.isConnected === true) origin.focus();
        setNotice({ text: `Undone: ${title} is as it was.`, undo: null });
      },
    });
  }, []);
  return { notice, change, dismiss: () => setNotice(null) };
}
