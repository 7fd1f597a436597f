/**
 * The lab's Web Worker: runs one job at a time off the main thread, so the page stays responsive
 * while millions of requests are simulated. See labProtocol.ts for the messages.
 */
import { runLabJob } from './labJobs.ts';
import type { FromLabWorker, ToLabWorker } from './labProtocol.ts';

/** The worker's global scope, typed by hand: the project compiles against the DOM library. */
interface LabWorkerScope {
  postMessage(message: FromLabWorker): void;
  onmessage: ((event: MessageEvent<ToLabWorker>) => void) | null;
}

/** At most this often a progress message goes to the page: each one costs it a render. */
const PROGRESS_INTERVAL_MS = 100;

const scope = self as unknown as LabWorkerScope;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type !== 'start') return;
  const { runId, job } = message;
  let lastPosted = -Infinity;
  const report = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastPosted < PROGRESS_INTERVAL_MS) return;
    lastPosted = now;
    scope.postMessage({ type: 'progress', runId, done, total });
  };
  try {
    scope.postMessage({ type: 'result', runId, result: runLabJob(job, report) });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      runId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
