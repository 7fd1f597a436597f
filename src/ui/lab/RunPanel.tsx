import { useId, useRef } from 'react';
import type { LabJob, LabProgress } from './labProtocol.ts';
import { formatSeconds } from './labWords.ts';
import type { LabRun } from './useLabRun.ts';

interface RunPanelProps {
  /** The settings form the Run button submits. */
  formId: string;
  run: RunView;
  /** What a run will do, e.g. `30 simulations of 60,000 requests`. */
  work: string;
  /** Progress in the job's own units, e.g. `1.2 million of 1.8 million requests`. */
  describeProgress: (progress: LabProgress) => string;
}

/** What the panel reads of a run: any lab's run fits. */
type RunView = Omit<LabRun<LabJob>, 'start'>;

/** Run and Cancel, the progress of the run in the worker, and what became of the last one. */
export function RunPanel({ formId, run, work, describeProgress }: RunPanelProps) {
  const progressId = useId();
  const runButton = useRef<HTMLButtonElement>(null);
  const { status, progress } = run;
  const running = status === 'running';
  const percent = progress === null || progress.total === 0 ? null : (progress.done / progress.total) * 100;
  const percentText = percent === null ? '' : `${Math.floor(percent)}\u00a0%`;

  const cancel = () => {
    run.cancel();
    // The Cancel button goes away: keep keyboard focus on the panel.
    runButton.current?.focus();
  };

  return (
    <div className="lab-run">
      <div className="lab-run-row">
        {/* Stays enabled while running: pressing it again starts over with the current settings. */}
        <button ref={runButton} type="submit" form={formId} className="button button-primary">
          {running ? 'Restart' : 'Run'}
        </button>
        {running ? (
          <button type="button" className="button button-quiet" onClick={cancel}>
            Cancel
          </button>
        ) : null}
        <p className="lab-work">{work}</p>
      </div>
      {running ? (
        <div className="lab-progress">
          <label htmlFor={progressId} className="setting-label">
            Progress
          </label>
          {progress === null || progress.total === 0 ? (
            <progress id={progressId} />
          ) : (
            <progress id={progressId} max={progress.total} value={progress.done}>
              {percentText}
            </progress>
          )}
          <p className="lab-progress-text">
            {progress === null || progress.total === 0
              ? 'Starting\u2026'
              : `${percentText} \u00b7 ${describeProgress(progress)}`}
          </p>
        </div>
      ) : null}
      <p className="lab-status" role="status">
        {statusText(run, percentText)}
      </p>
      {status === 'failed' && run.error !== null ? (
        <p className="notice notice-error" role="alert">
          {run.error}
        </p>
      ) : null}
    </div>
  );
}

function statusText(run: RunView, percentText: string): string {
  const kept = run.result === null ? 'No results yet.' : 'The results below are from the last finished run.';
  switch (run.status) {
    case 'idle':
    case 'failed':
      return '';
    case 'running':
      return 'Running in the background\u2026';
    case 'done':
      return run.elapsedMs === null ? 'Done.' : `Done in ${formatSeconds(run.elapsedMs)}.`;
    case 'cancelled':
      return `Cancelled${percentText === '' ? '' : ` at ${percentText}`}. ${kept}`;
  }
}
