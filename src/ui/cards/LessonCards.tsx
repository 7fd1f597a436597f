import { Link } from 'react-router';
import type { Lesson } from '../../content/index.ts';
import { useProgress } from '../../state/progress.ts';
import { reviewedCardIds, useReview } from '../../state/review.ts';
import { ExplainCard } from './ExplainCard.tsx';

/**
 * The lesson's explain-it cards. Rating one here is its first review; from then on the Review page
 * brings it back when FSRS says it is due. Every card reviewed once is part of finishing the lesson.
 */
export function LessonCards({ lesson }: { lesson: Lesson }) {
  const cards = useReview((state) => state.cards);
  const openLesson = useProgress((state) => state.openLesson);
  const reviewed = reviewedCardIds(lesson, cards).size;
  const total = lesson.cards.length;
  return (
    <div className="lesson-cards">
      <div className="lesson-cards-intro">
        <p>
          Say each answer out loud as if to an interviewer, then flip the card to check it. Rate how well you
          knew it: that schedules when it comes back for <Link to="/review">review</Link>.
        </p>
        <p className="lesson-cards-count">
          <strong>
            {reviewed} of {total}
          </strong>{' '}
          cards reviewed
        </p>
      </div>
      <ol className="lesson-cards-list">
        {lesson.cards.map((card, index) => (
          <li key={card.id}>
            <ExplainCard
              lessonId={lesson.id}
              card={card}
              label={`Card ${index + 1} of ${total}`}
              onRated={() => openLesson(lesson.id)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
