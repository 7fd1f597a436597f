import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { fixedNetwork } from './network.ts';

const PAGES = ['page:home', 'page:sale', 'page:new', 'page:top'];
const READERS = PAGES.map((_, i) => `reader-${i + 1}`);

/**
 * Cache avalanche: four keys are warmed together with one TTL, so they expire together, and the
 * reads right after that all go to the database at once.
 */
export const avalancheOneTtl: Scenario = {
  id: 'avalanche-one-ttl',
  title: 'Four keys warmed together, expiring together',
  summary:
    'At 0 s four readers warm four pages into the cache, each with the same 1-second TTL. Just after ' +
    '1 s the cache deletes all four in one sweep. At 1.2 s the readers come back: four misses, four ' +
    'queries at the same moment. With thousands of keys that moment is a spike the database may not survive.',
  clients: READERS.map((id, i) => ({ id, label: `Reader ${i + 1}`, server: 'app' })),
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 20,
    writeLatencyMs: 10,
    rows: PAGES.map((key) => ({ key, value: `${key.slice('page:'.length)} page`, version: 1 })),
  },
  strategy: { ...CACHE_ASIDE, ttlSeconds: 1, ttlJitterSeconds: 0 },
  network: fixedNetwork(READERS, ['app']),
  script: [0, 1_200].flatMap((atMs) =>
    READERS.map((client, i) => ({ atMs, client, op: 'read' as const, key: PAGES[i]! })),
  ),
};

export const avalancheJitter: Scenario = {
  ...avalancheOneTtl,
  id: 'avalanche-jitter',
  title: 'Fix: add random jitter to each TTL',
  summary:
    'The same warm-up, but each fill adds 0 to 3 seconds, drawn at random, to the 1-second TTL. The ' +
    'keys now expire at different seconds. At 1.2 s only the keys whose draw was 0 have expired, so ' +
    'only they go to the database; the others expire, and cost their query, later and one or two at a time.',
  strategy: { ...avalancheOneTtl.strategy, ttlJitterSeconds: 3 },
};
