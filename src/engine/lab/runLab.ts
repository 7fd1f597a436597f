/**
 * Runs a lab scenario with `record: 'metrics'` and sums up what the differences table compares.
 */
import { zipfKeyName } from '../load/zipf.ts';
import { bloomFalsePositiveRate, bloomSize } from '../protection/bloomFilter.ts';
import { runScenario } from '../sim/runScenario.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { MetricsBucket, MetricsSeries } from '../sim/trace.ts';
import { buildLabScenario } from './labSettings.ts';
import type { LabBloomSummary, LabMetric, LabRun, LabScenario, LabSummary, LabValues } from './labTypes.ts';

export interface LabRunOptions {
  /** How far the run is, from 0 to 1, by virtual time against the load's end (called now and then). */
  onProgress?: ((fraction: number) => void) | undefined;
}

/** Builds the lab's scenario with these values and runs it; throws what the engine says is wrong. */
export function runLab(
  lab: LabScenario,
  values: LabValues,
  seed: number,
  options: LabRunOptions = {},
): LabRun {
  const scenario = buildLabScenario(lab, values);
  const endMs = loadEndMs(scenario);
  const { onProgress } = options;
  const trace = runScenario(scenario, {
    seed,
    record: 'metrics',
    onProgress:
      onProgress === undefined
        ? undefined
        : (p) => onProgress(Math.min(1, p.virtualTimeMs / Math.max(1, endMs))),
  });
  const series = trace.series as MetricsSeries;
  return {
    labId: lab.id,
    seed,
    values,
    buckets: series.buckets,
    totals: series.totals,
    summary: summarizeLab(scenario, series),
  };
}

/** When the scenario's load stops arriving (its start plus duration), or its last script step. */
export function loadEndMs(scenario: Scenario): number {
  const load = scenario.load;
  const scriptEnd = Math.max(0, ...scenario.script.map((s) => s.atMs));
  if (load === undefined || load.durationMs === undefined) return scriptEnd;
  return Math.max(scriptEnd, (load.startMs ?? 0) + load.durationMs);
}

export function summarizeLab(scenario: Scenario, series: MetricsSeries): LabSummary {
  const { totals, buckets } = series;
  let dbPeakPerSecond = 0;
  let dbPeakAtMs = 0;
  for (const bucket of buckets) {
    const queries = bucket.dbReads + bucket.dbWrites;
    if (queries > dbPeakPerSecond) {
      dbPeakPerSecond = queries;
      dbPeakAtMs = bucket.startMs;
    }
  }
  const lookups = totals.hits + totals.misses;
  return {
    dbPeakPerSecond,
    dbPeakAtMs,
    dbQueries: totals.dbReads + totals.dbWrites,
    hitRatio: lookups === 0 ? null : totals.hits / lookups,
    p99Ms: totals.p99Ms,
    staleReads: totals.staleReads,
    requests: totals.requests,
    failed: totals.failed,
    bloom: bloomSummary(scenario, series),
  };
}

function bloomSummary(scenario: Scenario, { totals }: MetricsSeries): LabBloomSummary | null {
  const penetration = scenario.strategy.penetration;
  if (penetration?.kind !== 'bloom-filter') return null;
  const size = bloomSize(penetration.expectedItems, penetration.falsePositiveRate);
  // The filter is loaded with every row the database has when the run starts: the scenario's and the load's.
  const items = new Set([
    ...scenario.database.rows.map((r) => r.key),
    ...Array.from({ length: scenario.load?.keys.count ?? 0 }, (_, i) => zipfKeyName(i + 1)),
  ]).size;
  const { absentReads, dbNotFound } = totals;
  return {
    bits: size.bits,
    hashes: size.hashes,
    items,
    formulaRate: bloomFalsePositiveRate(size, items),
    // Every absent id that passes the filter costs one select that finds no row (nothing else
    // selects absent ids), so the two counts give the filter's false positives per request.
    measuredRate: absentReads === 0 ? null : dbNotFound / absentReads,
    absentReads,
    absentReadsPassed: dbNotFound,
  };
}

/** One second's value of a metric the lab draws; null where it has none (no lookups, no responses). */
export function labMetricValue(bucket: MetricsBucket, metric: LabMetric): number | null {
  switch (metric) {
    case 'dbQueries':
      return bucket.dbReads + bucket.dbWrites;
    case 'hitRatio': {
      const lookups = bucket.hits + bucket.misses;
      return lookups === 0 ? null : bucket.hits / lookups;
    }
    case 'dbNotFound':
    case 'p99Ms':
    case 'requests':
    case 'staleReads':
      return bucket[metric];
  }
}
