import { useState } from 'react';
import { SectionLink } from './TableOfContents.tsx';

/**
 * "Continue where you left off: <section>", when the reader comes back to a lesson they had read
 * past its first section. It never moves the page by itself; following it scrolls there, moves
 * focus to the section's heading, and the offer goes away.
 */
export function ContinueReading({ place }: { place: { id: string; title: string } | null }) {
  const [used, setUsed] = useState(false);
  if (place === null || used) return null;
  return (
    <p className="lesson-continue">
      <span aria-hidden="true">↪</span>
      <SectionLink id={place.id} className="lesson-continue-link" onFollow={() => setUsed(true)}>
        Continue where you left off: {place.title}
      </SectionLink>
    </p>
  );
}
