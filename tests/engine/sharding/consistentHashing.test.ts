/**
 * The load lab's acceptance tests for consistent hashing: how many keys move when a node joins or
 * leaves, under modulo placement, a hash ring with virtual nodes, and Redis Cluster's hash slots.
 */
import { describe, expect, it } from 'vitest';
import {
  compareResharding,
  numberedKeys,
  type ReshardingReport,
  type ShardingScheme,
} from '../../../src/engine/sharding/compare.ts';

const KEYS = numberedKeys('user:', 100_000);
const nodesNamed = (count: number) => Array.from({ length: count }, (_, i) => `node-${i + 1}`);

const adding = (scheme: ShardingScheme, count: number): ReshardingReport =>
  compareResharding({
    scheme,
    nodes: nodesNamed(count),
    change: { kind: 'add-node', node: `node-${count + 1}` },
    keys: KEYS,
  });

const removing = (scheme: ShardingScheme, count: number, node: string): ReshardingReport =>
  compareResharding({ scheme, nodes: nodesNamed(count), change: { kind: 'remove-node', node }, keys: KEYS });

describe('hash ring with virtual nodes', () => {
  describe.each([100, 200])('%i virtual nodes per node', (virtualNodesPerNode) => {
    const scheme: ShardingScheme = { kind: 'hash-ring', virtualNodesPerNode };

    it.each([3, 5, 10])(
      'adding node %i+1 moves between 0.5/(N+1) and 1.5/(N+1) of the keys, all to it',
      (count) => {
        const report = adding(scheme, count);
        expect(report.movedFraction).toBeGreaterThanOrEqual(0.5 / (count + 1));
        expect(report.movedFraction).toBeLessThanOrEqual(1.5 / (count + 1));
        expect(report.flows.every((flow) => flow.to === `node-${count + 1}`)).toBe(true);
        // Every key the newcomer holds came from somewhere else.
        expect(report.after.keysPerNode.at(-1)?.keys).toBe(report.movedKeys);
      },
    );

    it.each([3, 5, 10])(
      'removing a node of %i moves about 1/N of the keys, only the removed node’s',
      (count) => {
        const removed = 'node-2';
        const report = removing(scheme, count, removed);
        expect(report.movedFraction).toBeGreaterThanOrEqual(0.5 / count);
        expect(report.movedFraction).toBeLessThanOrEqual(1.5 / count);
        expect(report.flows.every((flow) => flow.from === removed)).toBe(true);
        expect(report.movedKeys).toBe(report.before.keysPerNode.find((n) => n.node === removed)?.keys);
      },
    );
  });
});

describe('modulo placement', () => {
  it.each([2, 3, 5, 10])('going from %i to N+1 nodes moves more than half of the keys', (count) => {
    const report = adding({ kind: 'modulo' }, count);
    expect(report.movedFraction).toBeGreaterThan(0.5);
    // A key stays only if hash mod N and hash mod N+1 name the same node: 1 key in N+1.
    expect(report.movedFraction).toBeCloseTo(count / (count + 1), 2);
  });
});

describe('Redis Cluster hash slots', () => {
  it.each([3, 5, 10])(
    'adding node %i+1 moves about 1/(N+1) of the keys, just the resharded slots’',
    (count) => {
      const report = adding({ kind: 'cluster-slots' }, count);
      expect(report.movedFraction).toBeGreaterThanOrEqual(0.9 / (count + 1));
      expect(report.movedFraction).toBeLessThanOrEqual(1.1 / (count + 1));
      expect(report.slotsMoved).toBeGreaterThan(0);
      expect(report.flows.every((flow) => flow.to === `node-${count + 1}`)).toBe(true);
      // Contiguous slot ranges, resharded evenly: the load stays flat.
      expect(report.after.maxOverMean).toBeLessThan(1.02);
    },
  );

  it('removing a node moves only its keys', () => {
    const report = removing({ kind: 'cluster-slots' }, 5, 'node-3');
    expect(report.flows.every((flow) => flow.from === 'node-3')).toBe(true);
    expect(report.movedFraction).toBeCloseTo(1 / 5, 2);
  });
});
