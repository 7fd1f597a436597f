import { useId, useMemo, useRef, useState } from 'react';
import { LazyMotion, domAnimation } from 'motion/react';
import type { ActorInfo, Fault, Intervention, Trace } from '../../engine/index.ts';
import { codeLineForMarker, narrate } from '../../content/index.ts';
import { usePlayerSettings } from '../../state/playerSettings.ts';
import { CodePanel } from './CodePanel.tsx';
import { InterventionList } from './InterventionList.tsx';
import { DiagramViewSwitch } from './DiagramViewSwitch.tsx';
import { InterventionMenu } from './InterventionMenu.tsx';
import { SequenceView } from './SequenceView.tsx';
import { messageChoices, nodeChoices } from './interventions.ts';
import type { InterventionTarget } from './interventions.ts';
import { PlayerData } from './PlayerData.tsx';
import { PlayerStatus } from './PlayerStatus.tsx';
import { ScrubSlider } from './ScrubSlider.tsx';
import { SeedControl } from './SeedControl.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { StepLog } from './StepLog.tsx';
import { Topology } from './Topology.tsx';
import type { AnchorPoint } from './Topology.tsx';
import { TransportButtons } from './TransportButtons.tsx';
import { playerKeyHandler } from './playerKeys.ts';
import type { PlayerHands, PlayerStops } from './playerStops.ts';
import { nudgeSpeed } from './speed.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { usePlayback } from './usePlayback.ts';
import { useSimulatedClock } from './useSimulatedClock.ts';
import { useStepCursor } from './useStepCursor.ts';
import './player.css';

/** The code a run executes, whose lines the frames point at. */
export interface PlayerCode {
  title: string;
  source: string;
}

export interface StepPlayerProps {
  trace: Trace;
  /** The frame shown, 0-based; the caller keeps it (in the URL) and must keep it in range. */
  step: number;
  onStepChange: (step: number) => void;
  seed: number;
  onSeedChange: (seed: number) => void;
  /** Shown beside the diagram with the running line highlighted; without it there is no code panel. */
  code?: PlayerCode | undefined;
  /**
   * Faults injected into this run from the diagram. With `onIntervene`, nodes and messages in the
   * diagram open a menu of faults; choosing one calls it with the fault (the caller forks the run at
   * this step), and the list of interventions appears below the controls.
   */
  interventions?: readonly Intervention[] | undefined;
  onIntervene?: ((fault: Fault) => void) | undefined;
  onRemoveIntervention?: ((index: number) => void) | undefined;
  /** Steps to stop before when playing or stepping forward (questions), and what to show there. */
  stops?: PlayerStops | undefined;
}

interface OpenMenu {
  target: InterventionTarget;
  anchor: AnchorPoint;
  opener: Element;
  /** The step the menu was opened at: moving to another step closes it. */
  step: number;
}

/**
 * Replays a recorded run frame by frame: diagram, narration, code (when given), tables and controls. It never
 * simulates; every control only moves the cursor over `trace.frames`.
 */
