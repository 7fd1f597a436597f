import { useState } from 'react';
import type { Lesson } from '../../../content/index.ts';
import { Prose, ProseParagraphs } from '../Prose.tsx';
import { LessonSection } from './LessonSection.tsx';

/** The question first; the model answer behind a disclosure, to try answering before reading it. */
export function InterviewSection({ lesson }: { lesson: Lesson }) {
  const [shown, setShown] = useState(false);
  return (
    <LessonSection id="interview" className="lesson-prose">
      <blockquote className="lesson-interview-question">
        <p className="lesson-interview-label">The question</p>
        <p data-read-aloud="">
          <Prose text={lesson.interview.question} />
        </p>
      </blockquote>
      <p className="section-note">Say your answer out loud first, then compare it with this one.</p>
      <details
        className="lesson-interview-answer"
        open={shown}
        onToggle={(event) => setShown(event.currentTarget.open)}
      >
        <summary className="button button-quiet">{shown ? 'Hide the answer' : 'Show the answer'}</summary>
        <div className="lesson-interview-answer-body">
          <ProseParagraphs texts={lesson.interview.answer} />
        </div>
      </details>
    </LessonSection>
  );
}
