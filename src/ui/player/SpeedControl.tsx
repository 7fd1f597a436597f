import { useId } from 'react';
import { SPEED_LOG2_MAX, SPEED_LOG2_MIN, SPEED_LOG2_STEP } from '../../state/playerSettings.ts';
import { formatSpeed } from './speed.ts';
import './controls.css';

interface SpeedControlProps {
  speedLog2: number;
  onChange: (speedLog2: number) => void;
}

/** Playback speed from 0.25× to 4×; the slider moves over powers of two. */
export function SpeedControl({ speedLog2, onChange }: SpeedControlProps) {
  const id = useId();
  const label = formatSpeed(speedLog2);
  return (
    <div className="speed">
      <label htmlFor={id} className="speed-label">
        Speed
      </label>
      {/* Shown next to the name, and announced when +/− change speed away from the slider. */}
      <output htmlFor={id} className="speed-value">
        {label}
      </output>
      <input
        id={id}
        className="range speed-input"
        type="range"
        min={SPEED_LOG2_MIN}
        max={SPEED_LOG2_MAX}
        step={SPEED_LOG2_STEP}
        value={speedLog2}
        aria-valuetext={label}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
    </div>
  );
}
