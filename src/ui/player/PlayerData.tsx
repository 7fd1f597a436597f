import type { MotionValue } from 'motion/react';
import type { ActorInfo, Frame, Trace } from '../../engine/index.ts';
import { CacheTable } from './CacheTable.tsx';
import { ConsistencyChecker } from './ConsistencyChecker.tsx';
import { CountersPanel } from './CountersPanel.tsx';
import { DbTable } from './DbTable.tsx';
import { OutboxTable } from './OutboxTable.tsx';

interface PlayerDataProps {
  trace: Trace;
  frame: Frame;
  previous: Frame | null;
  now: MotionValue<number>;
  /** True when some frame of the run has outbox rows: the table then shows in every frame. */
  hasOutbox: boolean;
  /** The app nodes whose local cache gets a table, in every frame of the run. */
  localCacheNodes: readonly ActorInfo[];
  labelOf: (actorId: string) => string;
  onJump: (step: number) => void;
}

/**
 * The tables under the diagram: Redis, each app node's local cache (when the scenario has them),
 * the database, the outbox, the counters and the consistency checker.
 */
export function PlayerData({
  trace,
  frame,
  previous,
  now,
  hasOutbox,
  localCacheNodes,
  labelOf,
  onJump,
}: PlayerDataProps) {
  const staleIn = (where: string) =>
    new Set(frame.stale.filter((entry) => entry.where === where).map((entry) => entry.key));
  return (
    <div className="player-data">
      <div className="player-tables">
        <CacheTable
          rows={frame.cache}
          previousRows={previous?.cache ?? null}
          frameTime={frame.time}
          now={now}
          staleKeys={staleIn('cache')}
        />
        {localCacheNodes.length > 0 ? (
          <div className="player-local-caches">
            {localCacheNodes.map((node) => (
              <CacheTable
                key={node.id}
                title={`Local cache on ${node.label}`}
                rows={frame.localCaches[node.id] ?? []}
                previousRows={previous?.localCaches[node.id] ?? null}
                frameTime={frame.time}
                now={now}
                staleKeys={staleIn(node.id)}
              />
            ))}
          </div>
        ) : null}
      </div>
      <div className="player-tables">
        <DbTable rows={frame.db} previousRows={previous?.db ?? null} />
        {hasOutbox ? <OutboxTable rows={frame.outbox} previousRows={previous?.outbox ?? null} /> : null}
      </div>
      <div className="player-side">
        <CountersPanel counters={frame.counters} previous={previous?.counters ?? null} />
        <ConsistencyChecker
          anomalies={trace.anomalies}
          step={frame.index}
          labelOf={labelOf}
          onJump={onJump}
        />
      </div>
    </div>
  );
}
