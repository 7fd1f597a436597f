/** Every lesson of the course, in order (see CURRICULUM.md). `available` marks the ones written. */
export interface CurriculumEntry {
  id: string;
  title: string;
  phase: 1 | 2;
  summary: string;
  available: boolean;
}

export const curriculum: readonly CurriculumEntry[] = [
  {
    id: 'why-cache',
    phase: 1,
    available: true,
    title: 'Why cache',
    summary: 'RAM, disk and network latency; hits, misses and the hit ratio; naming keys.',
  },
  {
    id: 'cache-aside',
    phase: 1,
    available: true,
    title: 'Cache-aside',
    summary: 'Read through the cache, load on a miss, delete on write, and why the order matters.',
  },
  {
    id: 'ttl-eviction',
    phase: 1,
    available: true,
    title: 'TTL and eviction',
    summary: 'Expiry, maxmemory and the eviction policies, sampled LRU against exact LRU.',
  },
  {
    id: 'sessions',
    phase: 1,
    available: true,
    title: 'Session stores',
    summary: 'Why sessions in one server’s memory break behind a load balancer, and a shared store.',
  },
  {
    id: 'pubsub',
    phase: 1,
    available: true,
    title: 'Redis Pub/Sub',
    summary: 'Channels, patterns and fire-and-forget delivery; chat fan-out across app nodes.',
  },
  {
    id: 'write-strategies',
    phase: 2,
    available: true,
    title: 'Write strategies',
    summary: 'Write-around, write-through and write-behind: latency, consistency and data loss.',
  },
  {
    id: 'coherence',
    phase: 2,
    available: true,
    title: 'Coherence across nodes',
    summary: 'Local caches on many nodes, invalidation broadcasts, two-level caches, versioned keys.',
  },
  {
    id: 'event-driven',
    phase: 2,
    available: true,
    title: 'Event-driven invalidation',
    summary: 'Publish after commit, the dual-write problem, the outbox, retries and idempotency.',
  },
  {
    id: 'races',
    phase: 2,
    available: true,
    title: 'Races',
    summary: 'The stale-overwrite race and its fixes: compare-and-set, delayed double delete, leases.',
  },
  {
    id: 'penetration',
    phase: 2,
    available: true,
    title: 'Cache penetration',
    summary: 'Lookups for keys that exist nowhere; caching nulls; Bloom filters.',
  },
  {
    id: 'avalanche',
    phase: 2,
    available: true,
    title: 'Cache avalanche',
    summary: 'Many keys expiring at once, and TTL jitter to spread them out.',
  },
  {
    id: 'stampede',
    phase: 2,
    available: true,
    title: 'Cache stampede',
    summary: 'Many misses on one hot key: locks, single-flight and early refresh.',
  },
  {
    id: 'consistent-hashing',
    phase: 2,
    available: true,
    title: 'Consistent hashing',
    summary: 'Spreading keys over cache nodes; hash rings, virtual nodes and Redis Cluster slots.',
  },
  {
    id: 'production',
    phase: 2,
    available: true,
    title: 'Putting it together',
    summary: 'The hybrid architecture, monitoring, partitions, and when not to add a cache.',
  },
];
