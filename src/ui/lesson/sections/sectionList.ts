/**
 * The eleven sections of a lesson (CURRICULUM.md), in order: their element ids (the table of
 * contents, the reading place kept in progress, `#/lessons/<id>#<section>` links) and headings.
 */
export const LESSON_SECTIONS = [
  { id: 'big-idea', title: 'Big idea' },
  { id: 'intuition', title: 'Intuition' },
  { id: 'visual', title: 'Visual' },
  { id: 'depth', title: 'Depth' },
  { id: 'code-lab', title: 'Code lab' },
  { id: 'pitfalls', title: 'Common pitfalls' },
  { id: 'real-world', title: 'Real world' },
  { id: 'interview', title: 'Interview angle' },
  { id: 'explain-it', title: 'Explain it' },
  { id: 'do-this-today', title: 'Do this today' },
  { id: 'terms', title: 'Takeaways & terms' },
] as const;

export type LessonSectionId = (typeof LESSON_SECTIONS)[number]['id'];

export const FIRST_SECTION: LessonSectionId = 'big-idea';

export function sectionTitle(id: string): string | undefined {
  return LESSON_SECTIONS.find((section) => section.id === id)?.title;
}

/** The element id of a section's heading, which receives focus when a link moves there. */
export function sectionHeadingId(id: string): string {
  return `${id}-heading`;
}
