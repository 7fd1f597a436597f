import { useId } from 'react';
import type { Anomaly } from '../../engine/index.ts';
import { formatSimTime } from './format.ts';
import './data.css';

/** What the consistency checker has found so far: the reason cache-aside's write order matters. */
export function AnomalyList({ anomalies }: { anomalies: readonly Anomaly[] }) {
  const headingId = useId();
  const found = anomalies.length > 0;
  return (
    <section
      className={found ? 'data-panel anomaly-panel has-anomalies' : 'data-panel anomaly-panel'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="data-panel-title">
        Consistency check
      </h3>
      {found ? (
        <ul className="anomaly-list">
          {anomalies.map((anomaly) => (
            <li key={`${anomaly.kind}-${anomaly.key}-${anomaly.sinceTime}`}>
              <strong>Stale cache entry:</strong> <code>{anomaly.key}</code> — the cache holds v
              {anomaly.cacheVersion}, the database has v{anomaly.dbVersion} (stale since{' '}
              {formatSimTime(anomaly.sinceTime)}).
            </li>
          ))}
        </ul>
      ) : (
        <p className="anomaly-none">No stale cache entries so far.</p>
      )}
    </section>
  );
}
