/**
 * The lab's jobs as plain functions: the worker calls them, and tests call them directly. Each
 * reports progress through `report(done, total)`; how often it reaches the page is the caller's
 * choice.
 */
import {
  buildLabScenario,
  cheLruHitRatio,
  compareResharding,
  loadEndMs,
  numberedKeys,
  runLab,
  simulateHitRatio,
  zipfProbabilities,
  zipfTrace,
} from '../../engine/index.ts';
import type { LabScenario, LabValues } from '../../engine/index.ts';
import { getLabScenario } from '../../content/labs/index.ts';
import type {
  HitRatioCurvesJob,
  HitRatioCurvesResult,
  LabJob,
  LabResult,
  LoadRunJob,
  LoadRunResult,
  ReshardingJob,
  ReshardingResult,
  VariantCurves,
} from './labProtocol.ts';

export type ReportProgress = (done: number, total: number) => void;

/** Requests between progress reports: small enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY_REQUESTS = 5_000;

export function runLabJob(job: LabJob, report: ReportProgress): LabResult {
  switch (job.kind) {
    case 'hit-ratio-curves':
      return runHitRatioCurves(job, report);
    case 'resharding':
      return runResharding(job, report);
    case 'load-run':
      return runLoad(job, report);
  }
}

/**
 * Every policy at every size, each on the same trace: the trace is drawn again from the same seed
 * for each run rather than kept, so a trace of millions of requests needs no memory.
 */
export function runHitRatioCurves(job: HitRatioCurvesJob, report: ReportProgress): HitRatioCurvesResult {
  const runs = job.policies.length * job.sizes.length;
  const total = job.variants.reduce((sum, trace) => sum + runs * trace.requests, 0);
  let done = 0;
  report(done, total);
  const variants: VariantCurves[] = job.variants.map((trace) => {
    const probabilities = zipfProbabilities({ alpha: trace.alpha, keys: trace.keys });
    const cheLru = job.sizes.map((size) => cheLruHitRatio(probabilities, size));
    const curves = job.policies.map((policy) => ({
      policy,
      hitRatios: job.sizes.map((size) => {
        const before = done;
        const result = simulateHitRatio({
          policy,
          size,
          keys: zipfTrace({ alpha: trace.alpha, keys: trace.keys, requests: trace.requests, seed: job.seed }),
          seed: job.seed,
          warmUpRequests: job.warmUpRequests,
          progressEvery: PROGRESS_EVERY_REQUESTS,
          onProgress: (served) => report(before + served, total),
        });
        done = before + trace.requests;
        report(done, total);
        return result.requests === 0 ? 0 : result.hits / result.requests;
      }),
    }));
    return { trace, curves, cheLru };
  });
  return { kind: 'hit-ratio-curves', job, variants };
}

/** Each scheme in turn on the same keys; progress counts schemes. */
export function runResharding(job: ReshardingJob, report: ReportProgress): ReshardingResult {
  const keys = numberedKeys(job.keyPrefix, job.keyCount);
  const node = job.change === 'add-node' ? nextNodeName(job.nodes) : (job.nodes[job.nodes.length - 1] ?? '');
  const total = job.schemes.length;
  report(0, total);
  const reports = job.schemes.map((scheme, index) => {
    const compared = compareResharding({
      scheme,
      nodes: job.nodes,
      change: { kind: job.change, node },
      keys,
    });
    report(index + 1, total);
    return compared;
  });
  return { kind: 'resharding', job, reports };
}

/** The lab scenario a load job names; throws, in words, when there is none by that id. */
export function labOfJob(job: LoadRunJob): LabScenario {
  const lab = getLabScenario(job.scenario);
  if (lab === undefined) throw new Error(`There is no lab scenario \u201c${job.scenario}\u201d.`);
  return lab;
}

/** Virtual milliseconds until a configuration's load ends: the unit a load run's progress counts in. */
export function loadRunLengthMs(lab: LabScenario, values: LabValues): number {
  return Math.max(1, loadEndMs(buildLabScenario(lab, values)));
}

/**
 * Each variant in turn, with the same seed; progress counts virtual milliseconds over all of them.
 * What the engine refuses comes back as an error naming the run, so the page can say which.
 */
export function runLoad(job: LoadRunJob, report: ReportProgress): LoadRunResult {
  const lab = labOfJob(job);
  const lengths = job.variants.map((variant) => loadRunLengthMs(lab, variant.values));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let done = 0;
  report(done, total);
  const runs = job.variants.map((variant, index) => {
    const before = done;
    const length = lengths[index] ?? 0;
    try {
      const run = runLab(lab, variant.values, job.seed, {
        onProgress: (fraction) => report(before + Math.round(fraction * length), total),
      });
      done = before + length;
      report(done, total);
      return run;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(job.variants.length > 1 ? `run ${variant.label}: ${message}` : message, {
        cause: error,
      });
    }
  });
  return { kind: 'load-run', job, runs };
}

/** `node-1` … `node-N`: the lab's cluster of `count` nodes. */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `node-${i + 1}`);
}

/** The name the next node to join takes: one past the highest number in use. */
export function nextNodeName(nodes: readonly string[]): string {
  const highest = nodes.reduce((max, name) => Math.max(max, Number(/\d+$/.exec(name)?.[0] ?? 0)), 0);
  return `node-${highest + 1}`;
}
