import { useId } from 'react';
import type { CSSProperties } from 'react';
import './controls.css';

interface ScrubSliderProps {
  step: number;
  lastStep: number;
  onScrub: (step: number) => void;
}

/** Ticks beyond this many would merge into a solid bar; thin them out instead. */
const MAX_TICKS = 120;

/** Drag to any step. A tick under the track marks every step (or every few, in very long runs). */
export function ScrubSlider({ step, lastStep, onScrub }: ScrubSliderProps) {
  const id = useId();
  const every = Math.max(1, Math.ceil((lastStep + 1) / MAX_TICKS));
  const ticks: number[] = [];
  for (let index = 0; index <= lastStep; index += every) ticks.push(index);
  return (
    <div className="scrub">
      <label htmlFor={id} className="scrub-label">
        Step
      </label>
      <div className="scrub-track">
        <input
          id={id}
          className="range scrub-input"
          type="range"
          min={0}
          max={lastStep}
          step={1}
          value={step}
          aria-valuetext={`Step ${step} of ${lastStep}`}
          onChange={(event) => onScrub(Number(event.currentTarget.value))}
        />
        <div className="scrub-ticks" aria-hidden="true">
          {ticks.map((index) => (
            <span
              key={index}
              className={index <= step ? 'scrub-tick is-past' : 'scrub-tick'}
              // The only per-element style: where along the track this tick sits.
              style={{ '--at': lastStep === 0 ? 0 : index / lastStep } as CSSProperties}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
