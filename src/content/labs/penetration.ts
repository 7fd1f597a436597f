import { CACHE_ASIDE, type LabScenario } from '../../engine/index.ts';
import { labTopology } from './topology.ts';

/**
 * Cache penetration at scale: a shop's normal reads, and from 10 s a scraper asking for ids that
 * exist nowhere. The cache cannot hold what does not exist, so every one of those reads is a query.
 */
export const penetrationLab: LabScenario = {
  id: 'penetration',
  title: 'Penetration: reads for ids that exist nowhere',
  summary:
    'Shoppers read 10,000 products, all in the cache, 500 times a second. From 10 s to 50 s a scraper adds 500 reads a ' +
    'second for ids drawn from a million that do not exist, and each one is a database query. ' +
    'Compare caching "not found" with a Bloom filter, and try a scraper that repeats a few ids.',
  lesson: 'penetration',
  headline: 'dbNotFound',
  base: labTopology({
    id: 'lab-penetration',
    title: 'Penetration',
    summary: 'Zipf reads of 10,000 products, and a scraper reading ids that do not exist.',
    strategy: { ...CACHE_ASIDE, ttlSeconds: 60, penetration: { kind: 'none' } },
    load: {
      arrivals: { kind: 'poisson', ratePerSecond: 500 },
      durationMs: 60_000,
      keys: { count: 10_000, popularity: { kind: 'zipf', alpha: 0.9 } },
      writeFraction: 0,
      warmUp: { atMs: 0, keys: 'all' },
      absent: { ratePerSecond: 500, ids: 1_000_000, atMs: 10_000, durationMs: 40_000 },
    },
  }),
  parameters: [
    {
      kind: 'choice',
      name: 'protection',
      label: 'Protection',
      help: 'What the app does about reads for keys the database does not have.',
      default: 'none',
      choices: [
        { value: 'none', label: 'None', set: { 'strategy.penetration': { kind: 'none' } } },
        {
          value: 'null-caching',
          label: 'Cache “not found”',
          set: { 'strategy.penetration': { kind: 'null-caching', ttlSeconds: 30 } },
        },
        {
          value: 'bloom-filter',
          label: 'Bloom filter',
          set: {
            'strategy.penetration': { kind: 'bloom-filter', expectedItems: 10_000, falsePositiveRate: 0.01 },
          },
        },
      ],
    },
    {
      kind: 'number',
      name: 'null-ttl',
      label: 'Null marker TTL',
      help: 'How long a cached “not found” is kept before the database is asked again.',
      unit: 's',
      min: 1,
      max: 600,
      integer: true,
      default: 30,
      paths: ['strategy.penetration.ttlSeconds'],
      when: { parameter: 'protection', is: ['null-caching'] },
    },
    {
      kind: 'number',
      name: 'expected',
      label: 'Expected items',
      help: 'The number of keys the filter is sized for (n); the shop has 10,000 products.',
      unit: 'keys',
      min: 100,
      max: 1_000_000,
      integer: true,
      default: 10_000,
      paths: ['strategy.penetration.expectedItems'],
      when: { parameter: 'protection', is: ['bloom-filter'] },
    },
    {
      kind: 'number',
      name: 'fp-rate',
      label: 'Target false positives',
      help: 'The share of absent ids the filter may let through; a lower rate needs more bits and hashes.',
      unit: '%',
      min: 0.01,
      max: 50,
      integer: false,
      default: 1,
      paths: ['strategy.penetration.falsePositiveRate'],
      scale: 0.01,
      when: { parameter: 'protection', is: ['bloom-filter'] },
    },
    {
      kind: 'number',
      name: 'scraper-rate',
      label: 'Scraper reads per second',
      help: 'How often the scraper asks for an id that does not exist, from 10 s to 50 s.',
      unit: 'requests/s',
      min: 1,
      max: 2_000,
      integer: true,
      default: 500,
      paths: ['load.absent.ratePerSecond'],
    },
    {
      kind: 'number',
      name: 'ids',
      label: 'Absent ids',
      help: 'How many different absent ids the scraper draws from: few ids repeat often, many rarely.',
      unit: 'ids',
      min: 1,
      max: 10_000_000,
      integer: true,
      default: 1_000_000,
      paths: ['load.absent.ids'],
    },
  ],
};
