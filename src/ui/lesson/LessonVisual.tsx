import { useMemo } from 'react';
import type { Scenario } from '../../engine/index.ts';
import { getScenario } from '../../content/index.ts';
import type { Lesson } from '../../content/index.ts';
import { ScenarioPlayer } from './ScenarioPlayer.tsx';

/** The lesson's Visual: pick a scenario, then step through its recorded run beside the lesson's code. */
export function LessonVisual({ lesson }: { lesson: Lesson }) {
  const scenarios = useMemo(
    () => lesson.scenarioIds.map((id) => getScenario(id)).filter((s): s is Scenario => s !== undefined),
    [lesson],
  );
  if (scenarios.length === 0) {
    return <p className="notice notice-error">This lesson has no scenarios to show yet.</p>;
  }
  return <ScenarioPlayer scenarios={scenarios} code={lesson.code} />;
}
