import { describe, expect, it } from 'vitest';
import {
  compareResharding,
  loadUnder,
  numberedKeys,
  type ReshardingInput,
} from '../../../src/engine/sharding/compare.ts';
import { loadSpread, spreadOfCounts } from '../../../src/engine/sharding/loadSpread.ts';

describe('load spread', () => {
  it('measures a hand-made assignment: max/mean and the population standard deviation', () => {
    const spread = spreadOfCounts([
      { node: 'a', keys: 10 },
      { node: 'b', keys: 20 },
      { node: 'c', keys: 30 },
      { node: 'd', keys: 40 },
    ]);
    expect(spread.totalKeys).toBe(100);
    expect(spread.mean).toBe(25);
    expect(spread.min).toBe(10);
    expect(spread.max).toBe(40);
    expect(spread.maxOverMean).toBe(1.6);
    // Deviations −15, −5, 5, 15: (225 + 25 + 25 + 225) / 4 = 125, divided by N (population).
    expect(spread.standardDeviation).toBeCloseTo(Math.sqrt(125), 12);
    expect(spread.relativeStandardDeviation).toBeCloseTo(Math.sqrt(125) / 25, 12);
  });

  it('counts keys per node from placements, nodes without keys as 0', () => {
    const spread = loadSpread(['a', 'b', 'c'], ['a', 'a', 'b', 'a']);
    expect(spread.keysPerNode).toEqual([
      { node: 'a', keys: 3 },
      { node: 'b', keys: 1 },
      { node: 'c', keys: 0 },
    ]);
    expect(spread.maxOverMean).toBeCloseTo(3 / (4 / 3), 12);
  });

  it('is perfectly even when every node holds the same', () => {
    const spread = loadSpread(['a', 'b'], ['a', 'b', 'b', 'a']);
    expect(spread.maxOverMean).toBe(1);
    expect(spread.standardDeviation).toBe(0);
  });

  it('handles no keys and rejects placements on unknown nodes', () => {
    expect(loadSpread(['a'], []).maxOverMean).toBe(0);
    expect(() => loadSpread(['a'], ['z'])).toThrow('"z"');
    expect(() => spreadOfCounts([])).toThrow('at least one node');
  });
});

describe('compareResharding', () => {
  const keys = numberedKeys('user:', 10_000);
  const input = (scheme: ReshardingInput['scheme']): ReshardingInput => ({
    scheme,
    nodes: ['a', 'b', 'c'],
    change: { kind: 'add-node', node: 'd' },
    keys,
  });

  it('is deterministic: the same input gives the same report, to the key', () => {
    for (const scheme of [
      { kind: 'modulo' },
      { kind: 'hash-ring', virtualNodesPerNode: 100 },
      { kind: 'cluster-slots' },
    ] as const) {
      expect(compareResharding(input(scheme))).toEqual(compareResharding(input(scheme)));
    }
  });

  it('pins the numbers for a fixed input, so a change in hashing or placement shows up', () => {
    const summary = (scheme: ReshardingInput['scheme']) => {
      const report = compareResharding(input(scheme));
      return {
        moved: report.movedKeys,
        after: report.after.keysPerNode.map((n) => n.keys),
        slotsMoved: report.slotsMoved,
      };
    };
    expect(summary({ kind: 'modulo' })).toMatchInlineSnapshot(`
      {
        "after": [
          2457,
          2491,
          2525,
          2527,
        ],
        "moved": 7431,
        "slotsMoved": null,
      }
    `);
    expect(summary({ kind: 'hash-ring', virtualNodesPerNode: 100 })).toMatchInlineSnapshot(`
      {
        "after": [
          2996,
          2264,
          2267,
          2473,
        ],
        "moved": 2473,
        "slotsMoved": null,
      }
    `);
    expect(summary({ kind: 'cluster-slots' })).toMatchInlineSnapshot(`
      {
        "after": [
          2504,
          2509,
          2500,
          2487,
        ],
        "moved": 2487,
        "slotsMoved": 4096,
      }
    `);
  });

  it('accounts for every key: flows add up to the moved keys, loads to the key count', () => {
    const report = compareResharding(input({ kind: 'modulo' }));
    expect(report.keyCount).toBe(10_000);
    expect(report.flows.reduce((sum, flow) => sum + flow.keys, 0)).toBe(report.movedKeys);
    expect(report.before.totalKeys).toBe(10_000);
    expect(report.after.totalKeys).toBe(10_000);
    expect(report.nodesBefore).toEqual(['a', 'b', 'c']);
    expect(report.nodesAfter).toEqual(['a', 'b', 'c', 'd']);
    expect(report.idealMovedFraction).toBe(1 / 4);
    expect(report.slotsMoved).toBeNull();
  });

  it('states the ideal for a removal as 1/N', () => {
    const report = compareResharding({
      ...input({ kind: 'modulo' }),
      change: { kind: 'remove-node', node: 'b' },
    });
    expect(report.idealMovedFraction).toBe(1 / 3);
    expect(report.nodesAfter).toEqual(['a', 'c']);
  });

  it('keeps tagged keys together through a reshard', () => {
    const tagged = ['{cart:7}.items', '{cart:7}.total', '{cart:7}.owner'];
    const report = compareResharding({ ...input({ kind: 'cluster-slots' }), keys: tagged });
    expect([0, 3]).toContain(report.movedKeys); // all or nothing: they share one slot
  });

  it('reports an empty key set without dividing by zero', () => {
    const report = compareResharding({ ...input({ kind: 'hash-ring', virtualNodesPerNode: 10 }), keys: [] });
    expect(report.movedFraction).toBe(0);
    expect(report.before.maxOverMean).toBe(0);
  });

  it('rejects impossible changes with a clear message', () => {
    const modulo = input({ kind: 'modulo' });
    expect(() => compareResharding({ ...modulo, change: { kind: 'add-node', node: 'a' } })).toThrow(
      'already',
    );
    expect(() => compareResharding({ ...modulo, change: { kind: 'remove-node', node: 'x' } })).toThrow(
      'not in',
    );
    expect(() =>
      compareResharding({ ...modulo, nodes: ['a'], change: { kind: 'remove-node', node: 'a' } }),
    ).toThrow('last node');
    expect(() => compareResharding({ ...input({ kind: 'hash-ring', virtualNodesPerNode: 0 }) })).toThrow(
      'virtual nodes',
    );
  });
});

describe('loadUnder and numberedKeys', () => {
  it('numbers keys from 1', () => {
    expect(numberedKeys('user:', 3)).toEqual(['user:1', 'user:2', 'user:3']);
    expect(numberedKeys('k', 0)).toEqual([]);
    expect(() => numberedKeys('k', -1)).toThrow('whole number');
  });

  it('shows the load of a scheme with no change', () => {
    const spread = loadUnder({ kind: 'cluster-slots' }, ['a', 'b', 'c'], numberedKeys('user:', 30_000));
    expect(spread.totalKeys).toBe(30_000);
    expect(spread.maxOverMean).toBeLessThan(1.03);
  });
});
