import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { scrollToSection } from './scrollToSection.ts';

/**
 * `#/lessons/<id>#terms` opens the lesson at that section. The move waits a frame, so it comes after
 * the layout has scrolled a newly opened page to the top and focused its heading; if what is above
 * the section then grows as it loads, the section is held in place (scrollToSection.ts) until the
 * reader starts scrolling themselves.
 */
export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
    if (id === null) return;
    const frame = requestAnimationFrame(() => scrollToSection(id, { smooth: false }));
    return () => cancelAnimationFrame(frame);
  }, [hash]);
}
