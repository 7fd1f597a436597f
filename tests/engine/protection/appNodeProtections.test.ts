import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { appNodeMachine, holdingsOf } from '../../../src/engine/machines/appNodeMachine.ts';
import type { Payload } from '../../../src/engine/sim/messages.ts';
import { CACHE_ASIDE, type Strategy } from '../../../src/engine/strategies/strategy.ts';
import { message, record } from '../machines/driver.ts';

// The protections in one app node, driven by hand: what it sends and says for each of them.

const PRODUCTS = Array.from({ length: 10 }, (_, i) => `product:${i + 1}`);

function appNode(strategy: Strategy, databaseKeys?: readonly string[]) {
  const log = record();
  const clock = new SimulatedClock();
  const app = createActor(appNodeMachine, {
    input: {
      outbox: log.outbox,
      id: 'app',
      narrate: true,
      cache: 'cache',
      database: 'db',
      now: () => clock.now(),
      broker: null,
      chatRooms: [],
      sockets: [],
      jitter: () => 0,
      ...(databaseKeys === undefined ? {} : { databaseKeys: () => databaseKeys }),
      strategy,
    },
    clock,
  });
  app.start();
  const read = (requestId: number, key: string) =>
    app.send(message('browser', 'app', { kind: 'read request', requestId, key }));
  const fromCache = (
    requestId: number,
    command: string,
    reply: Extract<Payload, { kind: 'cache reply' }>['reply'],
  ) => app.send(message('cache', 'app', { kind: 'cache reply', requestId, command, reply, version: null }));
  const phases = () => [...app.getSnapshot().context.requests.values()].map((r) => r.phase);
  return { app, clock, read, fromCache, phases, ...log };
}

const NIL = { type: 'bulk', value: null } as const;
const OK = { type: 'status', value: 'OK' } as const;

describe('an app node with a Bloom filter', () => {
  const bloom: Strategy = {
    ...CACHE_ASIDE,
    penetration: { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 0.01 },
  };

  it('answers "not found" for a key it never saw, without a message to the cache or the database', () => {
    const { read, sent, notes, phases } = appNode(bloom, PRODUCTS);
    read(1, 'product:404');
    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      [
        'browser',
        {
          kind: 'response',
          requestId: 1,
          op: 'read',
          key: 'product:404',
          value: null,
          version: null,
          source: 'none',
          ok: true,
        },
      ],
    ]);
    expect(notes.map((n) => [n.key, n.params])).toEqual([
      ['app.read.bloom.absent', { app: 'app', key: 'product:404', hashes: 7 }],
    ]);
    expect(phases()).toEqual([]);
  });

  it('lets a known key and a false positive through to the cache', () => {
    const { read, sent, notes } = appNode(bloom, PRODUCTS);
    read(1, 'product:3');
    read(2, 'product:722');
    expect(sent.map((s) => [s.to, s.payload.kind])).toEqual([
      ['cache', 'cache command'],
      ['cache', 'cache command'],
    ]);
    expect(notes.map((n) => n.key)).toEqual(['app.read.bloom.maybe', 'app.read.bloom.maybe']);
  });

  it('adds a key it writes, so a row created through it is never rejected', () => {
    const { app, read, sent } = appNode(bloom, PRODUCTS);
    app.send(
      message('browser', 'app', { kind: 'write request', requestId: 1, key: 'product:11', value: 'new' }),
    );
    read(2, 'product:11');
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'cache command', argv: ['GET', 'product:11'] });
  });

  it('loads the filter at the first read, and shows m, k, the keys and the formula’s rate', () => {
    const { app, read } = appNode(bloom, PRODUCTS);
    expect(holdingsOf(app.getSnapshot().context)).toEqual([
      "Bloom filter: m = 96 bits, k = 7 hashes, to be loaded with the database's keys",
    ]);
    read(1, 'product:404');
    expect(holdingsOf(app.getSnapshot().context)).toEqual([
      'Bloom filter: m = 96 bits (49 set), k = 7 hashes, 10 keys, false positives ≈ 1.00%',
    ]);
  });

  it('keeps no filter when it is given no database keys', () => {
    const { app, read, sent } = appNode(bloom);
    expect(app.getSnapshot().context.bloom).toBeNull();
    read(1, 'product:404');
    expect(sent.map((s) => s.payload.kind)).toEqual(['cache command']);
  });
});

