import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { cacheMachine, holdingsOf, pendingWritesOf } from '../../../src/engine/machines/cacheMachine.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import type { Outbox, Payload, SendRequest, StepNote } from '../../../src/engine/sim/messages.ts';
import { message } from './driver.ts';

// The cache alone, driven by hand, with the metadata strategies put on commands: version checks,
// leases, read-through and write-behind; and which of its timers are housekeeping.

type CacheCommand = Extract<Payload, { kind: 'cache command' }>;
type Meta = Omit<CacheCommand, 'kind' | 'requestId' | 'argv'>;

const NIL = { type: 'bulk', value: null };
const OK = { type: 'status', value: 'OK' };

/**
 * A cache on a simulated clock, wrapped the way the engine wraps it: `housekeeping()` marks the
 * next timer set, and every timer is recorded with whether it was marked.
 */
function start(writeBehind: { flushIntervalMs: number; batchSize: number } | null = null) {
  const clock = new SimulatedClock();
  const keyspace = new Keyspace(() => clock.now());
  const sent: SendRequest[] = [];
  const notes: StepNote[] = [];
  const outbox: Outbox = (e) => (e.type === 'send' ? sent.push(e) : notes.push(e));
  const timers: { ms: number; housekeeping: boolean }[] = [];
  let marked = false;
  let housekeepingCalls = 0;
  const engineClock = {
    setTimeout: (fire: () => void, ms: number) => {
      timers.push({ ms, housekeeping: marked });
      marked = false;
      return clock.setTimeout(fire, ms);
    },
    clearTimeout: (id: number) => clock.clearTimeout(id),
  };
  const housekeeping = () => {
    housekeepingCalls++;
    marked = true;
  };
  const cache = createActor(cacheMachine, {
    input: {
      id: 'cache',
      outbox,
      narrate: true,
      now: () => clock.now(),
      keyspace,
      database: 'db',
      writeBehind,
      housekeeping,
    },
    clock: engineClock,
  });
  cache.start();
  const command = (requestId: number, argv: string[], meta: Meta = {}, from = 'app') =>
    cache.send(message(from, 'cache', { kind: 'cache command', requestId, argv, ...meta }));
  const fromDb = (payload: Extract<Payload, { kind: 'db result' }>) =>
    cache.send(message('db', 'cache', payload));
  const holdings = () => holdingsOf(cache.getSnapshot().context);
  const pendingWrites = () => pendingWritesOf(cache.getSnapshot().context);
  return {
    cache,
    clock,
    keyspace,
    sent,
    notes,
    timers,
    command,
    fromDb,
    holdings,
    pendingWrites,
    housekeepingCalls: () => housekeepingCalls,
  };
}

const replies = (sent: SendRequest[]) =>
  sent.map((s) => (s.payload.kind === 'cache reply' ? s.payload.reply : s.payload.kind));

describe('cacheMachine version check (ifNewer)', () => {
  it('stores a SET only over an absent key or an older version, and refuses it with (nil) otherwise', () => {
    const { command, sent, notes, keyspace } = start();
    command(1, ['SET', 'k', 'v3', 'EX', '30'], { version: 3, ifNewer: true });
    command(2, ['SET', 'k', 'v2', 'EX', '30'], { version: 2, ifNewer: true });
    command(3, ['SET', 'k', 'v3again', 'EX', '30'], { version: 3, ifNewer: true });
    expect(keyspace.peek('k')).toMatchObject({ value: 'v3', version: 3 });
    command(4, ['SET', 'k', 'v4', 'EX', '30'], { version: 4, ifNewer: true });

    expect(sent.map((s) => s.payload)).toEqual([
      { kind: 'cache reply', requestId: 1, command: 'SET', reply: OK, version: null },
      { kind: 'cache reply', requestId: 2, command: 'SET', reply: NIL, version: null },
      { kind: 'cache reply', requestId: 3, command: 'SET', reply: NIL, version: null },
      { kind: 'cache reply', requestId: 4, command: 'SET', reply: OK, version: null },
    ]);
    expect(keyspace.peek('k')).toMatchObject({ value: 'v4', version: 4 });
    expect(notes.map((n) => [n.key, n.params])).toEqual([
      ['cache.set.newer', { key: 'k', value: 'v3', version: 3, command: 'SET k v3 EX 30' }],
      ['cache.set.older', { key: 'k', value: 'v2', version: 2, cached: 3, command: 'SET k v2 EX 30' }],
      [
        'cache.set.older',
        { key: 'k', value: 'v3again', version: 3, cached: 3, command: 'SET k v3again EX 30' },
      ],
      ['cache.set.newer', { key: 'k', value: 'v4', version: 4, command: 'SET k v4 EX 30' }],
    ]);
  });

  it('without ifNewer, an older version overwrites a newer one (the race it prevents)', () => {
    const { command, keyspace } = start();
    command(1, ['SET', 'k', 'new'], { version: 5 });
    command(2, ['SET', 'k', 'old'], { version: 4 });
    expect(keyspace.peek('k')).toMatchObject({ value: 'old', version: 4 });
  });
});

