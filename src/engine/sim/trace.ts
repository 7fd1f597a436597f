// The trace is the contract between the engine and everything that shows a run: the UI replays
// it, the CLI prints it, tests assert on it. Only plain data here (no Maps, no classes), so a trace
// serialises to the same JSON bytes wherever it was computed.
import type { Fault } from './intervention.ts';
import type { Payload } from './messages.ts';

export type ActorKind = 'client' | 'appNode' | 'cache' | 'database' | 'console';

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
  op: 'read' | 'write';
  key: string;
  phase: string;
}

export interface ActorView {
  /** The XState state value, flattened to a dotted path such as `up.busy`. */
  state: string;
  /** Requests in progress, for app nodes; queued or awaited operations for clients. */
  pending: PendingRequestView[];
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

/** A consistency problem the engine noticed, e.g. the cache holding an older version than the DB. */
export interface Anomaly {
  kind: 'stale cache entry';
  key: string;
  cacheVersion: number;
  dbVersion: number;
  sinceTime: number;
}

export type FrameCause =
  | { kind: 'start' }
  | { kind: 'operation issued'; actor: string }
  | { kind: 'message delivered'; messageId: number; actor: string }
  | { kind: 'timer fired'; actor: string }
  | { kind: 'fault applied'; fault: Fault }
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
  db: DbRowView[];
  inFlight: MessageView[];
  narration: Narration;
  code: CodeRef | null;
  counters: Counters;
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
}
