import { describe, expect, it } from 'vitest';
import { runScenario, type Trace } from '../../src/engine/index.ts';
import { cacheAsideRead } from '../../src/content/scenarios/cache-aside-read.ts';
import { cacheAsideWrite } from '../../src/content/scenarios/cache-aside-write.ts';
import { cacheAsideWrongOrder } from '../../src/content/scenarios/cache-aside-wrong-order.ts';
import { scenarios } from '../../src/content/scenarios/index.ts';
import { cacheOf, dbOf, frameSaying, last, steps } from './traceHelpers.ts';

const run = (scenario = cacheAsideRead, seed = 1): Trace => runScenario(scenario, { seed, record: 'frames' });

const keys = (trace: Trace) => trace.frames.map((f) => f.narration.key);

describe('cache-aside-read at seed 1', () => {
  const trace = run(cacheAsideRead);

  it('misses, loads from the database, fills the cache, hits, sweeps the key when its TTL ends, then misses again', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 browser client.read.send -',
      '16 app app.read.start read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app app.read.reply reply',
      '55 browser client.read.done reply',
      '500 browser client.read.send -',
      '514 app app.read.start read-cache',
      '516 cache cache.get.hit read-cache',
      '517 app app.read.hit cache-hit',
      '532 browser client.read.done cache-hit',
      // Active expiry: the cache's 100 ms sweeps run from 136 ms on; the one at 30,036 ms finds the
      // key expired (set at 36 ms with EX 30) and deletes it. The silent sweeps before it make no frames.
      '30036 cache cache.expire.active -',
      '31000 browser client.read.send -',
      '31011 app app.read.start read-cache',
      // The key is already gone, so this is a plain miss rather than a lazy expiry on access.
      '31012 cache cache.get.miss read-cache',
      '31013 app app.read.miss read-db',
      '31015 db db.select.start read-db',
      '31023 db db.select.row read-db',
      '31026 app app.read.fill hydrate',
      '31027 cache cache.set.ttl hydrate',
      '31028 app app.read.reply reply',
      '31046 browser client.read.done reply',
      '31046 - run.end -',
    ]);
  });

  it('shows the cache and database contents at each stage', () => {
    expect(cacheOf(trace.frames[0]!)).toEqual([]);
    expect(dbOf(trace.frames[0]!)).toEqual(['user:42:email=ada@example.com@v1']);
    const filled = frameSaying(trace, 'cache.set.ttl');
    expect(cacheOf(filled)).toEqual(['user:42:email=ada@example.com@v1']);
    expect(filled.cache[0]!.ttlRemainingMs).toBe(30_000);
    expect(last(trace).counters).toEqual({ hits: 1, misses: 2, dbReads: 2, dbWrites: 0 });
    // 25 events as before, plus 300 sweeps (136 ms … 30,036 ms); the sweep armed after the last SET
    // never fires: a run ends when only housekeeping is left.
    expect(trace.totals).toMatchObject({ requests: 3, events: 325, virtualTimeMs: 31_046 });
  });

  it('counts the TTL down on virtual time and expires the key after 30 s, in the background', () => {
    const hit = frameSaying(trace, 'cache.get.hit');
    expect(hit.cache[0]!.ttlRemainingMs).toBe(30_000 - (516 - 36));
    const swept = frameSaying(trace, 'cache.expire.active');
    const beforeSweep = trace.frames[swept.index - 1]!;
    expect(beforeSweep.cache[0]!.ttlRemainingMs).toBe(36 + 30_000 - 532);
    expect(swept).toMatchObject({
      time: 30_036,
      actor: 'cache',
      cause: { kind: 'timer fired', actor: 'cache' },
      narration: { key: 'cache.expire.active', params: { keys: 'user:42:email', count: 1 } },
      cache: [],
      code: null,
    });
    const miss = frameSaying(trace, 'cache.get.miss', 1);
    expect(miss.time).toBe(31_012);
    expect(miss.inFlight.map((m) => m.label)).toEqual(['(nil)']);
  });

  it('puts every message in flight with its send and receive times', () => {
    const sent = trace.frames[1]!;
    expect(sent.inFlight).toEqual([
      {
        id: 1,
        from: 'browser',
        to: 'app',
        kind: 'read request',
        label: 'read user:42:email',
        payload: { kind: 'read request', requestId: 1, key: 'user:42:email' },
        sendTime: 0,
        recvTime: 16,
      },
    ]);
    expect(trace.frames[2]!.delivered?.id).toBe(1);
    expect(frameSaying(trace, 'app.read.fill').inFlight[0]!.label).toBe(
      'SET user:42:email ada@example.com EX 30',
    );
  });

  it('records each actor’s XState state', () => {
    expect(trace.frames[1]!.actors['browser']!.state).toBe('waiting');
    expect(trace.frames[5]!.actors['db']!.state).toBe('busy');
    expect(trace.frames[5]!.actors['app']!.pending).toEqual([
      {
        requestId: 1,
        client: 'browser',
        op: 'read',
        key: 'user:42:email',
        phase: 'loading from the database',
      },
    ]);
    expect(last(trace).actors).toEqual({
      browser: { state: 'idle', pending: [] },
      app: { state: 'up', pending: [] },
      cache: { state: 'up', pending: [] },
      db: { state: 'idle', pending: [] },
    });
  });
});

