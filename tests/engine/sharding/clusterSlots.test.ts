import { describe, expect, it } from 'vitest';
import {
  clusterNodeFor,
  createSlotAssignment,
  slotCounts,
  slotRanges,
  slotsMoved,
  slotsWithNode,
  slotsWithoutNode,
  type SlotAssignment,
} from '../../../src/engine/sharding/clusterSlots.ts';
import { HASH_SLOT_COUNT } from '../../../src/engine/sharding/crc16.ts';

const nodesNamed = (count: number) => Array.from({ length: count }, (_, i) => `m${i}`);

const expectEverySlotOwnedOnce = (assignment: SlotAssignment) => {
  expect(assignment.owners).toHaveLength(HASH_SLOT_COUNT);
  const members = new Set(assignment.nodes);
  // One expect for all 16384 slots: an expect per slot would make this file slow.
  expect(assignment.owners.filter((owner) => !members.has(owner))).toEqual([]);
  const counted = slotCounts(assignment).reduce((sum, { slots }) => sum + slots, 0);
  expect(counted).toBe(HASH_SLOT_COUNT);
};

const ranges = (assignment: SlotAssignment) =>
  slotRanges(assignment).map(({ node, first, last }) => `${node} ${first}-${last}`);

describe('createSlotAssignment: as `redis-cli --cluster create`', () => {
  // The "Master[i] -> Slots a - b" lines printed by redis-cli 7.0.15 creating real clusters of
  // 3, 5 and 10 masters (--cluster-replicas 0).
  it.each([
    [3, ['m0 0-5460', 'm1 5461-10922', 'm2 10923-16383']],
    [5, ['m0 0-3276', 'm1 3277-6553', 'm2 6554-9829', 'm3 9830-13106', 'm4 13107-16383']],
    [
      10,
      [
        'm0 0-1637',
        'm1 1638-3276',
        'm2 3277-4914',
        'm3 4915-6553',
        'm4 6554-8191',
        'm5 8192-9829',
        'm6 9830-11468',
        'm7 11469-13106',
        'm8 13107-14745',
        'm9 14746-16383',
      ],
    ],
  ])('%i masters get the ranges redis-cli prints', (count, expected) => {
    expect(ranges(createSlotAssignment(nodesNamed(count)))).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 6, 7, 11, 16, 100])(
    'assigns every slot exactly once to %i masters, evenly',
    (count) => {
      const assignment = createSlotAssignment(nodesNamed(count));
      expectEverySlotOwnedOnce(assignment);
      const counts = slotCounts(assignment).map(({ slots }) => slots);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(slotRanges(assignment)).toHaveLength(count); // contiguous: one range per master
    },
  );

  it('serves a key from the owner of its slot', () => {
    const assignment = createSlotAssignment(nodesNamed(3));
    expect(clusterNodeFor(assignment, 'foo')).toBe('m2'); // slot 12182
    expect(clusterNodeFor(assignment, 'bar')).toBe('m0'); // slot 5061
    expect(clusterNodeFor(assignment, '{user1000}.following')).toBe('m0'); // slot 3443
  });

  it('rejects an empty or duplicated node list', () => {
    expect(() => createSlotAssignment([])).toThrow('at least one node');
    expect(() => createSlotAssignment(['a', 'a'])).toThrow('listed twice');
  });
});

describe('slotsWithNode: as `redis-cli --cluster reshard --cluster-from all`', () => {
  // CLUSTER NODES after a real Redis 7.0.15 cluster got `--cluster add-node` and then
  // `--cluster reshard --cluster-from all --cluster-to <new> --cluster-slots floor(16384/(N+1))`.
  it('3 → 4 masters: 4096 slots, the fullest master first, lowest slots of each', () => {
    const after = slotsWithNode(createSlotAssignment(nodesNamed(3)), 'new');
    expect(ranges(after)).toEqual([
      'new 0-1364',
      'm0 1365-5460',
      'new 5461-6826', // m1 held 5462 slots, so it gave the rounded-up share
      'm1 6827-10922',
      'new 10923-12287',
      'm2 12288-16383',
    ]);
  });

  it('5 → 6 masters: 2730 slots', () => {
    const after = slotsWithNode(createSlotAssignment(nodesNamed(5)), 'new');
    expect(slotCounts(after).find((c) => c.node === 'new')?.slots).toBe(2730);
    expect(ranges(after).filter((range) => range.startsWith('new'))).toEqual([
      'new 0-546',
      'new 3277-3822',
      'new 6554-7098',
      'new 9830-10375',
      'new 13107-13652',
    ]);
  });

  it.each([1, 2, 3, 4, 5, 7, 10, 15])(
    '%i → N+1 masters moves about 1/(N+1) of the slots, all to the newcomer',
    (count) => {
      const before = createSlotAssignment(nodesNamed(count));
      const after = slotsWithNode(before, 'new');
      expectEverySlotOwnedOnce(after);
      const moved = slotsMoved(before, after);
      expect(Math.abs(moved / HASH_SLOT_COUNT - 1 / (count + 1))).toBeLessThan(0.01);
      expect(after.owners.filter((owner, slot) => owner !== before.owners[slot] && owner !== 'new')).toEqual(
        [],
      );
    },
  );
});

describe('slotsWithoutNode', () => {
  it('deals the leaver’s slots in blocks to the emptiest masters first', () => {
    const after = slotsWithoutNode(createSlotAssignment(nodesNamed(3)), 'm1');
    // m1's 5462 slots (5461–10922) split 2731 + 2731: the lower block to m0, which joined first.
    expect(ranges(after)).toEqual(['m0 0-8191', 'm2 8192-16383']);
  });

  it.each([2, 3, 5, 10])('from %i masters moves only the leaver’s slots and keeps the rest even', (count) => {
    const before = createSlotAssignment(nodesNamed(count));
    const after = slotsWithoutNode(before, 'm1');
    expectEverySlotOwnedOnce(after);
    expect(after.nodes).not.toContain('m1');
    expect(slotsMoved(before, after)).toBe(before.owners.filter((owner) => owner === 'm1').length);
    const counts = slotCounts(after).map(({ slots }) => slots);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });

  it('refuses to remove an unknown node or the last one', () => {
    expect(() => slotsWithoutNode(createSlotAssignment(['a']), 'a')).toThrow('last node');
    expect(() => slotsWithoutNode(createSlotAssignment(['a', 'b']), 'c')).toThrow('not in the cluster');
    expect(() => slotsWithNode(createSlotAssignment(['a', 'b']), 'b')).toThrow('already in the cluster');
  });
});