describe('an app node with a mutex', () => {
  const mutex: Strategy = {
    ...CACHE_ASIDE,
    stampede: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 2 },
  };

  it('tries SET NX PX on a miss, and on (nil) waits 60 ms, then 120 ms, then loads the row itself', () => {
    const { read, fromCache, clock, sent, phases } = appNode(mutex);
    read(7, 'k');
    fromCache(7, 'GET', NIL);
    expect(sent.at(-1)?.payload).toMatchObject({ argv: ['SET', 'lock:k', 'app/7', 'NX', 'PX', '500'] });
    fromCache(7, 'SET', NIL);
    expect(phases()).toEqual(['waiting for the lock']);
    const before = sent.length;
    clock.increment(59);
    expect(sent.length).toBe(before);
    clock.increment(1);
    expect(sent.at(-1)?.payload).toMatchObject({ argv: ['GET', 'k'] });
    fromCache(7, 'GET', NIL);
    fromCache(7, 'SET', NIL);
    clock.increment(119);
    expect(phases()).toEqual(['waiting for the lock']);
    clock.increment(1);
    fromCache(7, 'GET', NIL);
    fromCache(7, 'SET', NIL);
    // Two waits were allowed: the third (nil) makes it load without the lock.
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'db query', query: 'select', key: 'k' });
  });

  it('the winner loads, fills, releases with a compare-and-delete, and only then answers', () => {
    const { app, read, fromCache, sent, notes } = appNode(mutex);
    read(7, 'k');
    fromCache(7, 'GET', NIL);
    fromCache(7, 'SET', OK);
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'db query', query: 'select', key: 'k' });
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 7,
        query: 'select',
        key: 'k',
        row: { value: 'v', version: 1 },
      }),
    );
    fromCache(7, 'SET', OK);
    expect(sent.at(-1)?.payload).toMatchObject({ argv: ['DEL', 'lock:k'], onlyIfValue: 'app/7' });
    fromCache(7, 'DEL', { type: 'integer', value: '1' });
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'response', value: 'v', source: 'database' });
    expect(notes.map((n) => n.key)).toEqual([
      'app.read.start',
      'app.read.lock.try',
      'app.read.lock.won',
      'app.read.fill',
      'app.read.lock.release',
      'app.read.reply.unlocked',
    ]);
  });
});

describe('an app node with single-flight', () => {
  it('shares one SELECT among concurrent misses on a key, and answers them all with its row', () => {
    const { app, read, fromCache, sent, phases } = appNode({
      ...CACHE_ASIDE,
      stampede: { kind: 'single-flight' },
    });
    for (const id of [1, 2, 3]) read(id, 'k');
    for (const id of [1, 2, 3]) fromCache(id, 'GET', NIL);
    expect(sent.filter((s) => s.payload.kind === 'db query')).toHaveLength(1);
    expect(phases()).toEqual([
      'loading from the database',
      'waiting for a load in this node',
      'waiting for a load in this node',
    ]);
    expect(holdingsOf(app.getSnapshot().context)).toEqual(['loading k for 2 more reads']);
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 1,
        query: 'select',
        key: 'k',
        row: { value: 'v', version: 1 },
      }),
    );
    const answers = sent.filter((s) => s.payload.kind === 'response').map((s) => s.payload.requestId);
    expect(answers).toEqual([2, 3]);
    fromCache(1, 'SET', OK);
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'response', requestId: 1, value: 'v' });
  });
});

describe('an app node with XFetch', () => {
  const hit = (ttlMs: number, recomputeMs: number) =>
    message('cache', 'app', {
      kind: 'cache reply',
      requestId: 1,
      command: 'GET',
      reply: { type: 'bulk', value: 'v' },
      version: 1,
      ttlMs,
      recomputeMs,
    });

  it('asks for the TTL with the GET, and keeps the value while −Δ·β·ln(rand) is shorter than the TTL left', () => {
    // jitter() returns 0, so rand = 1/2³² and −ln rand = 22.18: with Δ = 10 ms, β = 1 the lead is 222 ms.
    const { app, read, sent } = appNode({ ...CACHE_ASIDE, stampede: { kind: 'xfetch', beta: 1 } });
    read(1, 'k');
    expect(sent.at(-1)?.payload).toMatchObject({ argv: ['GET', 'k'], withTtl: true });
    app.send(hit(223, 10));
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'response', source: 'cache' });
  });

  it('recomputes early when the lead reaches the expiry, and stores the measured Δ with the new value', () => {
    const { app, clock, read, sent, notes } = appNode({
      ...CACHE_ASIDE,
      stampede: { kind: 'xfetch', beta: 1 },
    });
    read(1, 'k');
    app.send(hit(221, 10));
    expect(sent.at(-1)?.payload).toMatchObject({ kind: 'db query', query: 'select' });
    expect(notes.at(-1)).toMatchObject({ key: 'app.read.xfetch.early', params: { ms: 221, lead: 222 } });
    clock.increment(37);
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 1,
        query: 'select',
        key: 'k',
        row: { value: 'v2', version: 2 },
      }),
    );
    expect(sent.at(-1)?.payload).toMatchObject({ argv: ['SET', 'k', 'v2', 'EX', '30'], recomputeMs: 37 });
  });
});

describe('an app node that reads through the cache', () => {
  it('leaves the load-side protections off: the cache loads the rows', () => {
    const { app, read, sent } = appNode({
      ...CACHE_ASIDE,
      read: 'read-through',
      stampede: { kind: 'xfetch', beta: 1 },
      penetration: { kind: 'null-caching', ttlSeconds: 5 },
    });
    const { stampede, penetration } = app.getSnapshot().context;
    expect([stampede.kind, penetration.kind]).toEqual(['none', 'none']);
    read(1, 'k');
    expect(sent.at(-1)?.payload).not.toHaveProperty('withTtl');
  });
});
