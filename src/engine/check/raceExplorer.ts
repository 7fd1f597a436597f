import { RaceScheduler } from '../sim/raceScheduler.ts';
import { raceStartMs, runWith } from '../sim/runScenario.ts';
import type { Operation, Scenario } from '../sim/scenario.ts';
import type { Anomaly } from '../sim/trace.ts';
import type { RaceExploration, RaceExplorerOptions, RaceOperation, RacePair, RaceRun } from './raceTypes.ts';

/**
 * The bound on interleavings run. Two operations with m and n shared steps have at most
 * (m + n)! / (m! n!) of them: the races taught here have 10 to 35; a bound keeps a learner's own
 * Playground configuration from running for long.
 */
export const RACE_MAX_RUNS = 200;

/**
 * The two operations a scenario races: the first two script operations on one key, at least one
 * of them a write, from different clients. Runs with events (broker retries and ack timeouts are
 * timers that would fire at once) or write-behind (the flush is a timer of its own) cannot be raced
 * step by step.
 */
export function racePairOf(scenario: Scenario): RacePair {
  if (scenario.events !== undefined) {
    return {
      ok: false,
      reason:
        'This run has an event broker, whose retries and timeouts depend on time; the race explorer orders steps, not time.',
    };
  }
  if (scenario.strategy.write.kind === 'write-behind') {
    return {
      ok: false,
      reason:
        'With write-behind the cache writes to the database on a timer of its own, so the race explorer cannot order the steps.',
    };
  }
  const { script } = scenario;
  for (let b = 1; b < script.length; b++) {
    for (let a = 0; a < b; a++) {
      if (racing(script[a]!, script[b]!)) {
        return { ok: true, operations: [operationOf(scenario, a + 1), operationOf(scenario, b + 1)] };
      }
    }
  }
  return {
    ok: false,
    reason: 'No two clients in this run read and write the same key, so there is no race to explore.',
  };
}

function racing(a: Operation, b: Operation): boolean {
  if (a.client === b.client) return false;
  if (a.op !== 'read' && a.op !== 'write') return false;
  if (b.op !== 'read' && b.op !== 'write') return false;
  return a.key === b.key && (a.op === 'write' || b.op === 'write');
}

/**
 * Runs every interleaving of two operations' shared steps (see raceScheduler.ts), depth first:
 * each run follows the previous one's order up to its last step where the other operation could
 * have gone instead, and goes the other way there. Each run is checked for stale reads and
 * divergence, like any other.
 */
export function exploreRace(scenario: Scenario, options: RaceExplorerOptions): RaceExploration {
  const { seed, maxRuns = RACE_MAX_RUNS } = options;
  let pair = options.operations;
  if (pair === undefined) {
    const found = racePairOf(scenario);
    if (!found.ok) throw new RangeError(found.reason);
    pair = [found.operations[0].requestId, found.operations[1].requestId];
  }
  const startMs = raceStartMs(scenario, pair);
  const runs: RaceRun[] = [];
  let prefix: number[] = [];
  let complete = false;
  while (runs.length < maxRuns) {
    const race = new RaceScheduler(pair, prefix, startMs);
    const trace = runWith(scenario, { seed, record: 'frames' }, race);
    const anomalies = trace.anomalies.filter(isStale);
    runs.push({
      order: [...race.order],
      steps: race.steps,
      outcome: anomalies.length > 0 ? 'stale' : 'fresh',
      anomalies,
      firstAnomalyStep: anomalies.length > 0 ? Math.min(...anomalies.map((a) => a.step)) : null,
    });
    const next = nextPrefix(race.order, race.waiting);
    if (next === null) {
      complete = true;
      break;
    }
    prefix = next;
  }
  return {
    operations: [operationOf(scenario, pair[0]), operationOf(scenario, pair[1])],
    runs,
    staleRuns: runs.filter((run) => run.outcome === 'stale').length,
    maxRuns,
    complete,
  };
}

/** The order to run next: back to the last step that had another choice, which it takes. */
function nextPrefix(order: readonly number[], waiting: readonly number[][]): number[] | null {
  for (let i = order.length - 1; i >= 0; i--) {
    const options = waiting[i]!;
    const taken = options.indexOf(order[i]!);
    const other = options[taken + 1];
    if (other !== undefined) return [...order.slice(0, i), other];
  }
  return null;
}

function isStale(anomaly: Anomaly): boolean {
  return anomaly.kind === 'stale read' || anomaly.kind === 'divergence';
}

function operationOf(scenario: Scenario, requestId: number): RaceOperation {
  const step = scenario.script[requestId - 1];
  if (step === undefined || (step.op !== 'read' && step.op !== 'write')) {
    throw new RangeError(`request ${requestId} is not a read or a write of this scenario's script`);
  }
  const clientLabel = scenario.clients.find((c) => c.id === step.client)?.label ?? step.client;
  return { requestId, client: step.client, clientLabel, op: step.op, key: step.key };
}
