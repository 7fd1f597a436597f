import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { curriculum } from '../../content/curriculum.ts';
import type { CurriculumEntry } from '../../content/index.ts';
import type { LessonStatus } from '../../state/progress.ts';
import type { CourseOverview, LessonOverview } from '../progress/lessonParts.ts';
import { partsWords } from '../progress/lessonParts.ts';
import { isTyping, statusForKey } from '../progress/ShortcutsDialog.tsx';
import { StatusBadge } from '../progress/StatusIcon.tsx';
import { STATUS_LABEL } from '../progress/statusWords.ts';
import { PHASES } from './phases.ts';

interface CurriculumListProps {
  /** Heading level for each phase, so the list fits under the page's own headings. */
  headingLevel: 2 | 3;
  /** Show each lesson's one-line summary under its title. */
  withSummaries?: boolean;
  /** The learner's progress: each lesson's status and what of it is done (the roadmap). */
  overview?: CourseOverview;
  /** D, L, S or R pressed on a written lesson that has focus: set its status. */
  onStatusKey?: (entry: CurriculumEntry, status: LessonStatus) => void;
}

/**
 * Every lesson of the course by phase, as a path: written ones link to their page, the rest say
 * "coming". With the learner's progress, each lesson shows its status (an icon and a word) and what
 * of its Visual, cards and tasks is done.
 */
export function CurriculumList({
  headingLevel,
  withSummaries = false,
  overview,
  onStatusKey,
}: CurriculumListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const baseId = useId();
  // Lessons are numbered through the whole course, not restarted per phase.
  const numberOf = new Map(curriculum.map((entry, index) => [entry.id, index + 1]));
  const overviewOf = new Map(overview?.lessons.map((lesson) => [lesson.entry.id, lesson]));
  return (
    <div className={overview === undefined ? 'curriculum' : 'curriculum has-progress'}>
      {PHASES.map(({ phase, title }) => {
        const lessons = curriculum.filter((entry) => entry.phase === phase);
        const headingId = `${baseId}-phase-${phase}`;
        const start = numberOf.get(lessons[0]?.id ?? '') ?? 1;
        return (
          <section key={phase} className="curriculum-phase" aria-labelledby={headingId}>
            <Heading id={headingId} className="curriculum-phase-title">
              <span className="curriculum-phase-number">Phase {phase}</span> {title}
            </Heading>
            <ol className="curriculum-lessons" start={start}>
              {lessons.map((entry) => (
                <LessonRow
                  key={entry.id}
                  entry={entry}
                  number={numberOf.get(entry.id) ?? 0}
                  summary={withSummaries ? entry.summary : undefined}
                  overview={overviewOf.get(entry.id)}
                  rowId={`${baseId}-${entry.id}`}
                  onStatusKey={onStatusKey}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

interface LessonRowProps {
  entry: CurriculumEntry;
  number: number;
  summary: string | undefined;
  overview: LessonOverview | undefined;
  rowId: string;
  onStatusKey: ((entry: CurriculumEntry, status: LessonStatus) => void) | undefined;
}

function LessonRow({ entry, number, summary, overview, rowId, onStatusKey }: LessonRowProps) {
  const status = overview?.status;
  const parts = overview?.parts;
  const shortcuts = entry.available && onStatusKey !== undefined;
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!shortcuts || isTyping(event.target)) return;
    const next = statusForKey(event);
    if (next === undefined) return;
    event.preventDefault();
    onStatusKey(entry, next);
  };
  const className = [
    'curriculum-lesson',
    entry.available ? 'is-available' : 'is-coming',
    status === undefined || !entry.available ? null : `is-${status}`,
  ]
    .filter(Boolean)
    .join(' ');
  const statusId = `${rowId}-status`;
  const partsId = `${rowId}-parts`;
  return (
    <li className={className} onKeyDown={shortcuts ? onKeyDown : undefined}>
      <span className="curriculum-lesson-number" aria-hidden="true">
        {number}
      </span>
      <span className="curriculum-lesson-body">
        {entry.available ? (
          <Link
            to={`/lessons/${entry.id}`}
            className="curriculum-lesson-title"
            aria-describedby={
              overview === undefined ? undefined : parts === undefined ? statusId : `${statusId} ${partsId}`
            }
            aria-keyshortcuts={shortcuts ? 'D L S R' : undefined}
          >
            {entry.title}
          </Link>
        ) : (
          <span className="curriculum-lesson-title">{entry.title}</span>
        )}
        {summary === undefined ? null : <span className="curriculum-lesson-summary">{summary}</span>}
        {parts === undefined ? null : (
          <>
            <span id={partsId} className="curriculum-lesson-parts">
              {partsWords(parts)}
            </span>
            {status !== 'done' && parts.fraction === 0 ? null : (
              <span className="curriculum-lesson-bar" aria-hidden="true">
                <span style={{ width: `${Math.round((status === 'done' ? 1 : parts.fraction) * 100)}%` }} />
              </span>
            )}
          </>
        )}
      </span>
      <span id={statusId}>
        {overview === undefined || !entry.available ? (
          overview === undefined ? (
            <span className={entry.available ? 'status-badge is-ready' : 'status-badge'}>
              {entry.available ? 'Ready' : 'Coming'}
            </span>
          ) : (
            <StatusBadge status="coming" label="Coming" />
          )
        ) : (
          <StatusBadge status={status ?? 'not-started'} label={STATUS_LABEL[status ?? 'not-started']} />
        )}
      </span>
    </li>
  );
}
