import { useId } from 'react';
import type { Lesson } from '../../content/index.ts';
import { statusOf, useProgress } from '../../state/progress.ts';
import type { LessonStatus } from '../../state/progress.ts';
import { useReview } from '../../state/review.ts';
import { lessonParts, partsWords } from './lessonParts.ts';
import { StatusIcon } from './StatusIcon.tsx';
import { StatusNoticeLine } from './StatusNoticeLine.tsx';
import { useStatusChange } from './useStatusChange.ts';
import { STATUS_LABEL } from './statusWords.ts';
import './progress.css';

const ACTIONS: readonly { status: LessonStatus; label: string }[] = [
  { status: 'done', label: 'Mark done' },
  { status: 'skipped', label: 'Skip' },
  { status: 'not-started', label: 'Reset' },
];

/**
 * The lesson's status, as words beside an icon, with what of it is done, and buttons to mark it done,
 * skip it or reset it by hand. Reset starts the lesson over: its checked tasks and finished Visual
 * are cleared (its cards keep their review schedule).
 */
export function LessonStatusControl({ lesson }: { lesson: Lesson }) {
  const progress = useProgress((state) => state.lessons[lesson.id]);
  const { notice, change } = useStatusChange();
  const cards = useReview((state) => state.cards);
  const headingId = useId();
  const status = statusOf(progress);
  const parts = lessonParts(lesson, progress, cards);
  const how =
    progress?.statusByHand === true ? 'set by hand' : status === 'done' ? 'everything in it is done' : null;
  return (
    <section className={`lesson-status is-${status}`} aria-labelledby={headingId}>
      <p className="lesson-status-line">
        <span id={headingId} className="lesson-status-label">
          Your progress:
        </span>{' '}
        <span className={`status-badge status-pill is-${status}`}>
          <StatusIcon status={status} />
          {STATUS_LABEL[status]}
        </span>
        {how === null ? null : <span className="lesson-status-how"> ({how})</span>}
      </p>
      <p className="lesson-status-parts">
        {partsWords(parts)}
        {status === 'done' || progress?.statusByHand === true
          ? null
          : '. The lesson is done once its Visual is played to the end, every card reviewed once and every task checked.'}
      </p>
      <div className="lesson-status-actions" role="group" aria-label="Set the lesson’s status">
        {ACTIONS.map((action) => {
          // The current one stays in place (and keeps focus after a click), but does nothing.
          const current = action.status === status;
          return (
            <button
              key={action.status}
              type="button"
              className="button button-quiet"
              aria-disabled={current}
              onClick={current ? undefined : () => change(lesson.id, lesson.title, action.status)}
            >
              {action.label}
            </button>
          );
        })}
      </div>
      <StatusNoticeLine notice={notice} />
    </section>
  );
}
