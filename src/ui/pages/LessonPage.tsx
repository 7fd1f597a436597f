import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { curriculum, getLesson } from '../../content/index.ts';
import type { Lesson } from '../../content/index.ts';
import { LessonVisual } from '../lesson/LessonVisual.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Page } from './Page.tsx';
import { StartLinks } from './StartLinks.tsx';
import { phaseTitle } from './phases.ts';

// The lab (uPlot, the worker) loads only when a lesson has charts.
const LessonLabChart = lazy(async () => ({
  default: (await import('../lab/LessonLabChart.tsx')).LessonLabChart,
}));

/** `#/lessons/:lessonId`: a written lesson, a "not written yet" note, or not found. */
export function LessonPage() {
  const { lessonId = '' } = useParams();
  const lesson = getLesson(lessonId);
  if (lesson !== undefined) return <LessonView lesson={lesson} />;
  const planned = curriculum.find((entry) => entry.id === lessonId);
  if (planned !== undefined) return <LessonNotWritten title={planned.title} phase={planned.phase} />;
  return <NotFoundPage reason={`There is no lesson called \u201c${lessonId}\u201d.`} />;
}

function LessonView({ lesson }: { lesson: Lesson }) {
  return (
    <Page
      title={lesson.title}
      eyebrow={`Phase ${lesson.phase} \u00b7 ${phaseTitle(lesson.phase)}`}
      lede={lesson.summary}
      wide
    >
      <section className="lesson-section lesson-prose" aria-labelledby="big-idea">
        <h2 id="big-idea">Big idea</h2>
        {lesson.bigIdea.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <section className="lesson-section" aria-labelledby="visual">
        <h2 id="visual">Visual</h2>
        <LessonVisual lesson={lesson} />
      </section>
      {lesson.charts === undefined || lesson.charts.length === 0 ? null : (
        <section className="lesson-section" aria-labelledby="in-the-lab">
          <h2 id="in-the-lab">In the lab</h2>
          <p className="lesson-prose">
            The same engine at scale: thousands of requests a second over a minute or more, counted second by
            second. Each run takes a few seconds in the background.
          </p>
          <Suspense fallback={<p>Loading the lab…</p>}>
            {lesson.charts.map((chart) => (
              <LessonLabChart key={chart.title} chart={chart} />
            ))}
          </Suspense>
        </section>
      )}
    </Page>
  );
}

function LessonNotWritten({ title, phase }: { title: string; phase: 1 | 2 }) {
  return (
    <Page
      title={title}
      eyebrow={`Phase ${phase} \u00b7 ${phaseTitle(phase)}`}
      lede="This lesson is planned but not written yet."
    >
      <StartLinks />
    </Page>
  );
}