describe('cache-aside-write at seed 1', () => {
  const trace = run(cacheAsideWrite);

  it('updates the database, then deletes the key; the next read loads the new value', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 browser client.write.send -',
      '16 app app.write.start write-db',
      '18 db db.update.start write-db',
      '33 db db.update.commit write-db',
      '36 app app.write.invalidate invalidate',
      '38 cache cache.del invalidate',
      '40 app app.write.reply write-reply',
      '53 browser client.write.done write-reply',
      '400 browser client.read.send -',
      '416 app app.read.start read-cache',
      '418 cache cache.get.miss read-cache',
      '419 app app.read.miss read-db',
      '423 db db.select.start read-db',
      '431 db db.select.row read-db',
      '434 app app.read.fill hydrate',
      '435 cache cache.set.ttl hydrate',
      '436 app app.read.reply reply',
      '450 browser client.read.done reply',
      '450 - run.end -',
    ]);
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(dbOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(last(trace).stale).toEqual([]);
    expect(trace.anomalies).toEqual([]);
  });

  it('shows the short window between the commit and the DEL as stale, and clears it after', () => {
    const commit = frameSaying(trace, 'db.update.commit');
    expect(commit.stale).toEqual([
      {
        where: 'cache',
        key: 'user:42:email',
        rowKey: 'user:42:email',
        cacheVersion: 1,
        dbVersion: 2,
        sinceTime: 33,
        expiresAt: 300_000,
      },
    ]);
    // The DEL is already on its way, so the checker does not call this a divergence.
    expect(commit.anomalies).toEqual([]);
    expect(frameSaying(trace, 'cache.del').stale).toEqual([]);
  });
});

describe('cache-aside-wrong-order at seed 1', () => {
  const trace = run(cacheAsideWrongOrder);

  it('lets a read between the DEL and the UPDATE put the old value back', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 writer client.write.send -',
      '16 app app.write.delete-first early-invalidate',
      '17 cache cache.del early-invalidate',
      '19 app app.write.update-after-delete late-write-db',
      '23 db db.update.start late-write-db',
      '25 reader client.read.send -',
      '45 app app.read.start read-cache',
      '46 cache cache.get.miss read-cache',
      '48 app app.read.miss read-db',
      '52 db db.select.start read-db',
      '60 db db.select.row read-db',
      '63 app app.read.fill hydrate',
      '65 cache cache.set.ttl hydrate',
      '66 app app.read.reply reply',
      '81 reader client.read.done reply',
      '83 db db.update.commit late-write-db',
      '85 app app.write.reply late-write-reply',
      '99 writer client.write.done late-write-reply',
      '400 reader client.read.send -',
      '412 app app.read.start read-cache',
      '413 cache cache.get.hit read-cache',
      '414 app app.read.hit cache-hit',
      '424 reader client.read.done cache-hit',
      '424 - run.end.stale -',
    ]);
  });

  it('ends with the cache holding the old version while the database holds the new one', () => {
    const end = last(trace);
    expect(cacheOf(end)).toEqual(['user:42:email=ada@old.example@v1']);
    expect(dbOf(end)).toEqual(['user:42:email=ada@new.example@v2']);
    expect(end.stale).toEqual([
      {
        where: 'cache',
        key: 'user:42:email',
        rowKey: 'user:42:email',
        cacheVersion: 1,
        dbVersion: 2,
        sinceTime: 83,
        expiresAt: 30_065,
      },
    ]);
    expect(end.narration).toEqual({
      key: 'run.end.stale',
      params: { key: 'user:42:email', cacheVersion: 1, dbVersion: 2, seconds: 30, node: 'cache' },
    });
  });

  it('has the checker report the divergence once the system settles, and the stale read at 424 ms', () => {
    const settled = frameSaying(trace, 'client.write.done');
    expect(trace.anomalies).toEqual([
      {
        kind: 'divergence',
        step: settled.index,
        time: 99,
        key: 'user:42:email',
        operations: [1],
        where: 'cache',
        cacheVersion: 1,
        dbVersion: 2,
        until: 30_065,
      },
      {
        kind: 'stale read',
        step: frameSaying(trace, 'client.read.done', 1).index,
        time: 424,
        key: 'user:42:email',
        operations: [3, 1],
        client: 'reader',
        readVersion: 1,
        newestVersion: 2,
      },
    ]);
    expect(settled.anomalies).toEqual([trace.anomalies[0]]);
    // Before the commit there is nothing to be stale against.
    expect(
      trace.frames.slice(0, frameSaying(trace, 'db.update.commit').index + 1).flatMap((f) => f.anomalies),
    ).toEqual([]);
  });

  it('serves the old value from the cache after the write was confirmed', () => {
    const done = frameSaying(trace, 'client.read.done', 1);
    expect(done.narration.params).toMatchObject({ value: 'ada@old.example', source: 'cache' });
  });
});

