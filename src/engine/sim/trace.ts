// The trace is the contract between the engine and everything that shows a run: the UI replays
// it, the CLI prints it, tests assert on it. Only plain data here (no Maps, no classes), so a trace
// serialises to the same JSON bytes wherever it was computed.
import type { Fault } from './intervention.ts';
import type { ClientOp, Payload } from './messages.ts';
import type { InvalidationEvent } from './scenario.ts';
import type { RaceStep } from '../check/raceTypes.ts';

export type ActorKind =
  | 'client'
  | 'loadBalancer'
  | 'appNode'
  | 'cache'
  | 'database'
  | 'relay'
  | 'broker'
  | 'deadLetterQueue'
  | 'consumer'
  | 'console';

export interface ActorInfo {
  id: string;
  kind: ActorKind;
  label: string;
}

/** A link the network can carry messages over, in both directions. */
export interface EdgeInfo {
  a: string;
  b: string;
}

export type MessageKind = Payload['kind'];

export interface MessageView {
  id: number;
  from: string;
  to: string;
  kind: MessageKind;
  /** What a person would read on the packet, e.g. `GET user:1` or `(nil)`. */
  label: string;
  /** The message's content, as the receiving actor gets it. */
  payload: Payload;
  sendTime: number;
  recvTime: number;
}

export interface CacheRowView {
  key: string;
  value: string;
  /** The version of the database row this value was copied from, when the writer said so. */
  version: number | null;
  /** Milliseconds left before expiry; null for a key without a TTL; 0 or less when expired. */
  ttlRemainingMs: number | null;
  /** For a hash, its fields in order (then `value` reads `field=value …`); absent for a string. */
  fields?: [string, string][];
}

export interface DbRowView {
  key: string;
  value: string;
  version: number;
}

/** A request an app node is working on, and where it is in its handler. */
export interface PendingRequestView {
  requestId: number;
  client: string;
  op: ClientOp;
  key: string;
  phase: string;
}

export interface ActorView {
  /** The XState state value, flattened to a dotted path such as `up.busy`; `down` while crashed. */
  state: string;
  /** Requests in progress, for app nodes; queued or awaited operations for clients. */
  pending: PendingRequestView[];
  /**
   * What else the actor holds that a person should see, as short lines: a node's sessions, a
   * client's cookie, a relay's position, a broker's queue, the dead letters, a consumer's seen ids.
   */
  holds?: string[];
}

/** An invalidation event in the outbox table, and whether the relay has published it yet. */
export interface OutboxRowView extends InvalidationEvent {
  published: boolean;
}

export interface Counters {
  hits: number;
  misses: number;
  dbReads: number;
  dbWrites: number;
}

export interface Narration {
  key: string;
  params: Record<string, string | number>;
}

/** Points at the line of the lesson's code sample that runs at this step (`// step: <marker>`). */
export interface CodeRef {
  marker: string;
}

/**
 * A cache entry, in Redis or in an app node's local cache, that holds an older version than the
 * database has committed: the state of one frame, not yet a verdict (a message on its way may fix it).
 */
export interface StaleEntry {
  /** `cache` for Redis, or the id of the app node whose local cache holds it. */
  where: string;
  /** The key as stored (a versioned key includes its version). */
  key: string;
  /** The database row it copies. */
  rowKey: string;
  cacheVersion: number;
  dbVersion: number;
  sinceTime: number;
  /** When its TTL ends it; null when it has none. */
  expiresAt: number | null;
}

/**
 * A consistency violation the checker found in a run. `step` is the frame where it became visible;
 * `operations` are the request ids of the client operations involved (the read and the write it
 * missed; the write that was lost).
 */
export type Anomaly =
  | {
      kind: 'stale read';
      step: number;
      time: number;
      key: string;
      operations: number[];
      /** The client that read, and what it got. */
      client: string;
      readVersion: number;
      /** The newest version committed before the read began. */
      newestVersion: number;
    }
  | {
      kind: 'lost write';
      step: number;
      time: number;
      key: string;
      operations: number[];
      client: string;
      value: string;
    }
  | {
      kind: 'divergence';
      step: number;
      time: number;
      key: string;
      operations: number[];
      /** `cache` for Redis, or the app node whose local cache disagrees. */
      where: string;
      cacheVersion: number;
      dbVersion: number;
      /** When a TTL ends the disagreement; null when nothing will. */
      until: number | null;
    };

export type AnomalyKind = Anomaly['kind'];

/** One client operation as the checker sees it: when it began and ended, and what it saw. */
export interface OperationRecord {
  requestId: number;
  client: string;
  op: ClientOp;
  key: string;
  /** The value written, or the value read (null for a read that found nothing). */
  value: string | null;
  /** The version read, or the version the write was acknowledged at (null when not known). */
  version: number | null;
  invokedAt: number;
  invokedStep: number;
  /** Null while the operation had no answer when the run ended. */
  completedAt: number | null;
  completedStep: number | null;
  ok: boolean;
}

