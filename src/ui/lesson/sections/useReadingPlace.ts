import { useEffect, useRef, useState } from 'react';
import { useProgress } from '../../../state/progress.ts';
import { FIRST_SECTION, sectionTitle } from './sectionList.ts';

/** How often at most the place is written to storage while the reader scrolls. */
export const PLACE_WRITE_INTERVAL_MS = 1000;

// What the reader does, as opposed to the page scrolling itself (the layout scrolls to the top
// when a page opens): only after one of these does the section on screen count as their place.
const READER_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/**
 * Keeps the reader's place in a lesson: the section on screen is recorded in progress once the
 * reader has scrolled there themselves, at most once a second (and when they leave the page). The
 * place recorded on a previous visit is returned, for "Continue where you left off", unless it is
 * the first section.
 */
export function useReadingPlace(lessonId: string, current: string): { id: string; title: string } | null {
  const [returnTo] = useState(() => {
    const place = useProgress.getState().lessons[lessonId]?.place ?? null;
    const title = place === null ? undefined : sectionTitle(place);
    return place === null || place === FIRST_SECTION || title === undefined ? null : { id: place, title };
  });

  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    if (engaged) return;
    const engage = () => setEngaged(true);
    for (const type of READER_EVENTS) window.addEventListener(type, engage, { passive: true, once: true });
    return () => {
      for (const type of READER_EVENTS) window.removeEventListener(type, engage);
    };
  }, [engaged]);

  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!engaged) return;
    pending.current = current;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      writePlace(lessonId, pending.current);
      pending.current = null;
    }, PLACE_WRITE_INTERVAL_MS);
  }, [engaged, current, lessonId]);

  // Leaving the page writes what is still waiting.
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      writePlace(lessonId, pending.current);
      pending.current = null;
    },
    [lessonId],
  );

  return returnTo;
}

function writePlace(lessonId: string, place: string | null): void {
  const progress = useProgress.getState();
  if (place !== null && progress.lessons[lessonId]?.place !== place) progress.setPlace(lessonId, place);
}