export function StepPlayer({
  trace,
  step,
  onStepChange,
  seed,
  onSeedChange,
  code,
  interventions = [],
  onIntervene,
  onRemoveIntervention,
  stops,
}: StepPlayerProps) {
  const hintId = useId();
  const lastStep = Math.max(0, trace.frames.length - 1);
  const shownStep = Math.min(Math.max(0, step), lastStep);
  const speedLog2 = usePlayerSettings((settings) => settings.speedLog2);
  const setSpeedLog2 = usePlayerSettings((settings) => settings.setSpeedLog2);
  const diagramView = usePlayerSettings((settings) => settings.diagramView);
  const setDiagramView = usePlayerSettings((settings) => settings.setDiagramView);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const narrow = useMediaQuery('(max-width: 40rem)');
  const clock = useSimulatedClock(trace.frames, shownStep, speedLog2, reducedMotion);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const openMenu = menu !== null && menu.step === shownStep ? menu : null;
  // After a choice the opener may be gone (the run was recomputed); focus then goes to the diagram.
  const figureRef = useRef<HTMLElement>(null);
  const closeMenu = (refocus: boolean) => {
    const opener = menu?.opener;
    setMenu(null);
    if (!refocus) return;
    if (opener instanceof HTMLElement || opener instanceof SVGElement) {
      if (opener.isConnected) {
        opener.focus();
        return;
      }
    }
    figureRef.current?.focus();
  };

  const hasOutbox = useMemo(() => trace.frames.some((f) => f.outbox.length > 0), [trace]);
  const localCacheNodes = useMemo(() => nodesWithLocalCaches(trace), [trace]);

  const { goTo, latest } = useStepCursor(trace, shownStep, lastStep, onStepChange);
  // Moving forward one step, by playing or by hand, stops before a step in `stops`.
  const forward = (target: number, playing: boolean): boolean => {
    if (stops !== undefined && target === latest() + 1 && target <= lastStep && stops.stopsBefore(target)) {
      stops.onStop(target, playing);
      return false;
    }
    goTo(target);
    return true;
  };
  const playback = usePlayback(trace, shownStep, lastStep, speedLog2, (target) => forward(target, true));
  // A person taking a step by hand wants to look at it: stepping pauses playback.
  const byHand = (target: number) => {
    playback.pause();
    goTo(target);
  };
  const playerRef = useRef<HTMLElement>(null);
  const hands: PlayerHands = {
    goTo,
    play: playback.play,
    focus: () => playerRef.current?.querySelector<HTMLElement>('.transport-play')?.focus(),
  };
  const panel = stops?.panel(hands) ?? null;
  const actions = {
    togglePlay: playback.togglePlay,
    stepBack: () => byHand(latest() - 1),
    stepForward: () => {
      playback.pause();
      forward(latest() + 1, false);
    },
    restart: () => byHand(0),
    jumpToEnd: () => byHand(lastStep),
    slower: () => setSpeedLog2(nudgeSpeed(speedLog2, -1)),
    faster: () => setSpeedLog2(nudgeSpeed(speedLog2, 1)),
  };

  const frame = trace.frames[shownStep];
  if (frame === undefined) {
    return <p className="notice notice-error">This run recorded no steps, so there is nothing to show.</p>;
  }
  const previous = shownStep > 0 ? (trace.frames[shownStep - 1] ?? null) : null;
  const packetFrame = trace.frames[clock.packetFrameIndex] ?? frame;
  const currentLine =
    code === undefined || frame.code === null ? null : codeLineForMarker(code.source, frame.code.marker);
  const labelOf = (actorId: string) => trace.actors.find((actor) => actor.id === actorId)?.label ?? actorId;
  const menuChoices =
    openMenu === null
      ? []
      : openMenu.target.kind === 'message'
        ? messageChoices(openMenu.target.message)
        : (() => {
            const target = openMenu.target;
            const actor = trace.actors.find((a) => a.id === target.actorId);
            return actor === undefined ? [] : nodeChoices(actor, frame);
          })();
  const menuTitle =
    openMenu === null
      ? ''
      : openMenu.target.kind === 'message'
        ? `Message ${openMenu.target.message.label}`
        : labelOf(openMenu.target.actorId);
  const data = (
    <PlayerData
      trace={trace}
      frame={frame}
      previous={previous}
      now={clock.now}
      hasOutbox={hasOutbox}
      localCacheNodes={localCacheNodes}
      labelOf={labelOf}
      onJump={byHand}
    />
  );

  return (
    <LazyMotion features={domAnimation} strict>
      {/* Key presses bubble up from every control inside; see playerKeys.ts for what each does. */}
      <section
        ref={playerRef}
        className="player card"
        aria-label="Step player"
        onKeyDown={playerKeyHandler(actions)}
      >
        <PlayerStatus
          step={shownStep}
          lastStep={lastStep}
          now={clock.now}
          narration={narrate(frame.narration, labelOf)}
          anomalies={frame.anomalies}
          labelOf={labelOf}
          playing={playback.playing}
        />
        {panel === null ? null : (
          // Keys pressed in the panel (arrows between choices, Space) are its own, not the player's.
          <div className="player-stop" onKeyDown={(event) => event.stopPropagation()}>
            {panel}
          </div>
        )}
        <div className={code === undefined ? 'player-stage is-without-code' : 'player-stage'}>
          <div className="player-visual">
            <DiagramViewSwitch view={diagramView} onChange={setDiagramView} />
            {diagramView === 'sequence' ? (
              <SequenceView trace={trace} step={shownStep} />
            ) : (
              <figure
                ref={figureRef}
                className="topology-figure"
                tabIndex={0}
                aria-label="System diagram"
                aria-describedby={hintId}
              >
                <Topology
                  trace={trace}
                  frame={frame}
                  packetFrame={packetFrame}
                  now={clock.now}
                  size={narrow ? 'compact' : 'roomy'}
                  onActivate={
                    onIntervene === undefined
                      ? undefined
                      : (target, anchor, opener) => {
                          playback.pause();
                          setMenu({ target, anchor, opener, step: shownStep });
                        }
                  }
                  activeTarget={openMenu?.target ?? null}
                  menu={
                    openMenu !== null && onIntervene !== undefined ? (
                      <InterventionMenu
                        key={`${shownStep}-${menuTitle}`}
                        title={menuTitle}
                        choices={menuChoices}
                        anchor={openMenu.anchor}
                        onChoose={(choice) => {
                          closeMenu(true);
                          onIntervene(choice.fault);
                        }}
                        onClose={() => closeMenu(true)}
                        onDismiss={() => setMenu(null)}
                      />
                    ) : null
                  }
                />
              </figure>
            )}
            <div className="player-controls">
              <TransportButtons
                step={shownStep}
                lastStep={lastStep}
                playing={playback.playing}
                onRestart={actions.restart}
                onStepBack={actions.stepBack}
                onTogglePlay={actions.togglePlay}
                onStepForward={actions.stepForward}
                onJumpToEnd={actions.jumpToEnd}
              />
              <ScrubSlider
                step={shownStep}
                lastStep={lastStep}
                onScrub={byHand}
                anomalies={trace.anomalies}
              />
            </div>
            <div className="player-settings">
              <SpeedControl speedLog2={speedLog2} onChange={setSpeedLog2} />
              <SeedControl seed={seed} onSeedChange={onSeedChange} />
            </div>
            <StepLog trace={trace} step={shownStep} onJump={byHand} />
            {onIntervene === undefined ? null : (
              <InterventionList
                interventions={interventions}
                labelOf={labelOf}
                onRemove={(index) => onRemoveIntervention?.(index)}
              />
            )}
            <p id={hintId} className="player-hint">
              Keys: <kbd>Space</kbd> play or pause, <kbd>←</kbd> <kbd>→</kbd> step, <kbd>Home</kbd>{' '}
              <kbd>End</kbd> first or last step, <kbd>−</kbd> <kbd>+</kbd> speed.
              <span className="visually-hidden">
                {' '}
                Each step you take is read out; while playing, only the step where it stops is.
              </span>
              {onIntervene === undefined
                ? null
                : ' Select a node or a message in the diagram (Enter) to break something at this step.'}
            </p>
          </div>
          {/* Without code, the tables take the code's place beside the diagram. */}
          {code === undefined ? (
            data
          ) : (
            <CodePanel title={code.title} source={code.source} currentLine={currentLine} />
          )}
        </div>
        {code === undefined ? null : data}
      </section>
    </LazyMotion>
  );
}

/**
 * The app nodes whose local cache the tables show, in the diagram's order. The engine lists every
 * app node's local cache in every frame when the scenario has them (empty while a node is down),
 * so the tables do not come and go.
 */
function nodesWithLocalCaches(trace: Trace): ActorInfo[] {
  const ids = new Set(Object.keys(trace.frames[0]?.localCaches ?? {}));
  return trace.actors.filter((actor) => ids.has(actor.id));
}
