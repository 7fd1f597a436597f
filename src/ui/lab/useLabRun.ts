import { useCallback, useEffect, useRef, useState } from 'react';
import { createLabWorker } from './createLabWorker.ts';
import type { LabJob, LabProgress, LabResultOf, LabWorkerPort } from './labProtocol.ts';

export type LabRunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface LabRunState<J extends LabJob> {
  status: LabRunStatus;
  /** How far the current run got; while cancelled, where it stopped. */
  progress: LabProgress | null;
  /** The latest finished result. A cancelled or failed run leaves it in place. */
  result: LabResultOf<J> | null;
  /** Wall-clock milliseconds the latest result took. */
  elapsedMs: number | null;
  /** Why the latest run failed, in words. */
  error: string | null;
}

export interface LabRun<J extends LabJob> extends LabRunState<J> {
  /** Runs `job` in the worker; a run already going is abandoned for it. */
  start: (job: J) => void;
  /** Stops the run by terminating its worker. */
  cancel: () => void;
}

export const NO_WORKERS_MESSAGE =
  'This browser cannot run the lab in the background (it has no Web Workers), so nothing was run.';

const IDLE = { status: 'idle', progress: null, result: null, elapsedMs: null, error: null } as const;

/**
 * One lab's runs in a Web Worker, created on the first run and kept for the next. `createWorker`
 * is for tests, which pass a fake.
 */
export function useLabRun<J extends LabJob>(
  createWorker: () => LabWorkerPort | null = createLabWorker,
): LabRun<J> {
  const [state, setState] = useState<LabRunState<J>>(IDLE);
  const worker = useRef<LabWorkerPort | null>(null);
  const running = useRef(false);
  // Bumped by every start and cancel: messages from any other run are stale.
  const runId = useRef(0);

  const stopWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    running.current = false;
  }, []);

  useEffect(() => stopWorker, [stopWorker]);

  const start = useCallback(
    (job: J) => {
      // A busy worker cannot take a second job until the first ends: replace it.
      if (running.current) stopWorker();
      const port = worker.current ?? createWorker();
      if (port === null) {
        setState((last) => ({ ...last, status: 'failed', progress: null, error: NO_WORKERS_MESSAGE }));
        return;
      }
      worker.current = port;
      running.current = true;
      const id = ++runId.current;
      const startedAt = performance.now();
      const fail = (error: string) => {
        running.current = false;
        setState((last) => ({ ...last, status: 'failed', progress: null, error }));
      };

      port.onmessage = ({ data: message }) => {
        if (message.runId !== runId.current) return;
        if (message.type === 'progress') {
          const { done, total } = message;
          setState((last) => ({ ...last, progress: { done, total } }));
        } else if (message.type === 'error') {
          fail(`The run stopped with an error: ${message.message}`);
        } else if (message.result.kind === job.kind) {
          running.current = false;
          setState({
            status: 'done',
            progress: null,
            result: message.result as LabResultOf<J>,
            elapsedMs: performance.now() - startedAt,
            error: null,
          });
        }
      };
      port.onerror = (event) => {
        if (id !== runId.current) return;
        // The worker could not load or threw outside a job; it is of no more use.
        event.preventDefault();
        stopWorker();
        fail(`The lab\u2019s worker failed: ${event.message || 'it could not start'}.`);
      };
      port.postMessage({ type: 'start', runId: id, job });
      setState((last) => ({ ...last, status: 'running', progress: null, error: null }));
    },
    [createWorker, stopWorker],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    runId.current++;
    stopWorker();
    setState((last) => ({ ...last, status: 'cancelled' }));
  }, [stopWorker]);

  return { ...state, start, cancel };
}