describe('cacheMachine leases', () => {
  it('hands out a lease on a miss; a DEL cancels it; a stale lease is refused, a valid one stored once', () => {
    const { command, sent, notes, keyspace, holdings } = start();
    command(1, ['GET', 'k'], { lease: 'request' });
    command(2, ['GET', 'k'], { lease: 'request' }, 'app-b');
    expect(holdings()).toEqual(['leases: k']);
    command(3, ['DEL', 'k']); // the writer's invalidation cancels both leases
    expect(holdings()).toEqual([]);
    command(1, ['SET', 'k', 'old', 'EX', '30'], { lease: 1, version: 1 });
    command(4, ['GET', 'k'], { lease: 'request' });
    command(4, ['SET', 'k', 'new', 'EX', '30'], { lease: 3, version: 2 });
    command(5, ['SET', 'k', 'again', 'EX', '30'], { lease: 3, version: 2 }); // used up
    command(6, ['GET', 'k'], { lease: 'request' }); // a hit hands out nothing

    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      ['app', { kind: 'cache reply', requestId: 1, command: 'GET', reply: NIL, version: null, lease: 1 }],
      ['app-b', { kind: 'cache reply', requestId: 2, command: 'GET', reply: NIL, version: null, lease: 2 }],
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 3,
          command: 'DEL',
          reply: { type: 'integer', value: '0' },
          version: null,
        },
      ],
      ['app', { kind: 'cache reply', requestId: 1, command: 'SET', reply: NIL, version: null }],
      ['app', { kind: 'cache reply', requestId: 4, command: 'GET', reply: NIL, version: null, lease: 3 }],
      ['app', { kind: 'cache reply', requestId: 4, command: 'SET', reply: OK, version: null }],
      ['app', { kind: 'cache reply', requestId: 5, command: 'SET', reply: NIL, version: null }],
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 6,
          command: 'GET',
          reply: { type: 'bulk', value: 'new' },
          version: 2,
        },
      ],
    ]);
    expect(keyspace.peek('k')).toMatchObject({ value: 'new', version: 2 });
    expect(notes.map((n) => [n.key, n.params])).toEqual([
      ['cache.get.miss.lease', { key: 'k', lease: 1, command: 'GET k' }],
      ['cache.get.miss.lease', { key: 'k', lease: 2, command: 'GET k' }],
      ['cache.del.absent.lease', { key: 'k', count: 2, command: 'DEL k' }],
      ['cache.set.lease.refused', { key: 'k', value: 'old', lease: 1, command: 'SET k old EX 30' }],
      ['cache.get.miss.lease', { key: 'k', lease: 3, command: 'GET k' }],
      ['cache.set.lease', { key: 'k', value: 'new', lease: 3, command: 'SET k new EX 30' }],
      ['cache.set.lease.refused', { key: 'k', value: 'again', lease: 3, command: 'SET k again EX 30' }],
      ['cache.get.hit', { key: 'k', value: 'new', command: 'GET k' }],
    ]);
  });

  it('a SET without a lease (a write-through SET, say) cancels the leases of its key', () => {
    const { command, sent, notes, holdings, keyspace } = start();
    command(1, ['GET', 'k'], { lease: 'request' });
    command(2, ['SET', 'k', 'new'], { version: 2 });
    expect(holdings()).toEqual([]);
    command(1, ['SET', 'k', 'stale'], { lease: 1, version: 1 });
    expect(replies(sent)).toEqual([NIL, OK, NIL]);
    expect(keyspace.peek('k')).toMatchObject({ value: 'new', version: 2 });
    expect(notes.map((n) => n.key)).toEqual(['cache.get.miss.lease', 'cache.set', 'cache.set.lease.refused']);
  });

  it('names a DEL that deletes a cached key and cancels a lease', () => {
    const { command, notes, keyspace } = start();
    command(1, ['GET', 'k'], { lease: 'request' });
    keyspace.set('k', 'filled by someone else');
    command(2, ['DEL', 'k']);
    expect(notes.at(-1)).toEqual({
      type: 'note',
      key: 'cache.del.lease',
      params: { key: 'k', count: 1, command: 'DEL k' },
    });
  });
});

