/**
 * How an app node reads and writes through the cache. Machines read this from their input; they
 * never branch on a scenario's name.
 */
export interface CacheAsideStrategy {
  read: 'cache-aside';
  /**
   * `update-then-delete`: commit to the database, then DEL the key (the safe order).
   * `delete-then-update`: DEL the key first, then commit (opens a window where a concurrent read
   * puts the old value back).
   */
  write: 'update-then-delete' | 'delete-then-update';
  /** TTL the app node gives a key when it fills the cache after a miss (`SET key value EX ttl`). */
  ttlSeconds: number;
}
