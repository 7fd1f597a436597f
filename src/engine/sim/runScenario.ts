import type { IssuedOperation } from '../machines/clientMachine.ts';
import type { ConsoleCommand, Intervention } from './intervention.ts';
import { viewOf } from './labels.ts';
import { countersOf, Recorder, type StepFacts } from './recorder.ts';
import { CONSOLE_ID, type Scenario } from './scenario.ts';
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
  /**
   * Lines the learner typed into the console, each sent after the frame they were typed at (a line
   * typed after the last event is sent once the run would otherwise end).
   */
  console?: readonly ConsoleCommand[];
  /** A guard against a scenario that never settles. */
  maxEvents?: number;
}

const DEFAULT_MAX_EVENTS = 10_000_000;

/** Runs a scenario to the end on virtual time and returns what happened. */
export function runScenario(scenario: Scenario, options: RunOptions): Trace {
  const { seed, record, interventions = [], console = [], maxEvents = DEFAULT_MAX_EVENTS } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${String(seed)}`);
  }
  checkScenario(scenario);

  const world = new World(scenario, seed, {
    narrate: record === 'frames',
    withConsole: console.length > 0,
    trackInFlight: record === 'frames' || interventions.length > 0,
  });
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
    typeInto.stepReached(step);
  };
  const typeInto = consoleFeeder(world, console);
  const countSteps = recorder !== null || interventions.length > 0 || console.length > 0;

  recordStep({ cause: { kind: 'start' }, actor: null, delivered: null, note: null, requestId: null });
  let events = 0;
  let requests = 0;
  // The run ends when no work is queued; the cache's expiry sweeps alone do not keep it going.
  for (;;) {
    if (world.pendingWork === 0 && !typeInto.sendLate()) break;
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
    if (countSteps) recordStep(factsOf(world, entry));
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

/**
 * Sends the console's lines into the run: each after the step it was typed at, in the order typed.
 * Console lines get negative request ids, so they never collide with the script's.
 */
function consoleFeeder(world: World, commands: readonly ConsoleCommand[]) {
  const order = commands.map((c, i) => ({ ...c, requestId: -(i + 1) })).sort((a, b) => a.atStep - b.atStep);
  let next = 0;
  const send = (item: (typeof order)[number]) => {
    world.pendingWork++;
    world.queue.push({
      time: world.now,
      kind: 'console',
      command: { type: 'type', requestId: item.requestId, argv: item.argv },
    });
  };
  return {
    stepReached(step: number): void {
      while (next < order.length && (order[next] as (typeof order)[number]).atStep <= step)
        send(order[next++]!);
    },
    /** Sends every line typed after the last event; false when there was none left. */
    sendLate(): boolean {
      if (next >= order.length) return false;
      while (next < order.length) send(order[next++]!);
      return true;
    },
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
    case 'console':
      world.console?.send(entry.command);
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
    case 'console':
      return {
        cause: { kind: 'operation issued', actor: CONSOLE_ID },
        actor: CONSOLE_ID,
        delivered: null,
        note: world.note,
        requestId: entry.command.requestId,
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