describe('cacheMachine read-through', () => {
  it('on a miss, loads the row itself, stores it with its version and TTL, then answers', () => {
    const { command, fromDb, sent, notes, keyspace, holdings, clock } = start();
    clock.increment(500);
    command(5, ['GET', 'k'], { loadOnMiss: { ttlSeconds: 30 } });
    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      ['db', { kind: 'db query', requestId: 5, query: 'select', key: 'k' }],
    ]);
    expect(holdings()).toEqual(['loading: k']);

    fromDb({ kind: 'db result', requestId: 5, query: 'select', key: 'k', row: { value: 'v', version: 4 } });
    expect(sent.slice(1).map((s) => [s.to, s.payload])).toEqual([
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 5,
          command: 'GET',
          reply: { type: 'bulk', value: 'v' },
          version: 4,
        },
      ],
    ]);
    expect(keyspace.peek('k')).toMatchObject({ value: 'v', version: 4, expiresAt: 30_500 });
    expect(holdings()).toEqual([]);

    // A hit answers at once; a row that does not exist is answered (nil) and not cached.
    command(6, ['GET', 'k'], { loadOnMiss: { ttlSeconds: 30 } });
    command(7, ['GET', 'nope'], { loadOnMiss: { ttlSeconds: 30 } });
    fromDb({ kind: 'db result', requestId: 7, query: 'select', key: 'nope', row: null });
    expect(sent.slice(2).map((s) => [s.to, s.payload])).toEqual([
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 6,
          command: 'GET',
          reply: { type: 'bulk', value: 'v' },
          version: 4,
        },
      ],
      ['db', { kind: 'db query', requestId: 7, query: 'select', key: 'nope' }],
      ['app', { kind: 'cache reply', requestId: 7, command: 'GET', reply: NIL, version: null }],
    ]);
    expect(keyspace.peek('nope')).toBeNull();
    expect(notes.map((n) => [n.key, n.params])).toEqual([
      ['cache.get.miss.load', { key: 'k', command: 'GET k' }],
      ['cache.load.fill', { key: 'k', value: 'v', version: 4, ttl: 30, to: 'app' }],
      ['cache.get.hit', { key: 'k', value: 'v', command: 'GET k' }],
      ['cache.get.miss.load', { key: 'nope', command: 'GET nope' }],
      ['cache.load.none', { key: 'nope', to: 'app' }],
    ]);
  });

  it('with ifNewer, keeps a newer value written while the load was out, and answers the loaded one', () => {
    const { command, fromDb, sent, keyspace, notes } = start();
    command(1, ['GET', 'k'], { loadOnMiss: { ttlSeconds: 30 }, ifNewer: true });
    command(2, ['SET', 'k', 'newer', 'EX', '30'], { version: 5, ifNewer: true });
    fromDb({ kind: 'db result', requestId: 1, query: 'select', key: 'k', row: { value: 'old', version: 4 } });
    expect(keyspace.peek('k')).toMatchObject({ value: 'newer', version: 5 });
    expect(sent.at(-1)!.payload).toMatchObject({
      requestId: 1,
      reply: { type: 'bulk', value: 'old' },
      version: 4,
    });
    expect(notes.at(-1)).toMatchObject({ key: 'cache.load.keep', params: { cached: 5, version: 4 } });
  });

  it('a result it no longer waits for changes nothing', () => {
    const { fromDb, sent, notes, keyspace } = start();
    fromDb({ kind: 'db result', requestId: 9, query: 'select', key: 'k', row: { value: 'v', version: 1 } });
    expect(sent).toEqual([]);
    expect(keyspace.size).toBe(0);
    expect(notes.map((n) => n.key)).toEqual(['cache.db.forgotten']);
  });
});

