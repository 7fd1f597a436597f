import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  compareResharding,
  labDefaults,
  numberedKeys,
  runLab,
  simulateHitRatio,
  zipfTrace,
} from '../../src/engine/index.ts';
import { getLabScenario } from '../../src/content/labs/index.ts';
import { nextNodeName, runHitRatioCurves, runLoad, runResharding } from '../../src/ui/lab/labJobs.ts';
import type { HitRatioCurvesJob, LoadRunJob } from '../../src/ui/lab/labProtocol.ts';
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

describe('the load lab’s job', () => {
  const stampede = getLabScenario('stampede');
  if (stampede === undefined) throw new Error('no stampede lab');
  // A slow trickle of reads, so the two runs take a moment.
  const quiet = { ...labDefaults(stampede), rate: 20 };
  const job: LoadRunJob = {
    kind: 'load-run',
    scenario: 'stampede',
    seed: 3,
    variants: [
      { label: 'A', values: quiet },
      { label: 'B', values: { ...quiet, protection: 'single-flight' } },
    ],
  };

  it('runs each variant with the job’s seed, as the engine does without a progress hook', () => {
    const result = runLoad(job, () => undefined);
    expect(result.kind).toBe('load-run');
    expect(result.job).toBe(job);
    expect(result.runs.map((run) => run.summary)).toEqual([
      runLab(stampede, quiet, 3).summary,
      runLab(stampede, { ...quiet, protection: 'single-flight' }, 3).summary,
    ]);
  });

  it('reports progress in virtual milliseconds over both runs, rising to the total', () => {
    const reports: [number, number][] = [];
    // Enough requests for the engine to report a few times within each run.
    const busier = { ...quiet, rate: 200 };
    const variants = [
      { label: 'A', values: busier },
      { label: 'B', values: { ...busier, protection: 'single-flight' } },
    ];
    runLoad({ ...job, variants }, (done, total) => reports.push([done, total]));
    expect(reports[0]).toEqual([0, 120_000]);
    expect(reports.at(-1)).toEqual([120_000, 120_000]);
    const dones = reports.map(([done]) => done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    // Within each run too, not only between runs.
    expect(dones.some((done) => done > 0 && done < 60_000)).toBe(true);
    expect(dones.some((done) => done > 60_000 && done < 120_000)).toBe(true);
  });

  it('says which run the engine refused, and names a scenario it does not know', () => {
    const refused: LoadRunJob = {
      ...job,
      variants: [
        job.variants[0] ?? { label: 'A', values: quiet },
        { label: 'B', values: { ...quiet, ttl: 0 } },
      ],
    };
    expect(() => runLoad(refused, () => undefined)).toThrow(/^run B: .*TTL/);
    expect(() => runLoad({ ...job, scenario: 'thundering' }, () => undefined)).toThrow(
      'There is no lab scenario \u201cthundering\u201d.',
    );
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
