/**
 * The cache's memory: Redis's keyspace (strings and hashes) on virtual time.
 *
 * Expiry is both lazy (a key past its TTL is removed when touched) and active (`activeExpireCycle`,
 * which the cache machine calls every 100 ms of virtual time, like Redis's hz-10 cron). Eviction
 * keeps `usedMemory` under `maxmemory` (eviction/*). The clock and the random are injected, so a
 * run is reproducible.
 */
import { createRandom, type Random } from '../sim/random.ts';
import type { EvictionCandidates } from './eviction/candidates.ts';
import { lfuInitial, lfuTouched, lruClock } from './eviction/clocks.ts';
import { chooseExact } from './eviction/exact.ts';
import { DEFAULT_EVICTION, isLfuPolicy, policyKind, type EvictionConfig } from './eviction/policy.ts';
import { EvictionPool } from './eviction/sampled.ts';
import { Connection, PubSub } from './pubsub.ts';
import { RecencyList } from './recencyList.ts';
import { SampleIndex } from './sampleIndex.ts';
import { StoredValue } from './storedValue.ts';

export { StoredValue } from './storedValue.ts';

export interface KeyspaceStats {
  hits: number;
  misses: number;
  expiredKeys: number;
  evictedKeys: number;
}

/** A key as the recorder shows it: strings as their value, hashes as their fields. */
export interface KeyspaceEntry {
  key: string;
  type: 'string' | 'hash';
  value: string;
  fields: [string, string][] | null;
  version: number | null;
  expiresAt: number | null;
}

/** Redis's active expiry: keys tested per loop, and the share of expired keys that repeats it. */
const ACTIVE_EXPIRE_KEYS_PER_LOOP = 20;
const ACTIVE_EXPIRE_REPEAT_ABOVE = 0.25;

export class Keyspace implements EvictionCandidates {
  private readonly data = new Map<string, StoredValue>();
  readonly all = new SampleIndex('slot');
  readonly volatile = new SampleIndex('volatileSlot');
  readonly stats: KeyspaceStats = { hits: 0, misses: 0, expiredKeys: 0, evictedKeys: 0 };
  private readonly settings: EvictionConfig = { ...DEFAULT_EVICTION };
  readonly pubsub = new PubSub();
  /** The connection commands run on when the caller does not name one (the simulation's). */
  readonly defaultConnection = new Connection();
  readonly random: Random;
  usedMemory = 0;
  private readonly pool = new EvictionPool();
  private nextSeq = 1;
  private accessTick = 0;
  /** Whether the policy is an LFU one, cached: every access asks. */
  private lfu = false;
  private readonly recency = new RecencyList();

  constructor(
    readonly now: () => number,
    random: Random = createRandom(0),
  ) {
    this.random = random;
  }

  get size(): number {
    return this.data.size;
  }

  /** Eviction settings; change them with `configure` (CONFIG SET does). */
  get config(): Readonly<EvictionConfig> {
    return this.settings;
  }

  // ── Lookups (Redis's lookupKey* family) ────────────────────────────────────────────────────

