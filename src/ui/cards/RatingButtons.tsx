import { useId, useMemo } from 'react';
import type { StoredCard } from '../../state/review.ts';
import { intervalWords } from '../review/dueWords.ts';
import { GRADES, previewDue } from '../review/schedule.ts';
import type { ReviewGrade } from '../review/schedule.ts';

interface RatingButtonsProps {
  stored: StoredCard | undefined;
  now: Date;
  onRate: (grade: ReviewGrade) => void;
}

/** Again / Hard / Good / Easy, each saying when the card comes back if chosen: "Good · 3 days". */
export function RatingButtons({ stored, now, onRate }: RatingButtonsProps) {
  const labelId = useId();
  const preview = useMemo(() => previewDue(stored, now), [stored, now]);
  return (
    <div className="rating" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="rating-label">
        How well did you know it?
      </p>
      <div className="rating-buttons">
        {GRADES.map(({ grade, label }) => {
          const interval = intervalWords(preview[grade].getTime() - now.getTime());
          return (
            <button
              key={grade}
              type="button"
              className={`rating-button is-${grade}`}
              aria-label={`${label}, due again in ${interval}`}
              onClick={() => onRate(grade)}
            >
              <span className="rating-grade">{label}</span>
              <span className="rating-interval">{interval}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
