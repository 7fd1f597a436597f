/** The load lab's words: metric names and units, how its figures are written, its runs described. */
import { parameterActive } from '../../engine/index.ts';
import type { LabMetric, LabParameter, LabScenario, LabSummary, LabValues } from '../../engine/index.ts';
import { curriculum } from '../../content/curriculum.ts';
import type { CurriculumEntry } from '../../content/curriculum.ts';
import type { LineStyle } from './chartStyle.ts';
import { groupedNumber } from './labFields.ts';
import type { LabProgress } from './labProtocol.ts';
import { formatCount, formatPercent, formatPoints } from './labWords.ts';
import { inUse } from './loadLink.ts';

export interface MetricWords {
  /** The chart's title. */
  title: string;
  /** The line's name in legends and tables, before ` (A)`. */
  name: string;
  /** The y axis: its label and unit. */
  axis: string;
  axisUnit: string;
  /** A value's unit, after the number. */
  unit: string;
}

export const METRIC_WORDS: Record<LabMetric, MetricWords> = {
  dbQueries: {
    title: 'Database queries per second',
    name: 'DB queries',
    axis: 'DB queries',
    axisUnit: 'per second',
    unit: 'queries/s',
  },
  dbNotFound: {
    title: 'DB queries that found no row, per second',
    name: 'Queries finding no row',
    axis: 'No-row queries',
    axisUnit: 'per second',
    unit: 'queries/s',
  },
  // Redis's own hits / (hits + misses), as INFO's keyspace_hits and keyspace_misses give it.
  hitRatio: {
    title: 'Redis hit ratio per second',
    name: 'Redis hit ratio',
    axis: 'Redis hit ratio',
    axisUnit: '%',
    unit: '%',
  },
  p99Ms: {
    title: 'p99 latency per second',
    name: 'p99 latency',
    axis: 'p99 latency',
    axisUnit: 'ms',
    unit: 'ms',
  },
  requests: {
    title: 'Requests answered per second',
    name: 'Requests',
    axis: 'Requests',
    axisUnit: 'per second',
    unit: 'requests/s',
  },
  staleReads: {
    title: 'Stale reads per second',
    name: 'Stale reads',
    axis: 'Stale reads',
    axisUnit: 'per second',
    unit: 'reads/s',
  },
};

/** A and B keep one colour and one dash each on every chart. */
export const VARIANT_STYLE: Record<string, { colour: string; line: LineStyle }> = {
  A: { colour: '--chart-blue', line: 'solid' },
  B: { colour: '--chart-red', line: 'dashed' },
};

const wholeMs = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const tenthMs = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `197 ms`, `4.5 ms`. */
export function formatMs(ms: number): string {
  return `${(ms >= 10 ? wholeMs : tenthMs).format(ms)}\u00a0ms`;
}

/** A moment of virtual time in whole seconds: `30 s`. */
export function formatAt(ms: number): string {
  return `${groupedNumber(Math.round(ms / 1000))}\u00a0s`;
}

const smallRate = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** A rate as a percentage: one decimal, or two significant digits below 1 % (`0.012 %`), so it never reads as 0. */
export function formatRate(fraction: number): string {
  if (fraction === 0 || fraction >= 0.01) return formatPercent(fraction);
  return `${smallRate.format(fraction * 100)}\u00a0%`;
}

const settingNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A value in the form's words: `500 ms`, `Lock (SET NX PX)`, `1 %`. */
export function describeValue(parameter: LabParameter, value: number | string | undefined): string {
  if (parameter.kind === 'choice') {
    return parameter.choices.find((choice) => choice.value === value)?.label ?? String(value);
  }
  const number = typeof value === 'number' ? settingNumber.format(value) : String(value);
  return parameter.unit === '' ? number : `${number}\u00a0${parameter.unit}`;
}

/** The settings in use where `values` differ from `base`, in words: `Protection: Lock (SET NX PX), TTL: 20 s`. */
export function describeChanges(lab: LabScenario, values: LabValues, base: LabValues): string {
  const used = inUse(lab, values);
  const baseUsed = inUse(lab, base);
  return lab.parameters
    .filter((p) => parameterActive(p, used) && used[p.name] !== baseUsed[p.name])
    .map((p) => `${p.label}: ${describeValue(p, used[p.name])}`)
    .join(', ');
}

/** The lesson a lab scenario belongs to, when it is written; null otherwise (no link then). */
export function writtenLesson(
  lab: LabScenario,
  entries: readonly CurriculumEntry[] = curriculum,
): CurriculumEntry | null {
  const entry = entries.find((candidate) => candidate.id === lab.lesson);
  return entry?.available === true ? entry : null;
}

