import { describe, expect, it } from 'vitest';
import { runScenario, type LoadSpec, type RunProgress, type Scenario } from '../../../src/engine/index.ts';
import { LAB_CLIENTS, labScenario, steadyLoad } from './labScenario.ts';

// A scenario's load, run by the engine: open-loop clients, request ids, the load's own random
// stream, hot-key bursts and bulk warm-ups as the series shows them, and loads that cannot run.

const frames = (scenario: Scenario, seed = 1) => runScenario(scenario, { seed, record: 'frames' });
const metrics = (scenario: Scenario, seed = 1) => runScenario(scenario, { seed, record: 'metrics' });

describe('a load’s requests', () => {
  it('are open loop: a client has many requests out at once and each answer finds its own', () => {
    // A slow database: every read takes 200 ms, while each client sends about one every 15 ms.
    const slow = labScenario(steadyLoad(200, 1, 1000), {
      database: { readLatencyMs: 200, writeLatencyMs: 200, rows: [] },
    });
    const trace = frames(slow);
    const mostOut = Math.max(
      ...trace.frames.map(
        (f) => f.actors['c1']!.pending.filter((p) => p.phase === 'waiting for the reply').length,
      ),
    );
    expect(mostOut).toBeGreaterThan(5);
    const { operations } = trace.history;
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.every((op) => op.ok && op.completedAt !== null)).toBe(true);
    // Each reply is for the key its request asked for.
    expect(operations.every((op) => op.value === 'v1')).toBe(true);
    expect(trace.frames.at(-1)!.actors['c1']!.pending).toEqual([]);
  });

  it('take turns over the clients, with request ids after the script’s, each used once', () => {
    const scenario = labScenario(steadyLoad(100, 1), {
      script: [
        { atMs: 0, client: 'c2', op: 'read', key: 'key:1' },
        { atMs: 5, client: 'c2', op: 'read', key: 'key:2' },
      ],
    });
    const { operations } = frames(scenario).history;
    const load = operations.filter((op) => op.requestId > 2).sort((a, b) => a.requestId - b.requestId);
    expect(load.map((op) => op.client).slice(0, 6)).toEqual([...LAB_CLIENTS, ...LAB_CLIENTS]);
    expect(load.map((op) => op.requestId)).toEqual(load.map((_, i) => i + 3));
    expect(new Set(operations.map((op) => op.requestId)).size).toBe(operations.length);
  });

  it('leave the script’s closed loop alone: a scripted client still waits for its own reply', () => {
    const scenario = labScenario(
      { ...steadyLoad(300, 1), clients: ['c1'] },
      {
        script: [
          { atMs: 0, client: 'c1', op: 'read', key: 'key:1' },
          { atMs: 1, client: 'c1', op: 'read', key: 'key:2' },
        ],
      },
    );
    const trace = frames(scenario);
    const queued = trace.frames.find((f) => f.narration.key === 'client.queue');
    expect(queued?.narration.params).toMatchObject({ client: 'c1', key: 'key:2' });
    const [first, second] = trace.history.operations.filter((op) => op.requestId <= 2);
    // The second scripted read goes out only once the first is answered, whatever load is in flight.
    expect(second!.invokedAt).toBe(first!.completedAt);
  });

  it('draw keys by popularity: Zipf’s key:1 gets the most requests', () => {
    const zipf: LoadSpec = {
      ...steadyLoad(500, 4),
      keys: { count: 50, popularity: { kind: 'zipf', alpha: 1.2 } },
    };
    const { operations } = frames(labScenario(zipf)).history;
    const count = (key: string) => operations.filter((op) => op.key === key).length;
    expect(count('key:1')).toBeGreaterThan(count('key:2'));
    expect(count('key:2')).toBeGreaterThan(count('key:10'));
    // p_1 for Zipf(1.2) over 50 keys is about 0.27.
    expect(count('key:1') / operations.length).toBeGreaterThan(0.22);
    expect(count('key:1') / operations.length).toBeLessThan(0.32);
  });

  it('come from the load’s own random stream: other latencies leave them where they were', () => {
    const arrivals = (scenario: Scenario) =>
      frames(scenario).history.operations.map((op) => [op.requestId, op.op, op.key, op.invokedAt]);
    const base = labScenario(steadyLoad(50, 2, 20, 0.2));
    const slower = { ...base, network: { defaultLatency: { minMs: 5, maxMs: 40 } } };
    expect(arrivals(slower)).toEqual(arrivals(base));
    expect(metrics(base, 7).series).toEqual(metrics(base, 7).series);
    expect(metrics(base, 8).series).not.toEqual(metrics(base, 7).series);
  });

  it('report progress to a long run’s caller every so many events', () => {
    const seen: RunProgress[] = [];
    const trace = runScenario(labScenario(steadyLoad(200, 5)), {
      seed: 1,
      record: 'metrics',
      progressEveryEvents: 500,
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen).toHaveLength(Math.floor(trace.totals.events / 500));
    expect(seen.map((p) => p.events)).toEqual(seen.map((_, i) => (i + 1) * 500));
    expect(seen.at(-1)!.virtualTimeMs).toBeLessThanOrEqual(trace.totals.virtualTimeMs);
  });
});

