/**
 * The messages between a lab page and its Web Worker. A page posts `start` with a job; the worker
 * answers with `progress` while it runs and then one `result` or `error`. There is no `cancel`
 * message: the engine's loops are synchronous, so a busy worker would not read it until the run
 * ended. Cancelling terminates the worker instead, and the next run starts a fresh one.
 *
 * Every message carries the run's id, so a late message from a run that was replaced is ignored.
 * A new kind of job adds a job and a result type to the unions below.
 */
import type {
  HitRatioPolicy,
  LabRun,
  LabValues,
  ReshardingReport,
  ShardingScheme,
} from '../../engine/index.ts';

/** One Zipf trace to run every policy and size on. */
export interface ZipfTraceSpec {
  /** `A` or `B` when comparing two traces; the label in legends and tables. */
  label: string;
  alpha: number;
  keys: number;
  requests: number;
}

/** Hit ratio against cache size for each policy, on one shared trace per variant. */
export interface HitRatioCurvesJob {
  kind: 'hit-ratio-curves';
  variants: readonly ZipfTraceSpec[];
  policies: readonly HitRatioPolicy[];
  /** Cache sizes in keys, ascending. */
  sizes: readonly number[];
  /** Requests served first and not counted, so the figures are the cache's steady state. */
  warmUpRequests: number;
  seed: number;
}

export interface PolicyCurve {
  policy: HitRatioPolicy;
  /** Hits over counted requests at each size, as a fraction 0–1, aligned with the job's sizes. */
  hitRatios: number[];
}

export interface VariantCurves {
  trace: ZipfTraceSpec;
  curves: PolicyCurve[];
  /** Che's approximation of LRU's hit ratio at each size (steady state, no cold misses). */
  cheLru: number[];
}

export interface HitRatioCurvesResult {
  kind: 'hit-ratio-curves';
  job: HitRatioCurvesJob;
  variants: VariantCurves[];
}

/** What moves when one node joins or leaves, under each scheme. */
export interface ReshardingJob {
  kind: 'resharding';
  schemes: readonly ShardingScheme[];
  nodes: readonly string[];
  change: 'add-node' | 'remove-node';
  /** Keys are `${keyPrefix}1` … `${keyPrefix}${keyCount}`. */
  keyPrefix: string;
  keyCount: number;
}

export interface ReshardingResult {
  kind: 'resharding';
  job: ReshardingJob;
  reports: ReshardingReport[];
}

/** One configuration of a lab scenario: `A`, or `B` when comparing; the label in legends and tables. */
export interface LoadVariant {
  label: string;
  /** Every parameter's value; those not in use are at their defaults, so equal settings give equal jobs. */
  values: LabValues;
}

/** A lab scenario run over virtual time, once per variant, all with one seed. */
export interface LoadRunJob {
  kind: 'load-run';
  /** The lab scenario's id (`stampede`, …). */
  scenario: string;
  seed: number;
  variants: readonly LoadVariant[];
}

export interface LoadRunResult {
  kind: 'load-run';
  job: LoadRunJob;
  /** One run per variant, in the job's order. */
  runs: LabRun[];
}

export type LabJob = HitRatioCurvesJob | ReshardingJob | LoadRunJob;
export type LabResult = HitRatioCurvesResult | ReshardingResult | LoadRunResult;
/** The result a job of type `J` produces. */
export type LabResultOf<J extends LabJob> = Extract<LabResult, { kind: J['kind'] }>;

export interface LabProgress {
  /** Units of work done so far (requests served, schemes compared, virtual ms run) out of `total`. */
  done: number;
  total: number;
}

export type ToLabWorker = { type: 'start'; runId: number; job: LabJob };

export type FromLabWorker =
  | ({ type: 'progress'; runId: number } & LabProgress)
  | { type: 'result'; runId: number; result: LabResult }
  | { type: 'error'; runId: number; message: string };

/** The part of a Worker the lab uses: tests pass a fake with these members. */
export interface LabWorkerPort {
  postMessage(message: ToLabWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromLabWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}