  /** The live key, or undefined; expires it if due. No touch, no stats (TTL, TYPE, OBJECT …). */
  find(key: string): StoredValue | undefined {
    const entry = this.data.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.expire(entry);
      return undefined;
    }
    return entry;
  }

  /**
   * A read that counts a hit or miss and refreshes the key's LRU/LFU (GET, HGET, MGET …).
   * `touch: false` is Redis's LOOKUP_NOTOUCH (EXISTS, TYPE): still counted, not refreshed.
   */
  read(key: string, touch = true): StoredValue | undefined {
    const entry = this.find(key);
    if (entry === undefined) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    if (touch) this.touch(entry);
    return entry;
  }

  /** A lookup before a write: refreshes LRU/LFU, counts no hit or miss. */
  write(key: string): StoredValue | undefined {
    const entry = this.find(key);
    if (entry !== undefined) this.touch(entry);
    return entry;
  }

  /** The stored entry as it is, expired or not, without counting or removing anything. */
  peek(key: string): StoredValue | null {
    return this.data.get(key) ?? null;
  }

  hasExpired(entry: StoredValue): boolean {
    return entry.expiresAt !== null && entry.expiresAt <= this.now();
  }

  // ── Changes ─────────────────────────────────────────────────────────────────────────────────

  /** Stores a string (creating or overwriting); drops any TTL unless `keepTtl`. */
  setString(key: string, value: string, version: number | null = null, keepTtl = false): StoredValue {
    const existing = this.data.get(key);
    if (existing !== undefined && existing.type === 'string') {
      existing.value = value;
      existing.version = version;
      if (!keepTtl) this.clearExpiry(existing);
      this.usedMemory += existing.measure();
      return existing;
    }
    const expiresAt = keepTtl && existing !== undefined ? existing.expiresAt : null;
    if (existing !== undefined) this.remove(existing);
    const entry = this.create(key, 'string', value, version);
    if (expiresAt !== null) this.setExpiry(entry, expiresAt);
    return entry;
  }

  /** A new, empty hash (the caller fills it and calls `resized`). */
  createHash(key: string): StoredValue {
    return this.create(key, 'hash', '', null);
  }

  /** Call after changing an entry's value or fields in place, to keep memory accounting right. */
  resized(entry: StoredValue): void {
    this.usedMemory += entry.measure();
  }

  setExpiry(entry: StoredValue, at: number): void {
    entry.expiresAt = at;
    this.volatile.add(entry);
    this.usedMemory += entry.measure();
  }

  clearExpiry(entry: StoredValue): boolean {
    if (entry.expiresAt === null) return false;
    entry.expiresAt = null;
    this.volatile.remove(entry);
    this.usedMemory += entry.measure();
    return true;
  }

  /** Deletes the key now (DEL, RENAME's source, an emptied hash). */
  remove(entry: StoredValue): void {
    this.data.delete(entry.key);
    this.all.remove(entry);
    this.volatile.remove(entry);
    this.recency.unlink(entry);
    this.usedMemory -= entry.bytes;
  }

  flush(): void {
    this.data.clear();
    this.all.clear();
    this.volatile.clear();
    this.pool.clear();
    this.recency.clear();
    this.usedMemory = 0;
  }

  // ── Expiry ──────────────────────────────────────────────────────────────────────────────────

  /**
   * One active-expiry cycle: test up to 20 random keys with a TTL, delete those that expired, and
   * repeat while more than 25% of a sample had expired. Returns the keys deleted, in order.
   */
  activeExpireCycle(): string[] {
    const deleted: string[] = [];
    const now = this.now();
    for (;;) {
      const sample = Math.min(ACTIVE_EXPIRE_KEYS_PER_LOOP, this.volatile.size);
      if (sample === 0) return deleted;
      let expired = 0;
      for (let i = 0; i < sample; i++) {
        const entry = this.volatile.at(this.random.next());
        if (entry === undefined || entry.expiresAt === null || entry.expiresAt > now) continue;
        deleted.push(entry.key);
        this.expire(entry);
        expired++;
      }
      if (expired <= sample * ACTIVE_EXPIRE_REPEAT_ABOVE) return deleted;
    }
  }

  get hasVolatileKeys(): boolean {
    return this.volatile.size > 0;
  }

  private expire(entry: StoredValue): void {
    this.remove(entry);
    this.stats.expiredKeys++;
  }

  // ── Eviction ────────────────────────────────────────────────────────────────────────────────

  /** Over either limit: `maxmemory` bytes, or (load lab only) `maxkeys` keys. */
  get overMaxmemory(): boolean {
    const { maxmemory, maxkeys } = this.settings;
    return (maxmemory > 0 && this.usedMemory > maxmemory) || (maxkeys > 0 && this.data.size > maxkeys);
  }

  /**
   * Evicts keys by the configured policy until memory fits (Redis's performEvictions).
   * Returns false when it cannot: noeviction, or nothing left that the policy may evict.
   */
  evictUntilUnderLimit(): boolean {
    while (this.overMaxmemory) {
      const victim = this.chooseVictim();
      if (victim === null) return false;
      this.remove(victim);
      this.stats.evictedKeys++;
    }
    return true;
  }

  /** Changes eviction settings; the pool is reset because its scores no longer compare. */
  configure(changes: Partial<EvictionConfig>): void {
    if (changes.policy !== undefined && policyKind(changes.policy) === 'fifo') {
      if ((changes.mode ?? this.config.mode) !== 'exact')
        throw new Error('FIFO eviction exists only in exact mode');
    }
    Object.assign(this.settings, changes);
    this.lfu = isLfuPolicy(this.settings.policy);
    this.pool.clear();
  }

  private chooseVictim(): StoredValue | null {
    const kind = policyKind(this.config.policy);
    if (kind === 'none') return null;
    if (kind === 'random') {
      const source = this.config.policy.startsWith('volatile-') ? this.volatile : this.all;
      return source.at(this.random.next()) ?? null;
    }
    return this.config.mode === 'exact' ? chooseExact(this) : this.pool.choose(this);
  }

  get(key: string): StoredValue | undefined {
    return this.data.get(key);
  }

  inCreationOrder(): Iterable<StoredValue> {
    return this.data.values();
  }

  leastRecentlyUsed(): StoredValue | null {
    return this.recency.oldest;
  }

  // ── Views ───────────────────────────────────────────────────────────────────────────────────

  /** Every stored key, expired-but-not-yet-removed ones included, in creation order. */
  entries(): KeyspaceEntry[] {
    const out: KeyspaceEntry[] = [];
    for (const e of this.data.values()) {
      out.push({
        key: e.key,
        type: e.type,
        value: e.value,
        fields: e.fields === null ? null : [...e.fields],
        version: e.version,
        expiresAt: e.expiresAt,
      });
    }
    return out;
  }

  /** Live keys in creation order, for KEYS and SCAN (from a creation number on). */
  *liveKeys(fromSeq = 0): Generator<StoredValue> {
    const now = this.now();
    for (const e of this.data.values()) {
      if (e.seq >= fromSeq && (e.expiresAt === null || e.expiresAt > now)) yield e;
    }
  }

  // ── For the simulation ────────────────────────────────────────────────────────────────────

  /** Seeds a string key, as a scenario's initial cache contents do (with its DB version). */
  set(key: string, value: string, options: { ttlMs?: number | null; version?: number | null } = {}): void {
    const entry = this.setString(key, value, options.version ?? null);
    const ttlMs = options.ttlMs ?? null;
    if (ttlMs !== null) this.setExpiry(entry, this.now() + ttlMs);
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private create(key: string, type: 'string' | 'hash', value: string, version: number | null): StoredValue {
    const entry = new StoredValue(key, type, value, version, this.nextSeq++);
    entry.lru = this.lfu ? lfuInitial(this.now()) : lruClock(this.now());
    this.data.set(key, entry);
    this.all.add(entry);
    this.usedMemory += entry.measure();
    // Creating a key is its first use (exact LFU counts it as one access).
    entry.lastAccess = ++this.accessTick;
    entry.accessCount = 1;
    this.recency.append(entry);
    return entry;
  }

  /** An access: Redis's LRU stamp or LFU counter, plus the exact-mode recency and count. */
  private touch(entry: StoredValue): void {
    const { config } = this;
    entry.lru = this.lfu
      ? lfuTouched(entry.lru, this.now(), this.random, config.lfuLogFactor, config.lfuDecayTime)
      : lruClock(this.now());
    entry.lastAccess = ++this.accessTick;
    entry.accessCount++;
    this.recency.touch(entry);
  }
}
