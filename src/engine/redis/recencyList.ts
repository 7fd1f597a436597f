import type { StoredValue } from './storedValue.ts';

/**
 * Exact LRU's bookkeeping: every key in a doubly linked list from least to most recently used,
 * linked through the entries themselves, so an access is a few pointer writes and no allocation.
 */
export class RecencyList {
  oldest: StoredValue | null = null;
  private newest: StoredValue | null = null;

  /** Adds a key as the most recently used. */
  append(entry: StoredValue): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest !== null) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  /** Moves a key to the most recently used end. */
  touch(entry: StoredValue): void {
    if (this.newest === entry) return;
    this.unlink(entry);
    this.append(entry);
  }

  unlink(entry: StoredValue): void {
    if (entry.older !== null) entry.older.newer = entry.newer;
    else if (this.oldest === entry) this.oldest = entry.newer;
    if (entry.newer !== null) entry.newer.older = entry.older;
    else if (this.newest === entry) this.newest = entry.older;
    entry.older = entry.newer = null;
  }

  clear(): void {
    this.oldest = this.newest = null;
  }
}
