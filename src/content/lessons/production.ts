import source from '../code/production.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const productionLesson: Lesson = {
  id: 'production',
  title: 'Putting it together',
  phase: 2,
  summary: 'The hybrid architecture, monitoring, partitions, and when not to add a cache.',

  bigIdea: [
    'Each earlier lesson fixed one problem. A production cache carries all the fixes at once: cache-aside reads, a small local cache in each app node for the hottest keys, an invalidation on every write (a pub/sub broadcast, or an event through an outbox), and a TTL on every copy. Each layer covers what the one before can miss: the broadcast reaches the local copies that a DEL in Redis cannot, and the TTL ends whatever the broadcast never reached.',
    'Then the network and the machines fail in ways no single pattern handles. A node cut off for half a second misses a broadcast that pub/sub will never send again, and after the network heals two nodes give two answers for the same key. A node that dies between its commit and its DEL leaves the old value in Redis, and a freshly restarted node copies it from there. In both cases only the TTLs end it, so the TTLs are the real limit on how stale a read can be.',
    'You also have to see what the cache is doing: the hit ratio measured end to end and not only in Redis, evictions, memory and latency percentiles. And you have to know when to build none of this: on one server, for data that changes as often as it is read, or when recomputing costs less than keeping copies correct.',
  ],

  intuition: [
    'Think of a chain of cafés. Each café has a chalkboard with today’s prices (its local cache), the region keeps a printed price list (Redis), and head office keeps the real prices (the database). When a price changes, head office updates its books, has the printed list corrected, and sends every café a text message. A café whose phone is off that minute never gets the text, and nobody sends it twice, so it keeps charging the old price.',
    'What saves the chain is a rule older than the texts: every café wipes its board each morning and copies it fresh from the printed list, and the printed list is reprinted every week. That is the TTL. A lost text costs a day at most, a wrong printed list a week. And to know whether the system works, head office does not count how often cafés read the printed list; it counts how often a question has to go all the way to head office.',
  ],

  scenarioIds: ['production-partition', 'production-crash-after-commit'],
  charts: [
    {
      lab: 'load',
      title: 'A bigger cache',
      caption:
        'Steady Zipf traffic over 10,000 keys through a Redis that holds 1,000: it evicts constantly and 52.3% of its lookups hit. Holding 5,000 keys, it hits 73.1% and the database runs 9,155 queries instead of 15,011. p99 hardly moves (61 ms, then 60 ms): the slowest requests are misses either way.',
      scenario: 'steady',
      settings: {},
      compare: { size: '5000' },
    },
    {
      lab: 'load',
      title: 'Local caches, without invalidation',
      caption:
        'Add a 5-second local cache in each of the three app nodes (the Lab’s local caches get no invalidation). Redis’s own hit ratio falls from 52.3% to 22.0%, yet the database runs about the same number of queries (15,020 against 15,011): the local caches took the hottest keys, which were Redis’s easy hits. The price is 3,197 stale reads.',
      scenario: 'steady',
      settings: {},
      compare: { local: 'l1' },
    },
    {
      lab: 'load',
      title: 'A shorter local TTL',
      caption:
        'The same local caches with a 1-second TTL instead of 5: stale reads fall from 3,197 to 1,049, and more reads reach Redis again, which now hits 37.5% of them instead of 22.0%. The database load stays near 15,000 queries: the local TTL trades Redis round trips for staleness.',
      scenario: 'steady',
      settings: { local: 'l1' },
      compare: { 'local-ttl': '1' },
    },
  ],
  questions: [
    {
      scenario: 'production-partition',
      step: 29,
      narration: 'fault.lost.partition',
      kind: 'stale-after',
      why: 'The write deleted the Redis key, but the broadcast to Node A was lost at the partition, so Node A’s local cache still holds version 1 while the database has version 2.',
    },
    {
      scenario: 'production-partition',
      step: 37,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The network has healed, but pub/sub does not send a lost message again. Node A’s local copy is within its 10-second TTL, so Bob gets the old email.',
    },
    {
      scenario: 'production-partition',
      step: 49,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Node B has no local copy and the write deleted the Redis key, so Node B loads version 2 from the database. Half a second after Bob got the old email from Node A, Alice gets the new one from Node B.',
    },
    {
      scenario: 'production-partition',
      step: 56,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Node A’s copy expired about 10 s after it was filled, so Node A asks Redis, which Alice’s read refilled with the new email. The TTL ended what the broadcast could not.',
    },
    {
      scenario: 'production-crash-after-commit',
      step: 23,
      narration: 'fault.lost.down',
      kind: 'stale-after',
      why: 'The database committed version 2, but the node that was to delete the Redis key and broadcast the change is down. Redis and Node A’s local cache both keep version 1.',
    },
    {
      scenario: 'production-crash-after-commit',
      step: 29,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'The load balancer took Node B out when it crashed, so Bob’s read goes to Node A, whose local copy of the old email has not expired yet.',
    },
    {
      scenario: 'production-crash-after-commit',
      step: 39,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'Node B restarted with empty memory, but an empty node is not a fresh source: it copied the old email from Redis, where nothing has deleted it.',
    },
    {
      scenario: 'production-crash-after-commit',
      step: 52,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'Redis’s copy expired at 30 s, so this read misses both levels and loads version 2 from the database. The Redis TTL set the length of the stale window.',
    },
  ],

  depth: [
    {
      title: 'A. The hybrid, layer by layer',
      paragraphs: [
        'Read: look in the node’s local cache (L1); on a miss ask Redis (L2); on a miss load the row, `SET key value EX 30` in Redis, and keep a copy in L1 for 10 s. Write: commit to the database, `DEL` the Redis key, then `PUBLISH invalidate "<key> <version> <node>"`. Every node subscribes to the channel when it starts and drops its local copy of the key when that copy is older than the version in the message; the writer drops its own copy at the commit.',
        'Each piece has a job. The database is the truth. Redis spares it most reads. L1 spares Redis the hottest reads and saves a round trip. The DEL fixes Redis, the broadcast fixes the L1s, and the two TTLs end whatever the DEL and the broadcast missed. The broadcast is fire-and-forget; where losing it is not acceptable, the write also goes through an outbox, so the event is part of the commit and a crash cannot lose it.',
      ],
    },
    {
      title: 'B. What bounds staleness',
      paragraphs: [
        'If a broadcast is lost, a node’s local copy stays old until its L1 TTL ends. If the DEL is lost too, because the writer died after its commit, Redis keeps the old value until its own TTL ends, and every node that misses L1 in that time copies the old value again. A node that copies it just before Redis’s key expires keeps it for one more L1 TTL, so the worst case after a commit is the Redis TTL plus the L1 TTL: 30 + 10 = 40 s with this lesson’s numbers.',
        'The crash scenario shows the pieces. The commit lands at 534 ms and the node dies at 535 ms, before its DEL. Node A serves its old local copy. Node B restarts at 5 s with empty memory and at 12 s copies the old email from Redis into its L1, where it would have stayed until 22 s. Redis’s copy expires at 30 s, and the read at 31 s gets the new email. Choose the TTLs as the longest staleness the product can accept, not as a performance knob alone.',
      ],
    },
    {
      title: 'C. Partitions and split brain',
      paragraphs: [
        'A network partition cuts some nodes off from the others while every process keeps running. In the partition scenario, Node A is cut off from 300 to 800 ms; the broadcast reaches it at 542 ms and is lost. Pub/sub keeps no messages for a subscriber that was away, so after the heal Node A serves the old email and Node B the new one: two views of one key, until Node A’s copy expires at about 10 s. A node can protect itself: whenever it loses its connection to Redis, or its subscription, it should assume it missed broadcasts and empty its local cache.',
        'Split brain in the strict sense is worse: two sides each act as the one primary and accept writes. Redis Cluster limits it. A master cut off from the majority of masters stops accepting writes once the node timeout has passed, and the majority may meanwhile promote its replica; writes the cut-off master acknowledged in that window are lost. A cache can live with that, since a lost cache write is only a miss later, as long as the database, not the cache, holds the truth.',
      ],
    },
    {
      title: 'D. Monitoring: what to watch',
      paragraphs: [
        '`INFO stats` reports `keyspace_hits`, `keyspace_misses`, `evicted_keys` and `expired_keys` as counters since start; take two readings and divide the differences by the time between them. Redis’s hit ratio is hits / (hits + misses) over that interval. `INFO memory` reports `used_memory` and `maxmemory`. For latency, measure p50 and p99 at the client, per source (L1, Redis, database); inside Redis, `CONFIG SET latency-monitor-threshold 100` records events slower than 100 ms, and `LATENCY LATEST` and `LATENCY DOCTOR` report them. Watch the database’s query rate too: it is what the cache exists to keep down.',
        'Redis’s hit ratio counts only lookups that reach Redis. In the Lab, adding local caches drops it from 52.3% to 22.0% while database queries stay at about 15,000: the local caches now answer the hottest keys. So compute the end-to-end hit ratio as well, the share of reads that never reach the database. The code lab does it from INFO and each node’s count of where its reads were answered.',
      ],
    },
    {
      title: 'E. Memory pressure',
      paragraphs: [
        "When Redis reaches `maxmemory`, its `maxmemory-policy` decides what happens. For a pure cache, `allkeys-lru` or `allkeys-lfu` evicts the least useful keys and keeps accepting writes. `noeviction` evicts nothing and refuses every command that needs more memory with `OOM command not allowed when used memory > 'maxmemory'`, so cache fills start failing. The `volatile-*` policies evict only keys that have a TTL; with no such key left they refuse writes the same way.",
        'A rising `evicted_keys` rate with a falling hit ratio means the working set no longer fits: the cache throws away keys it will soon need. In the Lab, a Redis holding 100 of 10,000 keys hits 22.0% of lookups; one holding 1,000 hits 52.3%, one holding 5,000 hits 73.1%. In a cluster, one node can fill while the others have room, through uneven slots, a broad hash tag or one huge key, so watch memory per node, not only the total.',
      ],
    },
    {
      title: 'F. When not to add a distributed cache',
      paragraphs: [
        'On a single server an in-process cache is faster than Redis and has no copies on other nodes to keep in step. Data written about as often as it is read gets a low hit ratio and pays for an invalidation on every write. If a query is cheap, the database may answer it about as fast as a cache round trip would. If a reader must never see an old value, such as a balance before a payment, read it from the database. And a cache adds a failure mode of its own: once the database is sized for the cache’s hit ratio, a cold or lost cache can overload it. Add a cache when you have measured a read load the database cannot carry, and decide its staleness budget first.',
      ],
    },
  ],

  code: { title: 'production.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'After a network blip, some app servers show old data for minutes, and restarting them fixes it.',
      cause:
        'Their pub/sub subscription missed broadcasts while they were disconnected (pub/sub keeps nothing for later), or was never re-established after the reconnect, and their local TTL is long.',
      fix: 'Subscribe again on every reconnect and empty the local cache at that moment; keep the local TTL short; use an outbox or a durable event stream where a lost invalidation is not acceptable.',
    },
    {
      symptom:
        'A user is told a save failed, tries again, and the change is applied twice, or is there already.',
      cause:
        'The app node died after the database committed; the load balancer could only answer 502, which says the node was lost, not that the write failed.',
      fix: 'Make writes idempotent (a request id stored with the change, or “set email to X” rather than “append”), so a retry is safe; after an unknown outcome, read before writing again.',
    },
    {
      symptom:
        'Redis’s hit ratio dropped sharply after local caches were added, and someone wants to remove them.',
      cause:
        'The local caches answer the hottest keys, so Redis now sees fewer and harder lookups; the database load has not changed.',
      fix: 'Judge the cache by the end-to-end hit ratio and the database’s query rate, and by p99 latency, not by Redis’s ratio alone.',
    },
    {
      symptom:
        "Cache fills fail with `OOM command not allowed when used memory > 'maxmemory'` and keys that are not cached yet are loaded from the database on every read.",
      cause:
        'The policy is `noeviction`, or a `volatile-*` policy while most keys have no TTL, so Redis refuses writes instead of evicting.',
      fix: 'Use `allkeys-lru` or `allkeys-lfu` for a pure cache, put a TTL on every key, and alert on `used_memory` approaching `maxmemory`.',
    },
    {
      symptom: 'The hit ratio falls week by week while `evicted_keys` and p99 latency climb.',
      cause:
        'The working set has outgrown the cache’s memory, so keys are evicted before they are read again.',
      fix: 'Give the cache more memory or more shards, store smaller values, give rarely read data a shorter TTL, and track evictions per second next to the hit ratio.',
    },
  ],

  realWorld: [
    {
      text: 'Redis’s INFO command reports what a cache dashboard needs: keyspace_hits and keyspace_misses, from which the hit ratio is computed, evicted_keys and expired_keys in its stats section, and used_memory and maxmemory in its memory section.',
      source: {
        title: 'INFO (redis.io command reference)',
        url: 'https://redis.io/docs/latest/commands/info/',
      },
    },
    {
      text: 'Redis’s latency monitor records events slower than a threshold set with latency-monitor-threshold, and reports them with LATENCY LATEST, LATENCY HISTORY and LATENCY DOCTOR.',
      source: {
        title: 'Redis latency monitoring (redis.io)',
        url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/latency-monitor/',
      },
    },
    {
      text: 'The Redis eviction documentation describes maxmemory and the policies: the allkeys and volatile families, and noeviction, under which Redis returns an error to commands that would add data once the limit is reached.',
      source: {
        title: 'Key eviction (redis.io)',
        url: 'https://redis.io/docs/latest/develop/reference/eviction/',
      },
    },
    {
      text: 'The Redis Cluster specification explains how a partition can lose writes: a master on the minority side keeps accepting writes until the node timeout passes and then stops, and writes it took meanwhile are lost if the majority fails over to its replica.',
      source: {
        title: 'Redis Cluster specification (redis.io)',
        url: 'https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/',
      },
    },
    {
      text: 'Facebook runs the hybrid at scale: web servers read through memcache and delete keys after writes, while daemons called mcsqueal read the deletes from each database’s committed changes and broadcast them to the caches, so the deletes come from what the database committed, not only from the web server that wrote. Clients that get no answer from a memcached server turn to a small spare pool, Gutter, whose entries expire quickly.',
      source: {
        title: 'Nishtala et al., “Scaling Memcache at Facebook”, NSDI 2013',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
  ],

  interview: {
    question:
      'Design the caching for a user-profile service on 20 app servers behind a load balancer. Reads outnumber writes a hundred to one; users must see their own changes at once, others may lag a few seconds. What do you build, what can go wrong, and what do you monitor?',
    answer: [
      'Reads go cache-aside through two levels: a small in-process cache per server with a short TTL, say 5 s, for the hottest profiles, then Redis with a longer TTL, say 10 minutes, then the database. Writes commit, delete the Redis key and publish an invalidation that makes every server drop its local copy. For a user’s own changes I would not rely on the broadcast: after a write, that user’s reads skip the local cache for a few seconds, or carry the version they wrote and reject an older copy.',
      'What goes wrong: a server cut off during a broadcast keeps its old copy, and a server that dies between commit and delete leaves the old value in Redis. The TTLs bound both, and the worst case is the Redis TTL plus the local TTL, so I would pick them from the staleness the product accepts. If ten minutes is too long after a crash, the invalidation goes through an outbox in the same transaction as the update. Servers empty their local cache whenever their Redis connection drops.',
      'I would monitor the end-to-end hit ratio, Redis’s hits and misses, `evicted_keys`, `used_memory` against `maxmemory`, p99 latency per source, the database’s query rate, and a sampled check that compares cached values with the database to catch staleness the dashboards cannot see. And before building it, I would check that the database really cannot carry the read load alone.',
    ],
  },

  cards: [
    {
      id: 'lost-broadcast-after-heal',
      prompt:
        'Node A was cut off for half a second, and the network has healed. Why does it still serve the old email?',
      hint: 'What does pub/sub do with a message for a subscriber it cannot reach?',
      answer:
        'The invalidation was published while Node A was unreachable, and pub/sub does not store or resend messages. Nothing tells Node A afterwards, so its local copy stays until its TTL ends, about 10 s after it was filled.',
      seeIt: { scenario: 'production-partition', step: 29, narration: 'fault.lost.partition' },
    },
    {
      id: 'two-answers',
      prompt:
        'Right after the heal, Bob reads through Node A and Alice through Node B. What do they see, and what should Node A have done?',
      answer:
        'Bob gets the old email from Node A’s local cache and Alice the new one from the database through Node B: two answers for one key. A node that loses its link to Redis, or its subscription, should assume it missed broadcasts and empty its local cache when it reconnects.',
      seeIt: { scenario: 'production-partition', step: 49, narration: 'client.read.done' },
    },
    {
      id: 'staleness-bound',
      prompt: 'In the two-level hybrid, how long can a lost invalidation leave readers stale?',
      hint: 'Where can a restarted node copy the old value from?',
      answer:
        'Up to the Redis TTL plus the local TTL after the commit. Redis can keep the old value for its full TTL, and a node that copies it just before it expires keeps it for one more local TTL: 30 + 10 = 40 s with this lesson’s numbers.',
      seeIt: { scenario: 'production-crash-after-commit', step: 37, narration: 'app.read.hit.keep-local' },
    },
    {
      id: 'unknown-outcome',
      prompt: 'Alice’s write got 502 Bad Gateway. Did it happen?',
      answer:
        'Maybe, and here it did: the database committed before the node died. A 502 says the load balancer lost the node, not that the write failed. Make writes idempotent so a retry is safe, or read the row before trying again.',
      seeIt: { scenario: 'production-crash-after-commit', step: 24, narration: 'client.failed' },
    },
    {
      id: 'redis-ratio-falls',
      prompt: 'Why can Redis’s hit ratio fall when you add local caches, with no harm done?',
      hint: 'Which reads never reach Redis?',
      answer:
        'Reads the local caches answer never reach Redis, and they are the hottest keys, Redis’s easiest hits. In the Lab Redis’s ratio falls from 52.3% to 22.0% while database queries stay near 15,000. Watch the end-to-end hit ratio and the database’s query rate.',
      seeIt: { scenario: 'production-partition', step: 35, narration: 'app.read.local-hit' },
    },
  ],

  tasks: [
    {
      id: 'info-twice',
      text: 'On your Redis, run `INFO stats` twice a minute apart. From the differences compute the hit ratio and evictions per second, and compare them with the database’s read rate over the same minute.',
      minutes: 15,
    },
    {
      id: 'staleness-budget',
      text: 'For one cached entity, write down its local TTL, its Redis TTL and how an invalidation reaches each node. Compute the worst-case staleness after a lost invalidation (Redis TTL plus local TTL) and check that the product can accept it.',
      minutes: 20,
    },
    {
      id: 'reconnect-drill',
      text: 'In a test environment, end your app’s subscriber connections with `CLIENT KILL TYPE pubsub`, then update a row through another node. Check that the app subscribes again and empties its local cache, and that no node serves the old value after the reconnect.',
      minutes: 30,
    },
  ],

  takeaways: [
    'The hybrid is cache-aside reads, short local TTLs, an invalidation on every write, and a TTL on every copy; each layer catches what the one before misses.',
    'Faults skip invalidations: a partition loses a broadcast, a crash after the commit skips the DEL. The TTLs bound the damage, at worst the Redis TTL plus the local TTL.',
    'Measure the cache end to end: local caches lower Redis’s own hit ratio without harm; evictions, memory per node and p99 show pressure before users do.',
    'For a pure cache use an `allkeys-*` eviction policy; `noeviction` turns a full cache into failing writes.',
    'Do not add a distributed cache for one server, for data that changes as often as it is read, or for reads that must never be stale.',
  ],

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
};