/** A row version the database committed, and the client request that wrote it, if any. */
export interface CommitRecord {
  key: string;
  value: string;
  version: number;
  time: number;
  step: number;
  requestId: number | null;
}

/** Acknowledged writes the system lost track of (a crash wiped them before they were durable). */
export interface LossRecord {
  requestIds: number[];
  time: number;
  step: number;
}

export interface History {
  operations: OperationRecord[];
  commits: CommitRecord[];
  losses: LossRecord[];
}
export type FrameCause =
  | { kind: 'start' }
  | { kind: 'operation issued'; actor: string }
  | { kind: 'message delivered'; messageId: number; actor: string }
  | { kind: 'timer fired'; actor: string }
  | { kind: 'fault applied'; fault: Fault }
  /** A load's bulk warm-up wrote `keys` keys straight into the cache. */
  | { kind: 'cache warmed'; keys: number }
  | { kind: 'end' };

export interface Frame {
  index: number;
  time: number;
  cause: FrameCause;
  /** The actor that acted in this step; the UI highlights it. */
  actor: string | null;
  /** The message that was delivered in this step, if any (no longer in `inFlight`). */
  delivered: MessageView | null;
  actors: Record<string, ActorView>;
  cache: CacheRowView[];
  /** Each app node's local (L1) cache, by app node id; empty when local caches are off. */
  localCaches: Record<string, CacheRowView[]>;
  db: DbRowView[];
  /** The outbox table (event-driven invalidation); empty otherwise. */
  outbox: OutboxRowView[];
  /** Groups of actors cut off from the rest by a partition. */
  partitions: string[][];
  inFlight: MessageView[];
  narration: Narration;
  code: CodeRef | null;
  counters: Counters;
  /** Entries that disagree with the database at this frame. */
  stale: StaleEntry[];
  /** Anomalies that became visible at this frame (all of them are also in `Trace.anomalies`). */
  anomalies: Anomaly[];
}

export interface Totals extends Counters {
  /** Events delivered to actors: messages, timers and script operations. */
  events: number;
  /** Client operations that completed with a response. */
  requests: number;
  virtualTimeMs: number;
}

export interface Trace {
  scenarioId: string;
  seed: number;
  actors: ActorInfo[];
  edges: EdgeInfo[];
  frames: Frame[];
  totals: Totals;
  /** What the clients did and what the database committed: the checker's input. */
  history: History;
  /** Every anomaly the checker found, in the order they became visible. */
  anomalies: Anomaly[];
  /** How the race went, for a run with a `race` order (see raceScheduler.ts). */
  race?: RaceRecord;
  /** What happened per virtual second, for `record: 'metrics'` runs (frames runs leave it out). */
  series?: MetricsSeries;
}

/** What a metrics run counts, per second and in total. Latencies are client-observed. */
export interface MetricsCounts {
  /** Client operations issued (script and load), whether or not answered yet. */
  issued: number;
  /** Responses that reached their client. */
  requests: number;
  /** Of `requests`, those that failed (a failed write, a 502 or 503 from the load balancer). */
  failed: number;
  /** Redis GETs (and other reads) that found their key, and that did not. */
  hits: number;
  misses: number;
  /** Queries the database ran: selects, and committed updates. */
  dbReads: number;
  dbWrites: number;
  /** Keys Redis evicted for memory, and keys it deleted because their TTL was over (lazily or by its sweep). */
  evictions: number;
  expirations: number;
  /** Keys a bulk warm-up wrote into the cache. */
  warmed: number;
  /** Reads of ids that exist nowhere that the load issued (`load.absent`). */
  absentReads: number;
  /** Database selects that found no row: what penetration costs the database. */
  dbNotFound: number;
  /**
   * Reads answered with an older version than the newest committed before the read was sent: the
   * checker's stale read (check/checker.ts), counted as the run goes.
   */
  staleReads: number;
  /**
   * Time from issue to response of the requests counted in `requests`, in ms, by nearest rank
   * (load/latencyHistogram.ts: exact below 128 ms, within 1.6% above); null when none completed.
   */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** One virtual second: counts of what happened from `startMs` up to (not including) `startMs + 1000`. */
export interface MetricsBucket extends MetricsCounts {
  startMs: number;
}

export interface MetricsSeries {
  /** The width of a bucket in virtual ms: one second. */
  bucketMs: number;
  /** Every second from 0 to the end of the run, empty ones included: as long as the run, however busy. */
  buckets: MetricsBucket[];
  /** The whole run: the buckets' counts summed, and the percentiles of every latency. */
  totals: MetricsCounts;
}

export interface RaceRecord {
  /** Which operation took each shared step, by request id: the order actually run. */
  order: number[];
  steps: RaceStep[];
  /** How many entries of the requested order were followed (fewer when it could not be). */
  followed: number;
  /** At each shared step, the operations that were waiting at one. */
  waiting: number[][];
}
