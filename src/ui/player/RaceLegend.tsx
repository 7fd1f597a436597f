import { AnomalyShape } from './AnomalyShape.tsx';
import { sideDescription, type RaceSide } from './raceExplorerWords.ts';

/** What the marks on the grid's chips and cells mean. */
export function RaceLegend({ sides }: { sides: readonly RaceSide[] }) {
  return (
    <ul className="race-legend" aria-label="Legend">
      {sides.map((side) => (
        <li key={side.requestId}>
          <span className={`race-mark race-op-${side.slot}`} aria-hidden="true">
            {side.mark}
          </span>
          {sideDescription(side)}
        </li>
      ))}
      <li>
        <AnomalyShape kind="stale read" />
        stale: the checker found a stale read or a divergence in that run
      </li>
    </ul>
  );
}
