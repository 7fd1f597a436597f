import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { compareResharding, numberedKeys, simulateHitRatio, zipfTrace } from '../../src/engine/index.ts';
import { nextNodeName, runHitRatioCurves, runResharding } from '../../src/ui/lab/labJobs.ts';
import type { HitRatioCurvesJob } from '../../src/ui/lab/labProtocol.ts';
import { NO_WORKERS_MESSAGE, useLabRun } from '../../src/ui/lab/useLabRun.ts';

const JOB: HitRatioCurvesJob = {
  kind: 'hit-ratio-curves',
  variants: [{ label: 'A', alpha: 1, keys: 400, requests: 12_000 }],
  policies: ['lru', 'redis-lfu'],
  sizes: [20, 80],
  warmUpRequests: 2000,
  seed: 3,
};

describe('the lab’s jobs', () => {
  it('give the same hit ratios as the engine run without a progress hook, on one shared trace', () => {
    const result = runHitRatioCurves(JOB, () => undefined);
    const direct = (policy: 'lru' | 'redis-lfu', size: number) => {
      const run = simulateHitRatio({
        policy,
        size,
        keys: zipfTrace({ alpha: 1, keys: 400, requests: 12_000, seed: 3 }),
        seed: 3,
        warmUpRequests: 2000,
      });
      return run.hits / run.requests;
    };
    expect(result.variants[0]?.curves).toEqual([
      { policy: 'lru', hitRatios: [direct('lru', 20), direct('lru', 80)] },
      { policy: 'redis-lfu', hitRatios: [direct('redis-lfu', 20), direct('redis-lfu', 80)] },
    ]);
    const che = result.variants[0]?.cheLru ?? [];
    expect(che).toHaveLength(2);
    expect(Math.abs((che[1] ?? 0) - direct('lru', 80))).toBeLessThan(0.03);
  });

  it('report progress in requests, rising to the total', () => {
    const reports: [number, number][] = [];
    runHitRatioCurves(JOB, (done, total) => reports.push([done, total]));
    const total = 4 * 12_000;
    expect(reports[0]).toEqual([0, total]);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    const dones = reports.map(([done]) => done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    // Within each run too, not only between runs.
    expect(dones).toContain(5000);
  });

  it('compare each scheme on the same keys, adding the next node or removing the last', () => {
    const job = {
      kind: 'resharding' as const,
      schemes: [{ kind: 'modulo' as const }, { kind: 'cluster-slots' as const }],
      nodes: ['node-1', 'node-2', 'node-3'],
      change: 'remove-node' as const,
      keyPrefix: 'k',
      keyCount: 300,
    };
    const reports: number[] = [];
    const result = runResharding(job, (done) => reports.push(done));
    expect(reports).toEqual([0, 1, 2]);
    expect(result.reports[1]).toEqual(
      compareResharding({
        scheme: { kind: 'cluster-slots' },
        nodes: job.nodes,
        change: { kind: 'remove-node', node: 'node-3' },
        keys: numberedKeys('k', 300),
      }),
    );
    expect(nextNodeName(['node-1', 'node-7', 'node-3'])).toBe('node-8');
  });
});

describe('useLabRun', () => {
  it('says so when the browser has no workers', () => {
    const { result } = renderHook(() => useLabRun<HitRatioCurvesJob>(() => null));
    act(() => result.current.start(JOB));
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBe(NO_WORKERS_MESSAGE);
  });
});
