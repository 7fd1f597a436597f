import type { Random } from '../../sim/random.ts';
import type { SampleIndex } from '../sampleIndex.ts';
import type { StoredValue } from '../storedValue.ts';
import type { EvictionConfig } from './policy.ts';

/** What an eviction strategy may look at in the keyspace (read-only). */
export interface EvictionCandidates {
  readonly config: Readonly<EvictionConfig>;
  readonly random: Random;
  now(): number;
  /** Every key, sampleable. */
  readonly all: SampleIndex;
  /** Keys with a TTL, sampleable (Redis's `expires` dict). */
  readonly volatile: SampleIndex;
  /** Keys in creation order (FIFO). */
  inCreationOrder(): Iterable<StoredValue>;
  /** Keys from least to most recently used (exact LRU). */
  leastRecentlyUsed(): StoredValue | null;
  get(key: string): StoredValue | undefined;
}