describe('cacheMachine write-behind', () => {
  it('acknowledges at once, buffers, and flushes batches of batchSize, oldest first, at the interval', () => {
    const { command, fromDb, sent, notes, keyspace, clock, timers, holdings, pendingWrites } = start({
      flushIntervalMs: 1000,
      batchSize: 2,
    });
    command(1, ['SET', 'a', '1'], { writeBehind: true });
    command(2, ['SET', 'b', '2'], { writeBehind: true });
    clock.increment(300);
    command(3, ['SET', 'c', '3'], { writeBehind: true });
    expect(replies(sent)).toEqual([OK, OK, OK]);
    expect(pendingWrites()).toEqual([1, 2, 3]);
    expect(holdings()).toEqual(['write-behind buffer: 3 writes']);
    expect(timers).toEqual([{ ms: 1000, housekeeping: false }]); // one flush timer, and it is work

    clock.increment(699);
    expect(sent).toHaveLength(3);
    clock.increment(1); // t = 1000: the first batch
    const batch = (rows: { key: string; value: string; requestId: number }[]) => ({
      kind: 'db query',
      requestId: 0,
      query: 'update batch',
      rows,
    });
    expect(sent.slice(3).map((s) => [s.to, s.payload])).toEqual([
      [
        'db',
        batch([
          { key: 'a', value: '1', requestId: 1 },
          { key: 'b', value: '2', requestId: 2 },
        ]),
      ],
    ]);
    // Sent, not yet committed: still buffered, but a crash would not lose it.
    expect(holdings()).toEqual(['write-behind buffer: 3 writes']);
    expect(pendingWrites()).toEqual([3]);

    clock.increment(1000); // t = 2000: the rest
    expect(sent.slice(4).map((s) => s.payload)).toEqual([batch([{ key: 'c', value: '3', requestId: 3 }])]);
    expect(pendingWrites()).toEqual([]);
    expect(timers).toHaveLength(2); // nothing waits to be sent: no third flush armed

    command(4, ['SET', 'b', 'changed']); // an ordinary SET after the flush
    // The second batch commits first (results can overtake): matched by its rows.
    fromDb({
      kind: 'db result',
      requestId: 0,
      query: 'update batch',
      rows: [{ key: 'c', value: '3', version: 1 }],
    });
    expect(holdings()).toEqual(['write-behind buffer: 2 writes']);
    fromDb({
      kind: 'db result',
      requestId: 0,
      query: 'update batch',
      rows: [
        { key: 'a', value: '1', version: 1 },
        { key: 'b', value: '2', version: 7 },
      ],
    });
    expect(holdings()).toEqual([]);
    // Committed versions go on keys that still hold the committed value.
    expect(keyspace.peek('a')).toMatchObject({ value: '1', version: 1 });
    expect(keyspace.peek('b')).toMatchObject({ value: 'changed', version: null });
    expect(keyspace.peek('c')).toMatchObject({ value: '3', version: 1 });

    clock.increment(10_000);
    expect(sent).toHaveLength(6); // no more batches
    expect(notes.map((n) => [n.key, n.params])).toEqual([
      ['cache.set.writeBehind', { key: 'a', value: '1', count: 1, command: 'SET a 1' }],
      ['cache.set.writeBehind', { key: 'b', value: '2', count: 2, command: 'SET b 2' }],
      ['cache.set.writeBehind', { key: 'c', value: '3', count: 3, command: 'SET c 3' }],
      ['cache.writeBehind.flush', { count: 2, keys: 'a, b', waiting: 1 }],
      ['cache.writeBehind.flush.last', { count: 1, keys: 'c', waiting: 0 }],
      ['cache.set', { key: 'b', value: 'changed', command: 'SET b changed' }],
      ['cache.writeBehind.committed', { count: 1, keys: 'c', waiting: 2 }],
      ['cache.writeBehind.committed.last', { count: 2, keys: 'a, b', waiting: 0 }],
    ]);
  });

  it('arms the flush again for a write that arrives after the buffer emptied', () => {
    const { command, sent, clock, timers } = start({ flushIntervalMs: 500, batchSize: 10 });
    command(1, ['SET', 'a', '1'], { writeBehind: true });
    clock.increment(500);
    clock.increment(5000);
    command(2, ['SET', 'a', '2'], { writeBehind: true });
    clock.increment(499);
    expect(sent.filter((s) => s.payload.kind === 'db query')).toHaveLength(1);
    clock.increment(1);
    expect(sent.filter((s) => s.payload.kind === 'db query').map((s) => s.payload)).toEqual([
      {
        kind: 'db query',
        requestId: 0,
        query: 'update batch',
        rows: [{ key: 'a', value: '1', requestId: 1 }],
      },
      {
        kind: 'db query',
        requestId: 0,
        query: 'update batch',
        rows: [{ key: 'a', value: '2', requestId: 2 }],
      },
    ]);
    expect(timers).toEqual([
      { ms: 500, housekeeping: false },
      { ms: 500, housekeeping: false },
    ]);
  });
});

