import { useId } from 'react';
import type { CSSProperties } from 'react';
import type { Anomaly, AnomalyKind } from '../../engine/index.ts';
import { anomalyTitles } from '../../content/narration/anomalies.ts';
import { AnomalyShape } from './AnomalyShape.tsx';
import './controls.css';

interface ScrubSliderProps {
  step: number;
  lastStep: number;
  onScrub: (step: number) => void;
  /** Every anomaly of the run: each gets a marker under the track at the step it became visible. */
  anomalies: readonly Anomaly[];
}

/** Ticks beyond this many would merge into a solid bar; thin them out instead. */
const MAX_TICKS = 120;

/**
 * Drag to any step. A tick under the track marks every step (or every few, in very long runs), and
 * a marker below it each step where the consistency checker found something; a marker is a button
 * that jumps there.
 */
export function ScrubSlider({ step, lastStep, onScrub, anomalies }: ScrubSliderProps) {
  const id = useId();
  const every = Math.max(1, Math.ceil((lastStep + 1) / MAX_TICKS));
  const ticks: number[] = [];
  for (let index = 0; index <= lastStep; index += every) ticks.push(index);
  // The only per-element style: where along the track a tick or marker sits.
  const at = (index: number) => ({ '--at': lastStep === 0 ? 0 : index / lastStep }) as CSSProperties;
  const marks = kindsByStep(anomalies);
  return (
    <div className="scrub">
      <label htmlFor={id} className="scrub-label">
        Step
      </label>
      <div className="scrub-rail">
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
                style={at(index)}
              />
            ))}
          </div>
        </div>
        {marks.length > 0 ? (
          <ul className="scrub-marks" aria-label="Anomalies in this run">
            {marks.map(([markStep, kinds]) => (
              <li key={markStep} className="scrub-mark-item" style={at(markStep)}>
                <button
                  type="button"
                  className={markStep === step ? 'scrub-mark is-current' : 'scrub-mark'}
                  aria-label={`${listOfKinds(kinds)} at step ${markStep}`}
                  aria-current={markStep === step ? 'step' : undefined}
                  title={`${listOfKinds(kinds)} at step ${markStep}`}
                  onClick={() => onScrub(markStep)}
                >
                  {kinds.map((kind) => (
                    <AnomalyShape key={kind} kind={kind} />
                  ))}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** The distinct kinds found at each step, in step order: one marker per step, never stacked. */
function kindsByStep(anomalies: readonly Anomaly[]): [number, AnomalyKind[]][] {
  const byStep = new Map<number, AnomalyKind[]>();
  for (const anomaly of anomalies) {
    const kinds = byStep.get(anomaly.step) ?? [];
    if (!kinds.includes(anomaly.kind)) kinds.push(anomaly.kind);
    byStep.set(anomaly.step, kinds);
  }
  return [...byStep.entries()].sort(([a], [b]) => a - b);
}

function listOfKinds(kinds: readonly AnomalyKind[]): string {
  const words = kinds.map((kind, index) => (index === 0 ? anomalyTitles[kind] : kind));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
