/**
 * Hit-ratio simulation: a cache of `size` keys serving a stream of keys, with the policy under
 * test. It is the engine's own Keyspace behind the command executor — the code the cache machine
 * runs — not a second implementation: each request is a GET, and a miss is followed by a SET of
 * that key (cache-aside). The cache starts empty, so the first request for every key misses.
 *
 * What "size" means: the keyspace's `maxkeys` limit, so sizes count keys and not bytes. As in the
 * engine (and in Redis, which evicts when memory is over the limit), the SET that makes one key too
 * many is followed by an eviction among all keys, the new one included: exact LFU may evict a key
 * just written, which has one use against the others' several.
 */
import { executeCommand } from '../redis/commands.ts';
import type { EvictionConfig } from '../redis/eviction/policy.ts';
import { Keyspace } from '../redis/keyspace.ts';
import { createRandom } from '../sim/random.ts';

export const HIT_RATIO_POLICIES = ['lru', 'lfu', 'fifo', 'random', 'redis-lru', 'redis-lfu'] as const;
export type HitRatioPolicy = (typeof HIT_RATIO_POLICIES)[number];

/** The exact textbook policies; `redis-*` are Redis's sampled approximations (maxmemory-samples 5). */
const EVICTION: Record<HitRatioPolicy, Pick<EvictionConfig, 'mode' | 'policy'>> = {
  lru: { mode: 'exact', policy: 'allkeys-lru' },
  lfu: { mode: 'exact', policy: 'allkeys-lfu' },
  fifo: { mode: 'exact', policy: 'allkeys-fifo' },
  random: { mode: 'exact', policy: 'allkeys-random' },
  'redis-lru': { mode: 'redis', policy: 'allkeys-lru' },
  'redis-lfu': { mode: 'redis', policy: 'allkeys-lfu' },
};

export interface HitRatioOptions {
  policy: HitRatioPolicy;
  /** The cache's capacity in keys, ≥ 1. */
  size: number;
  /** The requested keys, in order (an array, a file's lines, or a generator such as `zipfTrace`). */
  keys: Iterable<string>;
  /** Seeds the cache's own random: random eviction, Redis's sampling and its LFU counter. */
  seed?: number;
  /**
   * Virtual milliseconds between requests (default 1). Only Redis's clocks read time: its LRU
   * stamp has one-second resolution and its LFU counter decays per minute idle, so the request
   * rate changes what `redis-lru` and `redis-lfu` can tell apart.
   */
  msPerRequest?: number;
  /**
   * Requests served first without being counted, to measure a steady state. 0 by default: the
   * CLI's figures count every cold miss.
   */
  warmUpRequests?: number;
  /**
   * Called with the number of requests served so far (warm-up included) every `progressEvery`
   * requests, for a progress bar on long runs. It cannot change the result. The loop is
   * synchronous, so a caller in a worker cancels by terminating the worker, not through this hook.
   */
  onProgress?: (served: number) => void;
  /** How many requests between `onProgress` calls; 10,000 by default. */
  progressEvery?: number;
}

export interface HitRatioResult {
  policy: HitRatioPolicy;
  size: number;
  requests: number;
  hits: number;
  misses: number;
  /** misses / requests; 0 when there were no requests. */
  missRatio: number;
}

/** The value every cached key holds: its content does not matter when sizes count keys. */
const CACHED_VALUE = '1';
/** XORed into the seed so the cache's random is not the stream a Zipf trace with the same seed uses. */
const CACHE_STREAM = 0x63616368;
const DEFAULT_PROGRESS_EVERY = 10_000;

export function isHitRatioPolicy(name: string): name is HitRatioPolicy {
  return (HIT_RATIO_POLICIES as readonly string[]).includes(name);
}

export function simulateHitRatio(options: HitRatioOptions): HitRatioResult {
  const { policy, size, keys } = options;
  const msPerRequest = options.msPerRequest ?? 1;
  const warmUp = options.warmUpRequests ?? 0;
  if (!isHitRatioPolicy(policy)) throw new RangeError(`unknown hit-ratio policy "${String(policy)}"`);
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`a cache needs a whole number of keys ≥ 1, not ${size}`);
  }
  if (!(msPerRequest >= 0) || !Number.isInteger(warmUp) || warmUp < 0) {
    throw new RangeError('msPerRequest and warmUpRequests must be ≥ 0');
  }
  const { onProgress } = options;
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  if (!Number.isInteger(progressEvery) || progressEvery < 1) {
    throw new RangeError(`progressEvery must be a whole number ≥ 1, not ${progressEvery}`);
  }

  let now = 0;
  const keyspace = new Keyspace(() => now, createRandom(((options.seed ?? 1) ^ CACHE_STREAM) >>> 0));
  keyspace.configure({ ...EVICTION[policy], maxkeys: size });
  // One argv array per command, refilled per request: the executor does not keep them.
  const get: string[] = ['GET', ''];
  const set: string[] = ['SET', '', CACHED_VALUE];
  const { stats } = keyspace;
  let served = 0;
  let hitsBefore = 0;
  let missesBefore = 0;
  // A countdown, so runs without a hook pay one decrement per request and no division.
  let untilProgress = progressEvery;
  for (const key of keys) {
    if (served === warmUp) {
      hitsBefore = stats.hits;
      missesBefore = stats.misses;
    }
    served++;
    get[1] = key;
    const missesSoFar = stats.misses;
    executeCommand(keyspace, get);
    if (stats.misses !== missesSoFar) {
      set[1] = key;
      executeCommand(keyspace, set);
    }
    now += msPerRequest;
    if (--untilProgress === 0) {
      untilProgress = progressEvery;
      onProgress?.(served);
    }
  }
  const counted = served > warmUp;
  const hits = counted ? stats.hits - hitsBefore : 0;
  const misses = counted ? stats.misses - missesBefore : 0;
  const requests = hits + misses;
  return { policy, size, requests, hits, misses, missRatio: requests === 0 ? 0 : misses / requests };
}
