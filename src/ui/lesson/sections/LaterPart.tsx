import { forwardRef, Suspense, useRef } from 'react';
import type { ReactNode } from 'react';
import { useNearScreen } from '../../player/useNearScreen.ts';

type PartSize = 'tall' | 'medium';

/**
 * Stands in for a part of a lesson that loads after its text (the Visual, the code lab, the
 * cards): they bring the engine, the syntax highlighter and the review scheduler, and the text
 * should not wait for them. It keeps roughly their height, so the page does not jump when they come.
 */
export const PartLoading = forwardRef<HTMLParagraphElement, { what: string; size: PartSize }>(
  function PartLoading({ what, size }, ref) {
    return (
      <p ref={ref} className={`part-loading part-loading-${size}`} role="status">
        Loading the {what}…
      </p>
    );
  },
);

/**
 * A lazily loaded part of a lesson, asked for once it comes within a screen of the viewport: its
 * download and its first render then do not compete with the text the reader sees first.
 */
export function LaterPart({ what, size, children }: { what: string; size: PartSize; children: ReactNode }) {
  const place = useRef<HTMLParagraphElement>(null);
  const near = useNearScreen(place);
  const loading = <PartLoading what={what} size={size} />;
  return near ? (
    <Suspense fallback={loading}>{children}</Suspense>
  ) : (
    <PartLoading ref={place} what={what} size={size} />
  );
}
