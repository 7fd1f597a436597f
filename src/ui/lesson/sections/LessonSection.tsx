import type { ReactNode } from 'react';
import { LESSON_SECTIONS, sectionHeadingId } from './sectionList.ts';
import type { LessonSectionId } from './sectionList.ts';

/**
 * One of the lesson's eleven sections: a landmark named by its heading, which links and the table
 * of contents move focus to. The number matches the table of contents; screen readers skip it.
 */
export function LessonSection({
  id,
  className,
  children,
}: {
  id: LessonSectionId;
  className?: string;
  children: ReactNode;
}) {
  const index = LESSON_SECTIONS.findIndex((section) => section.id === id);
  const title = LESSON_SECTIONS[index]?.title ?? id;
  const headingId = sectionHeadingId(id);
  return (
    <section
      id={id}
      className={['lesson-section', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="lesson-section-title" tabIndex={-1} data-read-aloud="">
        <span className="lesson-section-number" aria-hidden="true">
          {String(index + 1).padStart(2, '0')}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}
