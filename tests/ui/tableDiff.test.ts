import { describe, expect, it } from 'vitest';
import type { CacheRowView } from '../../src/engine/index.ts';
import { diffCacheRows, diffDbRows } from '../../src/ui/player/tableDiff.ts';

const row = (
  key: string,
  value: string,
  version: number | null,
  ttlRemainingMs: number | null,
): CacheRowView => ({
  key,
  value,
  version,
  ttlRemainingMs,
});

describe('diffCacheRows', () => {
  it('marks nothing on the first frame', () => {
    const changes = diffCacheRows(null, [row('a', '1', 1, null)]);
    expect(changes).toEqual([
      { key: 'a', row: row('a', '1', 1, null), status: 'same', changedCells: new Set() },
    ]);
  });

  it('finds added, changed, unchanged and removed keys', () => {
    const before = [row('kept', 'x', 1, 5000), row('updated', 'old', 1, 5000), row('gone', 'g', 1, null)];
    const after = [row('kept', 'x', 1, 4000), row('updated', 'new', 2, 30_000), row('fresh', 'f', 3, 30_000)];
    const changes = diffCacheRows(before, after);
    expect(changes.map((change) => [change.key, change.status])).toEqual([
      ['kept', 'same'],
      ['updated', 'changed'],
      ['fresh', 'added'],
      ['gone', 'removed'],
    ]);
    expect([...(changes[1]?.changedCells ?? [])]).toEqual(['value', 'version', 'ttl']);
  });

  it('does not count a TTL ticking down as a change', () => {
    const [change] = diffCacheRows([row('k', 'v', 1, 9000)], [row('k', 'v', 1, 100)]);
    expect(change?.status).toBe('same');
  });

  it('counts a TTL added or removed as a change', () => {
    expect(diffCacheRows([row('k', 'v', 1, null)], [row('k', 'v', 1, 100)])[0]?.changedCells.has('ttl')).toBe(
      true,
    );
    expect(diffCacheRows([row('k', 'v', 1, 100)], [row('k', 'v', 1, null)])[0]?.changedCells.has('ttl')).toBe(
      true,
    );
  });
});

describe('diffDbRows', () => {
  it('marks a committed update', () => {
    const [change] = diffDbRows(
      [{ key: 'k', value: 'a', version: 1 }],
      [{ key: 'k', value: 'b', version: 2 }],
    );
    expect(change?.status).toBe('changed');
    expect([...(change?.changedCells ?? [])]).toEqual(['value', 'version']);
  });
});
