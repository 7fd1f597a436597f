import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { appNodeMachine } from '../../../src/engine/machines/appNodeMachine.ts';
import { cacheMachine } from '../../../src/engine/machines/cacheMachine.ts';
import { clientMachine } from '../../../src/engine/machines/clientMachine.ts';
import { databaseMachine } from '../../../src/engine/machines/databaseMachine.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import type { Payload } from '../../../src/engine/sim/messages.ts';
import { RowStore } from '../../../src/engine/sim/rowStore.ts';
import { CACHE_ASIDE } from '../../../src/engine/strategies/strategy.ts';
import { record, message } from './driver.ts';

// Each machine alone, driven by hand: we send it events and assert the state path it takes and
// what it hands its outbox (messages to send, notes), the way tldraw tests its tools.

/** The cache's input apart from its outbox; its sweeps are housekeeping, which only the engine counts. */
const cacheInput = (keyspace: Keyspace) => ({
  id: 'cache',
  now: () => 0,
  keyspace,
  database: 'db',
  writeBehind: null,
  housekeeping: () => {},
});

describe('clientMachine', () => {
  it('goes idle → waiting → idle, and queues an operation issued while waiting', () => {
    const { outbox, sent, notes } = record();
    const client = createActor(clientMachine, {
      input: { outbox, id: 'browser', server: 'app', narrate: true, now: () => 0 },
    });
    client.start();
    expect(client.getSnapshot().value).toBe('idle');

    client.send({ type: 'issue', operation: { requestId: 1, op: 'read', key: 'k' } });
    expect(client.getSnapshot().value).toBe('waiting');
    client.send({ type: 'issue', operation: { requestId: 2, op: 'write', key: 'k', value: 'v' } });
    expect(client.getSnapshot().context.queued).toHaveLength(1);
    expect(sent.map((s) => s.payload.kind)).toEqual(['read request']);

    const reply: Payload = {
      kind: 'response',
      requestId: 1,
      op: 'read',
      key: 'k',
      value: 'x',
      version: 1,
      source: 'cache',
      ok: true,
    };
    client.send(message('app', 'browser', reply));
    expect(client.getSnapshot().value).toBe('waiting');
    expect(sent.map((s) => s.payload.kind)).toEqual(['read request', 'write request']);

    const ack: Payload = {
      kind: 'response',
      requestId: 2,
      op: 'write',
      key: 'k',
      value: 'v',
      version: 2,
      source: 'database',
      ok: true,
    };
    client.send(message('app', 'browser', ack));
    expect(client.getSnapshot().value).toBe('idle');
    expect(notes.map((n) => n.key)).toEqual([
      'client.read.send',
      'client.queue',
      'client.read.done',
      'client.write.send',
      'client.write.done',
    ]);
  });

  it('says nothing when narration is off, but still sends', () => {
    const { outbox, sent, notes } = record();
    const client = createActor(clientMachine, {
      input: { outbox, id: 'browser', server: 'app', narrate: false, now: () => 0 },
    });
    client.start();
    client.send({ type: 'issue', operation: { requestId: 1, op: 'read', key: 'k' } });
    expect(sent).toHaveLength(1);
    expect(notes).toEqual([]);
  });
});

describe('databaseMachine', () => {
  it('is busy while a query runs and answers after its latency, on the given clock', () => {
    const clock = new SimulatedClock();
    const rows = new RowStore([{ key: 'k', value: 'old', version: 1 }]);
    const { outbox, sent } = record();
    const db = createActor(databaseMachine, {
      input: {
        outbox,
        id: 'db',
        narrate: true,
        now: () => 0,
        rows,
        readLatencyMs: 8,
        writeLatencyMs: 20,
        relay: null,
      },
      clock,
    });
    db.start();
    db.send(
      message('app', 'db', { kind: 'db query', requestId: 1, query: 'update', key: 'k', value: 'new' }),
    );
    db.send(message('app', 'db', { kind: 'db query', requestId: 2, query: 'select', key: 'k' }));
    expect(db.getSnapshot().value).toBe('busy');

    clock.increment(8); // the read finishes first and sees what is committed: the old row
    expect(sent.map((s) => s.payload)).toEqual([
      { kind: 'db result', requestId: 2, query: 'select', key: 'k', row: { value: 'old', version: 1 } },
    ]);
    expect(db.getSnapshot().value).toBe('busy');

    clock.increment(12);
    expect(sent[1]!.payload).toEqual({
      kind: 'db result',
      requestId: 1,
      query: 'update',
      key: 'k',
      row: { value: 'new', version: 2 },
    });
    expect(db.getSnapshot().value).toBe('idle');
    expect(rows.stats).toEqual({ reads: 1, notFound: 0, writes: 1 });
  });
});

