import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  exploreRace,
  racePairOf,
  type RaceExploration,
  type RaceExplorerOptions,
  type Scenario,
} from '../../engine/index.ts';
import { RaceGrid } from './RaceGrid.tsx';
import { RaceLegend } from './RaceLegend.tsx';
import {
  boundSentences,
  introSentence,
  sameOrder,
  sidesOf,
  summarySentence,
  type RaceSide,
} from './raceExplorerWords.ts';
import './data.css';
import './raceExplorer.css';

export interface RaceExplorerProps {
  /** The run's scenario (its strategy is "the current strategy"). */
  scenario: Scenario;
  seed: number;
  /** The interleaving the player shows now (its `race` order), or null for the scenario's own timing. */
  openOrder: readonly number[] | null;
  /** Open a run in the player: its order, and the frame to show (its first anomaly, else 0). */
  onOpen: (order: readonly number[], step: number) => void;
  /** Back to the scenario's own timing. */
  onClose: () => void;
  /** Actor id → label ("Bob", "Node A"). */
  labelOf: (actorId: string) => string;
  /** For tests; defaults to the engine's exploreRace. Keep it stable: a new one runs every interleaving again. */
  explore?: (scenario: Scenario, options: RaceExplorerOptions) => RaceExploration;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every interleaving of a scenario's two racing operations, run under its strategy, as a grid of
 * buttons that open each run in the player. Running them is on demand: it can take a moment.
 */
export function RaceExplorer({
  scenario,
  seed,
  openOrder,
  onOpen,
  onClose,
  labelOf,
  explore = exploreRace,
}: RaceExplorerProps) {
  const headingId = useId();
  // A link straight into one interleaving arrives with the grid already run, so it can mark that one.
  const [opened, setOpened] = useState(openOrder !== null);
  const [onlyStale, setOnlyStale] = useState(false);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const focusResult = useRef(false);

  const pair = useMemo(() => racePairOf(scenario), [scenario]);
  const racing = pair.ok;
  const explored = useMemo(
    () => (opened && racing ? attempt(() => explore(scenario, { seed })) : null),
    [opened, racing, explore, scenario, seed],
  );

  // The button that ran the grid goes away, so focus moves on to what it produced.
  useEffect(() => {
    if (!focusResult.current || explored === null) return;
    focusResult.current = false;
    resultRef.current?.focus();
  }, [explored]);

  const section = (body: ReactNode) => (
    <section className="race-explorer" aria-labelledby={headingId}>
      <h3 id={headingId} className="race-explorer-title">
        Race explorer
      </h3>
      {body}
    </section>
  );

  if (!pair.ok) return section(<p className="race-unavailable">{pair.reason}</p>);

  const exploration = explored?.ok === true ? explored.value : null;
  const sides = sidesOf(pair.operations, labelOf);
  // Every step belongs to one of the two operations.
  const sideOf = (requestId: number): RaceSide => (requestId === sides[0].requestId ? sides[0] : sides[1]);
  const openIndex =
    openOrder === null || exploration === null
      ? -1
      : exploration.runs.findIndex((run) => sameOrder(run.order, openOrder));

  return section(
    <>
      <p className="race-intro">{introSentence(sides)}</p>
      {openOrder !== null ? (
        <div className="race-open-row">
          <p>
            {openIndex >= 0
              ? `The player shows interleaving ${openIndex + 1}, marked below.`
              : "The player shows one interleaving of this race, not the scenario's own timing."}
          </p>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Back to the scenario&rsquo;s own timing
          </button>
        </div>
      ) : null}
      {opened ? null : (
        <button
          type="button"
          className="button button-primary race-run"
          onClick={() => {
            focusResult.current = true;
            setOpened(true);
          }}
        >
          Explore every interleaving
        </button>
      )}
      {explored !== null && !explored.ok ? (
        <p ref={resultRef} tabIndex={-1} className="notice notice-error" role="alert">
          The explorer could not run the interleavings: {explored.message}
        </p>
      ) : null}
      {exploration === null ? null : (
        <>
          <p ref={resultRef} tabIndex={-1} className="race-summary">
            {summarySentence(exploration)}
          </p>
          <p className="race-bound">{boundSentences(exploration)}</p>
          <div className="race-toolbar">
            <RaceLegend sides={sides} />
            <button
              type="button"
              className="race-filter"
              aria-pressed={onlyStale}
              onClick={() => setOnlyStale(!onlyStale)}
            >
              Only stale runs
            </button>
          </div>
          <RaceGrid
            runs={exploration.runs}
            onlyStale={onlyStale}
            sideOf={sideOf}
            openOrder={openOrder}
            onOpen={onOpen}
          />
        </>
      )}
    </>,
  );
}
