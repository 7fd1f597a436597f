import { CACHE_ASIDE, type LabScenario } from '../../engine/index.ts';
import { labTopology } from './topology.ts';

/**
 * A cache avalanche at scale: a loader warms every key at 0 s with one TTL, so they all expire in
 * the same second, and the reads that follow all go to the database. Uniform popularity, so every
 * key is read now and then and none is refilled early by being popular.
 */
export const avalancheLab: LabScenario = {
  id: 'avalanche',
  title: 'Avalanche: every key expires at once',
  summary:
    'A loader warms 1,000 keys at 0 s, each with a 30-second TTL, and 500 reads a second follow. ' +
    'At 30 s all of them expire together and the database gets hundreds of queries in one second. ' +
    'Add TTL jitter, or stagger the warm-up, and compare the two runs.',
  lesson: 'avalanche',
  headline: 'dbQueries',
  base: labTopology({
    id: 'lab-avalanche',
    title: 'Avalanche',
    summary: '1,000 keys warmed at once with one TTL, read uniformly at 500 requests a second.',
    strategy: { ...CACHE_ASIDE, ttlSeconds: 30, ttlJitterSeconds: 0 },
    load: {
      arrivals: { kind: 'poisson', ratePerSecond: 500 },
      startMs: 0,
      durationMs: 90_000,
      keys: { count: 1_000, popularity: { kind: 'uniform' } },
      writeFraction: 0,
      warmUp: { atMs: 0, keys: 'all', ttlSeconds: 30, staggerMs: 0, jitterSeconds: 0 },
    },
  }),
  parameters: [
    {
      kind: 'number',
      name: 'ttl',
      label: 'TTL',
      help: 'The TTL the loader gives each key, and the app gives each key it refills after a miss.',
      unit: 's',
      min: 5,
      max: 120,
      integer: true,
      default: 30,
      paths: ['strategy.ttlSeconds', 'load.warmUp.ttlSeconds'],
    },
    {
      kind: 'number',
      name: 'jitter',
      label: 'TTL jitter',
      help: 'Up to this many seconds, drawn at random, added to every TTL (the loader’s and each refill’s).',
      unit: 's',
      min: 0,
      max: 120,
      integer: true,
      default: 0,
      paths: ['strategy.ttlJitterSeconds', 'load.warmUp.jitterSeconds'],
    },
    {
      kind: 'number',
      name: 'stagger',
      label: 'Warm-up spread',
      help: 'The loader writes the keys evenly over this many seconds instead of all at 0 s; the reads start when it is done.',
      unit: 's',
      min: 0,
      max: 120,
      integer: true,
      default: 0,
      paths: ['load.warmUp.staggerMs', 'load.startMs'],
      scale: 1000,
    },
    {
      kind: 'number',
      name: 'keys',
      label: 'Keys',
      help: 'How many keys the loader warms and the reads ask for, each as often as any other.',
      unit: 'keys',
      min: 100,
      max: 20_000,
      integer: true,
      default: 1_000,
      paths: ['load.keys.count'],
    },
    {
      kind: 'number',
      name: 'rate',
      label: 'Reads per second',
      help: 'The average arrival rate of reads (Poisson arrivals).',
      unit: 'requests/s',
      min: 10,
      max: 3_000,
      integer: true,
      default: 500,
      paths: ['load.arrivals.ratePerSecond'],
    },
    {
      kind: 'number',
      name: 'duration',
      label: 'Duration',
      help: 'How long the reads go on.',
      unit: 's',
      min: 10,
      max: 180,
      integer: true,
      default: 90,
      paths: ['load.durationMs'],
      scale: 1000,
    },
  ],
};
