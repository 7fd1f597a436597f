/// <reference lib="webworker" />
import { runScenario } from '../../engine/index.ts';
import type { Scenario } from '../../engine/index.ts';
import { runOptions } from './traceCache.ts';
import type { TraceReply, TraceRequest } from './backgroundTrace.ts';

/** Runs a scenario's plain run off the page's main thread (backgroundTrace.ts). */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<TraceRequest>) => {
  const { id, scenario, seed } = event.data;
  let reply: TraceReply;
  try {
    reply = { id, trace: runScenario(scenario as Scenario, runOptions(seed)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
