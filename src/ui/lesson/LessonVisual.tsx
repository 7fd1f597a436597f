import { useMemo } from 'react';
import type { Scenario } from '../../engine/index.ts';
import { getScenario } from '../../content/index.ts';
import type { Lesson } from '../../content/index.ts';
import { useProgress } from '../../state/progress.ts';
import { QuestionBar } from '../questions/QuestionBar.tsx';
import { ScenarioPlayer } from './ScenarioPlayer.tsx';

/**
 * The lesson's Visual: pick a scenario, then step through its recorded run beside the lesson's code.
 * On the way the player stops to ask the lesson's questions (unless the learner turned them off),
 * and a scenario played to its last step counts towards finishing the lesson.
 */
export function LessonVisual({ lesson }: { lesson: Lesson }) {
  const scenarios = useMemo(
    () => lesson.scenarioIds.map((id) => getScenario(id)).filter((s): s is Scenario => s !== undefined),
    [lesson],
  );
  const questions = useMemo(() => ({ lessonId: lesson.id, questions: lesson.questions }), [lesson]);
  const markVisualFinished = useProgress((state) => state.markVisualFinished);
  if (scenarios.length === 0) {
    return <p className="notice notice-error">This lesson has no scenarios to show yet.</p>;
  }
  return (
    <>
      {lesson.questions.length > 0 ? <QuestionBar {...questions} /> : null}
      <ScenarioPlayer
        scenarios={scenarios}
        code={lesson.code}
        questions={questions}
        onFinished={(scenarioId) => markVisualFinished(lesson.id, scenarioId)}
      />
    </>
  );
}
