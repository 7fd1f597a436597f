/**
 * The Playground's failure-mode settings: the stampede and penetration protections, and a size
 * limit on the cache. Each is the engine's own type; the choices, the numbers offered when a kind is
 * chosen, and the bounds of every number live here.
 */

import { REDIS_POLICIES } from '../../engine/index.ts';
import type {
  CacheLimit,
  PenetrationProtection,
  RedisPolicy,
  Scenario,
  StampedeProtection,
} from '../../engine/index.ts';
import type { Choice } from './playgroundConfig.ts';

export type StampedeKind = StampedeProtection['kind'];
export type PenetrationKind = PenetrationProtection['kind'];

/** The controls of these settings besides the ones named after a setting. */
export type ProtectionField =
  | 'lockTtlMs'
  | 'retryDelayMs'
  | 'maxRetries'
  | 'beta'
  | 'staleSeconds'
  | 'nullTtlSeconds'
  | 'bloomItems'
  | 'bloomRate'
  | 'maxKeys'
  | 'evictionPolicy';

export const STAMPEDE_CHOICES: readonly Choice<StampedeKind>[] = [
  { value: 'none', label: 'None' },
  { value: 'mutex', label: 'Lock (mutex)' },
  { value: 'single-flight', label: 'Single-flight' },
  { value: 'xfetch', label: 'Recompute early (XFetch)' },
  { value: 'stale-while-revalidate', label: 'Stale-while-revalidate' },
];

export const PENETRATION_CHOICES: readonly Choice<PenetrationKind>[] = [
  { value: 'none', label: 'None' },
  { value: 'null-caching', label: 'Cache \u201cnot found\u201d' },
  { value: 'bloom-filter', label: 'Bloom filter' },
];

export const CACHE_LIMIT_CHOICES = [
  { value: 'off', label: 'No limit' },
  { value: 'on', label: 'A number of keys' },
] as const;

/** Redis's eviction policies: no eviction, then those that evict from all keys, then from keys with a TTL. */
export const EVICTION_CHOICES: readonly Choice<RedisPolicy>[] = [
  ...REDIS_POLICIES.filter((policy) => policy === 'noeviction'),
  ...REDIS_POLICIES.filter((policy) => policy.startsWith('allkeys-')),
  ...REDIS_POLICIES.filter((policy) => policy.startsWith('volatile-')),
].map((value) => ({ value, label: value }));

/** The numbers offered when a kind is chosen and the scenario has none: the failure-mode lessons' own. */
export const STAMPEDE_DEFAULTS = {
  mutex: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 5 },
  xfetch: { kind: 'xfetch', beta: 1 },
  'stale-while-revalidate': { kind: 'stale-while-revalidate', staleSeconds: 2 },
} as const satisfies Record<string, StampedeProtection>;

export const NULL_CACHING_DEFAULT_SECONDS = 5;
export const BLOOM_DEFAULT_RATE = 0.01;
export const DEFAULT_CACHE_LIMIT: CacheLimit = { maxKeys: 2, policy: 'allkeys-lru' };

/** Bounds of the numbers; outside them a configuration is refused (see `protectionConfigProblems`). */
export const PROTECTION_LIMITS = {
  lockTtlMs: { min: 1, max: 60_000 },
  retryDelayMs: { min: 1, max: 10_000 },
  // Each wait doubles: ten from 60 ms already add up to a minute.
  maxRetries: { min: 0, max: 10 },
  beta: { min: 0, max: 10 },
  staleSeconds: { min: 1, max: 86_400 },
  nullTtlSeconds: { min: 1, max: 86_400 },
  bloomItems: { min: 1, max: 100_000 },
  bloomRate: { min: 0, max: 1 },
  maxKeys: { min: 1, max: 100_000 },
} as const;

/** The protection of the kind chosen: the scenario's own when it has that kind, else the defaults. */
export function stampedeOfKind(kind: StampedeKind, own: StampedeProtection): StampedeProtection {
  if (own.kind === kind) return own;
  if (kind === 'none' || kind === 'single-flight') return { kind };
  return { ...STAMPEDE_DEFAULTS[kind] };
}

export function penetrationOfKind(
  kind: PenetrationKind,
  own: PenetrationProtection,
  base: Scenario,
): PenetrationProtection {
  if (own.kind === kind) return own;
  if (kind === 'null-caching') return { kind, ttlSeconds: NULL_CACHING_DEFAULT_SECONDS };
  // The filter holds the database's keys: sized for as many as it has.
  if (kind === 'bloom-filter')
    return {
      kind,
      expectedItems: Math.max(1, base.database.rows.length),
      falsePositiveRate: BLOOM_DEFAULT_RATE,
    };
  return { kind };
}

/** The failure-mode settings of a Playground configuration. */
export interface Protections {
  stampede: StampedeProtection;
  penetration: PenetrationProtection;
  /** Redis's size limit in keys and its eviction policy, or null for no limit. */
  cacheLimit: CacheLimit | null;
}

/** The base's settings, as the Playground holds them (absent means none, or no limit). */
export function protectionsOf(base: Scenario): Protections {
  const { stampede, penetration } = base.strategy;
  return {
    stampede: stampede ?? { kind: 'none' },
    penetration: penetration ?? { kind: 'none' },
    cacheLimit: base.cache.limit ?? null,
  };
}

/** The keys the script reads and writes, in order of first use. */
export function scriptKeys(base: Scenario): string[] {
  const keys = base.script.flatMap((operation) =>
    operation.op === 'read' || operation.op === 'write' ? [operation.key] : [],
  );
  return [...new Set(keys)];
}

/** Structural equality of two settings values (numbers, strings, null, flat objects). */
export function sameSetting(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const record = (o: object) => o as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => sameSetting(record(a)[key], record(b)[key]))
  );
}
