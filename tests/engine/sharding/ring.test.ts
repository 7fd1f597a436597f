import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../src/engine/sharding/murmur3.ts';
import {
  createRing,
  ringNodeAt,
  ringNodeFor,
  ringShares,
  ringWithNode,
  ringWithoutNode,
  successorIndex,
  virtualNodePoint,
  type HashRing,
} from '../../../src/engine/sharding/ring.ts';

/** A ring small enough to reason about by hand: a owns 100, b owns 200, c owns 300. */
const handMade: HashRing = {
  virtualNodesPerNode: 1,
  nodes: ['a', 'b', 'c'],
  points: [100, 200, 300],
  owners: ['a', 'b', 'c'],
};

describe('lookup: the clockwise successor', () => {
  it.each([
    [0, 'a'],
    [50, 'a'],
    [100, 'a'], // a point owns its own position
    [101, 'b'],
    [200, 'b'],
    [299, 'c'],
    [300, 'c'],
    [301, 'a'], // past the last point, wrap to the first
    [0xffffffff, 'a'],
  ])('hash %i belongs to %s', (hash, node) => {
    expect(ringNodeAt(handMade, hash)).toBe(node);
  });

  it('finds the successor by binary search on a real ring', () => {
    const ring = createRing(['n1', 'n2', 'n3'], 50);
    for (let i = 0; i < 500; i++) {
      const hash = hashOf(`key-${i}`);
      const linear = ring.points.findIndex((point) => point >= hash);
      expect(successorIndex(ring, hash)).toBe(linear === -1 ? 0 : linear);
    }
  });
});

describe('createRing', () => {
  const ring = createRing(['n1', 'n2', 'n3'], 100);

  it('places V points per node, named node#i, in ascending order', () => {
    expect(ring.points).toHaveLength(300);
    for (let i = 1; i < ring.points.length; i++)
      expect(ring.points[i]).toBeGreaterThanOrEqual(ring.points[i - 1] ?? 0);
    for (const node of ['n1', 'n2', 'n3'])
      expect(ring.owners.filter((owner) => owner === node)).toHaveLength(100);
    expect(ring.points).toContain(virtualNodePoint('n2', 99));
    expect(virtualNodePoint('n2', 99)).toBe(hashOf('n2#99'));
  });

  it('does not depend on the order nodes are listed in', () => {
    const reversed = createRing(['n3', 'n2', 'n1'], 100);
    expect(reversed.points).toEqual(ring.points);
    expect(reversed.owners).toEqual(ring.owners);
  });

  it('adds and removes nodes without touching the other nodes’ points', () => {
    const grown = ringWithNode(ring, 'n4');
    expect(grown.nodes).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(grown.points).toHaveLength(400);
    const shrunk = ringWithoutNode(grown, 'n4');
    expect(shrunk).toEqual(ring);
    expect(ring.nodes).toEqual(['n1', 'n2', 'n3']); // the original is untouched
  });

  it('gives shares of the circle that add up to 1 and even out with more virtual nodes', () => {
    const spreadOf = (virtualNodes: number) => {
      const shares = ringShares(createRing(['n1', 'n2', 'n3', 'n4', 'n5'], virtualNodes)).map((s) => s.share);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      return Math.max(...shares) - Math.min(...shares);
    };
    expect(spreadOf(1000)).toBeLessThan(spreadOf(1));
    expect(spreadOf(1000)).toBeLessThan(0.05);
  });

  it('gives a lone node the whole circle', () => {
    expect(ringShares(createRing(['only'], 1))).toEqual([{ node: 'only', share: 1 }]);
    expect(ringNodeFor(createRing(['only'], 3), 'anything')).toBe('only');
  });

  it('rejects impossible parameters with a clear message', () => {
    expect(() => createRing([], 100)).toThrow('at least one node');
    expect(() => createRing(['a', 'a'], 100)).toThrow('listed twice');
    expect(() => createRing(['a'], 0)).toThrow('virtual nodes per node');
    expect(() => createRing(['a'], 1.5)).toThrow('virtual nodes per node');
    expect(() => ringWithNode(ring, 'n1')).toThrow('already in the cluster');
    expect(() => ringWithoutNode(ring, 'n9')).toThrow('not in the cluster');
    expect(() => ringWithoutNode(createRing(['a'], 1), 'a')).toThrow('last node');
  });
});
