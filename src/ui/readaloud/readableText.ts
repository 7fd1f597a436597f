/** Marks an element whose text read-aloud reads, in document order. */
export const READABLE = 'data-read-aloud';
/** Set on the element being read, for the highlight. */
export const READING = 'data-reading';

/** The text a reader sees in `element`: what is hidden from view or from screen readers is left out. */
export function readableText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.getAttribute('aria-hidden') === 'true' || node.classList.contains('visually-hidden')) return;
    node.childNodes.forEach(walk);
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

/** The readable elements under `root` that are shown now (not in a closed disclosure, not hidden). */
export function readableElements(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${READABLE}]`)].filter(
    (element) =>
      element.closest('details:not([open]) > :not(summary), [hidden]') === null &&
      readableText(element) !== '',
  );
}
