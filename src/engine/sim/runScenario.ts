import { lostWritesIn, sortAnomalies, staleReadsIn } from '../check/checker.ts';
import { HistoryRecorder } from '../check/history.ts';
import type { IssuedOperation } from '../machines/clientMachine.ts';
import { applyFault, lossOf, type FaultOutcome } from './faults.ts';
import type { ConsoleCommand, Fault, Intervention } from './intervention.ts';
import type { Payload } from './messages.ts';
import { countersOf, Recorder, type StepFacts } from './recorder.ts';
import { CONSOLE_ID, type Operation, type Scenario } from './scenario.ts';
import { checkScenario } from './checkScenario.ts';
import { RaceScheduler } from './raceScheduler.ts';
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
  /**
   * Race two operations step by step instead of by time: which operation takes each step where they
   * touch the cache or the database, by request id (`[1, 1, 2, 1, 2]`). Both ids must be in the
   * script. See `raceScheduler.ts`.
   */
  race?: readonly number[] | undefined;
  /** A guard against a scenario that never settles. */
  maxEvents?: number;
}

const DEFAULT_MAX_EVENTS = 10_000_000;

/** Runs a scenario to the end on virtual time and returns what happened. */
export function runScenario(scenario: Scenario, options: RunOptions): Trace {
  const race = options.race === undefined ? null : raceSchedulerFor(scenario, options.race);
  return runWith(scenario, options, race);
}

/** The scheduler for a `race` order, after checking that it races two operations of the script. */
function raceSchedulerFor(scenario: Scenario, order: readonly number[]): RaceScheduler {
  const ids = [...new Set(order)];
  const known = (id: number) => Number.isInteger(id) && id >= 1 && id <= scenario.script.length;
  if (ids.length !== 2 || !ids.every(known)) {
    throw new RangeError(
      `a race order names two operations of the script (request ids 1 to ${scenario.script.length}), got ${order.join('.')}`,
    );
  }
  return new RaceScheduler([ids[0]!, ids[1]!], order, raceStartMs(scenario, ids));
}

/** When the earlier of the racing operations is issued. */
export function raceStartMs(scenario: Scenario, requestIds: readonly number[]): number {
  return Math.min(...requestIds.map((id) => scenario.script[id - 1]?.atMs ?? 0));
}

