import type { RedisPolicy } from '../redis/eviction/policy.ts';
import type { LoadSpec } from '../load/loadSpec.ts';
import type { Strategy } from '../strategies/strategy.ts';
import type { Fault } from './intervention.ts';

/** A latency range in virtual milliseconds; each message draws uniformly from it. */
export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

export interface ClientSpec {
  id: string;
  label: string;
  /** Where this client sends its requests: an app node, or the load balancer (`LOAD_BALANCER_ID`). */
  server: string;
}

export interface AppNodeSpec {
  id: string;
  label: string;
}

export interface LoadBalancerSpec {
  /**
   * `round-robin`: each request to the next node. `sticky`: a client stays on the node it was first
   * sent to while that node is up. `least-connections`: the node with the fewest requests in progress.
   */
  policy: 'round-robin' | 'sticky' | 'least-connections';
}

export interface DatabaseSpec {
  readLatencyMs: number;
  writeLatencyMs: number;
  rows: { key: string; value: string; version: number }[];
}

export interface CacheSpec {
  /** Entries present before the run starts (a warm cache). */
  entries: { key: string; value: string; version: number; ttlSeconds: number | null }[];
  /**
   * A size limit counted in keys, and the Redis policy that makes room when a write goes over it
   * (sampled, as Redis does). Absent: no limit, as Redis with `maxmemory 0`.
   */
  limit?: CacheLimit | undefined;
}

export interface CacheLimit {
  maxKeys: number;
  policy: RedisPolicy;
}

/** An invalidation event, as the outbox stores it and the broker carries it. */
export interface InvalidationEvent {
  eventId: string;
  key: string;
  version: number;
  /** The event format's version; a consumer fails on a schema it does not know (a poison event). */
  schema: number;
}

/** The event-driven pieces: outbox relay, broker topic, dead-letter queue and consumers. */
export interface EventsSpec {
  topic: string;
  /** Deliveries of one event before the broker gives up and moves it to the dead-letter queue. */
  maxAttempts: number;
  /** Wait before redelivering an event the consumer failed. */
  retryDelayMs: number;
  /** Wait for a consumer's answer before delivering the event again. */
  ackTimeoutMs: number;
  consumers: { id: string; label: string; schemas: number[] }[];
  /** Outbox rows present before the run starts, not yet published. */
  outbox: InvalidationEvent[];
}

export type Operation =
  | { atMs: number; client: string; op: 'read'; key: string }
  | { atMs: number; client: string; op: 'write'; key: string; value: string }
  /** Log in as `user`: the app node creates a session and the client keeps its id as a cookie. */
  | { atMs: number; client: string; op: 'login'; user: string }
  /** Open a page that needs the session: the app node looks the session up. */
  | { atMs: number; client: string; op: 'page'; page: string }
  /** Post a chat message to a room; every node subscribed to it pushes it to its own sockets. */
  | { atMs: number; client: string; op: 'chat'; room: string; text: string };

/** A fault the scenario itself applies, at a virtual time. */
export interface TimedFault {
  atMs: number;
  fault: Fault;
}

/** A scenario is data: who is there, how they behave, what the clients do when, and what breaks. */
export interface Scenario {
  id: string;
  title: string;
  summary: string;
  clients: ClientSpec[];
  loadBalancer?: LoadBalancerSpec | undefined;
  appNodes: AppNodeSpec[];
  cache: CacheSpec;
  database: DatabaseSpec;
  strategy: Strategy;
  /** Chat rooms every app node subscribes to (`chat:<room>`) when it starts. */
  chatRooms?: string[] | undefined;
  /** Present for event-driven invalidation (`publish-after-commit` and `outbox`). */
  events?: EventsSpec | undefined;
  /** Latency of every network link, unless `links` overrides it for a pair. */
  network: {
    defaultLatency: LatencyRange;
    links?: { a: string; b: string; latency: LatencyRange }[] | undefined;
  };
  script: Operation[];
  /**
   * Requests drawn by a seeded random process (load/loadSpec.ts), besides the script: arrivals,
   * key popularity, a read/write mix, hot-key bursts and a bulk warm-up. With a load the script
   * may be empty.
   */
  load?: LoadSpec | undefined;
  faults?: TimedFault[] | undefined;
}

/** Fixed ids for the shared tiers, so scenarios and the UI agree on them. */
export const CACHE_ID = 'cache';
export const DATABASE_ID = 'db';
export const LOAD_BALANCER_ID = 'lb';
export const RELAY_ID = 'relay';
export const BROKER_ID = 'broker';
export const DEAD_LETTER_ID = 'dlq';
/** The learner's own redis-cli, added to a run when they type into the console. */
export const CONSOLE_ID = 'console';
