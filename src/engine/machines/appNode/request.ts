import type { Reply } from '../../redis/reply.ts';
import type { ClientOp, Payload, RowResult, SendRequest } from '../../sim/messages.ts';
import type { BloomFilter } from '../../protection/bloomFilter.ts';
import type { PenetrationProtection, StampedeProtection, Strategy } from '../../strategies/strategy.ts';
import type { ActorInput } from '../actorInput.ts';
import type { LocalCache } from './localCache.ts';
import { note } from '../../sim/messages.ts';

export interface AppNodeInput extends ActorInput {
  cache: string;
  database: string;
  /** The broker, for `publish-after-commit` invalidation; null when there is none. */
  broker: string | null;
  strategy: Strategy;
  /** Chat rooms to subscribe to on start (`chat:<room>`). */
  chatRooms: string[];
  /** Clients whose chat socket is open on this node: pushed chat messages go to them. */
  sockets: string[];
  /**
   * A whole number from 0 to `max`, from the run's seeded random: TTL jitter, and XFetch's draw
   * (a 32-bit whole number scaled into (0, 1], see `uniformDraw`).
   */
  jitter: (max: number) => number;
  /**
   * The database's keys, for a Bloom filter (`penetration: bloom-filter`). A node loads its filter
   * from them when it first needs it, after the run has put in all the keys it starts with (a
   * load's too); a restarted node loads a new one. Without them the node keeps no filter.
   */
  databaseKeys?: (() => Iterable<string>) | undefined;
}

export type RequestPhase =
  | 'checking the version'
  | 'checking the cache'
  | 'loading from the database'
  | 'filling the cache'
  | 'recording the version'
  | 'taking the lock'
  | 'waiting for the lock'
  | 'releasing the lock'
  | 'waiting for a load in this node'
  | 'caching the null marker'
  | 'writing the database'
  | 'deleting the key'
  | 'updating the cache'
  | 'publishing the invalidation'
  | 'publishing the event'
  | 'storing the session'
  | 'setting the session expiry'
  | 'reading the session'
  | 'extending the session'
  | 'publishing the chat message';

export interface RequestInProgress {
  requestId: number;
  /** Who sent the request and gets the response: a client, or the load balancer. */
  client: string;
  op: ClientOp;
  /** The row key; the user of a login; the page; the chat room. */
  key: string;
  /** The value a write commits; the session id of a login; the chat text. */
  value: string;
  phase: RequestPhase;
  /** The row as the database returned it, once it has. */
  row: RowResult | null;
  /** With versioned keys: the version the reader looks up. */
  version: number | null;
  /** With leases: the token a miss handed out. */
  lease: number | null;
  /** What a stampede protection keeps about this read; null until one needs it. */
  guard: ReadGuard | null;
}

/** A read's bookkeeping for the stampede protections (see appNode/stampede.ts). */
export interface ReadGuard {
  /** Mutex and stale-while-revalidate: the value this request puts in the lock key. */
  lockToken: string;
  /** Whether this request holds the lock (it must release it before it is done). */
  holdsLock: boolean;
  /** Mutex: how many times it has waited for the lock holder. */
  waits: number;
  /** XFetch: when the SELECT went out, to measure Δ, the time the load takes. */
  loadStartedAt: number;
  /** Stale-while-revalidate: the client has its (stale) answer; the request now refreshes the key. */
  servedStale: boolean;
}

/** A timer a step asks the machine to set (on the virtual clock, as a delayed XState event). */
export type AppNodeTimer =
  { type: 'delete again'; key: string } | { type: 'retry the read'; requestId: number };

export interface Scheduled {
  event: AppNodeTimer;
  delayMs: number;
}