describe('cacheMachine', () => {
  it('keeps a connection per sender: a PUBLISH reaches the console that subscribed', () => {
    const keyspace = new Keyspace(() => 0);
    const { outbox, sent } = record();
    const cache = createActor(cacheMachine, { input: { ...cacheInput(keyspace), outbox, narrate: false } });
    cache.start();
    const from = (sender: string, requestId: number, argv: string[]) =>
      cache.send(message(sender, 'cache', { kind: 'cache command', requestId, argv }));

    from('console', -1, ['SUBSCRIBE', 'news', 'alerts']);
    from('app', 7, ['PUBLISH', 'news', 'hello']);
    from('app', 8, ['PUBLISH', 'sports', 'goal']);
    const bulk = (value: string) => ({ type: 'bulk', value });
    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      // The first confirmation is the reply; the second follows as a push.
      [
        'console',
        {
          kind: 'cache reply',
          requestId: -1,
          command: 'SUBSCRIBE',
          reply: { type: 'array', value: [bulk('subscribe'), bulk('news'), { type: 'integer', value: '1' }] },
          version: null,
        },
      ],
      [
        'console',
        {
          kind: 'cache push',
          requestId: -1,
          reply: {
            type: 'array',
            value: [bulk('subscribe'), bulk('alerts'), { type: 'integer', value: '2' }],
          },
        },
      ],
      // The app's connection is not subscribed, so its PUBLISH is answered with the receiver count…
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 7,
          command: 'PUBLISH',
          reply: { type: 'integer', value: '1' },
          version: null,
        },
      ],
      // …and the message is pushed to the console.
      [
        'console',
        {
          kind: 'cache push',
          requestId: 7,
          reply: { type: 'array', value: [bulk('message'), bulk('news'), bulk('hello')] },
        },
      ],
      [
        'app',
        {
          kind: 'cache reply',
          requestId: 8,
          command: 'PUBLISH',
          reply: { type: 'integer', value: '0' },
          version: null,
        },
      ],
    ]);
  });

  it('runs commands against its keyspace and replies as Redis does', () => {
    let now = 0;
    const keyspace = new Keyspace(() => now);
    const { outbox, sent, notes } = record();
    const cache = createActor(cacheMachine, {
      input: { ...cacheInput(keyspace), outbox, narrate: true },
    });
    cache.start();
    const command = (argv: string[], version?: number) =>
      cache.send(
        message('app', 'cache', {
          kind: 'cache command',
          requestId: 1,
          argv,
          ...(version ? { version } : {}),
        }),
      );

    command(['GET', 'k']);
    command(['SET', 'k', 'v', 'EX', '10'], 3);
    command(['GET', 'k']);
    now = 10_000;
    command(['GET', 'k']);
    command(['DEL', 'k']);
    expect(sent.map((s) => (s.payload.kind === 'cache reply' ? s.payload.reply : null))).toEqual([
      { type: 'bulk', value: null },
      { type: 'status', value: 'OK' },
      { type: 'bulk', value: 'v' },
      { type: 'bulk', value: null },
      { type: 'integer', value: '0' },
    ]);
    expect(sent[2]!.payload).toMatchObject({ version: 3 });
    expect(notes.map((n) => n.key)).toEqual([
      'cache.get.miss',
      'cache.set.ttl',
      'cache.get.hit',
      'cache.get.expired',
      'cache.del.absent',
    ]);
    expect(cache.getSnapshot().value).toBe('up');
  });
});

describe('cacheMachine active expiry', () => {
  it('sweeps every 100 ms only while keys have a TTL, and says so when it deletes', () => {
    const clock = new SimulatedClock();
    const keyspace = new Keyspace(() => clock.now());
    const { outbox, notes } = record();
    const cache = createActor(cacheMachine, {
      input: { ...cacheInput(keyspace), outbox, narrate: false },
      clock,
    });
    cache.start();
    const command = (argv: string[]) =>
      cache.send(message('app', 'cache', { kind: 'cache command', requestId: 1, argv }));
    command(['SET', 'forever', 'v']);
    clock.increment(1000);
    expect(notes).toEqual([]); // no TTL, no sweeps
    command(['SET', 'k', 'v', 'PX', '150']);
    clock.increment(100); // a sweep that finds nothing says nothing
    expect(notes).toEqual([]);
    clock.increment(100);
    // Even without narration: a sweep that deletes is a visible step.
    expect(notes).toEqual([{ type: 'note', key: 'cache.expire.active', params: { keys: 'k', count: 1 } }]);
    expect(keyspace.size).toBe(1);
    expect(keyspace.stats.expiredKeys).toBe(1);
    clock.increment(10_000);
    expect(notes).toHaveLength(1);
  });
});

