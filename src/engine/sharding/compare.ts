import {
  clusterNodeAt,
  createSlotAssignment,
  slotsMoved,
  slotsWithNode,
  slotsWithoutNode,
} from './clusterSlots.ts';
import { keySlot } from './crc16.ts';
import { loadSpread, type LoadSpread } from './loadSpread.ts';
import { checkNodeNames, withNodeAdded, withNodeRemoved } from './membership.ts';
import { moduloNodeAt } from './modulo.ts';
import { hashOf } from './murmur3.ts';
import { createRing, ringNodeAt } from './ring.ts';

/** The three ways to place keys on nodes that the load lab compares. */
export type ShardingScheme =
  | { readonly kind: 'modulo' }
  | { readonly kind: 'hash-ring'; readonly virtualNodesPerNode: number }
  | { readonly kind: 'cluster-slots' };

export type MembershipChange =
  | { readonly kind: 'add-node'; readonly node: string }
  | { readonly kind: 'remove-node'; readonly node: string };

export interface ReshardingInput {
  readonly scheme: ShardingScheme;
  /** The cluster before the change, in join order. */
  readonly nodes: readonly string[];
  readonly change: MembershipChange;
  readonly keys: readonly string[];
}

/** Keys that were on `from` before the change and are on `to` after it. */
export interface KeyFlow {
  readonly from: string;
  readonly to: string;
  readonly keys: number;
}

export interface ReshardingReport {
  readonly scheme: ShardingScheme;
  readonly change: MembershipChange;
  readonly nodesBefore: readonly string[];
  readonly nodesAfter: readonly string[];
  readonly keyCount: number;
  readonly movedKeys: number;
  /** movedKeys / keyCount; 0 when there are no keys. */
  readonly movedFraction: number;
  /**
   * The least any scheme must move with balanced nodes: the newcomer's fair share, 1/(N+1), when
   * a node joins; the leaver's share, 1/N, when one leaves. Consistent hashing comes close to it.
   */
  readonly idealMovedFraction: number;
  /** Where moved keys went, ordered by source then destination in node order. */
  readonly flows: readonly KeyFlow[];
  readonly before: LoadSpread;
  readonly after: LoadSpread;
  /** Redis Cluster only: hash slots that changed owner. null for the other schemes. */
  readonly slotsMoved: number | null;
}

/** `user:1` … `user:count`: the lab's default key set. */
export function numberedKeys(prefix: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`key count must be a whole number, got ${count}`);
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/**
 * Where each key sits before and after a node joins or leaves under `scheme`, and what that costs:
 * the fraction of keys that move, the flows between nodes, and the load spread on each side.
 * Pure and deterministic: the same input gives the same report.
 */
export function compareResharding(input: ReshardingInput): ReshardingReport {
  const { scheme, change, keys } = input;
  checkNodeNames(input.nodes);
  const nodesBefore = [...input.nodes];
  const nodesAfter =
    change.kind === 'add-node'
      ? withNodeAdded(nodesBefore, change.node)
      : withNodeRemoved(nodesBefore, change.node);
  const placement = placementsFor(scheme, nodesBefore, change);

  const ownersBefore: string[] = [];
  const ownersAfter: string[] = [];
  const flowCounts = new Map<string, Map<string, number>>();
  let movedKeys = 0;
  for (const key of keys) {
    // Hash each key once; both placements read the same position.
    const position = placement.positionOf(key);
    const from = placement.nodeBefore(position);
    const to = placement.nodeAfter(position);
    ownersBefore.push(from);
    ownersAfter.push(to);
    if (from === to) continue;
    movedKeys++;
    const row = flowCounts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    flowCounts.set(from, row);
  }

  const flows: KeyFlow[] = [];
  for (const from of nodesBefore) {
    const row = flowCounts.get(from);
    if (row === undefined) continue;
    for (const to of nodesAfter) {
      const count = row.get(to);
      if (count !== undefined) flows.push({ from, to, keys: count });
    }
  }
  return {
    scheme,
    change,
    nodesBefore,
    nodesAfter,
    keyCount: keys.length,
    movedKeys,
    movedFraction: keys.length === 0 ? 0 : movedKeys / keys.length,
    idealMovedFraction: 1 / Math.max(nodesBefore.length, nodesAfter.length),
    flows,
    before: loadSpread(nodesBefore, ownersBefore),
    after: loadSpread(nodesAfter, ownersAfter),
    slotsMoved: placement.slotsMoved,
  };
}

/** The load spread of `keys` over `nodes` under `scheme`, with no change: the lab's starting view. */
export function loadUnder(
  scheme: ShardingScheme,
  nodes: readonly string[],
  keys: readonly string[],
): LoadSpread {
  checkNodeNames(nodes);
  const { positionOf, nodeAt } = placementOf(scheme, nodes);
  return loadSpread(
    nodes,
    keys.map((key) => nodeAt(positionOf(key))),
  );
}

interface Placement {
  /** A key's fixed position: its 32-bit hash, or its hash slot for Redis Cluster. */
  readonly positionOf: (key: string) => number;
  readonly nodeAt: (position: number) => string;
}

function placementOf(scheme: ShardingScheme, nodes: readonly string[]): Placement {
  switch (scheme.kind) {
    case 'modulo':
      return { positionOf: hashOf, nodeAt: (hash) => moduloNodeAt(nodes, hash) };
    case 'hash-ring': {
      const ring = createRing(nodes, scheme.virtualNodesPerNode);
      return { positionOf: hashOf, nodeAt: (hash) => ringNodeAt(ring, hash) };
    }
    case 'cluster-slots': {
      const assignment = createSlotAssignment(nodes);
      return { positionOf: keySlot, nodeAt: (slot) => clusterNodeAt(assignment, slot) };
    }
  }
}

interface Placements {
  readonly positionOf: (key: string) => number;
  readonly nodeBefore: (position: number) => string;
  readonly nodeAfter: (position: number) => string;
  readonly slotsMoved: number | null;
}

function placementsFor(
  scheme: ShardingScheme,
  nodes: readonly string[],
  change: MembershipChange,
): Placements {
  if (scheme.kind === 'cluster-slots') {
    // Slots are resharded from the cluster as it was, not re-created: Redis never re-deals slots
    // from scratch, which is why only the slots that change owner move their keys.
    const before = createSlotAssignment(nodes);
    const after =
      change.kind === 'add-node' ? slotsWithNode(before, change.node) : slotsWithoutNode(before, change.node);
    return {
      positionOf: keySlot,
      nodeBefore: (slot) => clusterNodeAt(before, slot),
      nodeAfter: (slot) => clusterNodeAt(after, slot),
      slotsMoved: slotsMoved(before, after),
    };
  }
  // Modulo and the ring depend only on the node list, so the after-side is built from scratch.
  const nodesAfter =
    change.kind === 'add-node' ? withNodeAdded(nodes, change.node) : withNodeRemoved(nodes, change.node);
  const before = placementOf(scheme, nodes);
  const after = placementOf(scheme, nodesAfter);
  return {
    positionOf: before.positionOf,
    nodeBefore: before.nodeAt,
    nodeAfter: after.nodeAt,
    slotsMoved: null,
  };
}
