import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CACHE_ASIDE, runScenario, type Scenario } from '../../../src/engine/index.ts';
import { randomScenario, type RandomRun } from './randomScenario.ts';

interface Shape extends RandomRun {
  seed: number;
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 3 }),
    // More clients than nodes, so one node can serve a read and a write of the same key at once.
    clients: fc.integer({ min: 2, max: 5 }),
    keys: fc.integer({ min: 1, max: 2 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .chain((base) =>
    fc
      .array(
        fc.record({
          atMs: fc.integer({ min: 0, max: 150 }),
          client: fc.integer({ min: 0, max: base.clients - 1 }),
          write: fc.boolean(),
          key: fc.integer({ min: 0, max: base.keys - 1 }),
        }),
        { minLength: 1, maxLength: 10 },
      )
      .map((ops) => ({ ...base, ops })),
  );

/**
 * Every node has an L1 cache (10 s) kept coherent by pub/sub invalidation with the timestamp check
 * and ignore-own. Redis writes use version-cas, so Redis itself never goes back to an older version:
 * with plain delete-on-write the cache-aside race (a fill that lands after the writer's DEL) leaves
 * Redis stale for its whole TTL, which is the races lesson's problem, not pub/sub's.
 */
function scenarioOf(s: Shape): Scenario {
  return randomScenario(s, {
    id: 'pubsub-invalidation-property',
    title: 'Random reads and writes with local caches',
    strategy: {
      ...CACHE_ASIDE,
      raceFix: { kind: 'version-cas' },
      localCache: { kind: 'l1', ttlSeconds: 10 },
      invalidation: { kind: 'pubsub', channel: 'invalidate', timestampCheck: true, ignoreOwn: true },
    },
  });
}

/**
 * The longest time from a commit until every node has dropped its older copy, in the network of
 * `dataCentreNetwork`: the commit's result reaches the writer (db → node, at most 4 ms), the writer
 * updates Redis and waits for the answer (node → cache → node, at most 2 + 2 ms), publishes (node →
 * cache, at most 2 ms), and Redis pushes the message (cache → node, at most 2 ms): 12 ms. A read
 * that begins this long after a commit reaches its node after the invalidation has (a client's
 * request alone takes at least 10 ms), so it cannot be served the older version.
 */
const DB_TO_NODE_MS = 4;
const NODE_CACHE_MS = 2;
const INVALIDATION_BOUND_MS = DB_TO_NODE_MS + 2 * NODE_CACHE_MS + NODE_CACHE_MS + NODE_CACHE_MS;

/** Stale reads that began at least the bound after the commit they missed. */
function lateStaleReads(s: Shape): string[] {
  const trace = runScenario(scenarioOf(s), { seed: s.seed, record: 'frames' });
  const late: string[] = [];
  for (const anomaly of trace.anomalies) {
    if (anomaly.kind !== 'stale read') continue;
    const read = trace.history.operations.find((o) => o.requestId === anomaly.operations[0]);
    // The first version the read missed: the one committed after the version it got.
    const missed = trace.history.commits.find(
      (c) => c.key === anomaly.key && c.version === anomaly.readVersion + 1,
    );
    if (read === undefined || missed === undefined) {
      late.push(`unexplained ${JSON.stringify(anomaly)}`);
      continue;
    }
    if (read.invokedAt - missed.time >= INVALIDATION_BOUND_MS)
      late.push(`read ${read.requestId} at ${read.invokedAt} missed v${missed.version} of ${missed.time}`);
  }
  return late;
}

describe('pub/sub invalidation of local caches (no message lost)', () => {
  it('never serves a read that began more than one invalidation delay after the commit it missed', () => {
    fc.assert(
      fc.property(shape, (s) => {
        expect(lateStaleReads(s)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('can fail: without pub/sub the same check finds reads served long after the commit', () => {
    // Bob's node keeps its copy; Alice's write through the other node commits; Bob reads 500 ms later.
    const s: Shape = {
      nodes: 2,
      clients: 2,
      keys: 1,
      seed: 1,
      ops: [
        { atMs: 0, client: 1, write: false, key: 0 },
        { atMs: 100, client: 0, write: true, key: 0 },
        { atMs: 600, client: 1, write: false, key: 0 },
      ],
    };
    expect(lateStaleReads(s)).toEqual([]);
    const withoutPubsub = scenarioOf(s);
    withoutPubsub.strategy = { ...withoutPubsub.strategy, invalidation: { kind: 'none' } };
    const trace = runScenario(withoutPubsub, { seed: 1, record: 'frames' });
    expect(trace.anomalies.map((a) => a.kind)).toContain('stale read');
  });

  it('a node that wrote drops an older copy a read of its own put back (found by this property)', () => {
    // Node 2 serves a write and a read of the same key at once; the read's fill lands after the commit.
    const s: Shape = {
      nodes: 2,
      clients: 4,
      keys: 1,
      seed: 373175,
      ops: [
        { atMs: 1, client: 1, write: false, key: 0 },
        { atMs: 0, client: 3, write: true, key: 0 },
        { atMs: 0, client: 3, write: false, key: 0 },
        { atMs: 17, client: 0, write: false, key: 0 },
      ],
    };
    const trace = runScenario(scenarioOf(s), { seed: s.seed, record: 'frames' });
    expect(trace.frames.map((f) => f.narration.key)).toContain('app.invalidate.own.refilled');
    expect(lateStaleReads(s)).toEqual([]);
  });
});
