import { useId } from 'react';
import type { Anomaly } from '../../engine/index.ts';
import { anomalyTitles, describeAnomaly, describeOperations } from '../../content/narration/anomalies.ts';
import { AnomalyShape } from './AnomalyShape.tsx';
import './data.css';

interface ConsistencyCheckerProps {
  /** Every anomaly of the run; only those visible by `step` are listed. */
  anomalies: readonly Anomaly[];
  step: number;
  labelOf: (actorId: string) => string;
  onJump: (step: number) => void;
}

/** What the consistency checker has found so far in the run, each with a way back to its step. */
export function ConsistencyChecker({ anomalies, step, labelOf, onJump }: ConsistencyCheckerProps) {
  const headingId = useId();
  const found = anomalies.filter((anomaly) => anomaly.step <= step);
  return (
    <section
      className={found.length > 0 ? 'data-panel anomaly-panel has-anomalies' : 'data-panel anomaly-panel'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="data-panel-title">
        Consistency checker
      </h3>
      {found.length > 0 ? (
        <ul className="anomaly-list">
          {found.map((anomaly, index) => (
            <li
              key={`${anomaly.step}-${anomaly.kind}-${anomaly.key}-${index}`}
              className={anomaly.step === step ? 'anomaly-item is-current' : 'anomaly-item'}
            >
              <AnomalyShape kind={anomaly.kind} />
              <div className="anomaly-body">
                <p>
                  {describeAnomaly(anomaly, labelOf)}{' '}
                  <span className="anomaly-operations">
                    (Involves {describeOperations(anomaly.operations)}.)
                  </span>
                </p>
                {anomaly.step === step ? (
                  <p className="anomaly-here">Found at this step.</p>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Go to step ${anomaly.step}: ${anomalyTitles[anomaly.kind].toLowerCase()} of ${anomaly.key}`}
                    onClick={() => onJump(anomaly.step)}
                  >
                    Go to step {anomaly.step}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="anomaly-none">No anomalies so far.</p>
      )}
    </section>
  );
}