describe('appNodeMachine', () => {
  const start = (write: 'update-then-delete' | 'delete-then-update') => {
    const deleteKey = write === 'update-then-delete' ? 'after-commit' : 'before-commit';
    const log = record();
    const app = createActor(appNodeMachine, {
      input: {
        outbox: log.outbox,
        id: 'app',
        narrate: true,
        cache: 'cache',
        database: 'db',
        now: () => 0,
        broker: null,
        chatRooms: [],
        sockets: [],
        jitter: () => 0,
        strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey } },
      },
    });
    app.start();
    return { app, ...log };
  };

  it('read on a miss: GET, SELECT, SET … EX, reply; the request is tracked until answered', () => {
    const { app, sent, notes } = start('update-then-delete');
    app.send(message('browser', 'app', { kind: 'read request', requestId: 7, key: 'k' }));
    expect([...app.getSnapshot().context.requests.values()].map((r) => r.phase)).toEqual([
      'checking the cache',
    ]);
    app.send(
      message('cache', 'app', {
        kind: 'cache reply',
        requestId: 7,
        command: 'GET',
        reply: { type: 'bulk', value: null },
        version: null,
      }),
    );
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 7,
        query: 'select',
        key: 'k',
        row: { value: 'v', version: 4 },
      }),
    );
    app.send(
      message('cache', 'app', {
        kind: 'cache reply',
        requestId: 7,
        command: 'SET',
        reply: { type: 'status', value: 'OK' },
        version: null,
      }),
    );

    expect(sent.map((s) => [s.to, s.payload.kind])).toEqual([
      ['cache', 'cache command'],
      ['db', 'db query'],
      ['cache', 'cache command'],
      ['browser', 'response'],
    ]);
    expect(sent[2]!.payload).toEqual({
      kind: 'cache command',
      requestId: 7,
      argv: ['SET', 'k', 'v', 'EX', '30'],
      version: 4,
    });
    expect(sent[3]!.payload).toMatchObject({ value: 'v', version: 4, source: 'database' });
    expect(notes.map((n) => n.code)).toEqual(['read-cache', 'read-db', 'hydrate', 'reply']);
    expect(app.getSnapshot().context.requests.size).toBe(0);
    expect(app.getSnapshot().value).toBe('up');
  });

  it('write, safe order: UPDATE, then DEL, then acknowledge', () => {
    const { app, sent, notes } = start('update-then-delete');
    app.send(message('browser', 'app', { kind: 'write request', requestId: 1, key: 'k', value: 'new' }));
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 1,
        query: 'update',
        key: 'k',
        row: { value: 'new', version: 2 },
      }),
    );
    app.send(
      message('cache', 'app', {
        kind: 'cache reply',
        requestId: 1,
        command: 'DEL',
        reply: { type: 'integer', value: '1' },
        version: null,
      }),
    );
    expect(
      sent.map((s) => (s.payload.kind === 'cache command' ? s.payload.argv.join(' ') : s.payload.kind)),
    ).toEqual(['db query', 'DEL k', 'response']);
    expect(notes.map((n) => n.code)).toEqual(['write-db', 'invalidate', 'write-reply']);
  });

  it('write, wrong order: DEL first, then UPDATE, then acknowledge', () => {
    const { app, sent, notes } = start('delete-then-update');
    app.send(message('browser', 'app', { kind: 'write request', requestId: 1, key: 'k', value: 'new' }));
    app.send(
      message('cache', 'app', {
        kind: 'cache reply',
        requestId: 1,
        command: 'DEL',
        reply: { type: 'integer', value: '1' },
        version: null,
      }),
    );
    app.send(
      message('db', 'app', {
        kind: 'db result',
        requestId: 1,
        query: 'update',
        key: 'k',
        row: { value: 'new', version: 2 },
      }),
    );
    expect(
      sent.map((s) => (s.payload.kind === 'cache command' ? s.payload.argv.join(' ') : s.payload.kind)),
    ).toEqual(['DEL k', 'db query', 'response']);
    expect(notes.map((n) => n.code)).toEqual(['early-invalidate', 'late-write-db', 'late-write-reply']);
  });

  it('a read for a row that does not exist replies "not found" and caches nothing', () => {
    const { app, sent } = start('update-then-delete');
    app.send(message('browser', 'app', { kind: 'read request', requestId: 3, key: 'nope' }));
    app.send(
      message('cache', 'app', {
        kind: 'cache reply',
        requestId: 3,
        command: 'GET',
        reply: { type: 'bulk', value: null },
        version: null,
      }),
    );
    app.send(
      message('db', 'app', { kind: 'db result', requestId: 3, query: 'select', key: 'nope', row: null }),
    );
    expect(sent.at(-1)!.payload).toMatchObject({ kind: 'response', value: null });
    expect(sent.filter((s) => s.payload.kind === 'cache command')).toHaveLength(1);
  });
});