export interface AppNodeContext extends AppNodeInput {
  /**
   * Requests in progress, by request id. Changed in place rather than copied by `assign`: an app
   * node under load holds many requests, every step touches one, and copying them all per event
   * was the largest cost in the engine's benchmark. Frames copy what they show.
   */
  requests: Map<number, RequestInProgress>;
  /** The in-process cache, when the strategy has one. */
  local: LocalCache | null;
  /** Sessions kept in this node's memory (`node-memory`): session id → user. */
  sessions: Map<string, string>;
  /** How many sessions this node has created, for the next id. */
  sessionsCreated: { count: number };
  /** The strategy's protections, `none` when it names none (read on every read). */
  stampede: StampedeProtection;
  penetration: PenetrationProtection;
  /** Whether a step may ask for a timer (a second delete, a wait for the lock holder). */
  setsTimers: boolean;
  /** With `bloom-filter`: the keys this node knows exist, once loaded (see `filterOf`). */
  bloom: { filter: BloomFilter | null } | null;
  /** With `single-flight`: the reads waiting for a load this node has under way, by cache key. */
  sharedLoads: Map<string, RequestInProgress[]> | null;
}

export function send(to: string, payload: Payload): SendRequest {
  return { type: 'send', to, payload };
}

/** What a cache command may carry besides its arguments (versions, leases, read-through, …). */
export type CommandMeta = Omit<Extract<Payload, { kind: 'cache command' }>, 'kind' | 'requestId' | 'argv'>;

/** Sends a command to Redis on behalf of a request (or of the node itself, with request id 0). */
export function command(
  context: AppNodeContext,
  requestId: number,
  argv: string[],
  meta?: CommandMeta,
): void {
  const payload: Payload =
    meta === undefined
      ? { kind: 'cache command', requestId, argv }
      : { kind: 'cache command', requestId, argv, ...meta };
  context.outbox(send(context.cache, payload));
}

export function query(context: AppNodeContext, payload: Extract<Payload, { kind: 'db query' }>): void {
  context.outbox(send(context.database, payload));
}

/**
 * The TTL for a key this node puts in Redis: the strategy's, plus up to `ttlJitterSeconds` drawn
 * per fill. Nothing is drawn without jitter, so such runs draw the same numbers as before it existed.
 */
export function fillTtlSeconds(context: AppNodeContext): number {
  const { ttlSeconds, ttlJitterSeconds } = context.strategy;
  const ttl = ttlJitterSeconds > 0 ? ttlSeconds + context.jitter(ttlJitterSeconds) : ttlSeconds;
  // Stale-while-revalidate keeps keys past their TTL, to be served stale while one reader refreshes.
  const { stampede } = context;
  return stampede.kind === 'stale-while-revalidate' ? ttl + stampede.staleSeconds : ttl;
}

/** Says something about this step, if the run is narrated. */
export function narrate(
  context: AppNodeContext,
  key: string,
  params: Record<string, string | number>,
  code?: string,
): void {
  if (context.narrate) context.outbox(note(key, { app: context.id, ...params }, code));
}

export function respond(
  context: AppNodeContext,
  request: RequestInProgress,
  answer: {
    value: string | null;
    version: number | null;
    source: Extract<Payload, { kind: 'response' }>['source'];
    ok?: boolean;
  },
): void {
  context.requests.delete(request.requestId);
  const { value, version, source, ok = true } = answer;
  context.outbox(
    send(request.client, {
      kind: 'response',
      requestId: request.requestId,
      op: request.op,
      key: request.key,
      value,
      version,
      source,
      ok,
    }),
  );
}

export function advance(request: RequestInProgress, phase: RequestPhase): void {
  request.phase = phase;
}

export type CacheReply = Extract<Payload, { kind: 'cache reply' }>;
export type DbResult = Extract<Payload, { kind: 'db result'; query: 'select' | 'update' }>;

export function bulkValue(reply: Reply): string | null {
  return reply.type === 'bulk' ? reply.value : null;
}

export function isCacheReply(payload: Payload): payload is CacheReply {
  return payload.kind === 'cache reply';
}

export function isRowResult(payload: Payload): payload is DbResult {
  return payload.kind === 'db result' && (payload.query === 'select' || payload.query === 'update');
}

/** The cache key for a row version, with versioned keys (`user:42:email:v3`). */
export function versionedKey(key: string, version: number): string {
  return `${key}:v${version}`;
}

/** The key that holds a row's current version, with versioned keys. */
export function versionPointer(key: string): string {
  return `${key}:version`;
}
