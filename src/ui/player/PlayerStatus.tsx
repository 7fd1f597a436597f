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
  /** Playing on its own: the narration is shown but not read out (see below). */
  playing: boolean;
}

/**
 * Where we are in the run, and what just happened: one sentence, and below it whatever the
 * consistency checker found at this step.
 *
 * The narration box is the player's one live region, polite and atomic: a step taken by hand (a key,
 * a button, the slider, the step log, a link) is read out once, as "Step 3 of 12:" and the
 * sentence. While the player plays on its own it is switched off: at 4× a step comes every 350 ms
 * and even at 1× faster than a sentence can be spoken, so a polite queue would keep talking long
 * after the picture had moved on. When playback stops (Pause, a question, the end) the text is put
 * back as a new node, so the step it stopped at is read once. Someone listening steps with →.
 */
export function PlayerStatus({
  step,
  lastStep,
  now,
  narration,
  anomalies,
  labelOf,
  playing,
}: PlayerStatusProps) {
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
        aria-live={playing ? 'off' : 'polite'}
        aria-atomic="true"
        aria-label="Narration"
      >
        {/* A new key is new content: how a region that was off announces the step it stopped at. */}
        <div key={playing ? 'playing' : step}>
          <p>
            <span className="visually-hidden">
              Step {step} of {lastStep}:{' '}
            </span>
            {narration}
          </p>
          <AnomalyCallout anomalies={anomalies} labelOf={labelOf} />
        </div>
      </div>
    </div>
  );
}
