import type { Anomaly } from '../../engine/index.ts';
import { describeAnomaly, describeOperations } from '../../content/narration/anomalies.ts';
import { AnomalyShape } from './AnomalyShape.tsx';

interface AnomalyCalloutProps {
  /** The anomalies that became visible at this step. */
  anomalies: readonly Anomaly[];
  labelOf: (actorId: string) => string;
}

/** Under the step's sentence: what the consistency checker noticed at exactly this step. */
export function AnomalyCallout({ anomalies, labelOf }: AnomalyCalloutProps) {
  if (anomalies.length === 0) return null;
  return (
    <div className="anomaly-callout">
      <p className="anomaly-callout-title">
        The consistency checker found{' '}
        {anomalies.length === 1 ? 'an anomaly' : `${anomalies.length} anomalies`} at this step
      </p>
      <ul className="anomaly-callout-list">
        {anomalies.map((anomaly, index) => (
          <li key={`${anomaly.kind}-${anomaly.key}-${index}`} className="anomaly-item">
            <AnomalyShape kind={anomaly.kind} />
            <span>
              {describeAnomaly(anomaly, labelOf)}{' '}
              <span className="anomaly-operations">(Involves {describeOperations(anomaly.operations)}.)</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
