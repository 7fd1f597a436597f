/**
 * The lines under the failure-mode controls: what the protection or the limit does, with this
 * scenario's numbers where they matter (how slow its database is, how many rows and keys it has).
 */

import { bloomFalsePositiveRate, bloomSize } from '../../engine/index.ts';
import type { PenetrationProtection, RedisPolicy, Scenario } from '../../engine/index.ts';
import { listInWords } from './configProblems.ts';
import type { PlaygroundConfig } from './playgroundConfig.ts';
import { DEFAULT_CACHE_LIMIT, PROTECTION_LIMITS, STAMPEDE_DEFAULTS, scriptKeys } from './protectionConfig.ts';
import type { ProtectionField } from './protectionConfig.ts';

export type ProtectionHints = Record<'stampede' | 'penetration' | 'cacheLimit' | ProtectionField, string>;

const EVICTION_WORDS: Record<RedisPolicy, string> = {
  noeviction:
    'Nothing is evicted: once Redis is over the limit, a write is refused with an OOM error and the key stays uncached.',
  'allkeys-lru':
    'Evicts the key used least recently, of all keys. Redis samples a few keys and evicts the oldest of them.',
  'allkeys-lfu':
    'Evicts the key used least often, of all keys, by a counter that decays over time (sampled, as Redis does).',
  'allkeys-random': 'Evicts a key picked at random, of all keys.',
  'volatile-lru':
    'Evicts the key used least recently, among keys with a TTL. With no such key, writes are refused as with noeviction.',
  'volatile-lfu':
    'Evicts the key used least often, among keys with a TTL. With no such key, writes are refused as with noeviction.',
  'volatile-random':
    'Evicts a key picked at random among keys with a TTL. With no such key, writes are refused as with noeviction.',
  'volatile-ttl':
    'Evicts the key with a TTL that expires soonest. With no such key, writes are refused as with noeviction.',
};

export function protectionHints(base: Scenario, config: PlaygroundConfig): ProtectionHints {
  const { stampede, penetration, cacheLimit } = config;
  const mutex = stampede.kind === 'mutex' ? stampede : STAMPEDE_DEFAULTS.mutex;
  const delays = [1, 2, 4].map((times) => `${mutex.retryDelayMs * times}`).join(', ');
  const rows = base.database.rows.length;
  const keys = scriptKeys(base);
  const shownKeys = keys.length > 4 ? `${keys.slice(0, 3).join(', ')}\u2026` : listInWords(keys);

  return {
    stampede: [
      stampede.kind === 'mutex'
        ? 'A read that misses takes a lock in Redis (SET lock:<key> NX PX); only the holder loads the row. The others wait, then ask the cache again.'
        : stampede.kind === 'single-flight'
          ? 'Inside one app node, misses on the same key share one database load. Nodes do not coordinate: each node still makes its own.'
          : stampede.kind === 'xfetch'
            ? 'A read that hits may reload the key shortly before it expires, more likely the nearer the expiry, so one reader refreshes it before everyone misses.'
            : stampede.kind === 'stale-while-revalidate'
              ? `Keys stay past their TTL for a while. A read then gets the old value at once, and one reader reloads the key in the background.${base.cache.entries.length > 0 ? ' Keys already in the cache when the run starts keep the TTL they were given.' : ''}`
              : 'Every read that misses loads the row itself, so reads that miss the same key together each query the database.',
      // Found by running it: a read that finds no version pointer loads the row at once.
      config.invalidation === 'versioned-keys' && stampede.kind !== 'none' && stampede.kind !== 'xfetch'
        ? 'With versioned keys, a key that has no version yet is loaded without this protection.'
        : '',
    ]
      .filter((part) => part !== '')
      .join(' '),
    lockTtlMs: `How long the lock lasts if its holder never releases it. This database takes ${base.database.readLatencyMs} ms to read a row: a lock shorter than the load expires while its holder is loading, and a second reader loads too.`,
    retryDelayMs: `A reader that did not get the lock waits this long, then asks the cache again. Each wait is twice the one before: ${delays} ms\u2026`,
    maxRetries:
      'After this many waits a reader stops waiting and loads the row itself. 0: a reader that does not get the lock loads at once.',
    beta: `How early a read may reload: above 1 earlier, below 1 later. 1 is the usual choice. Up to ${PROTECTION_LIMITS.beta.max}.`,
    staleSeconds:
      'How long a key stays after its TTL. A read in that window gets the old value; after it the key is gone and a read loads it as usual.',
    penetration: [
      penetration.kind === 'null-caching'
        ? 'A read that finds no row caches a \u201cnot found\u201d marker, so the next reads of that key stop at the cache.'
        : penetration.kind === 'bloom-filter'
          ? 'Each app node loads a Bloom filter of the database\u2019s keys when it starts. A key the filter has never seen is answered \u201cnot found\u201d without asking the cache or the database.'
          : 'A read of a key with no row asks the cache and the database every time.',
      absentReads(base) ? '' : 'Every key this script reads has a row, so a protection changes nothing here.',
    ]
      .filter((part) => part !== '')
      .join(' '),
    nullTtlSeconds:
      'How long the \u201cnot found\u201d marker lives. A row created in the meantime stays hidden until it expires.',
    bloomItems: `How many keys the filter is sized for. It holds every key of the database, which has ${rows === 1 ? '1 row' : `${rows} rows`} here.`,
    bloomRate:
      'The share of keys without a row that the filter lets through anyway (false positives), once it holds as many keys as it was sized for. 0.01 is 1%.',
    cacheLimit:
      cacheLimit === null
        ? 'No limit: Redis keeps every key until it expires or is deleted.'
        : 'When a write takes Redis past the number of keys below, the eviction policy says what makes room.',
    maxKeys: `The script asks for ${keys.length === 1 ? '1 key' : `${keys.length} keys`}${keys.length === 0 ? '' : `: ${shownKeys}`}. Locks, \u201cnot found\u201d markers and sessions are keys too.`,
    evictionPolicy: EVICTION_WORDS[(cacheLimit ?? DEFAULT_CACHE_LIMIT).policy],
  };
}

