import type { Anomaly, CommitRecord, StaleEntry } from '../sim/trace.ts';

/** A cached copy of a row, wherever it is kept: Redis (`cache`) or an app node's local cache. */
export interface CachedCopy {
  where: string;
  key: string;
  version: number | null;
  expiresAt: number | null;
}

/**
 * The copies that hold an older version than the database right now. A key that is not a row's
 * key is matched to its row when it is a version pointer (`<row>:version`); versioned data keys
 * (`<row>:v3`) never change, so they are never stale, only unused.
 */
export class StaleWatch {
  private readonly since = new Map<string, number>();

  entries(
    copies: readonly CachedCopy[],
    dbVersionOf: (key: string) => number | null,
    now: number,
  ): StaleEntry[] {
    const stale: StaleEntry[] = [];
    const still = new Set<string>();
    for (const copy of copies) {
      if (copy.version === null || (copy.expiresAt !== null && copy.expiresAt <= now)) continue;
      let rowKey = copy.key;
      let dbVersion = dbVersionOf(rowKey);
      if (dbVersion === null && copy.key.endsWith(':version')) {
        rowKey = copy.key.slice(0, -':version'.length);
        dbVersion = dbVersionOf(rowKey);
      }
      if (dbVersion === null || copy.version >= dbVersion) continue;
      const id = `${copy.where}|${copy.key}`;
      const since = this.since.get(id) ?? now;
      this.since.set(id, since);
      still.add(id);
      stale.push({
        where: copy.where,
        key: copy.key,
        rowKey,
        cacheVersion: copy.version,
        dbVersion,
        sinceTime: since,
        expiresAt: copy.expiresAt,
      });
    }
    for (const id of this.since.keys()) if (!still.has(id)) this.since.delete(id);
    return stale;
  }
}

/**
 * Divergence: a stale copy at a moment when nothing the system started is still under way (no
 * message in flight, no timer of work), so nothing but its TTL, if it has one, can end it. Each
 * episode is reported once, at the first settled step that shows it.
 */
export class DivergenceWatch {
  private readonly reported = new Set<string>();

  observe(
    stale: readonly StaleEntry[],
    settled: boolean,
    at: { step: number; time: number },
    commitOf: (key: string, version: number) => CommitRecord | undefined,
  ): Anomaly[] {
    const current = new Set(stale.map(episodeOf));
    for (const id of this.reported) if (!current.has(id)) this.reported.delete(id);
    if (!settled) return [];
    const found: Anomaly[] = [];
    for (const entry of stale) {
      const id = episodeOf(entry);
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      const writer = commitOf(entry.rowKey, entry.dbVersion)?.requestId ?? null;
      found.push({
        kind: 'divergence',
        step: at.step,
        time: at.time,
        key: entry.key,
        operations: writer === null ? [] : [writer],
        where: entry.where,
        cacheVersion: entry.cacheVersion,
        dbVersion: entry.dbVersion,
        until: entry.expiresAt,
      });
    }
    return found;
  }
}

function episodeOf(entry: StaleEntry): string {
  return `${entry.where}|${entry.key}|${entry.cacheVersion}|${entry.dbVersion}`;
}
