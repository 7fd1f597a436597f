/**
 * jsdom has no matchMedia. This stand-in answers from a set of queries a test declares true, so
 * tests can emulate reduced motion or a phone-width screen. Every other query does not match.
 */
const matching = new Set<string>();

export function emulateMedia(...queries: string[]): void {
  for (const query of queries) matching.add(query);
}

export function resetMedia(): void {
  matching.clear();
}

export function installMatchMedia(): void {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: matching.has(query),
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
}

export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
export const NARROW_SCREEN = '(max-width: 40rem)';
