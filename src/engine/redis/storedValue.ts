/**
 * One key's value and the bookkeeping Redis keeps beside it (the `robj` header): its type, its
 * expiry, its LRU/LFU field, plus what the simulation and the exact eviction modes need.
 *
 * Memory model (ours, documented because the lessons show it): Redis's real bytes depend on the
 * allocator and encodings, so we count a simple, monotone estimate instead:
 *   string key: 56 bytes of overhead (dict entry 24 + object header 16 + two string headers 16)
 *               + key length + value length
 *   hash key:   56 + key length + for each field 24 (listpack/dict entry) + field + value lengths
 *   a TTL:      + 24 (an entry in the expires dict)
 * `used_memory` is the sum over keys (an empty keyspace uses 0) and `MEMORY USAGE key` is the
 * key's own share, so the two always agree.
 */
export const KEY_OVERHEAD_BYTES = 56;
export const HASH_FIELD_OVERHEAD_BYTES = 24;
export const EXPIRY_OVERHEAD_BYTES = 24;

export type ValueType = 'string' | 'hash';

export class StoredValue {
  type: ValueType;
  /** The string value (bytes, one char per byte); empty for a hash. */
  value: string;
  /** The hash's fields in insertion order, as Redis's small (listpack) hashes keep them. */
  fields: Map<string, string> | null;
  /** Simulation metadata, not visible to Redis commands: the DB version this value came from. */
  version: number | null;
  /** Absolute virtual time in ms, or null for no expiry. */
  expiresAt: number | null = null;
  /** Redis's 24-bit `lru` field: the LRU clock in seconds, or LFU's minutes<<8 | counter. */
  lru = 0;
  /** Creation order: SCAN's cursor and FIFO eviction follow it. */
  readonly seq: number;
  /** Bytes this key accounts for (see the memory model above). */
  bytes = 0;
  // Exact-mode bookkeeping: a doubly linked recency list and a true access count.
  lastAccess = 0;
  accessCount = 0;
  newer: StoredValue | null = null;
  older: StoredValue | null = null;
  /** Positions in the sampling indexes (all keys, keys with a TTL); -1 when absent. */
  slot = -1;
  volatileSlot = -1;

  constructor(
    readonly key: string,
    type: ValueType,
    value: string,
    version: number | null,
    seq: number,
  ) {
    this.type = type;
    this.value = value;
    this.fields = type === 'hash' ? new Map() : null;
    this.version = version;
    this.seq = seq;
  }

  /** Recomputes `bytes` from scratch; returns the change. */
  measure(): number {
    let bytes = KEY_OVERHEAD_BYTES + this.key.length;
    if (this.fields === null) bytes += this.value.length;
    else for (const [f, v] of this.fields) bytes += HASH_FIELD_OVERHEAD_BYTES + f.length + v.length;
    if (this.expiresAt !== null) bytes += EXPIRY_OVERHEAD_BYTES;
    const delta = bytes - this.bytes;
    this.bytes = bytes;
    return delta;
  }
}