/** What a run will do: `One run of 60 s of virtual time.` */
export function describeLoadWork(lengthsMs: readonly number[]): string {
  const [a, b] = lengthsMs;
  if (a === undefined) return '';
  if (b === undefined) return `One run of ${formatAt(a)} of virtual time.`;
  return a === b
    ? `Two runs, A and B, of ${formatAt(a)} of virtual time each.`
    : `Two runs: A of ${formatAt(a)} and B of ${formatAt(b)} of virtual time.`;
}

/** Progress in virtual seconds of the run under way: `Run B: 34 of 60 s of virtual time`. */
export function describeLoadProgress(
  { done }: LabProgress,
  lengthsMs: readonly number[],
  labels: readonly string[],
): string {
  let before = 0;
  for (const [index, length] of lengthsMs.entries()) {
    const isLast = index === lengthsMs.length - 1;
    if (done < before + length || isLast) {
      const within = Math.min(length, Math.max(0, done - before));
      const text = `${formatAt(within)} of ${formatAt(length)} of virtual time`;
      return lengthsMs.length > 1 ? `Run ${labels[index] ?? ''}: ${text}` : text;
    }
    before += length;
  }
  return '';
}

/** A figure of the results table: how to read it off a run, write it, and write a difference. */
export interface LoadMeasure {
  name: string;
  /** What exactly is counted, under the name. */
  note: string;
  value: (summary: LabSummary) => number | null;
  format: (summary: LabSummary) => string;
  /** Said under the figure, e.g. when the busiest second was. */
  detail?: (summary: LabSummary) => string;
  formatDifference: (difference: number) => string;
  /** Percentages are compared in points; a relative change of a ratio would confuse. */
  relative: boolean;
}

const signed = (text: string, difference: number) =>
  difference > 0 ? `+${text}` : difference < 0 ? `\u2212${text}` : text;
const countDifference = (unit: string) => (difference: number) =>
  signed(`${formatCount(Math.abs(difference))}${unit}`, difference);

export const LOAD_MEASURES: readonly LoadMeasure[] = [
  {
    name: 'DB load peak',
    note: 'queries in the busiest second, and when',
    value: (s) => s.dbPeakPerSecond,
    format: (s) => formatCount(s.dbPeakPerSecond),
    detail: (s) => `at ${formatAt(s.dbPeakAtMs)}`,
    formatDifference: countDifference(''),
    relative: true,
  },
  {
    name: 'Redis hit ratio',
    note: 'hits / (hits + misses) over the run',
    value: (s) => s.hitRatio,
    format: (s) => (s.hitRatio === null ? '\u2014' : formatPercent(s.hitRatio)),
    formatDifference: formatPoints,
    relative: false,
  },
  {
    name: 'p99 latency',
    note: '99 % of requests were answered within it',
    value: (s) => s.p99Ms,
    format: (s) => (s.p99Ms === null ? '\u2014' : formatMs(s.p99Ms)),
    formatDifference: (difference) => signed(formatMs(Math.abs(difference)), difference),
    relative: true,
  },
  {
    name: 'Stale reads',
    note: 'answered with an outdated value',
    value: (s) => s.staleReads,
    format: (s) => formatCount(s.staleReads),
    formatDifference: countDifference(''),
    relative: true,
  },
  {
    name: 'DB queries',
    note: 'reads and writes, over the run',
    value: (s) => s.dbQueries,
    format: (s) => formatCount(s.dbQueries),
    formatDifference: countDifference(''),
    relative: true,
  },
  {
    name: 'Requests',
    note: 'answered over the run',
    value: (s) => s.requests,
    format: (s) => formatCount(s.requests),
    formatDifference: countDifference(''),
    relative: true,
  },
];

/** Failed requests, shown only when a run had some. */
export const FAILED_MEASURE: LoadMeasure = {
  name: 'Failed requests',
  note: 'answered with an error',
  value: (s) => s.failed,
  format: (s) => formatCount(s.failed),
  formatDifference: countDifference(''),
  relative: true,
};

/** B against A in plain words: `lower`, `97.9 % lower`, `3.2× as high`, `the same`. */
export function directionWords(measure: LoadMeasure, a: number | null, b: number | null): string {
  if (a === null || b === null) return 'cannot compare';
  if (measure.formatDifference(b - a) === measure.formatDifference(0)) return 'the same';
  const word = b < a ? 'lower' : 'higher';
  if (!measure.relative || a === 0) return word;
  if (b > a && b / a >= 2) return `${tenthMs.format(b / a)}\u00d7 as high`;
  return `${formatPercent(Math.abs(b - a) / a)} ${word}`;
}
