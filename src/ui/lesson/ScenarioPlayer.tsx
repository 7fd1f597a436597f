import { useId } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Scenario } from '../../engine/index.ts';
import { DEFAULT_SEED } from '../../content/index.ts';
import type { PlayerCode } from '../player/StepPlayer.tsx';
import { deepLinkSearch, parseRunChoice } from '../player/deepLink.ts';
import type { VisualQuestions } from '../questions/score.ts';
import { RunPlayer } from './RunPlayer.tsx';
import { ScenarioTabs } from './ScenarioTabs.tsx';
import './lesson.css';

interface ScenarioPlayerProps {
  /** At least one; the first is shown when the address names none. */
  scenarios: readonly Scenario[];
  /** The code the scenarios run, highlighted step by step; without it the player shows no code. */
  code?: PlayerCode | undefined;
  /** A lesson's questions, asked on the way through its scenarios (the lesson's Visual only). */
  questions?: VisualQuestions | undefined;
  /** Called with a scenario's id when the player reaches its last step. */
  onFinished?: ((scenarioId: string) => void) | undefined;
}

/**
 * Scenario tabs over the run player. Which scenario is shown lives in the address
 * (`?scenario=<id>&seed=&step=`, the player writing everything after `scenario`), so every frame
 * can be linked to. Used by the lesson's Visual and by the scenarios pages.
 */
export function ScenarioPlayer({ scenarios, code, questions, onFinished }: ScenarioPlayerProps) {
  const baseId = useId();
  const panelId = `${baseId}-panel`;
  const tabIdOf = (scenarioId: string) => `${baseId}-tab-${scenarioId}`;
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const scenarioIds = scenarios.map((scenario) => scenario.id);
  const parsed = parseRunChoice(searchParams, {
    scenarioIds,
    titleOf: (id) => byId.get(id)?.title ?? id,
    defaultSeed: DEFAULT_SEED,
  });
  const scenario = byId.get(parsed.choice.scenarioId) ?? scenarios[0];
  if (scenario === undefined) throw new Error('unreachable: ScenarioPlayer needs scenarios');
  // The player reports its own parameters' problems; this keeps only the scenario's.
  const scenarioProblems = parsed.problems.filter((problem) => problem.param === 'scenario');

  // Another scenario starts at step 0 of its plain run: faults and race orders belong to the old one.
  const choose = (scenarioId: string) => {
    void navigate(`?${deepLinkSearch({ scenarioId, seed: parsed.choice.seed, step: 0 })}`, {
      replace: true,
      preventScrollReset: true,
    });
  };

  return (
    <div className="lesson-visual">
      <ScenarioTabs
        scenarios={scenarios}
        selectedId={scenario.id}
        onSelect={(id) => {
          if (id !== scenario.id) choose(id);
        }}
        tabIdOf={tabIdOf}
        panelId={panelId}
      />
      <div className="scenario-panel" role="tabpanel" id={panelId} aria-labelledby={tabIdOf(scenario.id)}>
        <p className="scenario-summary">{scenario.summary}</p>
        <RunPlayer
          scenario={scenario}
          leadingParams={[['scenario', scenario.id]]}
          leadingProblems={scenarioProblems}
          code={code}
          questions={questions}
          onFinished={onFinished}
        />
      </div>
    </div>
  );
}
