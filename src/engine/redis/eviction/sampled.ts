/**
 * Redis-faithful eviction (evict.c): sample `maxmemory-samples` keys, score each (LRU: idle time
 * from the LRU clock; LFU: 255 − decayed counter; TTL: the further from expiry, the lower), merge
 * them into a 16-slot pool sorted by score that survives between evictions, then evict the best
 * candidate that still exists. Sampling draws with the injected seeded random (Redis's
 * `dictGetSomeKeys` walks adjacent buckets instead; ours picks uniformly, which is what it
 * approximates).
 */
import type { StoredValue } from '../storedValue.ts';
import type { EvictionCandidates } from './candidates.ts';
import { estimateIdleMs, lfuDecayed } from './clocks.ts';
import { isVolatilePolicy, policyKind } from './policy.ts';

const POOL_SIZE = 16;

interface PoolSlot {
  key: string;
  idle: number;
}

export class EvictionPool {
  private readonly slots: (PoolSlot | null)[] = new Array<PoolSlot | null>(POOL_SIZE).fill(null);

  clear(): void {
    this.slots.fill(null);
  }

  /** The key to evict next, or null when there is nothing to sample. */
  choose(view: EvictionCandidates): StoredValue | null {
    const volatile = isVolatilePolicy(view.config.policy);
    const source = volatile ? view.volatile : view.all;
    for (;;) {
      if (source.size === 0) return null;
      this.populate(view, volatile);
      for (let k = POOL_SIZE - 1; k >= 0; k--) {
        const slot = this.slots[k];
        if (slot === null || slot === undefined) continue;
        this.slots[k] = null;
        const entry = view.get(slot.key);
        // A ghost (deleted since it was pooled, or no longer volatile) is skipped, as in Redis.
        if (entry !== undefined && (!volatile || entry.expiresAt !== null)) return entry;
      }
    }
  }

  private populate(view: EvictionCandidates, volatile: boolean): void {
    const source = volatile ? view.volatile : view.all;
    const now = view.now();
    const count = Math.min(view.config.samples, source.size);
    for (let j = 0; j < count; j++) {
      const entry = source.at(view.random.next());
      if (entry === undefined) continue;
      this.insert(entry.key, score(entry, view, now));
    }
  }

  /** evictionPoolPopulate's insertion: keep the pool sorted by ascending idle score. */
  private insert(key: string, idle: number): void {
    const pool = this.slots;
    let k = 0;
    while (k < POOL_SIZE && pool[k] !== null && (pool[k] as PoolSlot).idle < idle) k++;
    if (k === 0 && pool[POOL_SIZE - 1] !== null) return; // worse than everything in a full pool
    if (k < POOL_SIZE && pool[k] === null) {
      // an empty slot: insert here
    } else if (pool[POOL_SIZE - 1] === null) {
      for (let i = POOL_SIZE - 1; i > k; i--) pool[i] = pool[i - 1] as PoolSlot | null;
    } else {
      k--;
      for (let i = 0; i < k; i++) pool[i] = pool[i + 1] as PoolSlot | null;
    }
    pool[k] = { key, idle };
  }
}

function score(entry: StoredValue, view: EvictionCandidates, now: number): number {
  switch (policyKind(view.config.policy)) {
    case 'lfu':
      return 255 - lfuDecayed(entry.lru, now, view.config.lfuDecayTime);
    case 'ttl':
      // Sooner expiry scores higher (Redis: ULLONG_MAX − expire).
      return Number.MAX_SAFE_INTEGER - (entry.expiresAt ?? 0);
    default:
      return estimateIdleMs(entry.lru, now);
  }
}
