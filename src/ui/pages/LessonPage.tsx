import { lazy, useMemo, useRef } from 'react';
import { useLoaderData, useParams } from 'react-router';
import type { Lesson } from '../../content/index.ts';
import { LessonTermsProvider } from '../glossary/GlossaryContext.tsx';
import { ContinueReading } from '../lesson/sections/ContinueReading.tsx';
import { InterviewSection } from '../lesson/sections/InterviewSection.tsx';
import { LessonSection } from '../lesson/sections/LessonSection.tsx';
import { LaterPart } from '../lesson/sections/LaterPart.tsx';
import { PitfallsSection } from '../lesson/sections/PitfallsSection.tsx';
import { BigIdeaSection, DepthSection, IntuitionSection } from '../lesson/sections/ProseSections.tsx';
import { readingTimeLabel } from '../lesson/sections/readingTime.ts';
import { RealWorldSection } from '../lesson/sections/RealWorldSection.tsx';
import { LESSON_SECTIONS } from '../lesson/sections/sectionList.ts';
import { TableOfContents } from '../lesson/sections/TableOfContents.tsx';
import { TakeawaysSection } from '../lesson/sections/TakeawaysSection.tsx';
import { useReadingPlace } from '../lesson/sections/useReadingPlace.ts';
import { useScrollToHash } from '../lesson/sections/useScrollToHash.ts';
import { useSectionOnScreen } from '../lesson/sections/useSectionOnScreen.ts';
import { VisualSection } from '../lesson/sections/VisualSection.tsx';
import { useMediaQuery } from '../player/useMediaQuery.ts';
import { LessonStatusControl } from '../progress/LessonStatusControl.tsx';
import { LessonTasks } from '../progress/LessonTasks.tsx';
import { useLessonProgress } from '../progress/useLessonProgress.ts';
import { ReadAloud } from '../readaloud/ReadAloud.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Page } from './Page.tsx';
import { phaseTitle } from './phases.ts';
import '../lesson/lesson.css';

// After the text: the code lab brings the engine and the highlighter, the cards the scheduler.
const CodeLab = lazy(async () => ({ default: (await import('../code/CodeLab.tsx')).CodeLab }));
const LessonCards = lazy(async () => ({ default: (await import('../cards/LessonCards.tsx')).LessonCards }));

/** From this width the table of contents is a sticky column beside the lesson. */
export const SIDE_TOC_QUERY = '(min-width: 75rem)';

const SECTION_IDS = LESSON_SECTIONS.map((section) => section.id);

/** `#/lessons/:lessonId`: a lesson, or not found. */
export function LessonPage() {
  const { lessonId = '' } = useParams();
  const lesson = useLoaderData<Lesson | null>();
  if (lesson !== null) return <LessonView key={lesson.id} lesson={lesson} />;
  return <NotFoundPage reason={`There is no lesson called \u201c${lessonId}\u201d.`} />;
}

/** A lesson's eleven sections (CURRICULUM.md) with its table of contents, reading time and read-aloud. */
export function LessonView({ lesson }: { lesson: Lesson }) {
  useLessonProgress(lesson);
  const current = useSectionOnScreen(SECTION_IDS);
  const returnTo = useReadingPlace(lesson.id, current);
  useScrollToHash();
  const sideToc = useMediaQuery(SIDE_TOC_QUERY);
  const readingTime = useMemo(() => readingTimeLabel(lesson), [lesson]);
  const content = useRef<HTMLDivElement>(null);

  return (
    <LessonTermsProvider lesson={lesson}>
      <Page
        title={lesson.title}
        eyebrow={`Phase ${lesson.phase} \u00b7 ${phaseTitle(lesson.phase)}`}
        lede={lesson.summary}
        wide
      >
        <div className="lesson-header-tools">
          <p className="lesson-reading-time">{readingTime}</p>
          <LessonStatusControl lesson={lesson} />
          <ReadAloud root={() => content.current} />
        </div>
        <ContinueReading place={returnTo} />
        <div className={sideToc ? 'lesson-layout has-side-toc' : 'lesson-layout'}>
          {sideToc ? null : <TableOfContents layout="top" current={current} />}
          <div className="lesson-content" ref={content}>
            <BigIdeaSection lesson={lesson} />
            <IntuitionSection lesson={lesson} />
            <VisualSection lesson={lesson} />
            <DepthSection lesson={lesson} />
            <LessonSection id="code-lab">
              <LaterPart what="code lab" size="tall">
                <CodeLab lesson={lesson} />
              </LaterPart>
            </LessonSection>
            <PitfallsSection lesson={lesson} />
            <RealWorldSection lesson={lesson} />
            <InterviewSection lesson={lesson} />
            <LessonSection id="explain-it">
              <LaterPart what="cards" size="medium">
                <LessonCards lesson={lesson} />
              </LaterPart>
            </LessonSection>
            <LessonSection id="do-this-today">
              <LessonTasks lesson={lesson} />
            </LessonSection>
            <TakeawaysSection lesson={lesson} />
          </div>
          {sideToc ? (
            <div className="lesson-toc-column">
              <TableOfContents layout="side" current={current} />
            </div>
          ) : null}
        </div>
      </Page>
    </LessonTermsProvider>
  );
}
