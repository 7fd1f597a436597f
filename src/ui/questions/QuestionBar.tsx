import { useProgress } from '../../state/progress.ts';
import { useQuestionSettings } from '../../state/questionSettings.ts';
import { lessonScore, scoreWords } from './score.ts';
import type { VisualQuestions } from './score.ts';
import './questions.css';

/**
 * Above the lesson's Visual: the switch that turns its questions on or off (kept across visits) and
 * the lesson's score, counted from each question's first answer.
 */
export function QuestionBar({ lessonId, questions }: VisualQuestions) {
  const enabled = useQuestionSettings((settings) => settings.enabled);
  const setEnabled = useQuestionSettings((settings) => settings.setEnabled);
  const progress = useProgress((state) => state.lessons[lessonId]);
  const { score, left } = scoreWords(lessonScore(progress, questions), questions.length);
  return (
    <div className="question-bar">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        className="question-switch"
        onClick={() => setEnabled(!enabled)}
      >
        <span className="question-switch-track" aria-hidden="true">
          <span className="question-switch-thumb" />
        </span>
        <span className="question-switch-label">Questions</span>
        <span className="question-switch-state" aria-hidden="true">
          {enabled ? 'on' : 'off'}
        </span>
      </button>
      <p className="question-bar-text">
        {enabled
          ? 'The player stops before some steps to ask what happens next.'
          : 'The player plays through without asking.'}
      </p>
      <p className="question-score">
        <span className="question-score-label">Score:</span> <strong>{score}</strong>
        {left === null ? null : <span className="question-score-left">, {left}</span>}
      </p>
    </div>
  );
}
