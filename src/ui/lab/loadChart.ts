/** The load lab's runs as charts over virtual time, and what each shows in words. Pure, so tests can pin them down. */
import { labMetricValue } from '../../engine/index.ts';
import type { LabMetric, LabRun } from '../../engine/index.ts';
import type { ChartSeries, ChartXAxis, ChartYAxis } from './LineChart.tsx';
import type { LoadRunResult } from './labProtocol.ts';
import { formatCount, formatPercent } from './labWords.ts';
import { METRIC_WORDS, VARIANT_STYLE, formatAt, formatMs } from './loadWords.ts';

export interface LoadChart {
  metric: LabMetric;
  title: string;
  y: ChartYAxis;
  series: ChartSeries[];
  summary: string;
}

/** The metrics the page draws: the scenario's headline first, then the rest that matter for it. */
export function chartedMetrics(headline: LabMetric, runs: readonly LabRun[]): LabMetric[] {
  const any = (count: (run: LabRun) => number) => runs.some((run) => count(run) > 0);
  const metrics: LabMetric[] = [headline, 'dbQueries', 'hitRatio', 'p99Ms'];
  if (any((run) => run.totals.dbNotFound)) metrics.push('dbNotFound');
  if (any((run) => run.totals.staleReads)) metrics.push('staleReads');
  return [...new Set(metrics)];
}

/**
 * The seconds of a run the charts draw: those that begin before its load ends. After that only the
 * last answers trickle in, and a second with a handful of requests would read as a sudden drop.
 */
function drawnSeconds(run: LabRun, lengthMs: number | undefined): number {
  const load = lengthMs === undefined ? Infinity : Math.ceil(lengthMs / 1000);
  return Math.min(run.buckets.length, load);
}

/** Virtual time in whole seconds, over the longest run's load (`lengthsMs`, one per run). */
export function loadXAxis(result: LoadRunResult, lengthsMs: readonly number[] = []): ChartXAxis {
  const seconds = Math.max(0, ...result.runs.map((run, index) => drawnSeconds(run, lengthsMs[index])));
  return { label: 'Virtual time', unit: 's', values: Array.from({ length: seconds }, (_, i) => i) };
}

/** One second's value as the chart draws it: hit ratios in percent. */
function seriesValues(run: LabRun, metric: LabMetric, seconds: number, drawn: number): (number | null)[] {
  const values: (number | null)[] = Array.from({ length: seconds }, () => null);
  for (const bucket of run.buckets.slice(0, drawn)) {
    const value = labMetricValue(bucket, metric);
    values[Math.round(bucket.startMs / 1000)] =
      value === null ? null : metric === 'hitRatio' ? value * 100 : value;
  }
  return values;
}

export function loadCharts(
  result: LoadRunResult,
  headline: LabMetric,
  lengthsMs: readonly number[] = [],
): LoadChart[] {
  const seconds = loadXAxis(result, lengthsMs).values.length;
  const drawn = result.runs.map((run, index) => drawnSeconds(run, lengthsMs[index]));
  const labels = result.job.variants.map((variant) => variant.label);
  const comparing = result.runs.length > 1;
  return chartedMetrics(headline, result.runs).map((metric) => {
    const words = METRIC_WORDS[metric];
    const series = result.runs.map((run, index): ChartSeries => {
      const label = labels[index] ?? '';
      const style = VARIANT_STYLE[label] ?? { colour: '--chart-purple', line: 'solid' };
      return {
        name: comparing ? `${words.name} (${label})` : words.name,
        unit: words.unit,
        values: seriesValues(run, metric, seconds, drawn[index] ?? 0),
        colour: style.colour,
        line: style.line,
      };
    });
    const y: ChartYAxis =
      metric === 'hitRatio'
        ? { label: words.axis, unit: words.axisUnit, range: [0, 100] }
        : { label: words.axis, unit: words.axisUnit };
    const runs = result.runs.map((run, index) => ({ ...run, buckets: run.buckets.slice(0, drawn[index]) }));
    return { metric, title: words.title, y, series, summary: metricSummary(metric, runs, labels) };
  });
}

/** Each run's figure, named `A 96.9 %` when comparing and bare otherwise. */
function each(runs: readonly LabRun[], labels: readonly string[], text: (run: LabRun) => string): string {
  if (runs.length === 1 && runs[0] !== undefined) return text(runs[0]);
  return runs.map((run, index) => `${labels[index] ?? ''} ${text(run)}`).join('; ');
}

/** The second with the highest (or lowest) value of a metric, or null when it has none. */
function extremeSecond(
  run: LabRun,
  metric: LabMetric,
  highest: boolean,
): { value: number; atMs: number } | null {
  let found: { value: number; atMs: number } | null = null;
  for (const bucket of run.buckets) {
    const value = labMetricValue(bucket, metric);
    if (value === null) continue;
    if (found === null || (highest ? value > found.value : value < found.value))
      found = { value, atMs: bucket.startMs };
  }
  return found;
}

/** What a chart shows in a sentence or two: the busiest (or worst) second, and the whole run. */
export function metricSummary(metric: LabMetric, runs: readonly LabRun[], labels: readonly string[]): string {
  const unit = METRIC_WORDS[metric].unit;
  const at = (run: LabRun, highest: boolean, format: (value: number) => string) => {
    const second = extremeSecond(run, metric, highest);
    return second === null ? 'none' : `${format(second.value)} at ${formatAt(second.atMs)}`;
  };
  switch (metric) {
    case 'hitRatio':
      return (
        `Over the run: ${each(runs, labels, (run) => (run.summary.hitRatio === null ? 'no lookups' : formatPercent(run.summary.hitRatio)))}. ` +
        `Lowest second: ${each(runs, labels, (run) => at(run, false, formatPercent))}.`
      );
    case 'p99Ms':
      return (
        `Over the run: ${each(runs, labels, (run) => (run.summary.p99Ms === null ? 'no answers' : formatMs(run.summary.p99Ms)))}. ` +
        `Slowest second: ${each(runs, labels, (run) => at(run, true, formatMs))}.`
      );
    case 'dbQueries':
    case 'dbNotFound':
    case 'requests':
    case 'staleReads': {
      const total = (run: LabRun) => (metric === 'dbQueries' ? run.summary.dbQueries : run.totals[metric]);
      return (
        `Busiest second: ${each(runs, labels, (run) => at(run, true, (value) => `${formatCount(value)} ${unit}`))}. ` +
        `Over the run: ${each(runs, labels, (run) => formatCount(total(run)))} in all.`
      );
    }
  }
}
