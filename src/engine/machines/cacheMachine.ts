import { enqueueActions, setup } from 'xstate';
import { ACTIVE_EXPIRE_PERIOD_MS } from '../redis/activeExpiry.ts';
import { executeCommand } from '../redis/commands.ts';
import type { Keyspace } from '../redis/keyspace.ts';
import { Connection } from '../redis/pubsub.ts';
import { bulk, NIL, type Reply } from '../redis/reply.ts';
import { BACKGROUND_REQUEST } from '../sim/events.ts';
import type { DeliveryEvent, Payload, StepNote } from '../sim/messages.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

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

type CacheCommand = Extract<Payload, { kind: 'cache command' }>;
type DbResult = Extract<Payload, { kind: 'db result' }>;

/** A write-behind write: acknowledged, in the cache, not yet committed to the database. */
interface BufferedWrite {
  key: string;
  value: string;
  requestId: number;
}

/** A read-through miss waiting for its row. */
interface PendingLoad {
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
}

type SweepEvent = { type: 'active expiry' };
type FlushEvent = { type: 'write-behind flush' };
/** The engine tells the cache when a client of it crashed: its connections are gone. */
export type ConnectionsClosed = { type: 'connections closed'; owner: string };

/**
 * A Redis-like cache: runs each command on arrival (Redis answers in microseconds) and replies.
 * While any key has a TTL it sweeps expired keys every 100 ms of virtual time, as Redis does in
 * the background; with no TTLs left it schedules nothing, so a run can end.
 *
 * Commands may carry simulation metadata for strategies Redis does not have built in: a version
 * check (`ifNewer`), memcache leases, read-through loads and write-behind buffering.
 */
