/**
 * The eviction lab's settings in the address:
 * `lab=eviction&alpha=0.9&keys=10000&requests=60000&warmup=10000&seed=1&sizes=100,200,500,1000,2000`
 * `&policies=lru,lfu,fifo,random,redis-lru,redis-lfu&scale=log&compare=off`, and with `compare=on`
 * the second trace: `&alphaB=1.1&keysB=10000&requestsB=60000`. Every parameter is always written.
 */
import { HIT_RATIO_POLICIES } from '../../engine/index.ts';
import type { HitRatioPolicy } from '../../engine/index.ts';
import { MAX_SEED } from '../player/deepLink.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { LinkReader, decimal, groupedNumber, numberList, oneOf, someOf, wholeNumber } from './labFields.ts';
import type { HitRatioCurvesJob, ZipfTraceSpec } from './labProtocol.ts';

export interface TraceSettings {
  alpha: number;
  keys: number;
  requests: number;
}

export interface EvictionSettings extends TraceSettings {
  warmUp: number;
  seed: number;
  sizes: number[];
  policies: HitRatioPolicy[];
  logScale: boolean;
  /** The second trace, B, drawn on the same axes; null when not comparing. */
  compareWith: TraceSettings | null;
}

export const MAX_KEYS = 1_000_000;
export const MAX_REQUESTS = 20_000_000;

export const EVICTION_FIELDS = {
  alpha: decimal(0, 3),
  keys: wholeNumber(1, MAX_KEYS),
  requests: wholeNumber(1, MAX_REQUESTS),
  warmup: wholeNumber(0, MAX_REQUESTS - 1),
  seed: wholeNumber(0, MAX_SEED),
  sizes: numberList(1, MAX_KEYS, 12),
  policies: someOf(HIT_RATIO_POLICIES),
  scale: oneOf(['log', 'linear'] as const),
  compare: oneOf(['off', 'on'] as const),
};

export const DEFAULT_EVICTION: EvictionSettings = {
  alpha: 0.9,
  keys: 10_000,
  requests: 60_000,
  warmUp: 10_000,
  seed: 1,
  sizes: [100, 200, 500, 1000, 2000],
  policies: [...HIT_RATIO_POLICIES],
  logScale: true,
  compareWith: null,
};

/** What B starts as when comparing is turned on: the same trace, more skewed. */
export function defaultTraceB(a: TraceSettings): TraceSettings {
  return { alpha: Math.min(3, Math.round((a.alpha + 0.2) * 100) / 100), keys: a.keys, requests: a.requests };
}

export interface EvictionParse {
  settings: EvictionSettings;
  problems: DeepLinkProblem[];
  complete: boolean;
}

export function parseEvictionSettings(params: URLSearchParams): EvictionParse {
  const link = new LinkReader(params);
  const d = DEFAULT_EVICTION;
  const a: TraceSettings = {
    alpha: link.read('alpha', EVICTION_FIELDS.alpha, d.alpha),
    keys: link.read('keys', EVICTION_FIELDS.keys, d.keys),
    requests: link.read('requests', EVICTION_FIELDS.requests, d.requests),
  };
  const settings: EvictionSettings = {
    ...a,
    warmUp: link.read('warmup', EVICTION_FIELDS.warmup, d.warmUp),
    seed: link.read('seed', EVICTION_FIELDS.seed, d.seed),
    sizes: link.read('sizes', EVICTION_FIELDS.sizes, d.sizes),
    policies: link.read('policies', EVICTION_FIELDS.policies, d.policies),
    logScale: link.read('scale', EVICTION_FIELDS.scale, 'log') === 'log',
    compareWith: null,
  };
  if (link.read('compare', EVICTION_FIELDS.compare, 'off') === 'on') {
    const b = defaultTraceB(a);
    settings.compareWith = {
      alpha: link.read('alphaB', EVICTION_FIELDS.alpha, b.alpha),
      keys: link.read('keysB', EVICTION_FIELDS.keys, b.keys),
      requests: link.read('requestsB', EVICTION_FIELDS.requests, b.requests),
    };
  }
  return { settings, problems: link.problems, complete: link.complete };
}

export function evictionParams(settings: EvictionSettings): [string, string][] {
  const f = EVICTION_FIELDS;
  const params: [string, string][] = [
    ['alpha', f.alpha.format(settings.alpha)],
    ['keys', f.keys.format(settings.keys)],
    ['requests', f.requests.format(settings.requests)],
    ['warmup', f.warmup.format(settings.warmUp)],
    ['seed', f.seed.format(settings.seed)],
    ['sizes', settings.sizes.join(',')],
    ['policies', f.policies.format(settings.policies)],
    ['scale', settings.logScale ? 'log' : 'linear'],
    ['compare', settings.compareWith === null ? 'off' : 'on'],
  ];
  const b = settings.compareWith;
  if (b !== null) {
    params.push(['alphaB', f.alpha.format(b.alpha)]);
    params.push(['keysB', f.keys.format(b.keys)]);
    params.push(['requestsB', f.requests.format(b.requests)]);
  }
  return params;
}

/** Settings that are each fine but cannot run together, by the field to show them next to. */
export type EvictionProblems = Partial<Record<'warmup' | 'requestsB', string[]>>;

export function evictionProblems(settings: EvictionSettings): EvictionProblems {
  const problems: EvictionProblems = {};
  if (settings.warmUp >= settings.requests) {
    problems.warmup = [
      `The warm-up must be shorter than the trace: fewer than ${groupedNumber(settings.requests)} requests.`,
    ];
  }
  const b = settings.compareWith;
  if (b !== null && settings.warmUp >= b.requests) {
    problems.requestsB = [
      `B needs more requests than the warm-up (${groupedNumber(settings.warmUp)}), or none would count.`,
    ];
  }
  return problems;
}

export function evictionJob(settings: EvictionSettings): HitRatioCurvesJob {
  const variants: ZipfTraceSpec[] = [{ label: 'A', ...traceOf(settings) }];
  if (settings.compareWith !== null) variants.push({ label: 'B', ...traceOf(settings.compareWith) });
  return {
    kind: 'hit-ratio-curves',
    variants,
    policies: settings.policies,
    sizes: settings.sizes,
    warmUpRequests: settings.warmUp,
    seed: settings.seed,
  };
}

function traceOf({ alpha, keys, requests }: TraceSettings): TraceSettings {
  return { alpha, keys, requests };
}
