import { lostWritesIn, sortAnomalies, staleReadsIn } from '../check/checker.ts';
import { HistoryRecorder } from '../check/history.ts';
import { applyFault, lossOf } from './faults.ts';
import { consoleFeeder, scriptFeeder } from './feeders.ts';
import type { ConsoleCommand, Intervention } from './intervention.ts';
import { LoadFeeder } from './loadFeeder.ts';
import { MetricsRecorder } from './metricsRecorder.ts';
import { countersOf, Recorder, type StepFacts } from './recorder.ts';
import { CONSOLE_ID, type Scenario } from './scenario.ts';
import { checkScenario } from './checkScenario.ts';
import { RaceScheduler } from './raceScheduler.ts';
import { factsOf, faultFacts } from './stepFacts.ts';
import type { Trace } from './trace.ts';
import { isHousekeeping, World, type Entry } from './world.ts';

export interface RunOptions {
  /** Any integer from 0 to 2^32 − 1. The same scenario and seed always give the same trace. */
  seed: number;
  /** Faults to apply after given steps; the run is recomputed from the start with them. */
  interventions?: readonly Intervention[];
  /**
   * `frames`: a frame per visible event, for the player. `metrics`: totals and a time series per
   * virtual second (`trace.series`), for speed and for long runs: memory grows with the run's
   * virtual duration, not with its requests.
   */
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
  /**
   * Called every `progressEveryEvents` events (default 10,000) while the run goes: for a worker to
   * report how far a long run is, or a benchmark to sample memory. It must not touch the run.
   */
  onProgress?: ((progress: RunProgress) => void) | undefined;
  progressEveryEvents?: number;
}

export interface RunProgress {
  events: number;
  /** Responses that reached their clients so far. */
  requests: number;
  virtualTimeMs: number;
}

const DEFAULT_MAX_EVENTS = 10_000_000;
const DEFAULT_PROGRESS_EVERY = 10_000;

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
  // A race needs every operation queued from the start; a load is fed as it goes, without end.
  if (scenario.load !== undefined) throw new RangeError('a race cannot be run in a scenario with a load');
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
  const metrics = record === 'metrics' ? new MetricsRecorder(world) : null;
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
  // Fed like the script, one arrival at a time; the warm-up's writes are queued as they come due.
  const load = scenario.load === undefined ? null : new LoadFeeder(world, scenario, scenario.load, seed);
  load?.start();

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
  // Responses that reached a client: `requests` also counts those that reached the load balancer.
  const { onProgress, progressEveryEvents = DEFAULT_PROGRESS_EVERY } = options;
  let untilProgress = progressEveryEvents;
  // The run ends when no work is queued; the cache's expiry sweeps alone do not keep it going.
  for (;;) {
    if (world.pendingWork === 0 && !typeInto.sendLate()) break;
    const entry = race === null ? world.queue.pop() : race.next(world);
    if (entry === undefined) break;
    if (++events > maxEvents)
      throw new Error(`scenario "${scenario.id}" did not settle within ${maxEvents} events`);
    if (onProgress !== undefined && --untilProgress === 0) {
      untilProgress = progressEveryEvents;
      onProgress({ events, requests, virtualTimeMs: world.now });
    }
    if (!isHousekeeping(entry)) world.pendingWork--;
    if (isInput(entry)) world.pendingInputs--;
    // Done with: a late clearTimeout on it must not count it off the pending work a second time.
    entry.cancelled = true;
    // Only a race takes an entry after its time; then it happens now (the clock never runs back).
    if (entry.time > world.now) world.now = entry.time;
    metrics?.reach(world.now);
    world.origin = entry.origin;
    world.step = step + 1;
    world.note = null;
    world.sentThisStep.length = 0;
    if (entry.kind === 'issue' && race === null) feedScript();
    else if (entry.kind === 'arrival') load?.feed();
    if (entry.kind === 'fault') {
      const outcome = applyFault(world, entry.fault, history);
      if (countSteps) recordStep(faultFacts(entry.fault, outcome));
      continue;
    }
    if (entry.kind === 'warm up') {
      const warmed = load!.warm(entry);
      metrics?.warmed(warmed);
      if (countSteps) recordStep(factsOf(world, entry));
      continue;
    }
    const delivered = deliver(world, entry, history);
    race?.stepTaken(world.sentThisStep);
    // A response counts where a client takes it (behind a load balancer it is delivered twice).
    if (
      delivered &&
      entry.kind === 'deliver' &&
      entry.message.payload.kind === 'response' &&
      world.clients.has(entry.message.to)
    ) {
      requests++;
      metrics?.answered(entry.message);
    }
    metrics?.stepTaken(entry);
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
    ...(metrics === null ? {} : { series: metrics.finish() }),
  };
}

/**
 * Entries that come from outside the system (the script, the load, the console, faults): all but
 * messages and timers, which are asked first as they are nearly every entry.
 */
function isInput(entry: Entry): boolean {
  return entry.kind !== 'deliver' && entry.kind !== 'timer';
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
    case 'arrival':
      world.client(entry.client).send({ type: 'arrive', operation: entry.operation });
      return true;
    case 'console':
      world.actor(CONSOLE_ID)?.send(entry.command);
      return true;
    case 'fault':
    case 'warm up':
      return false;
  }
}
