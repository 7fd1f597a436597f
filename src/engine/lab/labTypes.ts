/**
 * A lab scenario: a scenario with a load, and the few settings a learner may change in it. The
 * settings are data (where each value goes in the scenario), so the same definition drives the
 * lab's form, its URL, the CLI's `--set name=value`, and the checks that say what is wrong with a value.
 */
import type { MetricsBucket, MetricsCounts } from '../sim/trace.ts';
import type { Scenario } from '../sim/scenario.ts';

export interface LabScenario {
  /** Lowercase words joined by hyphens; `npm run sim -- lab --scenario <id>` and `scenario=` in the URL. */
  id: string;
  title: string;
  /** What the run shows and what to change, in two or three sentences. */
  summary: string;
  /** The lesson it belongs to (a curriculum id), for "Open in the lesson" and the lesson's charts. */
  lesson: string;
  /** The scenario with every setting at its default; it must have a `load`. */
  base: Scenario;
  /** In the order the form shows them, and applied in this order (a choice before its numbers). */
  parameters: LabParameter[];
  /** The series the lab draws first: the one that shows this failure mode. */
  headline: LabMetric;
}

/** A per-second series the lab can draw. `dbQueries` is reads plus writes; `hitRatio` is hits/(hits+misses). */
export type LabMetric = 'dbQueries' | 'dbNotFound' | 'hitRatio' | 'p99Ms' | 'requests' | 'staleReads';

export type LabParameter = LabNumberParameter | LabChoiceParameter;

interface LabParameterBase {
  /** `--set <name>=…` and the URL's key: lowercase letters, digits and hyphens, unique in its lab. */
  name: string;
  label: string;
  /** One sentence on what it changes. */
  help: string;
  /** Only used (shown, applied, allowed in `--set`) while another parameter has one of these values. */
  when?: { parameter: string; is: string[] } | undefined;
}

export interface LabNumberParameter extends LabParameterBase {
  kind: 'number';
  /** Shown after the value: `s`, `ms`, `keys`, `requests/s`, `%`… ('' for none). */
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  default: number;
  /**
   * Where the value goes: dotted paths into the scenario (`strategy.ttlJitterSeconds`,
   * `load.hotKeyBursts.0.ratePerSecond`), each of which must exist in the base scenario once the
   * parameters before this one are applied. One value may go to several places.
   */
  paths: string[];
  /** The value stored is the value given times this (e.g. 1000 for seconds given, ms stored); default 1. */
  scale?: number | undefined;
}

export interface LabChoiceParameter extends LabParameterBase {
  kind: 'choice';
  default: string;
  choices: LabChoice[];
}

export interface LabChoice {
  /** Lowercase words joined by hyphens. */
  value: string;
  label: string;
  /** What choosing it writes into the scenario: dotted path → value (replacing what was there). */
  set: Record<string, unknown>;
}

/** A value for every parameter of a lab, by name (numbers for number parameters, choice values otherwise). */
export type LabValues = Record<string, number | string>;

/** One thing wrong with the settings given, naming the parameter. */
export interface LabSettingProblem {
  parameter: string;
  message: string;
}

/** What a lab run shows: the series, its totals, and the figures the differences table compares. */
export interface LabRun {
  labId: string;
  seed: number;
  values: LabValues;
  buckets: MetricsBucket[];
  totals: MetricsCounts;
  summary: LabSummary;
}

export interface LabSummary {
  /** The busiest second of the database (reads plus writes), and when it began. */
  dbPeakPerSecond: number;
  dbPeakAtMs: number;
  /** Queries the database ran over the whole run (reads plus writes). */
  dbQueries: number;
  /** hits / (hits + misses) over the run; null without a cache lookup. */
  hitRatio: number | null;
  p99Ms: number | null;
  staleReads: number;
  requests: number;
  failed: number;
  /** The Bloom filter in front of the cache, when the run has one (`penetration: bloom-filter`). */
  bloom: LabBloomSummary | null;
}

export interface LabBloomSummary {
  /** Its size in bits (m) and hash functions (k), from the expected items and target rate. */
  bits: number;
  hashes: number;
  /** How many keys it was loaded with (the database's rows), n in the formula. */
  items: number;
  /** The false-positive rate the formula gives for these m, k and n: (1 − e^(−kn/m))^k. */
  formulaRate: number;
  /**
   * Reads of absent ids that got past the filter to the database, over all reads of absent ids;
   * null when the run had none.
   */
  measuredRate: number | null;
  absentReads: number;
  absentReadsPassed: number;
}
