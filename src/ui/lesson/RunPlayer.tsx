import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { consoleExchanges, racePairOf } from '../../engine/index.ts';
import type { Fault, Intervention, Scenario } from '../../engine/index.ts';
import { DEFAULT_SEED } from '../../content/index.ts';
import { LessonConsole } from '../console/LessonConsole.tsx';
import { useConsoleCommands } from '../console/useConsoleCommands.ts';
import { RaceExplorer } from '../player/RaceExplorer.tsx';
import { StepPlayer } from '../player/StepPlayer.tsx';
import type { PlayerCode } from '../player/StepPlayer.tsx';
import { parsePlayerChoice, playerSearch, resolveStep } from '../player/deepLink.ts';
import type { DeepLinkProblem, LeadingParams, PlayerPosition } from '../player/deepLink.ts';
import { traceFor } from '../player/traceCache.ts';
import { useTraceReady } from '../player/backgroundTrace.ts';
import type { VisualQuestions } from '../questions/score.ts';
import { useQuestionStops } from '../questions/useQuestionStops.tsx';
import { LinkProblems } from './LinkProblems.tsx';
import { PartLoading } from './sections/LaterPart.tsx';
import { linkedRun } from './runChecks.ts';
import './lesson.css';

export interface RunPlayerProps {
  scenario: Scenario;
  /** The page's own parameters, written first in every link the player writes (e.g. `scenario=<id>`). */
  leadingParams: LeadingParams;
  /** Problems the page found in its own parameters: shown with the player's, and the link rewritten. */
  leadingProblems?: readonly DeepLinkProblem[] | undefined;
  /** The page's parameters were incomplete: rewrite the link in full even without a problem. */
  rewriteLink?: boolean | undefined;
  /** The code the scenario runs, highlighted step by step; without it the player shows no code. */
  code?: PlayerCode | undefined;
  /**
   * The race explorer appears under the console when the scenario has a race. With this, it also
   * appears without one, saying why (the Playground, where a setting can take the race away).
   */
  explainMissingRace?: boolean | undefined;
  /**
   * The lesson's predict-then-reveal questions: asked on the run they were written for (the lesson's
   * seed, no faults, no race order, no typed commands), where playing or stepping forward reaches them.
   */
  questions?: VisualQuestions | undefined;
  /** Called when the player moves to the run's last step: the scenario was played to the end. */
  onFinished?: ((scenarioId: string) => void) | undefined;
}

const NO_PROBLEMS: readonly DeepLinkProblem[] = [];
const NO_INTERVENTIONS: readonly Intervention[] = [];

/**
 * Plays one scenario once its first run is ready. That run is computed in a worker
 * (backgroundTrace.ts), so opening a page does not freeze it while the engine works; what the
 * learner asks for afterwards (another seed, a fork, a console line) runs on the spot.
 */
export function RunPlayer(props: RunPlayerProps) {
  const [searchParams] = useSearchParams();
  const { seed } = parsePlayerChoice(searchParams, DEFAULT_SEED).choice;
  const ready = useTraceReady(props.scenario, seed);
  const [shown, setShown] = useState(ready);
  if (ready && !shown) setShown(true);
  return shown || ready ? <ReadyRunPlayer {...props} /> : <PartLoading what="simulation" size="tall" />;
}

/**
 * Plays one scenario: the step player, the Redis console, faults injected from the diagram (a fork)
 * and a race order. Seed, faults, race and step live in the address after the page's own parameters
 * (`?<leading>&seed=&fx=&race=&step=`), so every frame can be linked to.
 */
