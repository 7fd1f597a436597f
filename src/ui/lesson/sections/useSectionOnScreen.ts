import { useEffect, useState } from 'react';

/**
 * The section the reader has on screen: the last one whose top has passed a line near the top of
 * the window (or, at the very bottom of the page, the last one showing). Recomputed on scroll and
 * resize, at most once a frame.
 */
export function useSectionOnScreen(ids: readonly string[]): string {
  const [current, setCurrent] = useState<string>(ids[0] ?? '');
  const key = ids.join(' ');

  useEffect(() => {
    const sectionIds = key.split(' ');
    let frame: number | null = null;
    const measure = () => {
      frame = null;
      setCurrent(sectionOnScreen(sectionIds));
    };
    const schedule = () => {
      if (frame !== null) return;
      frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(measure) : null;
      if (frame === null) measure();
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    };
  }, [key]);

  return current;
}

export function sectionOnScreen(ids: readonly string[]): string {
  const viewport = window.innerHeight;
  const line = Math.min(160, viewport * 0.3);
  const page = document.documentElement;
  const atBottom = page.scrollHeight > viewport && window.scrollY + viewport >= page.scrollHeight - 2;
  let found = ids[0] ?? '';
  for (const id of ids) {
    const top = document.getElementById(id)?.getBoundingClientRect().top;
    if (top === undefined) continue;
    if (top <= line || (atBottom && top < viewport)) found = id;
  }
  return found;
}
