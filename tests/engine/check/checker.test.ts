import { describe, expect, it } from 'vitest';
import { lostWritesIn, staleReadsIn } from '../../../src/engine/check/checker.ts';
import { DivergenceWatch, StaleWatch } from '../../../src/engine/check/divergence.ts';
import type { CommitRecord, History, OperationRecord } from '../../../src/engine/sim/trace.ts';

// The checker on hand-written histories: each rule, its boundary, and what it names.

const op = (o: Partial<OperationRecord> & Pick<OperationRecord, 'requestId' | 'op'>): OperationRecord => ({
  client: 'c',
  key: 'k',
  value: 'v',
  version: null,
  invokedAt: 0,
  invokedStep: 0,
  completedAt: 10,
  completedStep: 1,
  ok: true,
  ...o,
});
const commit = (c: Partial<CommitRecord> & Pick<CommitRecord, 'version' | 'time'>): CommitRecord => ({
  key: 'k',
  value: `v${c.version}`,
  step: 0,
  requestId: null,
  ...c,
});
const history = (h: Partial<History>): History => ({ operations: [], commits: [], losses: [], ...h });

describe('staleReadsIn', () => {
  const commits = [commit({ version: 2, time: 50, requestId: 1 })];

  it('reports a read that began after a commit and returned an older version, naming both operations', () => {
    const read = op({
      requestId: 2,
      op: 'read',
      version: 1,
      invokedAt: 60,
      completedAt: 70,
      completedStep: 9,
    });
    expect(staleReadsIn(history({ operations: [read], commits }))).toEqual([
      {
        kind: 'stale read',
        step: 9,
        time: 70,
        key: 'k',
        operations: [2, 1],
        client: 'c',
        readVersion: 1,
        newestVersion: 2,
      },
    ]);
  });

  it('accepts the old version from a read that overlaps the commit, and the new one from any read', () => {
    const overlapping = op({ requestId: 2, op: 'read', version: 1, invokedAt: 50 });
    const fresh = op({ requestId: 3, op: 'read', version: 2, invokedAt: 90 });
    expect(staleReadsIn(history({ operations: [overlapping, fresh], commits }))).toEqual([]);
  });

  it('ignores failed reads, reads of other keys, and reads that never finished', () => {
    const operations = [
      op({ requestId: 2, op: 'read', version: 1, invokedAt: 60, ok: false }),
      op({ requestId: 3, op: 'read', version: 1, invokedAt: 60, key: 'other' }),
      op({ requestId: 4, op: 'read', version: 1, invokedAt: 60, completedAt: null, completedStep: null }),
    ];
    expect(staleReadsIn(history({ operations, commits }))).toEqual([]);
  });
});

describe('lostWritesIn', () => {
  const write = op({ requestId: 5, op: 'write', value: 'x', completedAt: 20, completedStep: 3 });

  it('reports an acknowledged write with no commit at the step of the crash that wiped it', () => {
    const losses = [{ requestIds: [5], time: 40, step: 7 }];
    expect(lostWritesIn(history({ operations: [write], losses }), { step: 12, time: 99 })).toEqual([
      { kind: 'lost write', step: 7, time: 40, key: 'k', operations: [5], client: 'c', value: 'x' },
    ]);
  });

  it('reports it at the end of the run when no crash names it', () => {
    expect(lostWritesIn(history({ operations: [write] }), { step: 12, time: 99 })[0]).toMatchObject({
      step: 12,
      time: 99,
    });
  });

  it('does not report a write that committed, or one never acknowledged', () => {
    const committed = history({
      operations: [write],
      commits: [commit({ version: 2, time: 30, requestId: 5 })],
    });
    expect(lostWritesIn(committed, { step: 12, time: 99 })).toEqual([]);
    const failed = history({ operations: [{ ...write, ok: false }] });
    expect(lostWritesIn(failed, { step: 12, time: 99 })).toEqual([]);
  });
});

describe('StaleWatch and DivergenceWatch', () => {
  const dbVersion = (key: string) => (key === 'k' ? 2 : null);

  it('finds stale copies in Redis and in local caches, maps version pointers to their row, skips versioned keys', () => {
    const watch = new StaleWatch();
    const stale = watch.entries(
      [
        { where: 'cache', key: 'k', version: 1, expiresAt: 500 },
        { where: 'app-b', key: 'k', version: 1, expiresAt: 900 },
        { where: 'cache', key: 'k:version', version: 1, expiresAt: null },
        { where: 'cache', key: 'k:v1', version: 1, expiresAt: 500 },
        { where: 'cache', key: 'k', version: 2, expiresAt: 500 },
        { where: 'app-c', key: 'k', version: 1, expiresAt: 100 },
      ],
      dbVersion,
      100,
    );
    expect(stale.map((s) => `${s.where} ${s.key}→${s.rowKey} v${s.cacheVersion}<v${s.dbVersion}`)).toEqual([
      'cache k→k v1<v2',
      'app-b k→k v1<v2',
      'cache k:version→k v1<v2',
    ]);
    // `sinceTime` stays at the first time the copy was seen stale.
    const later = watch.entries([{ where: 'cache', key: 'k', version: 1, expiresAt: 500 }], dbVersion, 300);
    expect(later[0]!.sinceTime).toBe(100);
  });

  it('reports a divergence once per episode, and only when nothing is under way', () => {
    const watch = new DivergenceWatch();
    const stale = new StaleWatch().entries(
      [{ where: 'cache', key: 'k', version: 1, expiresAt: 500 }],
      dbVersion,
      0,
    );
    const commitOf = () => commit({ version: 2, time: 0, requestId: 4 });
    expect(watch.observe(stale, false, { step: 1, time: 0 }, commitOf)).toEqual([]);
    expect(watch.observe(stale, true, { step: 2, time: 5 }, commitOf)).toEqual([
      {
        kind: 'divergence',
        step: 2,
        time: 5,
        key: 'k',
        operations: [4],
        where: 'cache',
        cacheVersion: 1,
        dbVersion: 2,
        until: 500,
      },
    ]);
    expect(watch.observe(stale, true, { step: 3, time: 6 }, commitOf)).toEqual([]);
    // Once fixed, the same disagreement later is a new episode.
    expect(watch.observe([], true, { step: 4, time: 7 }, commitOf)).toEqual([]);
    expect(watch.observe(stale, true, { step: 5, time: 8 }, commitOf)).toHaveLength(1);
  });
});
