import { m, useTransform } from 'motion/react';
import type { MotionValue } from 'motion/react';
import type { Anomaly } from '../../engine/index.ts';
import { AnomalyCallout } from './AnomalyCallout.tsx';
import { formatSimTime } from './format.ts';

interface PlayerStatusProps {
  step: number;
  lastStep: number;
  now: MotionValue<number>;
  narration: string;
  /** Anomalies that became visible at this step, told below the sentence. */
  anomalies: readonly Anomaly[];
  labelOf: (actorId: string) => string;
}

/**
 * Where we are in the run, and what just happened, read out on every step: one sentence, and below
 * it whatever the consistency checker found at this step.
 */
export function PlayerStatus({ step, lastStep, now, narration, anomalies, labelOf }: PlayerStatusProps) {
  const time = useTransform(now, formatSimTime);
  return (
    <div className="player-status">
      <p className="player-position">
        <span className="player-step">
          Step {step} of {lastStep}
        </span>
        <span className="player-time">
          <span className="player-time-label">Simulated time</span> <m.span>{time}</m.span>
        </span>
      </p>
      <div
        className={anomalies.length > 0 ? 'player-narration has-anomalies' : 'player-narration'}
        role="status"
        aria-live="polite"
        aria-label="Narration"
      >
        <p>{narration}</p>
        <AnomalyCallout anomalies={anomalies} labelOf={labelOf} />
      </div>
    </div>
  );
}
