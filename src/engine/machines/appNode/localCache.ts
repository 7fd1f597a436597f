/** One entry of an app node's in-process cache. */
export interface LocalEntry {
  value: string;
  version: number | null;
  expiresAt: number;
}

/**
 * An app node's local (L1) cache: a Map in the node's memory with its own TTL, lost when the node
 * crashes. Expired entries are dropped when read, like most in-process caches do.
 */
export class LocalCache {
  private readonly entries = new Map<string, LocalEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string): LocalEntry | null {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Whether the cache holds the key but its TTL has passed (the next `get` drops it). */
  hasExpired(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAt <= this.now();
  }

  set(key: string, value: string, version: number | null): void {
    this.entries.set(key, { value, version, expiresAt: this.now() + this.ttlMs });
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Live entries, for frames and the consistency check. */
  live(): [string, LocalEntry][] {
    const now = this.now();
    return [...this.entries].filter(([, entry]) => entry.expiresAt > now);
  }
}