describe('cacheMachine housekeeping', () => {
  it('marks each sweep timer as housekeeping, right before scheduling it, and never the flush', () => {
    const { command, clock, timers, housekeepingCalls, notes } = start({
      flushIntervalMs: 1000,
      batchSize: 5,
    });
    expect(housekeepingCalls()).toBe(0); // no TTLs at the start: no sweep
    // One command arms both timers in one step: the sweep must be the marked one.
    command(1, ['SET', 'a', '1', 'PX', '150'], { writeBehind: true });
    expect(timers).toEqual([
      { ms: 100, housekeeping: true },
      { ms: 1000, housekeeping: false },
    ]);
    expect(housekeepingCalls()).toBe(1);
    clock.increment(100); // a sweep that finds nothing arms the next one
    expect(timers.slice(2)).toEqual([{ ms: 100, housekeeping: true }]);
    clock.increment(100); // this one deletes the key: no TTLs left, no more sweeps
    expect(notes.at(-1)).toMatchObject({ key: 'cache.expire.active', params: { keys: 'a', count: 1 } });
    expect(housekeepingCalls()).toBe(2);
    clock.increment(800); // the flush, which is work
    expect(timers).toHaveLength(3);
    command(2, ['SET', 'b', '2', 'EX', '10']);
    expect(timers.slice(3)).toEqual([{ ms: 100, housekeeping: true }]);
    expect(housekeepingCalls()).toBe(3);
  });

  it('a read-through fill with a TTL arms the sweep, marked', () => {
    const { command, fromDb, timers, housekeepingCalls } = start();
    command(1, ['GET', 'k'], { loadOnMiss: { ttlSeconds: 30 } });
    expect(timers).toEqual([]);
    fromDb({ kind: 'db result', requestId: 1, query: 'select', key: 'k', row: { value: 'v', version: 1 } });
    expect(timers).toEqual([{ ms: 100, housekeeping: true }]);
    expect(housekeepingCalls()).toBe(1);
  });
});
