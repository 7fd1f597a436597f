import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type Trace } from '../../../src/engine/index.ts';
import { stampedeScenarios } from '../../../src/content/scenarios/failure-modes/index.ts';
import {
  stampedeMutex,
  stampedeMutexLockExpiry,
  stampedeSingleFlight,
  stampedeStaleWhileRevalidate,
  stampedeUnprotected,
  stampedeXfetch,
} from '../../../src/content/scenarios/failure-modes/stampede.ts';
import { narrationTemplates } from '../../../src/content/narration.ts';
import { framesSaying, run, steps } from '../traceHelpers.ts';

const SEEDS = [1, 2, 3, 4, 5];
const HOT_KEY = 'top-sellers';

const selects = (trace: Trace) => trace.totals.dbReads;
const said = (trace: Trace, key: string) => framesSaying(trace, key).length;
/** `time key` of the frames with one of these narration keys, in order. */
const moments = (trace: Trace, keys: readonly string[]) =>
  trace.frames.filter((f) => keys.includes(f.narration.key)).map((f) => `${f.time} ${f.narration.key}`);
/** What each reader was answered, and from where. */
const answers = (trace: Trace) =>
  framesSaying(trace, 'client.read.done').map((f) => `${f.actor} ${String(f.narration.params['source'])}`);

describe('the stampede lesson', () => {
  it('lists the stampede, then its protections', () => {
    expect(stampedeScenarios.map((s) => s.id)).toEqual([
      'stampede-unprotected',
      'stampede-mutex',
      'stampede-mutex-lock-expiry',
      'stampede-single-flight',
      'stampede-xfetch',
      'stampede-stale-while-revalidate',
    ]);
  });

  it('replays the same readers, key, database and latencies; only the protection and what it needs differ', () => {
    const { id: _i, title: _t, summary: _s, strategy: base, ...same } = stampedeUnprotected;
    for (const scenario of stampedeScenarios.slice(1)) {
      const { id, title, summary, strategy, ...rest } = scenario;
      expect({ ...strategy, stampede: base.stampede }, id).toEqual(base);
      expect(strategy.stampede?.kind, id).not.toBe('none');
      expect(rest.database, id).toEqual(same.database);
      expect([title, summary].every((text) => text.length > 0)).toBe(true);
    }
    // Single-flight coalesces inside one node, so its readers share one node.
    expect(stampedeSingleFlight.appNodes.map((a) => a.id)).toEqual(['node-a']);
    expect(stampedeMutex.script).toEqual(stampedeUnprotected.script);
    expect(stampedeStaleWhileRevalidate.script).toEqual(stampedeUnprotected.script);
  });
});

describe('stampede-unprotected', () => {
  it.each(SEEDS)('seed %i: five readers miss the expired key together and run five SELECTs', (seed) => {
    const trace = run(stampedeUnprotected, seed);
    expect(selects(trace)).toBe(5);
    expect(moments(trace, ['cache.expire.active', 'cache.get.miss', 'db.select.start'])).toEqual([
      '1000 cache.expire.active',
      ...Array<string>(5).fill('1056 cache.get.miss'),
      ...Array<string>(5).fill('1059 db.select.start'),
    ]);
    expect(said(trace, 'cache.set.ttl')).toBe(5);
    expect(answers(trace)).toEqual(
      ['reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5'].map((r) => `${r} database`),
    );
  });
});

