// The cache machine's input and context, and the small pieces every part of it uses.
import type { Keyspace, StoredValue } from '../../redis/keyspace.ts';
import { Connection } from '../../redis/pubsub.ts';
import type { Reply } from '../../redis/reply.ts';
import type { Payload } from '../../sim/messages.ts';
import type { ActorInput } from '../actorInput.ts';

export interface CacheInput extends ActorInput {
  /** The cache's memory. Held by reference and changed in place: copying a large keyspace on every
   * command would dominate the run, and frames snapshot it anyway. */
  keyspace: Keyspace;
  /** Where read-through misses are loaded from and write-behind batches are written to. */
  database: string;
  /** How often buffered write-behind writes go to the database, and how many at a time. */
  writeBehind: { flushIntervalMs: number; batchSize: number } | null;
  /** Marks the next timer the cache sets as housekeeping: a run may end while it is pending. */
  housekeeping: () => void;
}

export type CacheCommand = Extract<Payload, { kind: 'cache command' }>;
export type DbResult = Extract<Payload, { kind: 'db result' }>;

/** A write-behind write: acknowledged, in the cache, not yet committed to the database. */
export interface BufferedWrite {
  key: string;
  value: string;
  requestId: number;
}

/** A read-through miss waiting for its row. */
export interface PendingLoad {
  requestId: number;
  from: string;
  key: string;
  ttlSeconds: number;
  ifNewer: boolean;
}

// Everything below is changed in place, like the keyspace: the cache handles every command of a
// run, and copying these per event would cost more than the commands themselves.
export interface CacheContext extends CacheInput {
  /**
   * Each sender's connections, for pub/sub state, by `sender` or `sender/subscriber`: an app node
   * subscribes on a connection of its own, since a RESP2 connection in subscriber mode runs no
   * other commands. Changed in place.
   */
  connections: Map<string, { owner: string; connection: Connection }>;
  /** Whether the next active-expiry sweep is scheduled. */
  sweepArmed: { value: boolean };
  /** Lease tokens handed out and still valid, by key (`lease`). */
  leases: Map<string, number[]>;
  nextLease: { value: number };
  /** Read-through misses waiting for the database, in the order they were asked. */
  loads: PendingLoad[];
  /** Write-behind writes not yet sent to the database, oldest first. */
  unsent: BufferedWrite[];
  /** Write-behind batches sent to the database, waiting for its result. */
  batches: BufferedWrite[][];
  /** Whether the next write-behind flush is scheduled. */
  flushArmed: { value: boolean };
  /**
   * XFetch's Δ, kept beside the value its fill stored (by the stored value, so a key that is
   * deleted or expires takes its Δ with it). Null until the first fill that stores one.
   */
  recomputeTimes: { byValue: WeakMap<StoredValue, number> | null };
}

/** The connection of one sender: subscriptions belong to a client, not to the cache. */
export function connectionOf(context: CacheContext, sender: string, name: 'main' | 'subscriber'): Connection {
  const id = name === 'main' ? sender : `${sender}/${name}`;
  let entry = context.connections.get(id);
  if (entry === undefined) {
    entry = { owner: sender, connection: new Connection() };
    context.connections.set(id, entry);
  }
  return entry.connection;
}

export function reply(
  context: CacheContext,
  to: string,
  payload: Extract<Payload, { kind: 'cache reply' }>,
): void {
  context.outbox({ type: 'send', to, payload });
}

export function push(context: CacheContext, to: string, requestId: number, reply: Reply): void {
  context.outbox({ type: 'send', to, payload: { kind: 'cache push', requestId, reply } });
}

/** Whether a GET of the key would miss (absent, or past its TTL), without touching anything. */
export function isMiss(keyspace: Keyspace, key: string): boolean {
  const existing = keyspace.peek(key);
  return existing === null || keyspace.hasExpired(existing);
}

export function waitingWrites(context: CacheContext): number {
  return context.unsent.length + context.batches.reduce((sum, batch) => sum + batch.length, 0);
}
