import type { IssuedOperation } from '../machines/clientMachine.ts';
import type { Intervention } from './intervention.ts';
import { viewOf } from './labels.ts';
import { countersOf, Recorder, type StepFacts } from './recorder.ts';
import type { Scenario } from './scenario.ts';
import { checkScenario } from './checkScenario.ts';
import type { Trace } from './trace.ts';
import { isHousekeeping, World, type Entry } from './world.ts';

export interface RunOptions {
  /** Any integer from 0 to 2^32 − 1. The same scenario and seed always give the same trace. */
  seed: number;
  /** Faults to apply after given steps; the run is recomputed from the start with them. */
  interventions?: readonly Intervention[];
  /** `frames`: a frame per visible event, for the player. `metrics`: totals only, for speed. */
  record: 'frames' | 'metrics';
  /** A guard against a scenario that never settles. */
  maxEvents?: number;
}

const DEFAULT_MAX_EVENTS = 10_000_000;

/** Runs a scenario to the end on virtual time and returns what happened. */
export function runScenario(scenario: Scenario, options: RunOptions): Trace {
  const { seed, record, interventions = [], maxEvents = DEFAULT_MAX_EVENTS } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${String(seed)}`);
  }
  checkScenario(scenario);

  const world = new World(scenario, seed, record === 'frames');
  const recorder = record === 'frames' ? new Recorder(world) : null;
  const feedScript = scriptFeeder(world, scenario);
  feedScript();

  // Steps are counted in both modes, so an intervention lands at the same point with or without
  // frames. A fault is applied right after the step it is attached to, and is a step of its own.
  let step = -1;
  const recordStep = (facts: StepFacts): void => {
    step++;
    recorder?.record(facts);
    for (const intervention of interventions) {
      if (intervention.atStep === step) recordStep(applyFault(world, intervention));
    }
  };

  recordStep({ cause: { kind: 'start' }, actor: null, delivered: null, note: null, requestId: null });
  let events = 0;
  let requests = 0;
  // The run ends when no work is queued; the cache's expiry sweeps alone do not keep it going.
  while (world.pendingWork > 0) {
    const entry = world.queue.pop();
    if (entry === undefined) break;
    if (++events > maxEvents)
      throw new Error(`scenario "${scenario.id}" did not settle within ${maxEvents} events`);
    if (!isHousekeeping(entry)) world.pendingWork--;
    // Done with: a late clearTimeout on it must not count it off the pending work a second time.
    entry.cancelled = true;
    world.now = entry.time;
    world.note = null;
    world.sentThisStep.length = 0;
    if (entry.kind === 'issue') feedScript();
    deliver(world, entry);
    if (entry.kind === 'deliver' && entry.message.payload.kind === 'response') requests++;
    // A timer step in which nobody said or sent anything (a sweep that found nothing) is not a
    // step: no frame, and not counted, in frames and metrics runs alike.
    if (entry.kind === 'timer' && world.note === null && world.sentThisStep.length === 0) continue;
    if (recorder !== null || interventions.length > 0) recordStep(factsOf(world, entry));
  }
  recorder?.record({ cause: { kind: 'end' }, actor: null, delivered: null, note: null, requestId: null });
  world.stop();

  return {
    scenarioId: scenario.id,
    seed,
    actors: world.actorInfo,
    edges: world.edges,
    frames: recorder?.frames ?? [],
    totals: { ...countersOf(world), events, requests, virtualTimeMs: world.now },
  };
}

/**
 * Feeds the script to the queue one operation at a time, in time order (ties in script order):
 * the queue stays as small as what is in flight, however long the script is.
 */
function scriptFeeder(world: World, scenario: Scenario): () => void {
  const order = scenario.script
    .map((step, index) => ({ step, requestId: index + 1 }))
    .sort((a, b) => a.step.atMs - b.step.atMs || a.requestId - b.requestId);
  let next = 0;
  return () => {
    const item = order[next++];
    if (item === undefined) return;
    const { step, requestId } = item;
    const operation: IssuedOperation =
      step.op === 'read'
        ? { requestId, op: 'read', key: step.key }
        : { requestId, op: 'write', key: step.key, value: step.value };
    world.pendingWork++;
    world.queue.push({ time: step.atMs, kind: 'issue', client: step.client, operation });
  };
}

/** Hands one queued event to its actor, which runs synchronously and may send or schedule more. */
function deliver(world: World, entry: Entry): void {
  switch (entry.kind) {
    case 'deliver':
      world.inFlight.delete(entry.message.id);
      world.actor(entry.message.to).send({ type: 'message', message: entry.message });
      return;
    case 'timer':
      entry.fire();
      return;
    case 'issue':
      world.client(entry.client).send({ type: 'issue', operation: entry.operation });
      return;
  }
}

/** What the frame for a delivered event says happened (frames mode only). */
function factsOf(world: World, entry: Entry): StepFacts {
  switch (entry.kind) {
    case 'deliver':
      return {
        cause: { kind: 'message delivered', messageId: entry.message.id, actor: entry.message.to },
        actor: entry.message.to,
        delivered: entry.message,
        note: world.note,
        requestId: entry.message.payload.requestId,
      };
    case 'timer':
      return {
        cause: { kind: 'timer fired', actor: entry.actor },
        actor: entry.actor,
        delivered: null,
        note: world.note,
        requestId: world.sentThisStep[0]?.payload.requestId ?? null,
      };
    case 'issue':
      return {
        cause: { kind: 'operation issued', actor: entry.client },
        actor: entry.client,
        delivered: null,
        note: world.note,
        requestId: entry.operation.requestId,
      };
  }
}

function applyFault(world: World, { fault }: Intervention): StepFacts {
  const entry = world.inFlight.get(fault.messageId);
  if (entry !== undefined) {
    entry.cancelled = true;
    world.pendingWork--;
    world.inFlight.delete(fault.messageId);
  }
  const label = entry === undefined ? '' : viewOf(entry.message).label;
  return {
    cause: { kind: 'fault applied', fault },
    actor: null,
    delivered: null,
    note: {
      type: 'note',
      key: entry === undefined ? 'fault.drop.gone' : 'fault.drop',
      params: { message: label, from: entry?.message.from ?? '', to: entry?.message.to ?? '' },
    },
    requestId: entry?.message.payload.requestId ?? null,
  };
}
