import type { RaceRun } from '../../engine/index.ts';
import { AnomalyShape } from './AnomalyShape.tsx';
import { cellName, type RaceSide } from './raceExplorerWords.ts';

interface RaceCellProps {
  /** The run's place among every interleaving (0-based), which stays its number when filtered. */
  index: number;
  run: RaceRun;
  sideOf: (requestId: number) => RaceSide;
  isOpen: boolean;
  onOpen: (order: readonly number[], step: number) => void;
}

/**
 * One interleaving: its shared steps in order as chips, one a line, each marked by operation with a
 * colour and a letter and drawn in that operation's lane, and how it ends. The accessible name says
 * all of it in a sentence, since the chips would read as a jumble of letters.
 */
export function RaceCell({ index, run, sideOf, isOpen, onOpen }: RaceCellProps) {
  const stale = run.outcome === 'stale';
  return (
    <button
      type="button"
      className={stale ? 'race-cell is-stale' : 'race-cell'}
      aria-pressed={isOpen}
      aria-label={cellName(index, run, (requestId) => sideOf(requestId).name)}
      onClick={() => onOpen(run.order, run.firstAnomalyStep ?? 0)}
    >
      <span className="race-cell-head">
        <span className="race-cell-number">#{index + 1}</span>
        <span className={stale ? 'race-outcome is-stale' : 'race-outcome is-fresh'}>
          {/* One warning shape for every stale run, as the legend says, whatever the checker found. */}
          {stale ? <AnomalyShape kind="stale read" /> : null}
          {stale ? 'stale' : 'fresh'}
        </span>
      </span>
      <span className="race-chips">
        {run.steps.map((step, position) => {
          const side = sideOf(step.requestId);
          return (
            <span key={position} className={`race-chip race-op-${side.slot}`}>
              <span className="race-mark">{side.mark}</span>
              <span className="race-chip-label">{step.label}</span>
            </span>
          );
        })}
      </span>
      {isOpen ? <span className="race-cell-open">In the player</span> : null}
    </button>
  );
}
