import type { LessonTerms } from '../../content/lessonOutline.ts';

/** A term of the glossary: defined by one lesson, and linked from every lesson's prose. */
export interface GlossaryEntry {
  term: string;
  definition: string;
  /** The element id of its entry on the Glossary page (`term-cache-hit`). */
  anchor: string;
  lessonId: string;
  lessonTitle: string;
}

/** `Time to live (TTL)` → `term-time-to-live-ttl`: stable, readable, and safe as an element id. */
export function termAnchor(term: string): string {
  const slug = term
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `term-${slug === '' ? 'x' : slug}`;
}

/** Every term of every lesson, in lesson order; the first lesson wins a duplicate (case-insensitive). */
export function termEntries(lessons: readonly LessonTerms[]): GlossaryEntry[] {
  const byKey = new Map<string, GlossaryEntry>();
  for (const lesson of lessons) {
    for (const { term, definition } of lesson.terms) {
      const key = term.toLowerCase();
      if (byKey.has(key)) continue;
      byKey.set(key, {
        term,
        definition,
        anchor: termAnchor(term),
        lessonId: lesson.id,
        lessonTitle: lesson.title,
      });
    }
  }
  return [...byKey.values()];
}

/**
 * Every term of every lesson, alphabetical (case- and accent-insensitive), for the Glossary page.
 * Prose links need no order: they use `termEntries`, and spare the lesson page the collator.
 */
export function glossaryEntries(lessons: readonly LessonTerms[]): GlossaryEntry[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return termEntries(lessons).sort((a, b) => collator.compare(a.term, b.term));
}

/**
 * The entries whose term or definition contains every word of `query` (case-insensitive): those
 * whose term matches first, then those found only in their definition, each group alphabetical.
 */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const found = entries.filter((entry) => {
    const text = `${entry.term} ${entry.definition}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const inTerm = (entry: GlossaryEntry) => words.every((word) => entry.term.toLowerCase().includes(word));
  return [...found.filter(inTerm), ...found.filter((entry) => !inTerm(entry))];
}
