import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
// The curriculum and the lessons' outlines, not content/index.ts: the home page stays light (no
// scenarios, no engine, no lesson text).
import { curriculum } from '../../content/curriculum.ts';
import { lessonOutlines } from '../../content/lessonOutlines.ts';
import { useProgress } from '../../state/progress.ts';
import { useReview } from '../../state/review.ts';
import { sectionTitle } from '../lesson/sections/sectionList.ts';
import { courseOverview, lessonToContinue } from '../progress/lessonParts.ts';
import type { CourseOverview } from '../progress/lessonParts.ts';
import { isTyping, ShortcutsDialog } from '../progress/ShortcutsDialog.tsx';
import { StatusNoticeLine } from '../progress/StatusNoticeLine.tsx';
import { useStatusChange } from '../progress/useStatusChange.ts';
import { cardCount, dueDateWords, dueInWords } from '../review/dueWords.ts';
import { useDueCards } from '../review/reviewDeck.ts';
import { useNow } from '../review/useNow.ts';
import { CurriculumList } from './CurriculumList.tsx';
import { Page, SITE_NAME } from './Page.tsx';
import '../progress/progress.css';

/** Home: the whole course as a map of lessons with the learner's progress, where to pick up, and what is due. */
export function RoadmapPage() {
  const progress = useProgress((state) => state.lessons);
  const cards = useReview((state) => state.cards);
  const overview = useMemo(
    () => courseOverview(curriculum, lessonOutlines, progress, cards),
    [progress, cards],
  );
  const ready = curriculum.filter((entry) => entry.available).length;
  const started =
    Object.values(progress).some((lesson) => lesson.status !== 'not-started') ||
    Object.keys(cards).length > 0;
  const { notice, change } = useStatusChange();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      setHelpOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Page
      title="Roadmap"
      documentTitle={`${SITE_NAME} \u2014 watch distributed caching happen`}
      eyebrow="Learn distributed caching by watching it"
      lede={
        <>
          Every lesson replays a real simulation step by step: requests travel between clients, app nodes, a
          Redis-like cache and a database, while the tables, the counters and the code that runs change in
          front of you.
        </>
      }
    >
      {started ? <ProgressSummary overview={overview} /> : <StartHere />}
      <section className="roadmap" aria-labelledby="course-heading">
        <div className="section-header roadmap-header">
          <h2 id="course-heading">The course</h2>
          <p className="section-note">
            {ready} of {curriculum.length} lessons ready. Your progress stays in this browser. Focus a lesson
            and press <kbd>D</kbd> done, <kbd>L</kbd> in progress, <kbd>S</kbd> skip or <kbd>R</kbd> reset.{' '}
            <button
              type="button"
              className="link-button roadmap-keys-button"
              onClick={() => setHelpOpen(true)}
            >
              All shortcuts <kbd aria-hidden="true">?</kbd>
            </button>
          </p>
        </div>
        <StatusNoticeLine notice={notice} />
        <CurriculumList
          headingLevel={3}
          overview={overview}
          onStatusKey={(entry, status) => change(entry.id, entry.title, status)}
        />
      </section>
      {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </Page>
  );
}

/** For a first visit: the lesson to begin with. */
function StartHere() {
  const first = curriculum.find((entry) => entry.available);
  if (first === undefined) return null;
  return (
    <section className="callout" aria-labelledby="start-here">
      <h2 id="start-here" className="callout-title">
        Start here: {first.title}
      </h2>
      <p>
        {first.summary} The lessons build on each other, so the map below starts there. What you finish is
        kept in this browser.
      </p>
      <Link to={`/lessons/${first.id}`} className="button button-primary">
        Open the {first.title} lesson
      </Link>
    </section>
  );
}

/** Once something is started: how far along, where to continue, and the cards due for review. */
function ProgressSummary({ overview }: { overview: CourseOverview }) {
  const progress = useProgress((state) => state.lessons);
  const now = useNow();
  const { due, next } = useDueCards(now);
  const resume = lessonToContinue(curriculum, progress);
  const { counts, percent } = overview;
  const place = resume?.place ?? null;
  const placeTitle = place === null ? undefined : sectionTitle(place);
  return (
    <section className="roadmap-summary" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="visually-hidden">
        Your progress
      </h2>
      <div className="summary-tile summary-percent">
        <p className="summary-figure">
          {percent}%<span className="summary-figure-unit"> of the course complete</span>
        </p>
        <div
          className="meter"
          role="progressbar"
          aria-label="Course complete"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <p className="summary-note">
          {counts.done} done · {counts['in-progress']} in progress · {counts.skipped} skipped · of{' '}
          {curriculum.length} lessons
        </p>
      </div>
      <div className="summary-tile">
        <h3 className="summary-title">Continue where you left off</h3>
        {resume === undefined ? (
          <p className="summary-note">Nothing under way: every lesson you started is done or skipped.</p>
        ) : (
          <>
            <p className="summary-lesson">
              {resume.entry.title}
              {placeTitle === undefined ? null : <span className="summary-place"> · {placeTitle}</span>}
            </p>
            <Link
              to={{
                pathname: `/lessons/${resume.entry.id}`,
                hash: placeTitle === undefined ? '' : `#${place}`,
              }}
              className="button button-primary"
            >
              Continue {resume.entry.title}
            </Link>
          </>
        )}
      </div>
      <div className="summary-tile">
        <h3 className="summary-title">Review</h3>
        {due.length > 0 ? (
          <>
            <p className="summary-lesson">{cardCount(due.length)} due</p>
            <Link to="/review" className="button button-quiet">
              Review {cardCount(due.length)}
            </Link>
          </>
        ) : (
          <>
            <p className="summary-lesson">No cards due</p>
            <p className="summary-note">
              {next === null
                ? 'Cards from the lessons you start come back here for review.'
                : `Next card due ${dueInWords(next, now)} (${dueDateWords(next)}).`}
            </p>
            <Link to="/review" className="summary-link">
              Open Review
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
