import { CACHE_ASIDE, type PenetrationProtection, type Scenario } from '../../../engine/index.ts';
import { fixedNetwork } from './network.ts';

const PRODUCTS = Array.from({ length: 10 }, (_, i) => ({
  key: `product:${i + 1}`,
  value: `product ${i + 1}`,
  version: 1,
}));

/**
 * Cache penetration: a scraper asks for product ids that exist nowhere. The cache cannot hold what
 * does not exist, so every one of those reads goes on to the database.
 */
export const penetrationUnprotected: Scenario = {
  id: 'penetration-unprotected',
  title: 'Reads for ids that exist nowhere',
  summary:
    'The shop has products 1 to 10. A shopper reads product 3: one miss, then it is cached. A scraper ' +
    'asks for product 404 three times and product 722 once. None of them exists, so nothing is cached, ' +
    'and all four reads go to the database.',
  clients: [
    { id: 'shopper', label: 'Shopper', server: 'app' },
    { id: 'scraper', label: 'Scraper', server: 'app' },
  ],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: { readLatencyMs: 20, writeLatencyMs: 10, rows: PRODUCTS },
  strategy: { ...CACHE_ASIDE, penetration: { kind: 'none' } },
  network: fixedNetwork(['shopper', 'scraper'], ['app']),
  script: [
    { atMs: 0, client: 'shopper', op: 'read', key: 'product:3' },
    { atMs: 100, client: 'scraper', op: 'read', key: 'product:404' },
    { atMs: 200, client: 'scraper', op: 'read', key: 'product:404' },
    { atMs: 300, client: 'scraper', op: 'read', key: 'product:722' },
    { atMs: 400, client: 'scraper', op: 'read', key: 'product:404' },
  ],
};

function protectedBy(
  penetration: PenetrationProtection,
  id: string,
  title: string,
  summary: string,
): Scenario {
  return {
    ...penetrationUnprotected,
    id,
    title,
    summary,
    strategy: { ...penetrationUnprotected.strategy, penetration },
  };
}

export const penetrationNullCaching = protectedBy(
  { kind: 'null-caching', ttlSeconds: 5 },
  'penetration-null-caching',
  'Fix: cache "not found" for a few seconds',
  'The same reads. When the database has no product 404, the app server stores a null marker for ' +
    'it with a 5-second TTL, and the next two reads of product 404 are answered from the cache. ' +
    'Product 722 is new, so it costs one query too. Two queries instead of four.',
);

/**
 * 10 keys at a 1% false-positive rate: m = 96 bits, k = 7 hashes. Of the ids from 11 to 3,000,
 * product:722 is one of the 60 whose 7 bits all happen to be set, so it passes the filter.
 */
export const penetrationBloomFilter = protectedBy(
  { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 0.01 },
  'penetration-bloom-filter',
  'Fix: a Bloom filter in front',
  'The app server loads a Bloom filter of the 10 product keys when it starts (96 bits, 7 hashes, ' +
    'about 1% false positives). Product 404 has a 0 among its 7 bits, so all three reads of it are ' +
    'answered "not found" at once. Product 722 is a false positive: its 7 bits are all set by other ' +
    'keys, so that read goes on to the cache and the database. One query instead of four.',
);