export const cacheMachine = setup({
  types: {
    input: {} as CacheInput,
    context: {} as CacheContext,
    events: {} as DeliveryEvent | SweepEvent | FlushEvent | ConnectionsClosed,
  },
  guards: {
    // Arming timers is a separate action, needed only while one is not armed (rarely, under load).
    'no timer to arm': ({ context, event }) =>
      context.sweepArmed.value && (context.flushArmed.value || !startsWriteBehind(event)),
  },
  actions: {
    // One plain action per message, as it runs for every command the cache receives.
    // A crashed process's connections close, and Redis forgets their subscriptions.
    'close the connections': ({ context, event }) => {
      if (event.type !== 'connections closed') return;
      for (const [id, { owner, connection }] of context.connections) {
        if (owner !== event.owner) continue;
        context.keyspace.pubsub.unsubscribe(connection, null);
        context.keyspace.pubsub.punsubscribe(connection, null);
        context.connections.delete(id);
      }
    },
    'handle the message': ({ context, event }) => {
      if (event.type !== 'message') throw new Error('cache: a timer is not a message');
      const { from, payload } = event.message;
      if (payload.kind === 'cache command') answerCommand(context, from, payload);
      else if (payload.kind === 'db result') takeDatabaseResult(context, payload);
      else throw new Error(`cache cannot handle ${payload.kind}`);
    },
    // The sweep is housekeeping (the engine may end a run while it is pending); the flush is work,
    // armed only while writes wait to be sent. `housekeeping()` marks the next timer set, so it is
    // called right before the sweep's (delayed raises are scheduled in order, after the actions).
    'arm the timers': enqueueActions(({ context, enqueue }) => {
      if (!context.sweepArmed.value && context.keyspace.hasVolatileKeys) {
        context.sweepArmed.value = true;
        enqueue(() => context.housekeeping());
        enqueue.raise({ type: 'active expiry' }, { delay: ACTIVE_EXPIRE_PERIOD_MS });
      }
      const { writeBehind } = context;
      if (!context.flushArmed.value && writeBehind !== null && context.unsent.length > 0) {
        context.flushArmed.value = true;
        enqueue.raise({ type: 'write-behind flush' }, { delay: writeBehind.flushIntervalMs });
      }
    }),
    'delete expired keys': ({ context }) => {
      context.sweepArmed.value = false;
      const deleted = context.keyspace.activeExpireCycle();
      // Said even when not narrating: a sweep that deletes is a visible step in every mode (the
      // run loop skips silent timer steps), so frames and metrics runs count steps alike.
      if (deleted.length > 0) {
        context.outbox(note('cache.expire.active', { keys: deleted.join(', '), count: deleted.length }));
      }
    },
    'send a batch of writes': ({ context }) => {
      context.flushArmed.value = false;
      const size = context.writeBehind?.batchSize ?? context.unsent.length;
      const batch = context.unsent.splice(0, Math.max(1, size));
      context.batches.push(batch);
      if (context.narrate) {
        const params = { count: batch.length, keys: keysOf(batch), waiting: context.unsent.length };
        context.outbox(
          note(params.waiting === 0 ? 'cache.writeBehind.flush.last' : 'cache.writeBehind.flush', params),
        );
      }
      context.outbox({
        type: 'send',
        to: context.database,
        payload: {
          kind: 'db query',
          requestId: BACKGROUND_REQUEST,
          query: 'update batch',
          rows: batch.map(({ key, value, requestId }) => ({ key, value, requestId })),
        },
      });
    },
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => ({
    ...input,
    connections: new Map(),
    sweepArmed: { value: false },
    leases: new Map(),
    nextLease: { value: 1 },
    loads: [],
    unsent: [],
    batches: [],
    flushArmed: { value: false },
  }),
  initial: 'up',
  states: {
    up: {
      entry: 'arm the timers',
      on: {
        message: [
          { guard: 'no timer to arm', actions: 'handle the message' },
          { actions: ['handle the message', 'arm the timers'] },
        ],
        'active expiry': { actions: ['delete expired keys', 'arm the timers'] },
        'write-behind flush': { actions: ['send a batch of writes', 'arm the timers'] },
        'connections closed': { actions: 'close the connections' },
      },
    },
  },
});

/** What the cache holds besides its keys, as short lines for a person to read. */
export function holdingsOf(context: CacheContext): string[] {
  const lines: string[] = [];
  const writes = context.unsent.length + context.batches.reduce((sum, batch) => sum + batch.length, 0);
  if (writes > 0) lines.push(`write-behind buffer: ${writes} ${writes === 1 ? 'write' : 'writes'}`);
  if (context.leases.size > 0) lines.push(`leases: ${[...context.leases.keys()].join(', ')}`);
  if (context.loads.length > 0) lines.push(`loading: ${context.loads.map((l) => l.key).join(', ')}`);
  return lines;
}

/**
 * Request ids of the acknowledged write-behind writes a crash would lose: those not yet sent to the
 * database. A batch already sent commits whether or not the cache survives to hear about it.
 */
export function pendingWritesOf(context: CacheContext): number[] {
  return context.unsent.map((write) => write.requestId);
}

function startsWriteBehind(event: DeliveryEvent | SweepEvent | FlushEvent | ConnectionsClosed): boolean {
  return (
    event.type === 'message' &&
    event.message.payload.kind === 'cache command' &&
    event.message.payload.writeBehind === true
  );
}

// ── Commands ────────────────────────────────────────────────────────────────────────────────

/** Describe (before the command changes the keyspace), check the metadata, run, reply. */
function answerCommand(context: CacheContext, from: string, payload: CacheCommand): void {
  const { keyspace } = context;
  const { requestId, argv } = payload;
  const command = (argv[0] ?? '').toUpperCase();
  const key = argv[1] ?? '';
  const refusal = command === 'SET' ? refusalOf(context, payload) : null;
  if (refusal !== null) {
    // Like SET NX that finds the key: nothing stored, (nil) returned.
    if (context.narrate) context.outbox(refusal);
    reply(context, from, { kind: 'cache reply', requestId, command, reply: NIL, version: null });
    return;
  }
  // Whether a GET misses matters only to describe it, to load on a miss or to hand out a lease:
  // a plain GET under load skips the extra lookup.
  const missMatters = context.narrate || payload.loadOnMiss !== undefined || payload.lease === 'request';
  const miss = missMatters && command === 'GET' && argv.length === 2 && isMiss(keyspace, key);
  if (context.narrate) {
    const said = describeWithMetadata(context, payload, miss);
    // A command without a sentence of its own says who sent it.
    context.outbox(
      said.key === 'cache.command' ? note('cache.command.from', { ...said.params, from }) : said,
    );
  }
  const connection = connectionOf(context, from, payload.connection ?? 'main');
  const result = executeCommand(keyspace, argv, { connection, version: payload.version });
  const { version } = result;

  if (miss && payload.loadOnMiss !== undefined) {
    const { ttlSeconds } = payload.loadOnMiss;
    context.loads.push({ requestId, from, key, ttlSeconds, ifNewer: payload.ifNewer === true });
    context.outbox({
      type: 'send',
      to: context.database,
      payload: { kind: 'db query', requestId, query: 'select', key },
    });
    return;
  }
  const lease = miss && payload.lease === 'request' ? grantLease(context, key) : undefined;
  if (command === 'SET' && result.reply?.type === 'status') {
    if (typeof payload.lease === 'number') removeLease(context, key, payload.lease);
    else context.leases.delete(key);
    if (payload.writeBehind === true) bufferWrite(context, key, argv[2] ?? '', requestId);
  } else if (command === 'DEL' || command === 'UNLINK') {
    for (const deleted of argv.slice(1)) context.leases.delete(deleted);
  } else if (command === 'FLUSHALL' || command === 'FLUSHDB') {
    context.leases.clear();
  }

  // SUBSCRIBE and its kin answer on the connection, one confirmation per channel: the first is
  // the reply, the others follow as pushes.
  const pushed = result.reply === null ? connection.drain() : null;
  const answer = result.reply ?? pushed?.[0] ?? NIL;
  reply(
    context,
    from,
    lease === undefined
      ? { kind: 'cache reply', requestId, command, reply: answer, version }
      : { kind: 'cache reply', requestId, command, reply: answer, version, lease },
  );
  for (const later of pushed?.slice(1) ?? []) push(context, from, requestId, later);
  if (command === 'PUBLISH') {
    for (const { owner, connection: other } of context.connections.values()) {
      for (const message of other.drain()) push(context, owner, requestId, message);
    }
  }
}

/** Why a SET must not be stored (a spent or cancelled lease; a newer version held), or null. */
function refusalOf(context: CacheContext, payload: CacheCommand): StepNote | null {
  const [, key = '', value = ''] = payload.argv;
  const command = payload.argv.join(' ');
  if (typeof payload.lease === 'number') {
    const valid = context.leases.get(key)?.includes(payload.lease) ?? false;
    if (!valid) return note('cache.set.lease.refused', { key, value, lease: payload.lease, command });
  }
  if (payload.ifNewer === true && payload.version !== undefined) {
    const held = context.keyspace.find(key);
    if (held !== undefined && held.version !== null && held.version >= payload.version) {
      return note('cache.set.older', { key, value, version: payload.version, cached: held.version, command });
    }
  }
  return null;
}

function describeWithMetadata(context: CacheContext, payload: CacheCommand, miss: boolean): StepNote {
  const { argv } = payload;
  const [name = '', key = '', value = ''] = argv;
  const command = argv.join(' ');
  const upper = name.toUpperCase();
  if (miss && payload.loadOnMiss !== undefined) return note('cache.get.miss.load', { key, command });
  if (miss && payload.lease === 'request') {
    return note('cache.get.miss.lease', { key, lease: context.nextLease.value, command });
  }
  if (upper === 'SET') {
    if (typeof payload.lease === 'number')
      return note('cache.set.lease', { key, value, lease: payload.lease, command });
    if (payload.ifNewer === true && payload.version !== undefined) {
      return note('cache.set.newer', { key, value, version: payload.version, command });
    }
    if (payload.writeBehind === true) {
      return note('cache.set.writeBehind', { key, value, count: waitingWrites(context) + 1, command });
    }
  }
  if (upper === 'DEL' && argv.length === 2) {
    const count = context.leases.get(key)?.length ?? 0;
    if (count > 0) {
      const held = !isMiss(context.keyspace, key);
      return note(held ? 'cache.del.lease' : 'cache.del.absent.lease', { key, count, command });
    }
  }
  return describeCommand(context.keyspace, argv);
}

function grantLease(context: CacheContext, key: string): number {
  const token = context.nextLease.value++;
  const held = context.leases.get(key);
  if (held === undefined) context.leases.set(key, [token]);
  else held.push(token);
  return token;
}

function removeLease(context: CacheContext, key: string, token: number): void {
  const held = context.leases.get(key)?.filter((t) => t !== token) ?? [];
  if (held.length > 0) context.leases.set(key, held);
  else context.leases.delete(key);
}

function bufferWrite(context: CacheContext, key: string, value: string, requestId: number): void {
  if (context.writeBehind === null) throw new Error('cache: a write-behind SET, but write-behind is off');
  context.unsent.push({ key, value, requestId });
}

function waitingWrites(context: CacheContext): number {
  return context.unsent.length + context.batches.reduce((sum, batch) => sum + batch.length, 0);
}

// ── Database results (read-through loads, write-behind batches) ───────────────────────────

function takeDatabaseResult(context: CacheContext, payload: DbResult): void {
  if (payload.query === 'select') finishLoad(context, payload.requestId, payload.key, payload.row);
  else if (payload.query === 'update batch') finishBatch(context, payload.rows);
  else throw new Error(`cache cannot handle a db result for ${payload.query}`);
}

function finishLoad(
  context: CacheContext,
  requestId: number,
  key: string,
  row: { value: string; version: number } | null,
): void {
  const index = context.loads.findIndex((load) => load.requestId === requestId && load.key === key);
  const load = context.loads[index];
  if (load === undefined) {
    if (context.narrate) context.outbox(note('cache.db.forgotten', { key }));
    return;
  }
  context.loads.splice(index, 1);
  const to = load.from;
  if (row === null) {
    if (context.narrate) context.outbox(note('cache.load.none', { key, to }));
    reply(context, to, { kind: 'cache reply', requestId, command: 'GET', reply: NIL, version: null });
    return;
  }
  const { value, version } = row;
  const held = load.ifNewer ? context.keyspace.find(key) : undefined;
  const newer = held !== undefined && held.version !== null && held.version >= version;
  if (context.narrate) {
    context.outbox(
      newer
        ? note('cache.load.keep', { key, value, version, cached: held.version ?? 0, to })
        : note('cache.load.fill', { key, value, version, ttl: load.ttlSeconds, to }),
    );
  }
  if (!newer) {
    executeCommand(context.keyspace, ['SET', key, value, 'EX', String(load.ttlSeconds)], { version });
    context.leases.delete(key);
  }
  reply(context, to, { kind: 'cache reply', requestId, command: 'GET', reply: bulk(value), version });
}

/** A batch committed: its writes leave the buffer, and keys still holding them get the versions. */
function finishBatch(context: CacheContext, rows: { key: string; value: string; version: number }[]): void {
  const index = context.batches.findIndex(
    (batch) =>
      batch.length === rows.length &&
      batch.every((write, i) => write.key === rows[i]?.key && write.value === rows[i]?.value),
  );
  if (index < 0) {
    if (context.narrate) context.outbox(note('cache.db.forgotten', { key: keysOf(rows) }));
    return;
  }
  context.batches.splice(index, 1);
  for (const { key, value, version } of rows) {
    const entry = context.keyspace.find(key);
    if (entry !== undefined && entry.type === 'string' && entry.value === value) entry.version = version;
  }
  if (context.narrate) {
    const params = { count: rows.length, keys: keysOf(rows), waiting: waitingWrites(context) };
    context.outbox(
      note(params.waiting === 0 ? 'cache.writeBehind.committed.last' : 'cache.writeBehind.committed', params),
    );
  }
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** The connection of one sender: subscriptions belong to a client, not to the cache. */
function connectionOf(context: CacheContext, sender: string, name: 'main' | 'subscriber'): Connection {
  const id = name === 'main' ? sender : `${sender}/${name}`;
  let entry = context.connections.get(id);
  if (entry === undefined) {
    entry = { owner: sender, connection: new Connection() };
    context.connections.set(id, entry);
  }
  return entry.connection;
}

function reply(context: CacheContext, to: string, payload: Extract<Payload, { kind: 'cache reply' }>): void {
  context.outbox({ type: 'send', to, payload });
}

function push(context: CacheContext, to: string, requestId: number, reply: Reply): void {
  context.outbox({ type: 'send', to, payload: { kind: 'cache push', requestId, reply } });
}

/** Whether a GET of the key would miss (absent, or past its TTL), without touching anything. */
function isMiss(keyspace: Keyspace, key: string): boolean {
  const existing = keyspace.peek(key);
  return existing === null || keyspace.hasExpired(existing);
}

function keysOf(writes: readonly { key: string }[]): string {
  return writes.map((write) => write.key).join(', ');
}

function describeCommand(keyspace: Keyspace, argv: readonly string[]): StepNote {
  const [name = '', key = ''] = argv;
  const command = name.toUpperCase();
  const existing = keyspace.peek(key);
  const line = argv.join(' ');
  // Specific sentences for the forms the app nodes send; anything else (typed into the console,
  // say) is described as what it is.
  if (command === 'GET' && argv.length === 2) {
    if (existing === null) return note('cache.get.miss', { key, command: line });
    if (keyspace.hasExpired(existing)) {
      return note('cache.get.expired', { key, command: line });
    }
    return note('cache.get.hit', { key, value: existing.value, command: line });
  }
  if (command === 'SET' && argv.length === 3) {
    return note('cache.set', { key, value: argv[2] ?? '', command: line });
  }
  if (command === 'SET' && argv.length === 5 && argv[3]?.toUpperCase() === 'EX') {
    return note('cache.set.ttl', { key, value: argv[2] ?? '', ttl: argv[4] ?? '', command: line });
  }
  if (command === 'DEL' && argv.length === 2) {
    return existing === null || keyspace.hasExpired(existing)
      ? note('cache.del.absent', { key, command: line })
      : note('cache.del', { key, command: line });
  }
  return note('cache.command', { command: line, reply: '' });
}