describe('what the series shows of a load', () => {
  it('a hot-key burst: more requests in its seconds, nearly all of them hits', () => {
    const burst: LoadSpec = {
      ...steadyLoad(100, 8, 500),
      hotKeyBursts: [{ atMs: 3_000, durationMs: 2_000, rank: 1, ratePerSecond: 400 }],
    };
    const { buckets } = metrics(labScenario(burst)).series!;
    const issued = buckets.map((b) => b.issued);
    for (const second of [3, 4]) expect(issued[second]).toBeGreaterThan(400);
    for (const second of [1, 2, 5, 6]) expect(issued[second]).toBeLessThan(150);
    // One key, cached after its first miss: the burst's reads hit.
    expect(buckets[4]!.hits - buckets[2]!.hits).toBeGreaterThan(350);
  });

  it('a bulk warm-up: every key written at once, hits from the start, then an avalanche when they all expire', () => {
    const warmed: LoadSpec = { ...steadyLoad(200, 9, 100), warmUp: { atMs: 0, keys: 'all', ttlSeconds: 5 } };
    const { buckets } = metrics(labScenario(warmed)).series!;
    expect(buckets[0]!.warmed).toBe(100);
    expect(buckets.slice(1).every((b) => b.warmed === 0)).toBe(true);
    // Warm: no misses until the TTL ends. Then every key expires in the same second, and the
    // database takes a miss for nearly every key at once.
    expect(buckets.slice(0, 5).every((b) => b.misses === 0 && b.dbReads === 0)).toBe(true);
    expect(buckets[5]!.expirations).toBe(100);
    expect(buckets[5]!.dbReads).toBeGreaterThan(70);
  });

  it('a staggered warm-up: the same keys, their expiries and misses spread over the stagger', () => {
    const spread: LoadSpec = {
      ...steadyLoad(200, 12, 100),
      warmUp: { atMs: 0, keys: 'all', ttlSeconds: 5, staggerMs: 4_000 },
    };
    const { buckets } = metrics(labScenario(spread)).series!;
    expect(buckets.slice(0, 4).map((b) => b.warmed)).toEqual([25, 25, 25, 25]);
    expect(Math.max(...buckets.map((b) => b.expirations))).toBeLessThan(40);
    expect(buckets.slice(5, 9).every((b) => b.dbReads > 10)).toBe(true);
  });

  it('a warm-up in a frames run: one step, the keys in the cache with the warm-up’s TTL', () => {
    const warmed: LoadSpec = { ...steadyLoad(5, 1, 3), warmUp: { atMs: 0, keys: 2, ttlSeconds: 7 } };
    const trace = frames(labScenario(warmed));
    const step = trace.frames.find((f) => f.cause.kind === 'cache warmed')!;
    expect(step.narration).toEqual({
      key: 'load.warm-up',
      params: { count: 2, ttl: 7, from: 'key:1', to: 'key:2' },
    });
    expect(step.cache.map((r) => [r.key, r.value, r.version, r.ttlRemainingMs])).toEqual([
      ['key:1', 'v1', 1, 7000],
      ['key:2', 'v1', 1, 7000],
    ]);
    expect(trace.frames[0]!.db.map((r) => r.key)).toEqual(['key:1', 'key:2', 'key:3']);
  });
});

describe('loads that cannot run', () => {
  const fails = (load: Partial<LoadSpec>, message: RegExp) =>
    expect(() => metrics(labScenario({ ...steadyLoad(10, 1), ...load } as LoadSpec))).toThrow(message);

  it('are refused with a message that says what is wrong', () => {
    fails(
      { arrivals: { kind: 'poisson', ratePerSecond: 0 } },
      /arrival rate per second must be a number above 0/,
    );
    fails({ durationMs: undefined }, /a load needs an end/);
    fails({ requests: 1.5 }, /number of requests must be a whole number/);
    fails({ keys: { count: 0, popularity: { kind: 'uniform' } } }, /number of keys/);
    fails({ keys: { count: 5, popularity: { kind: 'zipf', alpha: -1 } } }, /Zipf α/);
    fails({ writeFraction: 1.5 }, /write fraction must be from 0 to 1/);
    fails({ clients: ['nobody'] }, /unknown client "nobody"/);
    fails({ hotKeyBursts: [{ atMs: 0, durationMs: 10, rank: 51, ratePerSecond: 5 }] }, /ranks 1 to 50/);
    fails({ warmUp: { atMs: 0, keys: 60 } }, /warm-up names 60 keys, but the load has 50/);
    fails({ warmUp: { atMs: 0, keys: 'all', ttlSeconds: 0 } }, /warm-up TTL/);
  });

  it('cannot be raced: a race needs every operation queued from the start', () => {
    const scenario = labScenario(steadyLoad(10, 1), {
      script: [
        { atMs: 0, client: 'c1', op: 'read', key: 'key:1' },
        { atMs: 0, client: 'c2', op: 'write', key: 'key:1', value: 'x' },
      ],
    });
    expect(() => runScenario(scenario, { seed: 1, record: 'frames', race: [1, 2] })).toThrow(
      /a race cannot be run in a scenario with a load/,
    );
  });
});