describe('stampede-mutex', () => {
  it.each(SEEDS)('seed %i: one reader takes the lock and loads; four wait, retry and hit', (seed) => {
    const trace = run(stampedeMutex, seed);
    expect(selects(trace)).toBe(1);
    expect(
      moments(trace, ['cache.set.nx.taken', 'app.read.lock.wait', 'cache.del.lock', 'db.select.start']),
    ).toEqual([
      '1058 cache.set.nx.taken',
      ...Array<string>(4).fill('1059 app.read.lock.wait'),
      '1061 db.select.start',
      // The first wait (60 ms) ends before the fill: still a miss, the lock still taken.
      ...Array<string>(4).fill('1123 app.read.lock.wait'),
      '1166 cache.del.lock',
    ]);
    const waits = framesSaying(trace, 'app.read.lock.wait').map((f) => f.narration.params['ms']);
    expect(waits).toEqual([60, 60, 60, 60, 120, 120, 120, 120]);
    expect(said(trace, 'app.read.hit.after-wait')).toBe(4);
    expect(answers(trace)).toEqual([
      'reader-1 database',
      'reader-2 cache',
      'reader-3 cache',
      'reader-4 cache',
      'reader-5 cache',
    ]);
    // The lock is gone at the end; only the hot key is cached.
    expect(trace.frames.at(-1)!.cache.map((r) => r.key)).toEqual([HOT_KEY]);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('stampede-mutex-lock-expiry', () => {
  it.each(SEEDS)(
    'seed %i: the lock expires during the load, a second reader takes it, two SELECTs',
    (seed) => {
      const trace = run(stampedeMutexLockExpiry, seed);
      expect(selects(trace)).toBe(2);
      const taken = framesSaying(trace, 'cache.set.nx.taken');
      expect(taken.map((f) => [f.time, f.narration.params['value']])).toEqual([
        [1058, 'node-a/1'],
        [1122, 'node-a/2'],
      ]);
      // The first holder's release finds the second holder's token and deletes nothing.
      const refused = framesSaying(trace, 'cache.del.lock.not-owner');
      expect(refused.map((f) => f.narration.params)).toEqual([
        expect.objectContaining({ token: 'node-a/1', holder: 'node-a/2' }),
      ]);
      expect(said(trace, 'app.read.reply.lock-lost')).toBe(2);
      expect(said(trace, 'app.read.hit.after-wait')).toBe(3);
      expect(trace.anomalies).toEqual([]);
    },
  );
});

describe('stampede-single-flight', () => {
  it('at seed 1: one lead, four joins, one SELECT; the four get the row as it arrives', () => {
    expect(steps(run(stampedeSingleFlight))).toEqual([
      '0 - run.start -',
      '1000 cache cache.expire.active -',
      ...[1, 2, 3, 4, 5].map((i) => `1050 reader-${i} client.read.send -`),
      ...Array<string>(5).fill('1055 node-a app.read.start read-cache'),
      ...Array<string>(5).fill('1056 cache cache.get.miss read-cache'),
      '1057 node-a app.read.single-flight.lead single-flight',
      ...Array<string>(4).fill('1057 node-a app.read.single-flight.join single-flight'),
      '1059 db db.select.start single-flight',
      '1159 db db.select.row single-flight',
      '1161 node-a app.read.fill.shared hydrate',
      '1162 cache cache.set.ttl hydrate',
      '1163 node-a app.read.reply reply',
      ...[2, 3, 4, 5].map((i) => `1166 reader-${i} client.read.done single-flight`),
      '1168 reader-1 client.read.done reply',
      '1168 - run.end -',
    ]);
  });

  it.each(SEEDS)('seed %i: the first miss loads; four join it and get its row; one SELECT', (seed) => {
    const trace = run(stampedeSingleFlight, seed);
    expect(selects(trace)).toBe(1);
    expect(said(trace, 'app.read.single-flight.lead')).toBe(1);
    expect(
      framesSaying(trace, 'app.read.single-flight.join').map((f) => f.narration.params['count']),
    ).toEqual([1, 2, 3, 4]);
    expect(framesSaying(trace, 'app.read.fill.shared').map((f) => f.narration.params['count'])).toEqual([4]);
    expect(said(trace, 'cache.set.ttl')).toBe(1);
    expect(answers(trace).sort()).toEqual(
      ['reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5'].map((r) => `${r} database`),
    );
  });

  it('coalesces only inside a node: the same readers on two nodes make two SELECTs', () => {
    const twoNodes: Scenario = {
      ...stampedeUnprotected,
      strategy: { ...stampedeUnprotected.strategy, stampede: { kind: 'single-flight' } },
    };
    expect(selects(run(twoNodes))).toBe(2);
  });
});

describe('stampede-stale-while-revalidate', () => {
  it.each(SEEDS)(
    'seed %i: all five get the stale value at once; one reader refreshes in the background',
    (seed) => {
      const trace = run(stampedeStaleWhileRevalidate, seed);
      expect(selects(trace)).toBe(1);
      expect(said(trace, 'app.read.stale.serve')).toBe(5);
      expect(said(trace, 'app.read.refresh.lock-won')).toBe(1);
      expect(said(trace, 'app.read.refresh.skip')).toBe(4);
      expect(answers(trace)).toEqual(
        ['reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5'].map((r) => `${r} cache`),
      );
      // Every reader is answered before the refresh's query returns.
      const lastAnswer = framesSaying(trace, 'client.read.done').at(-1)!.time;
      expect(lastAnswer).toBeLessThan(framesSaying(trace, 'db.select.row')[0]!.time);
      expect(said(trace, 'app.read.refresh.done')).toBe(1);
      // The refreshed key is fresh again: 1 s fresh plus the 2 s stale window.
      const refilled = framesSaying(trace, 'cache.set.ttl')[0]!;
      expect(refilled.cache.find((r) => r.key === HOT_KEY)?.ttlRemainingMs).toBe(3_000);
    },
  );
});

describe('stampede-xfetch', () => {
  const FIRST_EXPIRY_MS = 1_112;

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
    'seed %i: after the first load no read misses; a reader reloads the key before it expires; the five at 1.25 s hit',
    (seed) => {
      const trace = run(stampedeXfetch, seed);
      // The one miss is the cold start, when Reader 1 measures Δ.
      expect(moments(trace, ['cache.get.miss', 'cache.get.expired'])).toEqual(['6 cache.get.miss']);
      expect(framesSaying(trace, 'app.read.fill.delta')[0]!.narration.params['delta']).toBe(104);
      const early = framesSaying(trace, 'app.read.xfetch.early');
      expect(early.length).toBeGreaterThan(0);
      expect(early[0]!.time).toBeLessThan(FIRST_EXPIRY_MS);
      const burst = framesSaying(trace, 'client.read.done').filter((f) => f.time > 1_250);
      expect(burst).toHaveLength(5);
      expect(selects(trace)).toBe(1 + early.length);
    },
  );

  it('at seed 1, exactly one reader (Reader 3, at 0.86 s with 246 ms left) reloads early', () => {
    const trace = run(stampedeXfetch, 1);
    expect(framesSaying(trace, 'app.read.xfetch.early').map((f) => [f.time, f.narration.params])).toEqual([
      [867, expect.objectContaining({ ms: 246, delta: 104, beta: 1, lead: 305 })],
    ]);
    expect(selects(trace)).toBe(2);
  });

  it('in a steady stream of reads (one every 10 ms for 5 s), the hot key never misses after the first load', () => {
    const readers = ['reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5'];
    const steady: Scenario = {
      ...stampedeXfetch,
      id: 'xfetch-steady',
      script: [
        { atMs: 0, client: 'reader-1', op: 'read', key: HOT_KEY },
        ...Array.from({ length: 480 }, (_, i) => ({
          atMs: 200 + 10 * i,
          client: readers[i % readers.length]!,
          op: 'read' as const,
          key: HOT_KEY,
        })),
      ],
    };
    for (const seed of SEEDS) {
      const trace = runScenario(steady, { seed, record: 'metrics' });
      expect(trace.totals.misses, `seed ${seed}`).toBe(1);
      expect(trace.totals.requests).toBe(481);
    }
    // Without XFetch the key expires every second and each expiry costs a miss.
    const plain = { ...steady, strategy: { ...steady.strategy, stampede: { kind: 'none' as const } } };
    expect(runScenario(plain, { seed: 1, record: 'metrics' }).totals.misses).toBeGreaterThan(4);
  });
});

describe('every stampede scenario', () => {
  it.each(SEEDS)(
    'seed %i: settles, answers every reader, finds no anomaly, and says only what has a sentence',
    (seed) => {
      for (const scenario of stampedeScenarios) {
        const trace = run(scenario, seed);
        expect(trace.frames.at(-1)!.narration.key, scenario.id).toBe('run.end');
        expect(said(trace, 'client.read.done'), scenario.id).toBe(scenario.script.length);
        expect(trace.anomalies, scenario.id).toEqual([]);
        for (const frame of trace.frames)
          expect(narrationTemplates[frame.narration.key], frame.narration.key).toBeDefined();
      }
    },
  );
});

describe('stampede-mutex when the lock holder crashes', () => {
  it('its lock expires after 500 ms, and a reader on the other node takes it and loads the row', () => {
    const crashed: Scenario = {
      ...stampedeMutex,
      faults: [{ atMs: 1_100, fault: { kind: 'crash', node: 'node-a' } }],
    };
    const trace = run(crashed);
    const taken = framesSaying(trace, 'cache.set.nx.taken');
    expect(taken.map((f) => [f.time, f.narration.params['value']])).toEqual([
      [1058, 'node-a/1'],
      // Waits of 60, 120, 240 and 480 ms: the fourth retry finds the key missing and the lock expired.
      [1974, 'node-b/4'],
    ]);
    expect(answers(trace)).toEqual(['reader-4 database', 'reader-5 cache']);
    expect(trace.anomalies).toEqual([]);
  });
});
