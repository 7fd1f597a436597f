import { useEffect, useId, useRef, useState } from 'react';
import { LazyMotion, domAnimation, m } from 'motion/react';
import { Link } from 'react-router';
import type { Lesson } from '../../content/index.ts';
import { cardKey, isDue, useReview } from '../../state/review.ts';
import { useMediaQuery } from '../player/useMediaQuery.ts';
import { dueDateWords, dueInWords } from '../review/dueWords.ts';
import { rateCard } from '../review/schedule.ts';
import type { ReviewGrade } from '../review/schedule.ts';
import { useNow } from '../review/useNow.ts';
import { CardText } from './CardText.tsx';
import { RatingButtons } from './RatingButtons.tsx';
import './cards.css';

type LessonCard = Lesson['cards'][number];

interface ExplainCardProps {
  lessonId: string;
  card: LessonCard;
  /** Names the card among others: "Card 2 of 5". */
  label: string;
  /** Put focus on the card when it appears (the next card on the Review page). */
  focusOnMount?: boolean;
  /** Called after the learner rated the card, with when it is due next. */
  onRated?: (grade: ReviewGrade, due: Date) => void;
}

/** `#/lessons/<lesson>?scenario=<scenario>&seed=1&step=<step>`: the step of the Visual that shows the answer. */
export function seeItHref(lessonId: string, seeIt: LessonCard['seeIt']): string {
  return `/lessons/${lessonId}?scenario=${encodeURIComponent(seeIt.scenario)}&seed=1&step=${seeIt.step}`;
}

/**
 * An explain-it card. The learner says the answer out loud, then flips the card (click, tap, Enter or
 * Space) to check it: a 3D turn, or a cross-fade when they prefer reduced motion. The back links to
 * the step of the Visual that shows the answer and, while the card is due, asks how well they knew
 * it; FSRS schedules the next review from that.
 */
export function ExplainCard({ lessonId, card, label, focusOnMount = false, onRated }: ExplainCardProps) {
  const [flipped, setFlipped] = useState(false);
  const [hintShown, setHintShown] = useState(false);
  const [savedDue, setSavedDue] = useState<Date | null>(null);
  const surface = useRef<HTMLButtonElement>(null);
  const stateId = useId();
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const key = cardKey(lessonId, card.id);
  const stored = useReview((state) => state.cards[key]);
  const now = useNow();
  const due = isDue(stored, now) && savedDue === null;

  useEffect(() => {
    if (focusOnMount) surface.current?.focus();
  }, [focusOnMount]);

  const rate = (grade: ReviewGrade) => {
    const next = rateCard(key, grade, new Date());
    setSavedDue(next);
    // The rating buttons are gone: keep the keyboard on the card.
    surface.current?.focus();
    onRated?.(grade, next);
  };

  const nextReview = savedDue ?? (stored === undefined || due ? null : new Date(stored.due));
  const fade = reducedMotion;
  return (
    <article className="explain-card" aria-label={label} data-flipped={flipped}>
      <button
        ref={surface}
        type="button"
        className="explain-card-surface"
        aria-describedby={`${stateId}-${flipped ? 'back' : 'front'}`}
        onClick={() => setFlipped((shown) => !shown)}
      >
        <LazyMotion features={domAnimation} strict>
          <m.span
            className="explain-card-turn"
            data-motion={fade ? 'fade' : 'turn'}
            initial={false}
            animate={fade ? { rotateY: 0 } : { rotateY: flipped ? 180 : 0 }}
            transition={fade ? { duration: 0 } : { duration: 0.45, ease: [0.3, 0.1, 0.2, 1] }}
          >
            <m.span
              className="explain-card-face is-front"
              aria-hidden={flipped}
              initial={false}
              animate={{ opacity: fade && flipped ? 0 : 1 }}
              transition={{ duration: fade ? 0.2 : 0 }}
            >
              <span className="explain-card-kicker">Question</span>{' '}
              <span className="explain-card-text">
                <CardText text={card.prompt} />
              </span>
              {hintShown && card.hint !== undefined ? ' ' : null}
              {hintShown && card.hint !== undefined ? (
                <span className="explain-card-hint">
                  <span className="explain-card-hint-label">Hint:</span> <CardText text={card.hint} />
                </span>
              ) : null}
              <FaceState id={`${stateId}-front`} state="Showing the question" action="Flip to check" />
            </m.span>
            <m.span
              className="explain-card-face is-back"
              aria-hidden={!flipped}
              initial={false}
              animate={{ opacity: fade && !flipped ? 0 : 1 }}
              transition={{ duration: fade ? 0.2 : 0 }}
            >
              <span className="explain-card-kicker">Answer</span>{' '}
              <span className="explain-card-text">
                <CardText text={card.answer} />
              </span>
              <FaceState id={`${stateId}-back`} state="Showing the answer" action="Flip back" />
            </m.span>
          </m.span>
        </LazyMotion>
      </button>
      <div className="explain-card-footer">
        {flipped ? (
          <>
            <Link className="explain-card-see" to={seeItHref(lessonId, card.seeIt)} onClick={scrollToVisual}>
              See it happen
              <span className="visually-hidden">
                : {label.toLowerCase()}, step {card.seeIt.step} of the Visual
              </span>
              <span aria-hidden="true"> →</span>
            </Link>
            {due ? <RatingButtons stored={stored} now={now} onRate={rate} /> : null}
          </>
        ) : card.hint !== undefined && !hintShown ? (
          <button
            type="button"
            className="link-button explain-card-hint-button"
            onClick={() => setHintShown(true)}
          >
            Show hint
          </button>
        ) : null}
        <p className="explain-card-next" role="status">
          {nextReview === null ? null : (
            <>
              {savedDue === null ? 'Reviewed. ' : 'Saved. '}Next review {dueInWords(nextReview, now)} (
              {dueDateWords(nextReview)}).
            </>
          )}
        </p>
      </div>
    </article>
  );
}

/**
 * Which side shows, at the foot of each face: the card's description for assistive technology (not
 * part of its name, so the name is just the face's text).
 */
function FaceState({ id, state, action }: { id: string; state: string; action: string }) {
  return (
    <span className="explain-card-state" aria-hidden="true">
      <span id={id}>{state}</span>
      <span className="explain-card-flip-hint">
        {' \u00b7 '}
        {action}
      </span>
    </span>
  );
}

/**
 * On the lesson page, a link to one of its own steps only changes the player's address: bring the
 * Visual into view so the step is seen happen. On another page the new page starts at its top.
 */
function scrollToVisual() {
  requestAnimationFrame(() => {
    const visual = document.getElementById('visual');
    if (visual !== null && typeof visual.scrollIntoView === 'function') {
      visual.scrollIntoView({ block: 'start' });
    }
  });
}
