// The race explorer's contract: what `exploreRace` returns for two operations of a scenario.
import type { Anomaly } from '../sim/trace.ts';

/** One of the two racing operations, as the script gives it. */
export interface RaceOperation {
  /** The operation's request id: its 1-based position in the scenario's script. */
  requestId: number;
  client: string;
  /** The client's label, for people. */
  clientLabel: string;
  op: 'read' | 'write';
  key: string;
}

/**
 * A step where one racing operation touches shared state: a command as it reaches the cache, or a
 * query as it takes effect in the database. Steps elsewhere (a client, an app node) only touch the
 * operation's own state, so their order against the other operation's steps changes nothing.
 */
export interface RaceStep {
  requestId: number;
  /** `cache` or `db`. */
  actor: string;
  /** Short words for a grid cell: `GET`, `SET v1`, `DEL`, `SELECT v1`, `COMMIT v2`. */
  label: string;
}

export type RaceOutcome = 'stale' | 'fresh';

/** One interleaving, run to the end. */
export interface RaceRun {
  /**
   * Which operation took each shared step, by request id, in order: the run's address
   * (`runScenario(scenario, { race: order })` replays it, and the player's `race=` parameter holds it).
   */
  order: number[];
  steps: RaceStep[];
  /** `stale` when the checker found a stale read or a divergence in this run. */
  outcome: RaceOutcome;
  anomalies: Anomaly[];
  /** The first frame with an anomaly (what the player opens at), or null for a fresh run. */
  firstAnomalyStep: number | null;
}

export interface RaceExploration {
  operations: [RaceOperation, RaceOperation];
  /** Every interleaving found, in a fixed order (depth first, the earlier operation first). */
  runs: RaceRun[];
  staleRuns: number;
  /** The bound: at most this many interleavings are run. */
  maxRuns: number;
  /** False when the bound cut the enumeration short (`runs.length === maxRuns` and more were left). */
  complete: boolean;
}

/** Why a scenario's operations cannot be raced, or null when they can. */
export type RaceUnavailable = string | null;

/** The two operations a scenario's race explorer races, or why it has none. */
export type RacePair =
  { ok: true; operations: [RaceOperation, RaceOperation] } | { ok: false; reason: string };

export interface RaceExplorerOptions {
  seed: number;
  /** Request ids of the two operations; by default the scenario's race pair (`racePairOf`). */
  operations?: readonly [number, number] | undefined;
  /** At most this many interleavings are run (default `RACE_MAX_RUNS`). */
  maxRuns?: number | undefined;
}
