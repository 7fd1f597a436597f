import { useId } from 'react';
import { Link } from 'react-router';
import { curriculum } from '../../content/index.ts';
import { PHASES } from './phases.ts';

interface CurriculumListProps {
  /** Heading level for each phase, so the list fits under the page's own headings. */
  headingLevel: 2 | 3;
  /** Show each lesson's one-line summary under its title. */
  withSummaries?: boolean;
}

/** Every lesson of the course by phase: written ones link to their page, the rest say "coming". */
export function CurriculumList({ headingLevel, withSummaries = false }: CurriculumListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const baseId = useId();
  // Lessons are numbered through the whole course, not restarted per phase.
  const numberOf = new Map(curriculum.map((entry, index) => [entry.id, index + 1]));
  return (
    <div className="curriculum">
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
              {lessons.map((entry) => {
                const number = numberOf.get(entry.id);
                const summary = withSummaries ? entry.summary : undefined;
                return (
                  <li
                    key={entry.id}
                    className={entry.available ? 'curriculum-lesson is-available' : 'curriculum-lesson'}
                  >
                    <span className="curriculum-lesson-number" aria-hidden="true">
                      {number}
                    </span>
                    <span className="curriculum-lesson-body">
                      {entry.available ? (
                        <Link to={`/lessons/${entry.id}`} className="curriculum-lesson-title">
                          {entry.title}
                        </Link>
                      ) : (
                        <span className="curriculum-lesson-title">{entry.title}</span>
                      )}
                      {summary === undefined ? null : (
                        <span className="curriculum-lesson-summary">{summary}</span>
                      )}
                    </span>
                    <span className={entry.available ? 'status-badge is-ready' : 'status-badge'}>
                      {entry.available ? 'Ready' : 'Coming'}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
