import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CACHE_ASIDE,
  runScenario,
  type RaceFix,
  type Scenario,
  type Trace,
} from '../../../src/engine/index.ts';
import { randomScenario, type RandomOp, type RandomRun } from './randomScenario.ts';

type Op = RandomOp;

interface Shape extends RandomRun {
  read: 'cache-aside' | 'read-through';
  seed: number;
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    nodes: fc.integer({ min: 1, max: 3 }),
    clients: fc.integer({ min: 1, max: 3 }),
    keys: fc.integer({ min: 1, max: 3 }),
    read: fc.constantFrom('cache-aside' as const, 'read-through' as const),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .chain((base) =>
    fc
      .array(
        fc.record({
          atMs: fc.integer({ min: 0, max: 200 }),
          client: fc.integer({ min: 0, max: base.clients - 1 }),
          write: fc.boolean(),
          key: fc.integer({ min: 0, max: base.keys - 1 }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((ops) => ({ ...base, ops })),
  );

/**
 * The same operations, moved so that those on one key never overlap: the n-th operation on a key
 * starts in the n-th 200 ms slot, at most 100 ms into it. An operation here takes at most about
 * 70 ms (two client hops of ≤ 20 ms, the database and the cache), so each one on a key ends before
 * the next begins. Operations on different keys still overlap freely.
 */
function oneAtATimePerKey(ops: readonly Op[]): Op[] {
  const rank = new Map<number, number>();
  return [...ops]
    .sort((a, b) => a.atMs - b.atMs)
    .map((op) => {
      const n = rank.get(op.key) ?? 0;
      rank.set(op.key, n + 1);
      return { ...op, atMs: n * 200 + (op.atMs % 100) };
    });
}

/** A write-through run of the random operations. */
function scenarioOf(s: Shape, raceFix: RaceFix = { kind: 'none' }): Scenario {
  return randomScenario(s, {
    id: 'write-through-property',
    title: 'Random write-through run',
    strategy: { ...CACHE_ASIDE, read: s.read, write: { kind: 'write-through' }, raceFix },
  });
}

function expectCacheAgreesAndNothingLost(trace: Trace): void {
  expect(trace.frames.at(-1)!.stale).toEqual([]);
  const kinds = trace.anomalies.map((a) => a.kind);
  expect(kinds).not.toContain('divergence');
  expect(kinds).not.toContain('lost write');
}

describe('write-through without faults', () => {
  it('never ends divergent and loses no write, when operations on a key do not overlap', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const trace = runScenario(scenarioOf({ ...s, ops: oneAtATimePerKey(s.ops) }), {
          seed: s.seed,
          record: 'frames',
        });
        expectCacheAgreesAndNothingLost(trace);
        // Every write was acknowledged, so the database holds each key's last written value.
        expect(trace.history.operations.every((o) => o.ok)).toBe(true);
      }),
      { numRuns: 200, seed: 20_240_601 },
    );
  });

  it('with version-cas, never ends divergent even when operations overlap (cache-aside reads)', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const crowded = s.ops.map((op) => ({ ...op, atMs: op.atMs % 5 }));
        const trace = runScenario(
          scenarioOf({ ...s, read: 'cache-aside', ops: crowded }, { kind: 'version-cas' }),
          {
            seed: s.seed,
            record: 'frames',
          },
        );
        expectCacheAgreesAndNothingLost(trace);
      }),
      { numRuns: 500, seed: 20_240_602 },
    );
  });

  describe('two writers of one key, 1 ms apart, on two nodes (a counterexample fast-check found)', () => {
    const racing: Shape = {
      nodes: 2,
      clients: 2,
      keys: 3,
      read: 'cache-aside',
      seed: 999_998,
      ops: [
        { atMs: 0, client: 0, write: true, key: 1 },
        { atMs: 1, client: 1, write: true, key: 1 },
        { atMs: 0, client: 0, write: false, key: 0 },
      ],
    };

    // Node 2 commits "value-2" as version 2, node 1 commits "value-1" as version 3; both SETs leave
    // at 37 ms, and node 1's reaches Redis first.
    it('plain write-through diverges: the SET of version 2 lands after the SET of version 3', () => {
      const trace = runScenario(scenarioOf(racing), { seed: racing.seed, record: 'frames' });
      const sets = trace.frames
        .filter((f) => f.actor === 'cache' && f.narration.key === 'cache.set.ttl')
        .map((f) => `${f.time} ${f.narration.params['key']}=${f.narration.params['value']}`);
      expect(sets).toEqual(['38 user:2=value-1', '39 user:2=value-2', '94 user:1=initial']);
      const end = trace.frames.at(-1)!;
      expect(end.db.find((r) => r.key === 'user:2')).toMatchObject({ value: 'value-1', version: 3 });
      expect(end.cache.find((r) => r.key === 'user:2')).toMatchObject({ value: 'value-2', version: 2 });
      expect(trace.anomalies).toMatchObject([
        { kind: 'divergence', key: 'user:2', cacheVersion: 2, dbVersion: 3 },
      ]);
    });

    it('with version-cas the late SET of version 2 is refused, and the cache keeps version 3', () => {
      const trace = runScenario(scenarioOf(racing, { kind: 'version-cas' }), {
        seed: racing.seed,
        record: 'frames',
      });
      expect(trace.frames.filter((f) => f.narration.key === 'cache.set.older')).toHaveLength(1);
      expect(trace.frames.at(-1)!.cache.find((r) => r.key === 'user:2')).toMatchObject({
        value: 'value-1',
        version: 3,
      });
      expect(trace.anomalies).toEqual([]);
    });
  });
});
