import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { curriculum } from '../../content/curriculum.ts';
import { ExplainCard } from '../cards/ExplainCard.tsx';
import { useWrittenLessons } from '../review/lessonData.ts';
import { useDueCards } from '../review/reviewDeck.ts';
import { cardCount, dueDateWords, dueInWords } from '../review/dueWords.ts';
import { useNow } from '../review/useNow.ts';
import { Page } from './Page.tsx';
import '../review/review.css';

/**
 * `#/review`: the explain-it cards due now across the lessons the learner has started, one at a
 * time, each with its lesson named. Rating a card schedules it (FSRS) and brings the next; when none
 * is left, the page says when the next one falls due, or where to begin if there are none yet.
 */
export function ReviewPage() {
  const now = useNow();
  const { due, next, total } = useDueCards(now);
  // The cards' text: the route loads every lesson before it shows this page.
  const lessons = useWrittenLessons();
  const ready = lessons !== undefined;
  const [reviewed, setReviewed] = useState(0);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const current = due[0];
  const lesson = current === undefined ? undefined : lessons?.find((l) => l.id === current.lessonId);
  const card = lesson?.cards.find((c) => c.id === current?.cardId);

  return (
    <Page
      title="Review"
      lede="The explain-it cards due from the lessons you have started. Say the answer out loud, flip the card to check it, and rate how well you knew it: the better you know a card, the longer until it comes back."
    >
      <p className="review-count" role="status">
        {lastSaved === null ? null : <>{lastSaved} </>}
        {due.length === 0 ? null : (
          <>
            <strong>{cardCount(due.length)} due</strong>
            {reviewed === 0 ? null : <> · {reviewed} reviewed this session</>}
          </>
        )}
      </p>
      {!ready ? (
        <p className="review-loading">Loading your cards…</p>
      ) : current === undefined || lesson === undefined || card === undefined ? (
        <ReviewEmpty total={total} reviewed={reviewed} next={next} now={now} />
      ) : (
        <section className="review-current" aria-labelledby="review-card-heading">
          <div className="review-lesson">
            <h2 id="review-card-heading" className="review-lesson-title">
              <span className="review-lesson-kicker">From the lesson</span>{' '}
              <Link to={`/lessons/${lesson.id}`}>{lesson.title}</Link>
            </h2>
            {current.isNew ? <span className="status-badge">New card</span> : null}
          </div>
          <ExplainCard
            key={current.key}
            lessonId={lesson.id}
            card={card}
            label={`${lesson.title}, card ${lesson.cards.indexOf(card) + 1} of ${lesson.cards.length}`}
            focusOnMount={reviewed > 0}
            onRated={(_grade, nextDue) => {
              setReviewed((count) => count + 1);
              setLastSaved(`Saved: back ${dueInWords(nextDue, new Date())}.`);
            }}
          />
        </section>
      )}
    </Page>
  );
}

interface ReviewEmptyProps {
  total: number;
  reviewed: number;
  next: Date | null;
  now: Date;
}

/** No card due: when the next one is, or, before any lesson is started, where to begin. */
function ReviewEmpty({ total, reviewed, next, now }: ReviewEmptyProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The last card rated was the one with focus: move it to the news that the session is over.
  useEffect(() => {
    if (reviewed > 0) heading.current?.focus();
  }, [reviewed]);
  const first = curriculum.find((entry) => entry.available);
  if (total === 0) {
    return (
      <section className="review-empty panel" aria-labelledby="review-empty-heading">
        <h2 id="review-empty-heading" ref={heading} tabIndex={-1}>
          No cards yet
        </h2>
        <p>
          Every lesson ends with explain-it cards. They join your review as soon as you start the lesson, and
          come back here when they are due.
        </p>
        {first === undefined ? null : (
          <p className="button-row">
            <Link to={`/lessons/${first.id}`} className="button button-primary">
              Start with {first.title}
            </Link>
            <Link to="/" className="button button-quiet">
              See the roadmap
            </Link>
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="review-empty panel" aria-labelledby="review-empty-heading">
      <h2 id="review-empty-heading" ref={heading} tabIndex={-1}>
        {reviewed > 0 ? `Done for now: ${cardCount(reviewed)} reviewed` : 'All caught up'}
      </h2>
      <p>
        {next === null ? (
          'No card is scheduled yet.'
        ) : (
          <>
            The next card is due <strong>{dueInWords(next, now)}</strong> ({dueDateWords(next)},{' '}
            {next.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}).
          </>
        )}{' '}
        {cardCount(total)} in your review so far.
      </p>
      <p className="button-row">
        <Link to="/" className="button button-quiet">
          Back to the roadmap
        </Link>
      </p>
    </section>
  );
}
