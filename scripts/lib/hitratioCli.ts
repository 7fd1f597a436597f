/**
 * `npm run sim -- hitratio …`: the miss ratio of a cache of N keys under one eviction policy, for a
 * trace read from a file (one key per line) or drawn from a Zipf distribution. One JSON object per
 * cache size, each a fresh, empty cache over the same trace.
 */
import { readFileSync } from 'node:fs';
import {
  HIT_RATIO_POLICIES,
  isHitRatioPolicy,
  simulateHitRatio,
  type HitRatioPolicy,
} from '../../src/engine/load/hitRatio.ts';
import { zipfTrace } from '../../src/engine/load/zipf.ts';
import { parseFlags, seedFlag } from './flags.ts';
import { UsageError } from './usageError.ts';

const FLAGS = ['policy', 'size', 'sizes', 'trace', 'zipf', 'keys', 'requests', 'seed'] as const;
type Flag = (typeof FLAGS)[number];

/** Past this, the Zipf tables (two numbers and a name per key) stop fitting comfortably in memory. */
const MAX_ZIPF_KEYS = 10_000_000;

/** Reads a trace file; tests pass their own. */
export type ReadTextFile = (path: string) => string;

/** The lines to print, one JSON object per cache size; throws UsageError for bad arguments. */
export function hitRatioLines(
  args: readonly string[],
  readTextFile: ReadTextFile = (path) => readFileSync(path, 'utf8'),
): string[] {
  const flags = parseFlags(args, { values: FLAGS }).values as Map<Flag, string>;
  const policy = policyOf(flags);
  const sizes = sizesOf(flags);
  const seed = seedFlag(flags);
  const keys = traceOf(flags, seed, readTextFile);
  return sizes.map((size) => {
    const { requests, hits, misses, missRatio } = simulateHitRatio({ policy, size, keys: keys(), seed });
    // Spelled out so the keys print in the documented order.
    return JSON.stringify({ policy, size, requests, hits, misses, missRatio });
  });
}

function policyOf(flags: Map<Flag, string>): HitRatioPolicy {
  const policy = flags.get('policy');
  if (policy === undefined) throw new UsageError(`--policy <${HIT_RATIO_POLICIES.join('|')}> is required`);
  if (!isHitRatioPolicy(policy)) {
    throw new UsageError(`--policy: "${policy}" is not one of ${HIT_RATIO_POLICIES.join(', ')}`);
  }
  return policy;
}

function sizesOf(flags: Map<Flag, string>): number[] {
  const size = flags.get('size');
  const sizes = flags.get('sizes');
  if (size !== undefined && sizes !== undefined)
    throw new UsageError('--size and --sizes: give one, not both');
  if (size !== undefined) return [wholeNumber('size', size, 1)];
  if (sizes === undefined) throw new UsageError('--size <keys> (or --sizes <keys,keys,…>) is required');
  return sizes.split(',').map((text) => wholeNumber('sizes', text, 1));
}

/** A function giving the trace from its start, once per cache size. */
function traceOf(flags: Map<Flag, string>, seed: number, readTextFile: ReadTextFile): () => Iterable<string> {
  const file = flags.get('trace');
  const alphaText = flags.get('zipf');
  if (file !== undefined && alphaText !== undefined) {
    throw new UsageError('--trace and --zipf: give one source of keys, not both');
  }
  if (file !== undefined) {
    for (const zipfOnly of ['keys', 'requests'] as const) {
      if (flags.has(zipfOnly)) throw new UsageError(`--${zipfOnly} applies only to --zipf traces`);
    }
    const keys = traceFileKeys(file, readTextFile);
    return () => keys;
  }
  if (alphaText === undefined) {
    throw new UsageError('--trace <file> or --zipf <alpha> --keys <N> --requests <R> is required');
  }
  const alpha = Number(alphaText);
  if (alphaText.trim() === '' || !Number.isFinite(alpha) || alpha <= 0) {
    throw new UsageError(`--zipf: "${alphaText}" is not a number > 0`);
  }
  const keys = requiredWholeNumber(flags, 'keys', 1, MAX_ZIPF_KEYS);
  const requests = requiredWholeNumber(flags, 'requests', 0);
  return () => zipfTrace({ alpha, keys, requests, seed });
}

/** One key per line; a trailing `\r` (Windows line ends) is dropped and blank lines are skipped. */
function traceFileKeys(file: string, readTextFile: ReadTextFile): string[] {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    throw new UsageError(
      `--trace: cannot read "${file}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const keys: string[] = [];
  for (const line of text.split('\n')) {
    const key = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (key !== '') keys.push(key);
  }
  if (keys.length === 0) throw new UsageError(`--trace: "${file}" holds no keys`);
  return keys;
}

function requiredWholeNumber(flags: Map<Flag, string>, name: Flag, min: number, max?: number): number {
  const text = flags.get(name);
  if (text === undefined) throw new UsageError(`--zipf needs --${name} <N>`);
  return wholeNumber(name, text, min, max);
}

function wholeNumber(name: Flag, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name}: "${text}" is not a whole number ${range}`);
  }
  return n;
}
