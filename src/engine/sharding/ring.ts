import { checkNodeNames, withNodeAdded, withNodeRemoved } from './membership.ts';
import { hashOf } from './murmur3.ts';

/**
 * A consistent-hash ring: the 32-bit hash space bent into a circle. Each node is placed at many
 * points (virtual nodes); a key belongs to the first point at or after its own hash, going
 * clockwise and wrapping past 2³²−1 to 0. Adding a node only takes over the arcs just before its
 * new points, so only about 1/(N+1) of the keys move; many points per node keep each node's share
 * of the circle close to 1/N (the spread shrinks roughly as 1/√points).
 *
 * Plain data, never mutated: adding or removing a node returns a new ring.
 */
export interface HashRing {
  readonly virtualNodesPerNode: number;
  /** In the order they joined. */
  readonly nodes: readonly string[];
  /** Every virtual node's position, ascending. */
  readonly points: readonly number[];
  /** `owners[i]` is the node placed at `points[i]`. */
  readonly owners: readonly string[];
}

/** Virtual node `i` of `node` sits at hashOf(`${node}#${i}`) (murmur3, see murmur3.ts for why). */
export function virtualNodePoint(node: string, index: number): number {
  return hashOf(`${node}#${index}`);
}

export function createRing(nodes: readonly string[], virtualNodesPerNode: number): HashRing {
  checkNodeNames(nodes);
  if (!Number.isInteger(virtualNodesPerNode) || virtualNodesPerNode < 1 || virtualNodesPerNode > 10_000) {
    throw new RangeError(
      `virtual nodes per node must be a whole number from 1 to 10000, got ${virtualNodesPerNode}`,
    );
  }
  const placed: { point: number; owner: string }[] = [];
  for (const node of nodes) {
    for (let i = 0; i < virtualNodesPerNode; i++)
      placed.push({ point: virtualNodePoint(node, i), owner: node });
  }
  // Two points can collide; ordering ties by name keeps the ring the same whatever the join order.
  placed.sort((a, b) => a.point - b.point || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  return {
    virtualNodesPerNode,
    nodes: [...nodes],
    points: placed.map((p) => p.point),
    owners: placed.map((p) => p.owner),
  };
}

export function ringWithNode(ring: HashRing, node: string): HashRing {
  return createRing(withNodeAdded(ring.nodes, node), ring.virtualNodesPerNode);
}

export function ringWithoutNode(ring: HashRing, node: string): HashRing {
  return createRing(withNodeRemoved(ring.nodes, node), ring.virtualNodesPerNode);
}

/** Index of the first point at or after `keyHash`, wrapping to 0: the clockwise successor. */
export function successorIndex(ring: HashRing, keyHash: number): number {
  let low = 0;
  let high = ring.points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ring.points[middle] ?? 0) < keyHash) low = middle + 1;
    else high = middle;
  }
  return low === ring.points.length ? 0 : low;
}

/** The node for a key whose hash (`hashOf`) is already known: the comparison hashes each key once. */
export function ringNodeAt(ring: HashRing, keyHash: number): string {
  const owner = ring.owners[successorIndex(ring, keyHash)];
  if (owner === undefined) throw new RangeError('the ring has no nodes');
  return owner;
}

export function ringNodeFor(ring: HashRing, key: string): string {
  return ringNodeAt(ring, hashOf(key));
}

/**
 * The fraction of the circle each node owns (its keys' expected share), in join order: what a
 * chart of the ring shows, and why few virtual nodes give an uneven load.
 */
export function ringShares(ring: HashRing): { node: string; share: number }[] {
  const arcs = new Map<string, number>(ring.nodes.map((node) => [node, 0]));
  const count = ring.points.length;
  for (let i = 0; i < count; i++) {
    const point = ring.points[i] ?? 0;
    // Point i owns the arc from the previous point (exclusive) up to itself; the first point's
    // arc wraps around from the last one.
    const previous = ring.points[(i + count - 1) % count] ?? 0;
    const arc = count === 1 ? 2 ** 32 : (point - previous + 2 ** 32) % 2 ** 32;
    const owner = ring.owners[i] ?? '';
    arcs.set(owner, (arcs.get(owner) ?? 0) + arc);
  }
  return ring.nodes.map((node) => ({ node, share: (arcs.get(node) ?? 0) / 2 ** 32 }));
}
