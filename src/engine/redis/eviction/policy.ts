/**
 * Eviction settings. Two modes, which lessons switch between:
 *  - `redis`: what Redis really does — approximated LRU/LFU/TTL from `maxmemory-samples` random
 *    keys feeding a 16-slot eviction pool, LFU's logarithmic counter with decay, the LRU clock in
 *    seconds (eviction/sampled.ts).
 *  - `exact`: the textbook algorithms, for comparing policies — true LRU (a recency list), true LFU
 *    (a plain access count, ties broken by recency), exact nearest-expiry for TTL, and FIFO
 *    (eviction/exact.ts). Random is the same seeded random in both modes.
 */
export const REDIS_POLICIES = [
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'noeviction',
] as const;

export type RedisPolicy = (typeof REDIS_POLICIES)[number];
/** FIFO is not a Redis policy: it exists only in exact mode, and CONFIG SET does not accept it. */
export type EvictionPolicy = RedisPolicy | 'allkeys-fifo' | 'volatile-fifo';
export type EvictionMode = 'redis' | 'exact';

export interface EvictionConfig {
  /** Bytes; 0 means no limit, as in Redis. */
  maxmemory: number;
  /**
   * Keys; 0 means no limit. Not a Redis setting: the load lab's caches count keys, not bytes,
   * and evict by the same policies when one key too many is stored.
   */
  maxkeys: number;
  policy: EvictionPolicy;
  /** maxmemory-samples: keys looked at per eviction in redis mode. */
  samples: number;
  mode: EvictionMode;
  lfuLogFactor: number;
  /** lfu-decay-time, in minutes. */
  lfuDecayTime: number;
}

export const DEFAULT_EVICTION: EvictionConfig = {
  maxmemory: 0,
  maxkeys: 0,
  policy: 'noeviction',
  samples: 5,
  mode: 'redis',
  lfuLogFactor: 10,
  lfuDecayTime: 1,
};

export type PolicyKind = 'lru' | 'lfu' | 'ttl' | 'random' | 'fifo' | 'none';

export function policyKind(policy: EvictionPolicy): PolicyKind {
  if (policy === 'noeviction') return 'none';
  return policy.slice(policy.indexOf('-') + 1) as PolicyKind;
}

export function isVolatilePolicy(policy: EvictionPolicy): boolean {
  return policy.startsWith('volatile-');
}

export function isLfuPolicy(policy: EvictionPolicy): boolean {
  return policy.endsWith('-lfu');
}

export function isRedisPolicy(name: string): name is RedisPolicy {
  return (REDIS_POLICIES as readonly string[]).includes(name);
}
