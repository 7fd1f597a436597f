import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Prose } from '../lesson/Prose.tsx';
import type { ComputedQuestion } from './questionAt.ts';
import { Mark } from './marks.tsx';
import type { MarkKind } from './marks.tsx';
import './questions.css';

interface QuestionFormProps {
  computed: ComputedQuestion;
  /** Which of the lesson's questions this is, counting from 1, and how many it has. */
  number: number;
  total: number;
  /** Bumped each time the learner tries to move past the open question: focus comes back to it. */
  nudges: number;
  onAnswer: (choiceId: string) => void;
  onSkip: () => void;
}

/**
 * The question, asked while the player shows the step before the one that answers it: the prompt
 * (which names the choices' group), one radio button per choice, Check and Skip. Focus comes here
 * when it appears, so a screen reader reads the prompt at once.
 */
export function QuestionForm({ computed, number, total, nudges, onAnswer, onSkip }: QuestionFormProps) {
  const id = useId();
  const promptId = `${id}-prompt`;
  const problemId = `${id}-problem`;
  const promptRef = useRef<HTMLHeadingElement>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [unanswered, setUnanswered] = useState(false);

  useEffect(() => {
    promptRef.current?.focus();
  }, [nudges]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) {
      setUnanswered(true);
      return;
    }
    onAnswer(choice);
  };

  return (
    <section className="question" aria-labelledby={promptId}>
      <p className="question-eyebrow">
        <span className="question-badge">Predict</span>
        <span>
          Question {number} of {total}: what does step {computed.step} show?
        </span>
      </p>
      <h3 id={promptId} ref={promptRef} className="question-prompt" tabIndex={-1}>
        {computed.prompt}
      </h3>
      <form className="question-form" onSubmit={submit} noValidate>
        <div
          className="question-choices"
          role="radiogroup"
          aria-labelledby={promptId}
          aria-describedby={unanswered ? problemId : undefined}
        >
          {computed.choices.map((c) => (
            <label key={c.id} className="question-choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={c.id}
                checked={choice === c.id}
                onChange={() => {
                  setChoice(c.id);
                  setUnanswered(false);
                }}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        {unanswered ? (
          <p id={problemId} className="question-problem" role="alert">
            Pick one of the answers first, or skip the question.
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            Check my answer
          </button>
          <button type="button" className="button button-quiet" onClick={onSkip}>
            Skip
          </button>
        </div>
      </form>
    </section>
  );
}

interface QuestionResultProps {
  computed: ComputedQuestion;
  /** The choice the learner made. */
  chosen: string;
  /** The lesson's explanation: plain text with `code` in backticks. */
  why: string;
  /** The sentence of the step the answer revealed. */
  narration: string;
  /** Whether the player was playing when it stopped: Continue plays on. */
  playing: boolean;
  onContinue: () => void;
}

/**
 * After the answer: right or wrong in words and a mark (never colour alone), every choice with the
 * learner's and the right one marked, why, and what the revealed step shows. Focus comes to the
 * verdict; Continue gives it back to the player.
 */
export function QuestionResult({
  computed,
  chosen,
  why,
  narration,
  playing,
  onContinue,
}: QuestionResultProps) {
  const id = useId();
  const verdictRef = useRef<HTMLHeadingElement>(null);
  const right = chosen === computed.answer;
  const answer = computed.choices.find((c) => c.id === computed.answer)?.label ?? computed.answer;

  useEffect(() => {
    verdictRef.current?.focus();
  }, []);

  return (
    <section className={right ? 'question is-right' : 'question is-wrong'} aria-labelledby={`${id}-verdict`}>
      <p className="question-eyebrow">
        <span className="question-badge">Step {computed.step}</span>
        <span>{computed.prompt}</span>
      </p>
      <h3 id={`${id}-verdict`} ref={verdictRef} className="question-verdict" tabIndex={-1}>
        <Mark kind={right ? 'right' : 'wrong'} />
        <span>
          {right ? 'Right.' : 'Not quite.'} The answer is {quoted(answer)}.
        </span>
      </h3>
      <div className="question-result">
        <ul className="question-outcomes" aria-label="The choices">
          {computed.choices.map((c) => {
            const { className, mark, note } = outcomeOf(c.id === computed.answer, c.id === chosen);
            return (
              <li key={c.id} className={className}>
                <Mark kind={mark} />
                <span>
                  {c.label}
                  {note === null ? null : <span className="question-note"> ({note})</span>}
                </span>
              </li>
            );
          })}
        </ul>
        <div className="question-explain">
          <p>
            <strong>Why: </strong>
            <Prose text={why} />
          </p>
          <p className="question-revealed">
            <strong>Step {computed.step}: </strong>
            {narration}
          </p>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onContinue}>
          {playing ? 'Continue playing' : 'Continue'}
        </button>
      </div>
    </section>
  );
}

/** How a choice is shown once answered: the right one and the learner's, marked in words too. */
function outcomeOf(
  isAnswer: boolean,
  isChosen: boolean,
): { className: string; mark: MarkKind; note: string | null } {
  if (isAnswer)
    return {
      className: 'question-outcome is-answer',
      mark: 'right',
      note: isChosen ? 'your answer, right' : 'the right answer',
    };
  if (isChosen) return { className: 'question-outcome is-chosen', mark: 'wrong', note: 'your answer, wrong' };
  return { className: 'question-outcome', mark: 'none', note: null };
}

/** A choice quoted in a sentence, unless it already is (a value, `"ada@example.com"`). */
function quoted(label: string): string {
  return /^["“]/.test(label) ? label : `“${label}”`;
}
