import { useEffect, useId, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { consoleExchanges } from '../../engine/index.ts';
import type { Fault, Intervention, Scenario, Trace } from '../../engine/index.ts';
import { DEFAULT_SEED } from '../../content/index.ts';
import { LessonConsole } from '../console/LessonConsole.tsx';
import { useConsoleCommands } from '../console/useConsoleCommands.ts';
import { StepPlayer } from '../player/StepPlayer.tsx';
import type { PlayerCode } from '../player/StepPlayer.tsx';
import { deepLinkSearch, parseRunChoice, resolveStep } from '../player/deepLink.ts';
import type { DeepLinkProblem, PlayerLocation } from '../player/deepLink.ts';
import { traceFor } from '../player/traceCache.ts';
import { LinkProblems } from './LinkProblems.tsx';
import { ScenarioTabs } from './ScenarioTabs.tsx';
import './lesson.css';

interface ScenarioPlayerProps {
  /** At least one; the first is shown when the address names none. */
  scenarios: readonly Scenario[];
  /** The code the scenarios run, highlighted step by step; without it the player shows no code. */
  code?: PlayerCode | undefined;
}

type Run = { ok: true; trace: Trace } | { ok: false; message: string };

/**
 * Scenario tabs over a step player and the Redis console. Which scenario, seed and step are shown
 * lives in the address (`?scenario=&seed=&step=`), so every frame can be linked to. Used by the
 * lesson's Visual and by the scenarios pages.
 */
export function ScenarioPlayer({ scenarios, code }: ScenarioPlayerProps) {
  const baseId = useId();
  const panelId = `${baseId}-panel`;
  const tabIdOf = (scenarioId: string) => `${baseId}-tab-${scenarioId}`;
  const { search } = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const parsed = parseRunChoice(searchParams, {
    scenarioIds: scenarios.map((scenario) => scenario.id),
    titleOf: (id) => byId.get(id)?.title ?? id,
    defaultSeed: DEFAULT_SEED,
  });
  const { scenarioId, seed } = parsed.choice;
  const interventions = useStableInterventions(parsed.choice.interventions ?? NO_INTERVENTIONS);
  const scenario = byId.get(scenarioId) ?? scenarios[0];
  if (scenario === undefined) throw new Error('unreachable: ScenarioPlayer needs scenarios');

  const runKey = `${scenario.id}:${seed}`;
  const consoleCommands = useConsoleCommands(runKey);
  const { commands } = consoleCommands;
  const run = useMemo((): Run => {
    try {
      return { ok: true, trace: traceFor(scenario, seed, commands, interventions) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [scenario, seed, commands, interventions]);
  // Read once per run, not on every step the player shows.
  const exchanges = useMemo(() => (run.ok ? consoleExchanges(run.trace) : []), [run]);
  const stepResolution = run.ok ? resolveStep(parsed.stepParam, run.trace.frames.length) : null;
  const step = stepResolution?.step ?? 0;
  const problems: DeepLinkProblem[] = [
    ...parsed.problems,
    ...(stepResolution?.problem ? [stepResolution.problem] : []),
  ];

  // Problems stay on screen until dismissed, even after the link below is corrected.
  const [notices, setNotices] = useState(problems);
  const [noticedSearch, setNoticedSearch] = useState(search);
  if (search !== noticedSearch) {
    setNoticedSearch(search);
    if (problems.length > 0) setNotices(problems);
  }

  const show = (next: PlayerLocation) => {
    void navigate(`?${deepLinkSearch(next)}`, { replace: true, preventScrollReset: true });
  };
  const here = { scenarioId, seed, interventions };

  // Rewrite a bad link to the frame actually shown, so the address bar can be copied and shared.
  const hasProblems = problems.length > 0;
  useEffect(() => {
    if (hasProblems) {
      void navigate(`?${deepLinkSearch({ scenarioId, seed, step, interventions })}`, {
        replace: true,
        preventScrollReset: true,
      });
    }
  }, [hasProblems, scenarioId, seed, step, interventions, navigate]);

  // A typed command joins the run after the step on screen; the player moves to the step where the
  // cache ran it, so its effect shows in the table at once.
  const sendToConsole = (argvs: string[][]): number[] => {
    const { commands: next, requestIds } = consoleCommands.add(step, argvs);
    const answered = consoleExchanges(traceFor(scenario, seed, next, interventions)).find(
      (e) => e.requestId === requestIds[0],
    );
    if (answered !== undefined) show({ ...here, step: answered.answeredStep });
    return requestIds;
  };

  // A fault chosen in the diagram forks the run after the step on screen; the player moves to the
  // fault's own frame, and what follows is the new future.
  const intervene = (fault: Fault) => {
    setNotices([]);
    const next = [...interventions, { atStep: step, fault }];
    let faultStep = step + 1;
    try {
      // Usually the next frame; later when other faults were already attached to this step.
      const wanted = JSON.stringify(fault);
      const found = traceFor(scenario, seed, commands, next).frames.findIndex(
        (f, index) =>
          index > step && f.cause.kind === 'fault applied' && JSON.stringify(f.cause.fault) === wanted,
      );
      if (found !== -1) faultStep = found;
    } catch {
      // The forked run failed: the player says so.
    }
    show({ ...here, interventions: next, step: faultStep });
  };
  // Taking one back recomputes the run; the step stays, unless the shorter run ends before it.
  const removeIntervention = (index: number) => {
    const rest = interventions.filter((_, i) => i !== index);
    let lastStep = step;
    try {
      lastStep = traceFor(scenario, seed, commands, rest).frames.length - 1;
    } catch {
      // The run without it failed: the player says so.
    }
    show({ ...here, interventions: rest, step: Math.max(0, Math.min(step, lastStep)) });
  };

  const choose = (next: Partial<PlayerLocation>) => {
    setNotices([]);
    show({ scenarioId, seed, step: 0, ...next });
  };

  return (
    <div className="lesson-visual">
      <ScenarioTabs
        scenarios={scenarios}
        selectedId={scenario.id}
        onSelect={(id) => {
          if (id !== scenario.id) choose({ scenarioId: id });
        }}
        tabIdOf={tabIdOf}
        panelId={panelId}
      />
      <div className="scenario-panel" role="tabpanel" id={panelId} aria-labelledby={tabIdOf(scenario.id)}>
        <p className="scenario-summary">{scenario.summary}</p>
        <LinkProblems problems={notices} onDismiss={() => setNotices([])} />
        {run.ok ? (
          <>
            <StepPlayer
              trace={run.trace}
              step={step}
              onStepChange={(next) => show({ ...here, step: next })}
              seed={seed}
              onSeedChange={(next) => choose({ seed: next })}
              code={code}
              interventions={interventions}
              onIntervene={intervene}
              onRemoveIntervention={removeIntervention}
            />
            <LessonConsole key={runKey} exchanges={exchanges} onSend={sendToConsole} />
          </>
        ) : (
          <div className="notice notice-error">
            <h3 className="notice-title">This run could not be computed</h3>
            <p>
              The simulation stopped with: <code>{run.message}</code>. Try another seed or scenario; if it
              keeps happening, please report it with the link from the address bar.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}

const NO_INTERVENTIONS: readonly Intervention[] = [];

/** The same array while the interventions are the same, so the run is not recomputed on every render. */
function useStableInterventions(interventions: readonly Intervention[]): readonly Intervention[] {
  const key = JSON.stringify(interventions);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => interventions, [key]);
}
