import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Lesson } from '../../content/index.ts';
import { lessonTerms } from '../../content/lessonTerms.ts';
import { termEntries } from './glossary.ts';
import type { GlossaryEntry } from './glossary.ts';
import { termMatcher } from './proseSegments.ts';
import type { TermMatcher } from './proseSegments.ts';

/** The terms prose links to: every lesson's, unless a page gives its own (a lesson not yet listed). */
const GlossaryTermsContext = createContext<TermMatcher | null>(null);

let siteMatcher: TermMatcher | null = null;
function siteTerms(): TermMatcher {
  siteMatcher ??= termMatcher(termEntries(lessonTerms));
  return siteMatcher;
}

export function useTermMatcher(): TermMatcher {
  return useContext(GlossaryTermsContext) ?? siteTerms();
}

/** Links the site's terms and those of `lesson`, which may not be among the site's lessons (a preview, a test). */
export function LessonTermsProvider({ lesson, children }: { lesson: Lesson; children: ReactNode }) {
  const matcher = useMemo(() => {
    const known = lessonTerms.some((l) => l.id === lesson.id);
    return known ? siteTerms() : termMatcher(termEntries([...lessonTerms, lesson]));
  }, [lesson]);
  return <GlossaryTermsContext.Provider value={matcher}>{children}</GlossaryTermsContext.Provider>;
}

export type { GlossaryEntry };
