import { sectionHeadingId } from './sectionList.ts';

/**
 * Brings a section (or any element of the page, by id) to the top of the screen and moves focus to
 * its heading, so keyboard and screen reader users continue from there. Smooth (unless the reader
 * asked for reduced motion) when the reader follows a link on the page; a page opened at a section
 * jumps there. Returns false when there is no such element.
 */
export function scrollToSection(id: string, { smooth = true }: { smooth?: boolean } = {}): boolean {
  const target = document.getElementById(id);
  if (target === null) return false;
  const reduced = !smooth || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView?.({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  holdInPlace(target);
  const heading =
    document.getElementById(sectionHeadingId(id)) ??
    (target.matches('h1, h2, h3, h4, [tabindex]') ? target : target.querySelector<HTMLElement>('h2, h3, h4'));
  if (heading !== null) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  return true;
}

/** How long a section is held at the top after a move, unless the reader scrolls first. */
const HOLD_MS = 2500;
/** A section this far from where it was sent has been pushed: bring it back. */
const DRIFT_PX = 48;
const READER_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
let releaseHeld: (() => void) | null = null;

/**
 * Keeps `target` at the top of the screen for a moment after a move. What lies above it can still
 * grow: the Visual, the code lab and the cards load as they come near the screen, and sections
 * are laid out only then. Each time the page changes size, once the move itself has ended, the
 * section is brought back; the reader's first wheel, touch, key or click lets go.
 */
export function holdInPlace(target: HTMLElement): void {
  releaseHeld?.();
  if (typeof ResizeObserver === 'undefined') return;
  let moving = true;
  const align = () => {
    if (moving) return;
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    if (Math.abs(target.getBoundingClientRect().top - margin) > DRIFT_PX)
      target.scrollIntoView({ block: 'start' });
  };
  const moveEnded = () => {
    moving = false;
    align();
  };
  const observer = new ResizeObserver(align);
  observer.observe(document.body);
  // A smooth move ends with `scrollend`; an instant one, or none, by the next frames.
  window.addEventListener('scrollend', moveEnded, { once: true });
  const ended = window.setTimeout(moveEnded, 1000);
  const released = window.setTimeout(release, HOLD_MS);
  function release() {
    observer.disconnect();
    window.removeEventListener('scrollend', moveEnded);
    window.clearTimeout(ended);
    window.clearTimeout(released);
    for (const type of READER_EVENTS) window.removeEventListener(type, release);
    if (releaseHeld === release) releaseHeld = null;
  }
  for (const type of READER_EVENTS) window.addEventListener(type, release, { passive: true });
  releaseHeld = release;
}
