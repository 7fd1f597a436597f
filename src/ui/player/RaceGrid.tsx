import type { KeyboardEvent } from 'react';
import type { RaceRun } from '../../engine/index.ts';
import { RaceCell } from './RaceCell.tsx';
import { sameOrder, type RaceSide } from './raceExplorerWords.ts';

interface RaceGridProps {
  runs: readonly RaceRun[];
  onlyStale: boolean;
  sideOf: (requestId: number) => RaceSide;
  openOrder: readonly number[] | null;
  onOpen: (order: readonly number[], step: number) => void;
}

/**
 * Every interleaving as a list of buttons, so Tab reaches each one. ←/→ move between cells and
 * Home/End jump to the ends; they are taken here (the player ignores keys already handled), since
 * on a cell they would otherwise step the player.
 */
export function RaceGrid({ runs, onlyStale, sideOf, openOrder, onOpen }: RaceGridProps) {
  const shown = runs
    .map((run, index) => ({ run, index }))
    .filter(({ run }) => !onlyStale || run.outcome === 'stale');
  if (shown.length === 0) {
    return <p className="race-empty">No interleaving ends stale with this strategy.</p>;
  }
  return (
    <ol className="race-grid" aria-label="Interleavings" onKeyDown={moveBetweenCells}>
      {shown.map(({ run, index }) => (
        <li key={index}>
          <RaceCell
            index={index}
            run={run}
            sideOf={sideOf}
            isOpen={openOrder !== null && sameOrder(openOrder, run.order)}
            onOpen={onOpen}
          />
        </li>
      ))}
    </ol>
  );
}

function moveBetweenCells(event: KeyboardEvent<HTMLOListElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const cells = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('.race-cell'));
  const at = cells.findIndex((cell) => cell === event.target);
  if (at < 0) return;
  const targets: Record<string, number> = {
    ArrowRight: at + 1,
    ArrowLeft: at - 1,
    Home: 0,
    End: cells.length - 1,
  };
  const next = targets[event.key];
  if (next === undefined) return;
  event.preventDefault();
  cells[Math.max(0, Math.min(cells.length - 1, next))]?.focus();
}
