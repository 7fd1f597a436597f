import { useEffect, useId, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { consoleExchanges } from '../../engine/index.ts';
import type { Scenario, Trace } from '../../engine/index.ts';
import { DEFAULT_SEED } from '../../content/index.ts';
import { LessonConsole } from '../console/LessonConsole.tsx';
import { useConsoleCommands } from '../console/useConsoleCommands.ts';
import { StepPlayer } from '../player/StepPlayer.tsx';
import type { PlayerCode } from '../player/StepPlayer.tsx';
import { deepLinkParams, parseRunChoice, resolveStep } from '../player/deepLink.ts';
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
  const [searchParams, setSearchParams] = useSearchParams();

  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const parsed = parseRunChoice(searchParams, {
    scenarioIds: scenarios.map((scenario) => scenario.id),
    titleOf: (id) => byId.get(id)?.title ?? id,
    defaultSeed: DEFAULT_SEED,
  });
  const { scenarioId, seed } = parsed.choice;
  const scenario = byId.get(scenarioId) ?? scenarios[0];
  if (scenario === undefined) throw new Error('unreachable: ScenarioPlayer needs scenarios');

  const runKey = `${scenario.id}:${seed}`;
  const consoleCommands = useConsoleCommands(runKey);
  const { commands } = consoleCommands;
  const run = useMemo((): Run => {
    try {
      return { ok: true, trace: traceFor(scenario, seed, commands) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [scenario, seed, commands]);
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
    setSearchParams(deepLinkParams(next), { replace: true, preventScrollReset: true });
  };

  // Rewrite a bad link to the frame actually shown, so the address bar can be copied and shared.
  const hasProblems = problems.length > 0;
  useEffect(() => {
    if (hasProblems) {
      setSearchParams(deepLinkParams({ scenarioId, seed, step }), {
        replace: true,
        preventScrollReset: true,
      });
    }
  }, [hasProblems, scenarioId, seed, step, setSearchParams]);

  // A typed command joins the run after the step on screen; the player moves to the step where the
  // cache ran it, so its effect shows in the table at once.
  const sendToConsole = (argvs: string[][]): number[] => {
    const { commands: next, requestIds } = consoleCommands.add(step, argvs);
    const answered = consoleExchanges(traceFor(scenario, seed, next)).find(
      (e) => e.requestId === requestIds[0],
    );
    if (answered !== undefined) show({ scenarioId, seed, step: answered.answeredStep });
    return requestIds;
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
              onStepChange={(next) => show({ scenarioId, seed, step: next })}
              seed={seed}
              onSeedChange={(next) => choose({ seed: next })}
              code={code}
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
