import { describe, expect, it } from 'vitest';
import { parseLabSettings, runLab, type LabRun } from '../../../src/engine/index.ts';
import { getLabScenario } from '../../../src/content/labs/index.ts';

// The penetration and steady lab scenarios at seed 1 (see labRuns.test.ts).

function run(id: string, settings: Record<string, string> = {}): LabRun {
  const lab = getLabScenario(id)!;
  const { values, problems } = parseLabSettings(lab, settings);
  expect(problems).toEqual([]);
  return runLab(lab, values, 1);
}

describe('the penetration lab', () => {
  it('unprotected: each of the scraper’s 19,935 reads is a query that finds nothing', () => {
    const r = run('penetration');
    expect(r.totals.absentReads).toBe(19_935);
    expect(r.totals.dbNotFound).toBe(19_935);
    expect([r.summary.dbPeakPerSecond, r.summary.dbQueries]).toEqual([574, 19_946]);
    // Nothing before the scraper starts at 10 s: every product was warmed into the cache.
    expect(r.buckets.slice(0, 10).every((b) => b.dbNotFound === 0)).toBe(true);
  });

  it('caching "not found" barely helps when the ids rarely repeat, and nearly ends it when they do', () => {
    expect(run('penetration', { protection: 'null-caching' }).totals.dbNotFound).toBe(19_772);
    // 100 ids, a 30-second marker: a query per id when it is first seen and when its marker expires.
    expect(run('penetration', { protection: 'null-caching', ids: '100' }).totals.dbNotFound).toBe(220);
  });

  it('a Bloom filter: m and k from n and p, and a measured false-positive rate close to the formula', () => {
    const { summary } = run('penetration', { protection: 'bloom-filter' });
    expect(summary.bloom).toEqual({
      bits: 95_851,
      hashes: 7,
      items: 10_000,
      formulaRate: 0.010039010484203732,
      measuredRate: 217 / 19_935,
      absentReads: 19_935,
      absentReadsPassed: 217,
    });
    expect(summary.dbQueries).toBe(225);
    // 19,935 draws of a rate near 1%: a standard error of about 0.07 percentage points.
    expect(Math.abs(summary.bloom!.measuredRate! - summary.bloom!.formulaRate)).toBeLessThan(0.002);
  });
});

describe('the steady lab', () => {
  it('a cache of 1,000 keys for 10,000: about half the lookups hit', () => {
    expect(run('steady').summary).toEqual({
      dbPeakPerSecond: 364,
      dbPeakAtMs: 0,
      dbQueries: 15_011,
      hitRatio: 0.5228941301649228,
      p99Ms: 61,
      staleReads: 0,
      requests: 29_754,
      failed: 0,
      bloom: null,
    });
  });

  it('a local cache without invalidation: Redis sees only what the nodes miss, and stale reads appear', () => {
    const { summary } = run('steady', { local: 'l1' });
    expect([summary.hitRatio, summary.staleReads]).toEqual([0.21956168831168832, 3_197]);
  });
});
