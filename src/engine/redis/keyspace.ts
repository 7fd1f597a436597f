/**
 * The cache's memory: string keys on virtual time, with absolute expiry.
 * Expiry is lazy, as in Redis: an expired key is removed when it is next touched.
 * (Redis also samples keys in the background; that active expiry arrives with the full keyspace.)
 */
export interface StoredString {
  value: string;
  /** Simulation metadata, not visible to Redis commands: the DB version this value came from. */
  version: number | null;
  /** Absolute virtual time in ms, or null for no expiry. */
  expiresAt: number | null;
}

export interface KeyspaceStats {
  hits: number;
  misses: number;
  expiredKeys: number;
}

export interface KeyspaceEntry extends StoredString {
  key: string;
}

export class Keyspace {
  private readonly data = new Map<string, StoredString>();
  readonly stats: KeyspaceStats = { hits: 0, misses: 0, expiredKeys: 0 };

  constructor(private readonly now: () => number) {}

  /** A read that counts as a hit or miss (GET). */
  lookup(key: string): StoredString | null {
    const entry = this.live(key);
    if (entry === null) this.stats.misses++;
    else this.stats.hits++;
    return entry;
  }

  /** The stored entry as it is, expired or not, without counting a hit or removing anything. */
  peek(key: string): StoredString | null {
    return this.data.get(key) ?? null;
  }

  /** Whether an entry's TTL has run out at the keyspace's current time. */
  hasExpired(entry: StoredString): boolean {
    return entry.expiresAt !== null && entry.expiresAt <= this.now();
  }

  set(key: string, value: string, options: { ttlMs?: number | null; version?: number | null } = {}): void {
    const ttlMs = options.ttlMs ?? null;
    this.data.set(key, {
      value,
      version: options.version ?? null,
      expiresAt: ttlMs === null ? null : this.now() + ttlMs,
    });
  }

  /** Removes the keys; returns how many existed (expired keys do not count, as in Redis). */
  delete(keys: readonly string[]): number {
    let removed = 0;
    for (const key of keys) {
      if (this.live(key) !== null) {
        this.data.delete(key);
        removed++;
      }
    }
    return removed;
  }

  /** Every stored key, expired-but-not-yet-removed ones included, in insertion order. */
  entries(): KeyspaceEntry[] {
    const out: KeyspaceEntry[] = [];
    for (const [key, entry] of this.data) out.push({ key, ...entry });
    return out;
  }

  get size(): number {
    return this.data.size;
  }

  private live(key: string): StoredString | null {
    const entry = this.data.get(key);
    if (entry === undefined) return null;
    if (this.hasExpired(entry)) {
      this.data.delete(key);
      this.stats.expiredKeys++;
      return null;
    }
    return entry;
  }
}
