import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether `ref`'s element has come within 1250 px of the viewport (and stays true once it has), the
 * distance at which Chromium starts loading a lazy image on a fast connection. Work that only shows
 * further down a page (a lesson's Visual on a phone, its code lab and cards) waits for it, so that
 * it does not compete with what the reader sees first. Without IntersectionObserver, true at once.
 */
export function useNearScreen(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || element === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '1250px 0px 1250px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}
