import { useEffect, useState } from 'react';
import type { Scenario, Trace } from '../../engine/index.ts';
import { hasPlainTrace, rememberPlainTrace } from './traceCache.ts';

/**
 * A scenario's plain run (no console lines, faults or race order), computed in a Web Worker. The
 * engine runs a whole scenario at once, which on a slow phone holds the page for a few hundred
 * milliseconds: a lesson's Visual asks for its first run here and shows once it is remembered,
 * and from then on `traceFor` returns it at once. Forks, console lines and other seeds still run
 * on the spot, when the learner asks for them. Without workers (jsdom, some browsers), or if the
 * worker fails, there is nothing to wait for: `traceFor` computes the run itself.
 */
export interface TraceRequest {
  id: number;
  scenario: Scenario;
  seed: number;
}

export type TraceReply = { id: number; trace: Trace } | { id: number; error: string };

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, () => void>();
const pending = new Map<string, Promise<void>>();

function traceWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  const started = new Worker(new URL('./traceWorker.ts', import.meta.url), { type: 'module', name: 'trace' });
  started.onmessage = (event: MessageEvent<TraceReply>) => {
    const reply = event.data;
    // An error is left to `traceFor`, which runs it again here and shows the error as usual.
    if ('trace' in reply) rememberPlainTrace(reply.trace);
    waiting.get(reply.id)?.();
    waiting.delete(reply.id);
  };
  started.onerror = () => {
    // A worker that cannot start (or crashed): run everything here from now on.
    worker = null;
    for (const done of waiting.values()) done();
    waiting.clear();
  };
  return (worker = started);
}

function runInBackground(scenario: Scenario, seed: number): Promise<void> {
  const key = `${scenario.id}\u0000${seed}`;
  let run = pending.get(key);
  if (run === undefined) {
    run = new Promise<void>((resolve) => {
      const target = traceWorker();
      if (target === null) return resolve();
      const id = nextId++;
      waiting.set(id, resolve);
      try {
        target.postMessage({ id, scenario, seed } satisfies TraceRequest);
      } catch {
        // A scenario that cannot be copied to the worker runs here instead.
        waiting.delete(id);
        resolve();
      }
    }).finally(() => pending.delete(key));
    pending.set(key, run);
  }
  return run;
}

/** Whether the plain run of `scenario` at `seed` can be shown without holding up the page. */
export function useTraceReady(scenario: Scenario | undefined, seed: number): boolean {
  const [arrived, setArrived] = useState<string | null>(null);
  const key = scenario === undefined ? null : `${scenario.id}\u0000${seed}`;
  const ready =
    scenario === undefined ||
    arrived === key ||
    hasPlainTrace(scenario.id, seed) ||
    typeof Worker === 'undefined' ||
    worker === null;
  useEffect(() => {
    if (ready) return;
    let current = true;
    void runInBackground(scenario, seed).then(() => {
      if (current) setArrived(key);
    });
    return () => {
      current = false;
    };
  }, [ready, scenario, seed, key]);
  return ready;
}
