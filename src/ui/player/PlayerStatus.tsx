import { m, useTransform } from 'motion/react';
import type { MotionValue } from 'motion/react';
import { formatSimTime } from './format.ts';

interface PlayerStatusProps {
  step: number;
  lastStep: number;
  now: MotionValue<number>;
  narration: string;
}

/** Where we are in the run, and what just happened, in one sentence read out on every step. */
export function PlayerStatus({ step, lastStep, now, narration }: PlayerStatusProps) {
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
      <p className="player-narration" role="status" aria-live="polite" aria-label="Narration">
        {narration}
      </p>
    </div>
  );
}
