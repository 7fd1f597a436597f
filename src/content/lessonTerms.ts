// Written by `npm run outlines` from the lessons: do not edit by hand.
// tests/content/lessonOutlines.test.ts fails when it no longer matches them.
import type { LessonTerms } from './lessonOutline.ts';

export const lessonTerms: readonly LessonTerms[] = [
  {
    id: 'why-cache',
    title: 'Why cache',
    terms: [
      {
        term: 'Latency',
        definition:
          'The time one operation waits for its answer, such as a memory read, a network round trip or a query.',
      },
      {
        term: 'Source of truth',
        definition:
          'The system whose data is correct by definition, usually the database. A cache holds copies of it that may be older.',
      },
      {
        term: 'Cache hit',
        definition:
          'A lookup that finds the key in the cache, so the answer comes from the copy and the database is not asked.',
      },
      {
        term: 'Cache miss',
        definition:
          'A lookup that does not find the key, so the application reads the source of truth and usually fills the cache with the result.',
      },
      {
        term: 'Hit ratio',
        definition:
          'Hits divided by all lookups (hits plus misses). The database receives the rest: one minus the hit ratio of the reads.',
      },
      {
        term: 'Cold cache',
        definition:
          'A cache that is empty or nearly so, after a start, a restart or a flush: most reads miss until it fills.',
      },
      {
        term: 'Working set',
        definition:
          'The data actually read during a period. When it fits in the cache, most reads can hit even if the database is far larger.',
      },
    ],
  },
  {
    id: 'cache-aside',
    title: 'Cache-aside',
    terms: [
      {
        term: 'Cache-aside',
        definition:
          'A pattern in which the application reads the cache first, loads from the database on a miss and fills the cache, and deletes the cached copy after each write.',
      },
      {
        term: 'Lazy loading',
        definition:
          'Filling the cache only when a read misses, rather than ahead of time. Another name for the read side of cache-aside.',
      },
      {
        term: 'Invalidation',
        definition:
          'Removing a cached copy because the data behind it changed, so that the next read loads the new value.',
      },
      {
        term: 'Stale read',
        definition:
          'A read that returns an older version than the newest one committed before the read began, for example from a cached copy that was not invalidated.',
      },
      {
        term: 'Stale window',
        definition:
          'The time during which a cache can serve a value older than the database’s: from the commit until the copy is deleted or expires.',
      },
    ],
  },
  {
    id: 'ttl-eviction',
    title: 'TTL and eviction',
    terms: [
      {
        term: 'TTL',
        definition:
          'Time to live: how long a key has left before it expires. Set with `EX`, `PX` or `EXPIRE`, read with `TTL` (seconds) or `PTTL` (milliseconds).',
      },
      {
        term: 'Volatile key',
        definition:
          'In Redis’s terms, a key that has a TTL. The `volatile-` eviction policies choose only among these keys.',
      },
      {
        term: 'Lazy expiry',
        definition:
          'Deleting an expired key when a command touches it: Redis checks the expiry first and then behaves as if the key did not exist.',
      },
      {
        term: 'Active expiry',
        definition:
          'Redis’s background cycle that tests random keys with a TTL, ten times a second, and deletes those that have expired.',
      },
      {
        term: 'maxmemory',
        definition:
          'The Redis setting that caps the memory used for data; 0, the default on 64-bit systems, means no limit.',
      },
      {
        term: 'Eviction',
        definition:
          'Removing a key that has not expired, to bring memory back under `maxmemory`; the eviction policy chooses which key.',
      },
      {
        term: 'Eviction policy',
        definition:
          'The `maxmemory-policy` setting: `noeviction`, or which keys to remove (all keys or only volatile ones) and how (LRU, LFU, random, nearest TTL).',
      },
      {
        term: 'LRU',
        definition:
          'Least recently used: evict the key whose last access is oldest, on the bet that what was read recently will be read again.',
      },
      {
        term: 'LFU',
        definition:
          'Least frequently used: evict the key read least often, so keys that stay popular survive a burst of one-off reads.',
      },
      {
        term: 'Approximated LRU',
        definition:
          'Redis’s LRU: compare a small random sample of keys (`maxmemory-samples`, 5 by default) and evict the one idle longest, instead of keeping every key in order of use.',
      },
    ],
  },
  {
    id: 'sessions',
    title: 'Session stores',
    terms: [
      {
        term: 'Session',
        definition:
          'What a server remembers about a logged-in user between requests, found by a random id that the browser sends in a cookie.',
      },
      {
        term: 'Load balancer',
        definition:
          'A server in front of several app nodes that passes each incoming request to one of them, so they share the traffic.',
      },
      {
        term: 'Round robin',
        definition: 'A load-balancing rule that sends each new request to the next node in a fixed rotation.',
      },
      {
        term: 'Sticky sessions',
        definition:
          'A load-balancer setting, also called session affinity, that sends a client back to the node that served it first, usually by means of a cookie.',
      },
      {
        term: 'Session store',
        definition:
          'A store outside the app nodes, such as Redis, that holds every session, so any node can serve any request.',
      },
      {
        term: 'Sliding expiry',
        definition:
          'An expiry counted from the last use instead of from creation: each request that finds the session pushes its end back, in Redis with `EXPIRE`.',
      },
    ],
  },
  {
    id: 'pubsub',
    title: 'Redis Pub/Sub',
    terms: [
      {
        term: 'Pub/Sub',
        definition:
          'Publish/subscribe messaging: publishers send messages to named channels, and the broker passes each one to the current subscribers of that channel, neither side knowing the other.',
      },
      {
        term: 'Channel',
        definition:
          'A name that Redis Pub/Sub messages are published to and subscribed on, such as chat:lobby. It is not a key and stores nothing.',
      },
      {
        term: 'Pattern subscription',
        definition:
          'A subscription made with `PSUBSCRIBE` to a glob pattern such as chat:*, which receives messages published to every matching channel.',
      },
      {
        term: 'Fan-out',
        definition:
          'Delivering one message to many receivers: Redis to every subscribed node, and each node to every socket it holds.',
      },
      {
        term: 'At-most-once delivery',
        definition:
          'A guarantee that a message is delivered once or not at all, never again: a receiver that is absent or fails loses it.',
      },
      {
        term: 'Redis Stream',
        definition:
          'A Redis data type that is an append-only log of entries with ids (`XADD`, `XRANGE`), which readers can replay from any id, unlike a Pub/Sub channel.',
      },
    ],
  },
  {
    id: 'write-strategies',
    title: 'Write strategies',
    terms: [
      {
        term: 'Write-around',
        definition:
          'A write strategy that commits to the database and then deletes the cached key, so the next read loads the new value: the write path of cache-aside.',
      },
      {
        term: 'Write-through',
        definition:
          'A write strategy that commits to the database and then stores the new value in the cache, so the next read hits.',
      },
      {
        term: 'Write-behind',
        definition:
          'A write strategy, also called write-back, that writes only to the cache, confirms at once, and copies writes to the database later in batches.',
      },
      {
        term: 'Write coalescing',
        definition:
          'Merging several buffered writes to one key into a single database update that carries only the last value.',
      },
      {
        term: 'Lost write',
        definition:
          'A write the client was told had succeeded but that never reached the database, for example a write-behind write lost in a cache crash.',
      },
    ],
  },
  {
    id: 'coherence',
    title: 'Coherence across nodes',
    terms: [
      {
        term: 'Cache coherence',
        definition:
          'Agreement among the copies of the same data held in different caches: after a write, no copy keeps serving the old value for longer than the system allows.',
      },
      {
        term: 'Local cache',
        definition:
          'A cache in the memory of one application process, such as a Map or an LRU library. The fastest lookup there is, and invisible to every other process.',
      },
      {
        term: 'Multi-level cache',
        definition:
          'A local cache in each app node (L1) in front of a shared cache such as Redis (L2) and then the database; a read tries each level in turn and fills the ones that missed.',
      },
      {
        term: 'Invalidation broadcast',
        definition:
          'A message published to every app node after a write, naming the key and its new version, so that each node drops its older local copy.',
      },
      {
        term: 'Versioned key',
        definition:
          'A cache key that includes the data’s version, such as user:42:email:v2. A write points readers at the new version instead of deleting the old key.',
      },
    ],
  },
  {
    id: 'event-driven',
    title: 'Event-driven invalidation',
    terms: [
      {
        term: 'Dual write',
        definition:
          'Writing one change to two systems, such as a database and a message broker, in two separate steps with nothing to make them atomic, so a failure between them leaves the two disagreeing.',
      },
      {
        term: 'Transactional outbox',
        definition:
          'A table in a service’s own database that receives an event row in the same transaction as the change the event describes; a relay publishes the rows later.',
      },
      {
        term: 'Outbox relay',
        definition:
          'The process that reads unpublished outbox rows, publishes them to the broker, and marks each one published once the broker has stored it.',
      },
      {
        term: 'Change data capture',
        definition:
          'Turning a database’s own log of committed changes, such as PostgreSQL’s WAL or MySQL’s binlog, into a stream of events, instead of polling tables.',
      },
      {
        term: 'At-least-once delivery',
        definition:
          'A guarantee that every message is delivered, possibly more than once, because the sender repeats it until it gets an acknowledgment.',
      },
      {
        term: 'Idempotent consumer',
        definition:
          'A consumer for which handling the same event twice has the same effect as handling it once, for example because it records the ids of the events it has processed.',
      },
      {
        term: 'Dead-letter queue',
        definition:
          'A queue where messages are set aside after failing a set number of times, so they stop blocking the others and someone can inspect and replay them.',
      },
      {
        term: 'Poison event',
        definition:
          'An event that fails every time it is processed, for example because the consumer cannot read its format; retrying it cannot help.',
      },
      {
        term: 'Event versioning',
        definition:
          'Marking each event with the version of its format, so consumers know which events they can read and the format can change without breaking them.',
      },
    ],
  },
  {
    id: 'races',
    title: 'Races',
    terms: [
      {
        term: 'Stale-overwrite race',
        definition:
          'A cache-aside race in which a reader that loaded a row before a write stores it after the writer’s delete, so the cache keeps the old value until its TTL ends. Facebook calls it a stale set.',
      },
      {
        term: 'Interleaving',
        definition:
          'One order in which the steps of concurrent operations happen. A race is an interleaving that gives a wrong result.',
      },
      {
        term: 'Compare-and-set',
        definition:
          'An update that takes effect only if a condition still holds at that moment, checked and applied as one atomic step, such as “store only if the cached version is older”.',
      },
      {
        term: 'Delayed double delete',
        definition:
          'Deleting a cached key right after the commit and again after a delay, to remove an old value that a slow reader stored in between.',
      },
      {
        term: 'Lease',
        definition:
          'A token a cache hands to a reader on a miss. The cache accepts the reader’s fill only with a token that is still valid, and a delete of the key cancels it.',
      },
    ],
  },
  {
    id: 'penetration',
    title: 'Cache penetration',
    terms: [
      {
        term: 'cache penetration',
        definition:
          'Reads for keys that exist neither in the cache nor in the database. Nothing can be cached for them, so every such read reaches the database.',
      },
      {
        term: 'null caching',
        definition:
          'Storing a marker for a key the database does not have, with a short TTL, so repeated reads of that key are answered "not found" from the cache.',
      },
      {
        term: 'Bloom filter',
        definition:
          'A bit array with k hash functions that answers "certainly not added" or "maybe added" for a key, in a few bits per key. It has false positives but no false negatives, and a plain one cannot remove keys.',
      },
      {
        term: 'false positive',
        definition:
          'A Bloom filter answering "maybe" for a key that was never added, because other keys set all of its bits. It happens at about the rate the filter was sized for.',
      },
    ],
  },
  {
    id: 'avalanche',
    title: 'Cache avalanche',
    terms: [
      {
        term: 'cache avalanche',
        definition:
          'Many keys expiring, or going missing, at the same moment, so that the reads after it all miss and reach the database together.',
      },
      {
        term: 'TTL jitter',
        definition:
          'A random extra, drawn for each write, added to a key’s TTL so that keys written together expire at different times.',
      },
      {
        term: 'staggered warm-up',
        definition:
          'Filling a cache by writing its keys evenly over a period instead of in one burst, so that their expiries are spread over the same period.',
      },
    ],
  },
  {
    id: 'stampede',
    title: 'Cache stampede',
    terms: [
      {
        term: 'cache stampede',
        definition:
          'Many concurrent reads missing on the same key, usually right after it expires, each running the same slow query to refill it.',
      },
      {
        term: 'thundering herd',
        definition:
          'Another name for a cache stampede: many waiting clients woken by one event, here an expiry, all rushing at the same resource.',
      },
      {
        term: 'single-flight',
        definition:
          'Request coalescing inside one process: while a load for a key is in flight, other requests for that key wait for its result instead of starting their own.',
      },
      {
        term: 'XFetch',
        definition:
          'Probabilistic early expiration (Vattani et al., VLDB 2015): a reader that hits recomputes the value early when now − Δ·β·ln(rand()) ≥ expiry, where Δ is the last recompute time.',
      },
      {
        term: 'stale-while-revalidate',
        definition:
          'Serving a value for a grace period after it goes stale, at once, while one reader refreshes it in the background.',
      },
    ],
  },
  {
    id: 'consistent-hashing',
    title: 'Consistent hashing',
    terms: [
      {
        term: 'modulo hashing',
        definition:
          'Placing a key on node number hash(key) mod N; changing N moves about N/(N + 1) of the keys.',
      },
      {
        term: 'consistent hashing',
        definition:
          'Placing keys and nodes on one circle of hash values so that a node joining or leaving moves only about 1/N of the keys.',
      },
      {
        term: 'hash ring',
        definition:
          'The hash space bent into a circle; a key belongs to the first node point at or after its hash, wrapping around.',
      },
      {
        term: 'virtual node',
        definition:
          'One of the many points a node occupies on a hash ring, which even out the shares and spread a leaving node’s keys.',
      },
      {
        term: 'hash slot',
        definition:
          'One of Redis Cluster’s 16,384 buckets; a key’s slot is CRC16(key) mod 16384, and each master owns a set of slots.',
      },
      {
        term: 'hash tag',
        definition:
          'The part of a key between `{` and the next `}` that Redis Cluster hashes instead of the whole key, so related keys share a slot.',
      },
      {
        term: 'resharding',
        definition: 'Moving hash slots, with their keys, from some Redis Cluster masters to others.',
      },
    ],
  },
  {
    id: 'production',
    title: 'Putting it together',
    terms: [
      {
        term: 'network partition',
        definition:
          'A network fault that splits nodes into groups that cannot reach each other while every process keeps running.',
      },
      {
        term: 'split brain',
        definition:
          'Two sides of a partition each acting as the one source of truth, so they serve or accept different values for the same key.',
      },
      {
        term: 'end-to-end hit ratio',
        definition:
          'The share of reads answered without the database, by any cache level; unlike Redis’s own ratio, it counts reads a local cache answered.',
      },
      {
        term: 'memory pressure',
        definition:
          'A cache near its memory limit, evicting keys it will soon need again; seen as rising evictions and a falling hit ratio.',
      },
    ],
  },
];
