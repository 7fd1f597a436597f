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
  const heading =
    document.getElementById(sectionHeadingId(id)) ??
    (target.matches('h1, h2, h3, h4, [tabindex]') ? target : target.querySelector<HTMLElement>('h2, h3, h4'));
  if (heading !== null) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  return true;
}
