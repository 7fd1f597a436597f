import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { scrollToSection } from './scrollToSection.ts';

/** After this, the page above the section (the player, the code) has usually settled. */
const SETTLE_MS = 700;

/**
 * `#/lessons/<id>#terms` opens the lesson at that section. The move waits a frame, so it comes after
 * the layout has scrolled a newly opened page to the top and focused its heading; if what is above
 * the section then grows as it loads, the section is brought back once, unless the reader has
 * started scrolling themselves.
 */
export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
    if (id === null) return;
    let readerMoved = false;
    const moved = () => {
      readerMoved = true;
    };
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const type of events) window.addEventListener(type, moved, { passive: true });
    const frame = requestAnimationFrame(() => scrollToSection(id, { smooth: false }));
    const settle = setTimeout(() => {
      const top = document.getElementById(id)?.getBoundingClientRect().top;
      if (!readerMoved && top !== undefined && Math.abs(top) > 48) {
        document.getElementById(id)?.scrollIntoView?.({ block: 'start' });
      }
    }, SETTLE_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settle);
      for (const type of events) window.removeEventListener(type, moved);
    };
  }, [hash]);
}
