import type { Scenario } from '../../../engine/index.ts';
import { lruEviction } from './lru-eviction.ts';
import { noevictionOom } from './noeviction-oom.ts';
import { ttlExpiry } from './ttl-expiry.ts';

/** The TTL and eviction lesson's scenarios, in the order the lesson shows them. */
export const ttlEvictionScenarios: readonly Scenario[] = [ttlExpiry, lruEviction, noevictionOom];