function ReadyRunPlayer({
  scenario,
  leadingParams,
  leadingProblems = NO_PROBLEMS,
  rewriteLink = false,
  code,
  explainMissingRace = false,
  questions,
  onFinished,
}: RunPlayerProps) {
  const { search } = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  const parsed = parsePlayerChoice(searchParams, DEFAULT_SEED);
  const { seed } = parsed.choice;
  const requested = useStable(parsed.choice.interventions ?? NO_INTERVENTIONS);
  const requestedRace = useStable(parsed.choice.race ?? null);

  const runKey = `${scenario.id}:${seed}:${requestedRace?.join('.') ?? ''}`;
  const consoleCommands = useConsoleCommands(runKey);
  const { commands } = consoleCommands;
  const run = useMemo(
    () => linkedRun(scenario, seed, commands, requested, requestedRace),
    [scenario, seed, commands, requested, requestedRace],
  );
  const { interventions, race } = run;
  // Read once per run, not on every step the player shows.
  const exchanges = useMemo(() => (run.ok ? consoleExchanges(run.trace) : []), [run]);
  const stepResolution = run.ok ? resolveStep(parsed.stepParam, run.trace.frames.length) : null;
  const step = stepResolution?.step ?? 0;
  const plain =
    run.ok && seed === DEFAULT_SEED && interventions.length === 0 && race === null && commands.length === 0;
  const stops = useQuestionStops(questions, scenario.id, plain ? run.trace : null, step);
  const problems: DeepLinkProblem[] = [
    ...leadingProblems,
    ...parsed.problems,
    ...(run.ok ? run.problems : []),
    ...(stepResolution?.problem ? [stepResolution.problem] : []),
  ];

  // Problems stay on screen until dismissed, even after the link below is corrected; another
  // scenario starts afresh.
  const [notices, setNotices] = useState(problems);
  const [noticed, setNoticed] = useState({ search, scenarioId: scenario.id });
  if (search !== noticed.search || scenario.id !== noticed.scenarioId) {
    setNoticed({ search, scenarioId: scenario.id });
    if (problems.length > 0 || scenario.id !== noticed.scenarioId) setNotices(problems);
  }

  const show = (next: PlayerPosition) => {
    void navigate(`?${playerSearch(leadingParams, next)}`, { replace: true, preventScrollReset: true });
  };
  const here: PlayerPosition = { seed, interventions, race: race ?? undefined, step };
  // A fault chosen at the last step would never apply: the step where that was said, if any.
  const [refusedAt, setRefusedAt] = useState<number | null>(null);

  // Rewrite a bad link to the frame actually shown, so the address bar can be copied and shared.
  const rewrite = problems.length > 0 || rewriteLink;
  const canonical = playerSearch(leadingParams, here);
  useEffect(() => {
    if (rewrite) void navigate(`?${canonical}`, { replace: true, preventScrollReset: true });
  }, [rewrite, canonical, navigate]);

  const traceWith = (next: readonly Intervention[]) => traceFor(scenario, seed, commands, next, race);

  // A typed command joins the run after the step on screen; the player moves to the step where the
  // cache ran it, so its effect shows in the table at once.
  const sendToConsole = (argvs: string[][]): number[] => {
    const { commands: next, requestIds } = consoleCommands.add(step, argvs);
    const answered = consoleExchanges(traceFor(scenario, seed, next, interventions, race)).find(
      (e) => e.requestId === requestIds[0],
    );
    if (answered !== undefined) show({ ...here, step: answered.answeredStep });
    return requestIds;
  };

  // A fault chosen in the diagram forks the run after the step on screen; the player moves to the
  // fault's own frame, and what follows is the new future.
  const intervene = (fault: Fault) => {
    if (run.ok && step >= run.trace.frames.length - 1) {
      setRefusedAt(step);
      return;
    }
    setNotices([]);
    const next = [...interventions, { atStep: step, fault }];
    let faultStep = step + 1;
    try {
      // Usually the next frame; later when other faults were already attached to this step.
      const wanted = JSON.stringify(fault);
      const found = traceWith(next).frames.findIndex(
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
      lastStep = traceWith(rest).frames.length - 1;
    } catch {
      // The run without it failed: the player says so.
    }
    show({ ...here, interventions: rest, step: Math.max(0, Math.min(step, lastStep)) });
  };

  const changeSeed = (next: number) => {
    setNotices([]);
    show({ seed: next, step: 0 });
  };
  // Injected faults are dropped with a race order: their steps belong to the other run.
  const openRace = (order: readonly number[] | null, at: number) => {
    setNotices([]);
    show(order === null ? { seed, step: at } : { seed, race: order, step: at });
  };
  const hasRace = useMemo(() => racePairOf(scenario).ok, [scenario]);

  return (
    <>
      <LinkProblems problems={notices} onDismiss={() => setNotices([])} />
      {run.ok ? (
        <>
          {refusedAt === step ? (
            <p className="notice notice-warning" role="alert">
              The run has ended at step {step}, so a fault here would never apply. Step back to break
              something while the run is still going.
            </p>
          ) : null}
          {race === null ? null : (
            <div className="notice race-shown">
              <p>
                The player shows one interleaving from the race explorer below (steps taken in a chosen
                order), not this scenario&rsquo;s own timing.
              </p>
              <button type="button" className="button button-quiet" onClick={() => openRace(null, 0)}>
                Back to the scenario&rsquo;s own timing
              </button>
            </div>
          )}
          <StepPlayer
            trace={run.trace}
            step={step}
            onStepChange={(next) => {
              setRefusedAt(null);
              show({ ...here, step: next });
              if (next === run.trace.frames.length - 1) onFinished?.(scenario.id);
            }}
            seed={seed}
            onSeedChange={changeSeed}
            code={code}
            interventions={interventions}
            onIntervene={intervene}
            onRemoveIntervention={removeIntervention}
            stops={stops}
          />
          <LessonConsole key={runKey} exchanges={exchanges} onSend={sendToConsole} />
          {hasRace || explainMissingRace ? (
            <RaceExplorer
              scenario={scenario}
              seed={seed}
              openOrder={race}
              onOpen={openRace}
              onClose={() => openRace(null, 0)}
              labelOf={(id) => run.trace.actors.find((actor) => actor.id === id)?.label ?? id}
            />
          ) : null}
        </>
      ) : (
        <div className="notice notice-error">
          <h3 className="notice-title">This run could not be computed</h3>
          <p>
            The simulation stopped with: <code>{run.message}</code>. Try another seed or scenario; if it keeps
            happening, please report it with the link from the address bar.
          </p>
        </div>
      )}
    </>
  );
}

/** The same value while its content is the same, so the run is not recomputed on every render. */
function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key]);
}
