import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnomalyKind, Trace } from '../../engine/index.ts';
import { narrate } from '../../content/index.ts';
import { anomalyTitles } from '../../content/narration/anomalies.ts';
import { AnomalyShape } from './AnomalyShape.tsx';
import { formatSimTime } from './format.ts';
import './stepLog.css';

interface StepLogProps {
  trace: Trace;
  /** The step shown: the log lists steps 0 to this one. */
  step: number;
  /** Moves the player to a step (by hand: it pauses playback). */
  onJump: (step: number) => void;
}

/**
 * Steps listed at once; earlier ones wait behind a button. A long run (a playground's thousands of
 * steps) would otherwise re-render thousands of buttons on every step while the log is open.
 */
export const STEP_LOG_WINDOW = 200;

/**
 * The run so far in words, the alternative to watching the animation: a disclosure that lists every
 * step from 0 to the one shown, with its time and narration, the shown one marked. Each entry is a
 * button that moves the player there. Nothing is built until it is opened.
 */
export function StepLog({ trace, step, onJump }: StepLogProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="step-log">
      <button
        type="button"
        className="button button-quiet step-log-toggle"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        <span className="step-log-chevron" aria-hidden="true">
          {open ? '\u25be' : '\u25b8'}
        </span>
        Step log
      </button>
      {open ? <StepLogList id={listId} trace={trace} step={step} onJump={onJump} /> : null}
    </div>
  );
}

function StepLogList({ id, trace, step, onJump }: StepLogProps & { id: string }) {
  // The same sentences the player reads out, built once per run (and only once the log is open).
  const sentences = useMemo(() => {
    const labels = new Map(trace.actors.map((actor) => [actor.id, actor.label]));
    const labelOf = (actorId: string) => labels.get(actorId) ?? actorId;
    return trace.frames.map((frame) => narrate(frame.narration, labelOf));
  }, [trace]);
  const [showAll, setShowAll] = useState(false);
  const first = showAll ? 0 : Math.max(0, step + 1 - STEP_LOG_WINDOW);
  const listRef = useRef<HTMLOListElement>(null);
  // The player hands a new onJump on every render; entries keep one, so they need not re-render.
  const jumpRef = useRef(onJump);
  useLayoutEffect(() => {
    jumpRef.current = onJump;
  });
  const jump = useCallback((target: number) => jumpRef.current(target), []);

  // Keep the shown step in view inside the list's own scroll box, without scrolling the page.
  useLayoutEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (list === null || current === null || current === undefined) return;
    const top = current.offsetTop;
    const bottom = top + current.offsetHeight;
    if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
    else if (top < list.scrollTop) list.scrollTop = top;
  }, [step]);

  const entries = [];
  for (let index = first; index <= step; index++) {
    const frame = trace.frames[index];
    if (frame === undefined) break;
    entries.push(
      <StepLogEntry
        key={index}
        index={index}
        time={frame.time}
        sentence={sentences[index] ?? ''}
        anomalies={frame.anomalies.map((anomaly) => anomaly.kind).join(',')}
        current={index === step}
        onJump={jump}
      />,
    );
  }

  return (
    <div id={id} className="step-log-panel">
      <p className="step-log-caption">
        Steps 0 to {step}, as the narration told them. Choose a step to go back to it.
      </p>
      {first > 0 ? (
        <button type="button" className="link-button step-log-earlier" onClick={() => setShowAll(true)}>
          Show the {first} earlier {first === 1 ? 'step' : 'steps'}
        </button>
      ) : null}
      <ol ref={listRef} className="step-log-list" aria-label="Steps so far" start={first}>
        {entries}
      </ol>
    </div>
  );
}

interface StepLogEntryProps {
  index: number;
  time: number;
  sentence: string;
  /** The kinds of anomaly found at this step, comma-separated (a string, so memo compares it). */
  anomalies: string;
  current: boolean;
  onJump: (step: number) => void;
}

/** One step. Memoised: moving one step re-renders only the two entries whose mark changes. */
const StepLogEntry = memo(function StepLogEntry({
  index,
  time,
  sentence,
  anomalies,
  current,
  onJump,
}: StepLogEntryProps) {
  const kinds = anomalies === '' ? [] : (anomalies.split(',') as AnomalyKind[]);
  const timeText = formatSimTime(time);
  const found = kinds.map((kind) => ` Found: ${anomalyTitles[kind]}.`).join('');
  return (
    <li className="step-log-item">
      {/* Named in one sentence: the parts are laid out apart, and would be read with odd pauses. */}
      <button
        type="button"
        className="step-log-entry"
        aria-label={`Step ${index}, at ${timeText}: ${sentence}${found}`}
        aria-current={current ? 'step' : undefined}
        onClick={() => onJump(index)}
      >
        <span className="step-log-head">
          <span className="step-log-number">Step {index}</span>
          <span className="step-log-time">{timeText}</span>
          {/* Not colour alone: the shown step says so in words (aria-current tells screen readers). */}
          {current ? <span className="step-log-now">shown now</span> : null}
        </span>
        <span className="step-log-text">{sentence}</span>
        {kinds.map((kind) => (
          <span key={kind} className="step-log-anomaly">
            <AnomalyShape kind={kind} />
            {anomalyTitles[kind]}
          </span>
        ))}
      </button>
    </li>
  );
});