describe('determinism', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: same seed, identical trace and JSON bytes',
    (_, s) => {
      const a = runScenario(s, { seed: 1234, record: 'frames' });
      const b = runScenario(s, { seed: 1234, record: 'frames' });
      expect(a).toEqual(b);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    },
  );

  const withoutRaces = [cacheAsideRead, cacheAsideWrite];
  it.each(withoutRaces.map((s) => [s.id, s] as const))(
    '%s: other seeds change timings, not what happens',
    (_, s) => {
      const reference = run(s, 1);
      const timings = new Set<string>();
      for (let seed = 2; seed <= 40; seed++) {
        const other = run(s, seed);
        expect(keys(other)).toEqual(keys(reference));
        expect(cacheOf(last(other))).toEqual(cacheOf(last(reference)));
        expect(dbOf(last(other))).toEqual(dbOf(last(reference)));
        timings.add(other.frames.map((f) => f.time).join(','));
      }
      expect(timings.size).toBeGreaterThan(10);
    },
  );

  it('the wrong-order race ends stale at every seed: its timings leave no other outcome', () => {
    for (let seed = 0; seed <= 200; seed++) {
      const end = last(run(cacheAsideWrongOrder, seed));
      expect(cacheOf(end)).toEqual(['user:42:email=ada@old.example@v1']);
      expect(dbOf(end)).toEqual(['user:42:email=ada@new.example@v2']);
      expect(end.narration.key).toBe('run.end.stale');
    }
  });

  it('a metrics run counts the same totals as a frames run, without frames', () => {
    for (const s of scenarios) {
      const frames = run(s, 9);
      const metrics = runScenario(s, { seed: 9, record: 'metrics' });
      expect(metrics.frames).toEqual([]);
      expect(metrics.totals).toEqual(frames.totals);
    }
  });
});

describe('interventions', () => {
  it('dropping the cache’s reply leaves the request unanswered, reproducibly', () => {
    const base = run(cacheAsideRead);
    const missFrame = frameSaying(base, 'cache.get.miss');
    const reply = missFrame.inFlight.find((m) => m.from === 'cache')!;
    const interventions = [
      { atStep: missFrame.index, fault: { kind: 'drop message' as const, messageId: reply.id } },
    ];
    const forked = runScenario(cacheAsideRead, { seed: 1, record: 'frames', interventions });
    expect(steps(forked).slice(0, missFrame.index + 1)).toEqual(steps(base).slice(0, missFrame.index + 1));
    const fault = forked.frames[missFrame.index + 1]!;
    expect(fault.cause).toEqual({ kind: 'fault applied', fault: interventions[0]!.fault });
    expect(fault.narration).toEqual({
      key: 'fault.drop',
      params: { message: '(nil)', from: 'cache', to: 'app' },
    });
    expect(fault.inFlight).toEqual([]);
    // The browser never gets its first answer, so its later reads queue behind it.
    expect(keys(forked)).not.toContain('client.read.done');
    expect(runScenario(cacheAsideRead, { seed: 1, record: 'frames', interventions })).toEqual(forked);
  });
});

describe('bad input', () => {
  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => runScenario(cacheAsideRead, { seed, record: 'frames' })).toThrow(
        /seed must be an integer/,
      );
    }
  });

  it('names what is wrong with an impossible scenario', () => {
    const broken = { ...cacheAsideRead, clients: [{ id: 'browser', label: 'B', server: 'nowhere' }] };
    expect(() => run(broken)).toThrow(
      'scenario "cache-aside-read": client "browser" talks to unknown server "nowhere"',
    );
    const badLatency = { ...cacheAsideRead, network: { defaultLatency: { minMs: 5, maxMs: 1 } } };
    expect(() => run(badLatency)).toThrow(/latency range 5–1 ms/);
    const badTtl = { ...cacheAsideRead, strategy: { ...cacheAsideRead.strategy, ttlSeconds: 0 } };
    expect(() => run(badTtl)).toThrow(/the TTL in seconds must be a whole number above 0, got 0/);
  });
});