/** Whether the script reads a key that has no row and that it never writes. */
function absentReads(base: Scenario): boolean {
  const present = new Set(base.database.rows.map((row) => row.key));
  for (const operation of base.script) if (operation.op === 'write') present.add(operation.key);
  return base.script.some((operation) => operation.op === 'read' && !present.has(operation.key));
}

/**
 * The filter's size and the formula's rate for the rows the database really has:
 * "96 bits (m) and 7 hashes (k). With the database's 10 rows the formula gives 0.8% false positives."
 * Null when the numbers cannot size a filter.
 */
export function bloomSummary(base: Scenario, penetration: PenetrationProtection): string | null {
  if (penetration.kind !== 'bloom-filter') return null;
  const { expectedItems, falsePositiveRate } = penetration;
  const { bloomItems, bloomRate } = PROTECTION_LIMITS;
  const usable =
    Number.isInteger(expectedItems) &&
    expectedItems >= bloomItems.min &&
    expectedItems <= bloomItems.max &&
    falsePositiveRate > bloomRate.min &&
    falsePositiveRate < bloomRate.max;
  if (!usable) return null;
  const size = bloomSize(expectedItems, falsePositiveRate);
  const rows = base.database.rows.length;
  const rate = bloomFalsePositiveRate(size, rows);
  return `${size.bits} bits (m) and ${size.hashes === 1 ? '1 hash' : `${size.hashes} hashes`} (k). With the database\u2019s ${rows === 1 ? '1 row' : `${rows} rows`}, the formula gives ${percent(rate)} false positives.`;
}

/** A rate as a person reads it: 0.0098 → "0.98%", 0.2 → "20%", 0.000004 → "0.0004%". */
export function percent(rate: number): string {
  const value = rate * 100;
  if (value === 0) return '0%';
  const digits = Math.max(0, 1 - Math.floor(Math.log10(value)));
  return `${Number(value.toFixed(Math.min(digits, 8)))}%`;
}