/** `runScenario`, with the scheduler of a race when there is one (the race explorer reads it after). */
export function runWith(scenario: Scenario, options: RunOptions, race: RaceScheduler | null): Trace {
  const { seed, record, interventions = [], console = [], maxEvents = DEFAULT_MAX_EVENTS } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${String(seed)}`);
  }
  checkScenario(scenario);

  const world = new World(scenario, seed, {
    narrate: record === 'frames',
    withConsole: console.length > 0,
    trackInFlight: record === 'frames' || interventions.length > 0 || (scenario.faults?.length ?? 0) > 0,
  });
  // The checker's input is recorded with the frames: a metrics run only counts.
  const history = record === 'frames' ? new HistoryRecorder(new Set(world.clients.keys())) : null;
  if (history !== null) world.onSend = (message) => history.sent(message, world.now, world.step);
  const recorder = record === 'frames' ? new Recorder(world, history!) : null;
  // Faults are queued first: one at the same time as a script operation applies before it.
  for (const { atMs, fault } of scenario.faults ?? []) {
    world.pendingWork++;
    world.pendingInputs++;
    world.queue.push({ time: atMs, origin: 0, kind: 'fault', fault });
  }
  const feedScript = scriptFeeder(world, scenario);
  feedScript();
  // A race takes its steps out of time order, so every operation must be in the queue from the start.
  if (race !== null) for (let i = 1; i < scenario.script.length; i++) feedScript();

  // Steps are counted in both modes, so an intervention lands at the same point with or without
  // frames. A fault is applied right after the step it is attached to, and is a step of its own.
  let step = -1;
  const recordStep = (facts: StepFacts): void => {
    step++;
    history?.committed(world.rows.commits, world.now, step);
    recorder?.record(facts);
    for (const intervention of interventions) {
      if (intervention.atStep !== step) continue;
      world.step = step + 1;
      world.note = null;
      recordStep(faultFacts(intervention.fault, applyFault(world, intervention.fault, history)));
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
    const entry = race === null ? world.queue.pop() : race.next(world);
    if (entry === undefined) break;
    if (++events > maxEvents)
      throw new Error(`scenario "${scenario.id}" did not settle within ${maxEvents} events`);
    if (!isHousekeeping(entry)) world.pendingWork--;
    if (entry.kind === 'issue' || entry.kind === 'console' || entry.kind === 'fault') world.pendingInputs--;
    // Done with: a late clearTimeout on it must not count it off the pending work a second time.
    entry.cancelled = true;
    // Only a race takes an entry after its time; then it happens now (the clock never runs back).
    if (entry.time > world.now) world.now = entry.time;
    world.origin = entry.origin;
    world.step = step + 1;
    world.note = null;
    world.sentThisStep.length = 0;
    if (entry.kind === 'issue' && race === null) feedScript();
    if (entry.kind === 'fault') {
      const outcome = applyFault(world, entry.fault, history);
      if (countSteps) recordStep(faultFacts(entry.fault, outcome));
      continue;
    }
    const delivered = deliver(world, entry, history);
    race?.stepTaken(world.sentThisStep);
    if (delivered && entry.kind === 'deliver' && entry.message.payload.kind === 'response') requests++;
    // A timer step in which nobody said or sent anything (a sweep that found nothing) is not a
    // step: no frame, and not counted, in frames and metrics runs alike.
    if (entry.kind === 'timer' && world.note === null && world.sentThisStep.length === 0) continue;
    if (countSteps) recordStep(factsOf(world, entry));
  }
  recorder?.record({ cause: { kind: 'end' }, actor: null, delivered: null, note: null, requestId: null });
  world.stop();

  const frames = recorder?.frames ?? [];
  const anomalies =
    history === null || recorder === null
      ? []
      : sortAnomalies([
          ...recorder.divergences,
          ...staleReadsIn(history.history),
          ...lostWritesIn(history.history, { step: frames.length - 1, time: world.now }),
        ]);
  for (const anomaly of anomalies) frames[anomaly.step]?.anomalies.push(anomaly);

  return {
    scenarioId: scenario.id,
    seed,
    actors: world.actorInfo,
    edges: world.edges,
    frames,
    totals: { ...countersOf(world), events, requests, virtualTimeMs: world.now },
    history: history?.history ?? { operations: [], commits: [], losses: [] },
    anomalies,
    ...(race === null
      ? {}
      : { race: { order: race.order, steps: race.steps, followed: race.followed, waiting: race.waiting } }),
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
    world.pendingWork++;
    world.pendingInputs++;
    world.queue.push({
      time: step.atMs,
      origin: requestId,
      kind: 'issue',
      client: step.client,
      operation: operationOf(step, requestId),
    });
  };
}

/** A script step as the client receives it: the operation, with its request id. */
function operationOf(step: Operation, requestId: number): IssuedOperation {
  switch (step.op) {
    case 'read':
      return { requestId, op: 'read', key: step.key };
    case 'write':
      return { requestId, op: 'write', key: step.key, value: step.value };
    case 'login':
      return { requestId, op: 'login', user: step.user };
    case 'page':
      return { requestId, op: 'page', page: step.page };
    case 'chat':
      return { requestId, op: 'chat', room: step.room, text: step.text };
  }
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
    world.pendingInputs++;
    world.queue.push({
      time: world.now,
      origin: item.requestId,
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

/**
 * Hands one queued event to its actor, which runs synchronously and may send or schedule more.
 * False when nothing was delivered: the message was lost, or the timer belonged to a crashed actor.
 */
function deliver(world: World, entry: Entry, history: HistoryRecorder | null): boolean {
  switch (entry.kind) {
    case 'deliver': {
      const { message } = entry;
      world.inFlight.delete(message.id);
      const lost = lossOf(world, message);
      if (lost !== null) {
        world.note = lost;
        return false;
      }
      world.actor(message.to)?.send({ type: 'message', message });
      history?.delivered(message, world.now, world.step);
      return true;
    }
    case 'timer': {
      const member = world.member(entry.actor);
      if (member.actor === null || member.generation !== entry.generation) return false;
      entry.fire();
      return true;
    }
    case 'issue':
      world.client(entry.client).send({ type: 'issue', operation: entry.operation });
      return true;
    case 'console':
      world.actor(CONSOLE_ID)?.send(entry.command);
      return true;
    case 'fault':
      return false;
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
        requestId: requestOf(entry.message.payload),
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
    case 'fault':
      throw new Error('a fault step is described by faultFacts');
  }
}

/**
 * The request a delivered message belongs to, for the code line. A pushed message carries the
 * publisher's request id, but the subscriber's step is not part of that request.
 */
function requestOf(payload: Payload): number | null {
  return payload.kind === 'cache push' || payload.kind === 'chat message' ? null : payload.requestId;
}

function faultFacts(fault: Fault, { note, requestId }: FaultOutcome): StepFacts {
  return { cause: { kind: 'fault applied', fault }, actor: null, delivered: null, note, requestId };
}
