import type { StoredValue } from './storedValue.ts';

/**
 * A set of keys that can hand out a uniformly random member in O(1), the way Redis samples its
 * dicts for eviction and active expiry. Removal swaps the last member into the hole.
 */
export class SampleIndex {
  readonly members: StoredValue[] = [];

  constructor(private readonly slotOf: 'slot' | 'volatileSlot') {}

  get size(): number {
    return this.members.length;
  }

  add(entry: StoredValue): void {
    if (entry[this.slotOf] !== -1) return;
    entry[this.slotOf] = this.members.length;
    this.members.push(entry);
  }

  remove(entry: StoredValue): void {
    const slot = entry[this.slotOf];
    if (slot === -1) return;
    const last = this.members.pop() as StoredValue;
    if (last !== entry) {
      this.members[slot] = last;
      last[this.slotOf] = slot;
    }
    entry[this.slotOf] = -1;
  }

  /** The member at a position drawn by the caller's seeded random, in [0, 1). */
  at(fraction: number): StoredValue | undefined {
    return this.members[Math.floor(fraction * this.members.length)];
  }

  clear(): void {
    for (const entry of this.members) entry[this.slotOf] = -1;
    this.members.length = 0;
  }
}
