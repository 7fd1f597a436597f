import { describe, expect, it } from 'vitest';
import { parseLabSettings, runLab, type LabRun } from '../../../src/engine/index.ts';
import { getLabScenario } from '../../../src/content/labs/index.ts';

// The lab scenarios at seed 1, as the Lab and `npm run sim -- lab` show them: exact figures, and
// the lesson each one teaches.

function run(id: string, settings: Record<string, string> = {}): LabRun {
  const lab = getLabScenario(id)!;
  const { values, problems } = parseLabSettings(lab, settings);
  expect(problems).toEqual([]);
  return runLab(lab, values, 1);
}

const dbPerSecond = (r: LabRun) => r.buckets.map((b) => b.dbReads + b.dbWrites);

describe('the avalanche lab', () => {
  it('one TTL: the database is idle for 30 s, then takes 385 queries in the second every key expires', () => {
    const r = run('avalanche');
    expect(r.summary).toEqual({
      dbPeakPerSecond: 385,
      dbPeakAtMs: 30_000,
      dbQueries: 2_013,
      hitRatio: 0.954965435468355,
      p99Ms: 55,
      staleReads: 0,
      requests: 44_699,
      failed: 0,
      bloom: null,
    });
    expect(
      dbPerSecond(r)
        .slice(0, 30)
        .every((q) => q === 0),
    ).toBe(true);
    expect(r.buckets[30]!.expirations).toBe(1_000);
  });

  it('30 s of jitter: the same expiries spread over 30 seconds, a peak a ninth as high', () => {
    const { summary } = run('avalanche', { jitter: '30' });
    expect([summary.dbPeakPerSecond, summary.dbPeakAtMs, summary.dbQueries]).toEqual([42, 47_000, 1_391]);
  });

  it('a staggered warm-up: the keys expire over the stagger, and the peak falls as far', () => {
    const { summary } = run('avalanche', { stagger: '30' });
    expect([summary.dbPeakPerSecond, summary.dbPeakAtMs]).toEqual([48, 101_000]);
  });
});

describe('the stampede lab', () => {
  const expiries = [10, 20, 31, 41, 51];

  it('unprotected: every expiry sends about a hundred reads to the 200 ms query at once', () => {
    const r = run('stampede');
    expect(r.summary).toEqual({
      dbPeakPerSecond: 105,
      dbPeakAtMs: 41_000,
      dbQueries: 512,
      hitRatio: 0.9827922296161861,
      p99Ms: 247,
      staleReads: 0,
      requests: 29_754,
      failed: 0,
      bloom: null,
    });
    expect(expiries.map((s) => dbPerSecond(r)[s])).toEqual([103, 90, 103, 105, 62]);
  });

  // At the first expiry a waiter's GET missed just before the holder's fill landed, and its next
  // SET NX came just after the holder released the lock: it won the lock and ran the query again.
  // (The app does not look at the key again after winning the lock.)
  it('a lock: one query per expiry, and one more where a waiter took the lock just after its release', () => {
    const r = run('stampede', { protection: 'mutex' });
    expect(dbPerSecond(r).filter((q) => q > 0)).toEqual([2, 1, 1, 1, 1]);
    expect(r.summary.p99Ms).toBe(197);
  });

  it('single-flight: one query per app node and expiry, three nodes', () => {
    const r = run('stampede', { protection: 'single-flight' });
    expect(dbPerSecond(r).filter((q) => q > 0)).toEqual([4, 3, 3, 1, 3, 3]);
  });

  it('XFetch: after the first expiry, the key is recomputed early and no read misses again', () => {
    const r = run('stampede', { protection: 'xfetch' });
    const misses = r.buckets.map((b) => b.misses);
    expect(misses[10]).toBe(103);
    expect(misses.slice(11).every((m) => m === 0)).toBe(true);
    expect(r.summary.p99Ms).toBe(47);
  });

  it('stale-while-revalidate: one refresh per period, no read misses or waits', () => {
    const r = run('stampede', { protection: 'stale-while-revalidate' });
    expect(r.summary.dbQueries).toBe(6);
    expect(r.totals.misses).toBe(0);
  });
});
