/**
 * Exact eviction, for comparing policies in lessons (not what Redis does; see policy.ts):
 * true LRU from the recency list, true LFU from the access count (ties: least recent first),
 * nearest expiry for TTL, and FIFO by creation order. LFU and TTL scan every candidate, which is
 * fine at teaching sizes.
 */
import type { StoredValue } from '../storedValue.ts';
import type { EvictionCandidates } from './candidates.ts';
import { isVolatilePolicy, policyKind } from './policy.ts';

export function chooseExact(view: EvictionCandidates): StoredValue | null {
  const volatile = isVolatilePolicy(view.config.policy);
  switch (policyKind(view.config.policy)) {
    case 'lru': {
      // The list's head is the answer for allkeys; volatile walks past keys without a TTL.
      let e = view.leastRecentlyUsed();
      while (e !== null && volatile && e.expiresAt === null) e = e.newer;
      return e;
    }
    case 'fifo': {
      for (const e of view.inCreationOrder()) if (!volatile || e.expiresAt !== null) return e;
      return null;
    }
    case 'lfu':
      return best(volatile ? view.volatile.members : view.all.members, fewerUses);
    case 'ttl':
      return best(view.volatile.members, expiresSooner);
    case 'random':
    case 'none':
      return null;
  }
}

function fewerUses(a: StoredValue, b: StoredValue): boolean {
  return a.accessCount !== b.accessCount ? a.accessCount < b.accessCount : a.lastAccess < b.lastAccess;
}

function expiresSooner(a: StoredValue, b: StoredValue): boolean {
  const x = a.expiresAt ?? 0;
  const y = b.expiresAt ?? 0;
  return x < y || (x === y && a.seq < b.seq);
}

function best(
  members: readonly StoredValue[],
  better: (a: StoredValue, b: StoredValue) => boolean,
): StoredValue | null {
  let top: StoredValue | null = null;
  for (const e of members) if (top === null || better(e, top)) top = e;
  return top;
}
