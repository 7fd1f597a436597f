import { HASH_SLOT_COUNT, keySlot } from './crc16.ts';
import { checkNodeNames, withNodeAdded, withNodeRemoved } from './membership.ts';

/**
 * Redis Cluster placement: a key's slot is fixed forever (CRC16 of the key, see crc16.ts); what
 * changes is which node owns each of the 16384 slots. Resharding moves whole slots, so the keys
 * that move are exactly the keys in the slots that changed hands.
 */
export interface SlotAssignment {
  /** Masters in the order they joined. */
  readonly nodes: readonly string[];
  /** `owners[slot]` is the node serving that slot; always 16384 long. */
  readonly owners: readonly string[];
}

export interface SlotRange {
  readonly node: string;
  readonly first: number;
  readonly last: number;
}

/** C's float arithmetic, which redis-cli uses for slot boundaries: every step rounds to 32 bits. */
const float32 = Math.fround;

/**
 * The slots as `redis-cli --cluster create` hands them to N masters: contiguous ranges in node
 * order, boundaries computed in single-precision floats exactly as redis-cli does (`lround` of a
 * running cursor), so 3 masters get 0–5460, 5461–10922 and 10923–16383. redis-cli refuses fewer
 * than 3 masters; the lab allows 1 or 2 so it can start small.
 */
export function createSlotAssignment(nodes: readonly string[]): SlotAssignment {
  checkNodeNames(nodes);
  const owners: string[] = new Array<string>(HASH_SLOT_COUNT);
  const slotsPerNode = float32(HASH_SLOT_COUNT / nodes.length);
  let cursor = 0;
  let first = 0;
  nodes.forEach((node, index) => {
    // lround rounds halves away from zero; for these positive values Math.round does the same.
    let last = Math.round(float32(float32(cursor + slotsPerNode) - 1));
    if (last > HASH_SLOT_COUNT || index === nodes.length - 1) last = HASH_SLOT_COUNT - 1;
    if (last < first) last = first;
    owners.fill(node, first, last + 1);
    first = last + 1;
    cursor = float32(cursor + slotsPerNode);
  });
  return { nodes: [...nodes], owners };
}

/**
 * `node` joins empty, then takes floor(16384 / (N+1)) slots — the even share `redis-cli --cluster
 * rebalance` aims every master at — from all the others, the way `redis-cli --cluster reshard
 * --cluster-from all` plans it: masters with the most slots first, each giving up its lowest
 * numbered slots in proportion to how many it holds (the first rounded up, the rest down, so the
 * total can fall a slot or two short, as it does in redis-cli).
 */
export function slotsWithNode(assignment: SlotAssignment, node: string): SlotAssignment {
  const nodes = withNodeAdded(assignment.nodes, node);
  const owners = [...assignment.owners];
  const wanted = Math.floor(HASH_SLOT_COUNT / nodes.length);
  const sources = slotCounts(assignment)
    .map((entry, joinOrder) => ({ ...entry, joinOrder }))
    .filter((entry) => entry.slots > 0)
    // redis-cli's qsort is not stable; ties are broken by join order here so the plan is repeatable.
    .sort((a, b) => b.slots - a.slots || a.joinOrder - b.joinOrder);
  const sourceSlots = sources.reduce((sum, source) => sum + source.slots, 0);
  let moved = 0;
  sources.forEach((source, rank) => {
    // Single-precision, as in redis-cli's clusterManagerComputeReshardTable.
    const share = float32(float32(float32(wanted) / sourceSlots) * source.slots);
    const quota = rank === 0 ? Math.ceil(share) : Math.floor(share);
    let given = 0;
    for (let slot = 0; slot < HASH_SLOT_COUNT && given < quota && moved < wanted; slot++) {
      if (assignment.owners[slot] !== source.node) continue;
      owners[slot] = node;
      given++;
      moved++;
    }
  });
  return { nodes, owners };
}

/**
 * `node` leaves: Redis will not forget a master that still owns slots, so they are resharded away
 * first. Rule used here: its slots, lowest first, are dealt in contiguous blocks of as-equal-as-
 * possible size to the remaining masters, the ones with fewest slots first (ties in join order) —
 * one `reshard --cluster-from <node> --cluster-to <each>` per remaining master. Only the leaving
 * node's slots move.
 */
export function slotsWithoutNode(assignment: SlotAssignment, node: string): SlotAssignment {
  const nodes = withNodeRemoved(assignment.nodes, node);
  const owners = [...assignment.owners];
  const counts = new Map(slotCounts(assignment).map(({ node: name, slots }) => [name, slots]));
  const receivers = [...nodes].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  const leaving: number[] = [];
  assignment.owners.forEach((owner, slot) => {
    if (owner === node) leaving.push(slot);
  });
  const base = Math.floor(leaving.length / receivers.length);
  const extra = leaving.length % receivers.length;
  let next = 0;
  receivers.forEach((receiver, rank) => {
    const block = base + (rank < extra ? 1 : 0);
    for (const slot of leaving.slice(next, next + block)) owners[slot] = receiver;
    next += block;
  });
  return { nodes, owners };
}

/** Which node serves `key`: the owner of its hash slot. */
export function clusterNodeFor(assignment: SlotAssignment, key: string): string {
  return clusterNodeAt(assignment, keySlot(key));
}

/** The node for a key whose slot (`keySlot`) is already known: the comparison computes it once. */
export function clusterNodeAt(assignment: SlotAssignment, slot: number): string {
  const owner = assignment.owners[slot];
  if (owner === undefined) throw new RangeError(`slot ${slot} is not in 0–${HASH_SLOT_COUNT - 1}`);
  return owner;
}

/** Slots per node, in join order. */
export function slotCounts(assignment: SlotAssignment): { node: string; slots: number }[] {
  const counts = new Map<string, number>(assignment.nodes.map((node) => [node, 0]));
  for (const owner of assignment.owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  return assignment.nodes.map((node) => ({ node, slots: counts.get(node) ?? 0 }));
}

/** Runs of consecutive slots with one owner, ascending: what `CLUSTER SLOTS` lists. */
export function slotRanges(assignment: SlotAssignment): SlotRange[] {
  const ranges: SlotRange[] = [];
  assignment.owners.forEach((node, slot) => {
    const open = ranges[ranges.length - 1];
    if (open !== undefined && open.node === node && open.last === slot - 1) {
      ranges[ranges.length - 1] = { ...open, last: slot };
    } else {
      ranges.push({ node, first: slot, last: slot });
    }
  });
  return ranges;
}

/** How many slots changed owner between two assignments. */
export function slotsMoved(before: SlotAssignment, after: SlotAssignment): number {
  let moved = 0;
  for (let slot = 0; slot < HASH_SLOT_COUNT; slot++) if (before.owners[slot] !== after.owners[slot]) moved++;
  return moved;
}
