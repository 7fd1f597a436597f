import { lazy, Suspense } from 'react';
import type { Lesson } from '../../../content/index.ts';
import { LessonSection } from './LessonSection.tsx';
import { LaterPart } from './LaterPart.tsx';

// The player brings the engine and the animation library: the lesson's text paints without them.
const LessonVisual = lazy(async () => ({ default: (await import('../LessonVisual.tsx')).LessonVisual }));

// The lab (uPlot, the worker) loads only when a lesson has charts.
const LessonLabChart = lazy(async () => ({
  default: (await import('../../lab/LessonLabChart.tsx')).LessonLabChart,
}));

/** The step-through scenarios, then the lab's charts for what takes thousands of requests. */
export function VisualSection({ lesson }: { lesson: Lesson }) {
  const charts = lesson.charts ?? [];
  return (
    <LessonSection id="visual">
      {lesson.scenarioIds.length === 0 ? null : (
        <LaterPart what="Visual" size="tall">
          <LessonVisual lesson={lesson} />
        </LaterPart>
      )}
      {charts.length === 0 ? null : (
        <div className="lesson-lab-charts" role="group" aria-labelledby="in-the-lab">
          <p className="lesson-prose section-lede" data-read-aloud="">
            <strong id="in-the-lab">In the lab</strong>: the same engine at scale, thousands of requests a
            second over a minute or more, counted second by second. Each run takes a few seconds in the
            background.
          </p>
          <Suspense fallback={<p role="status">Loading the lab…</p>}>
            {charts.map((chart) => (
              <LessonLabChart key={chart.title} chart={chart} />
            ))}
          </Suspense>
        </div>
      )}
    </LessonSection>
  );
}
