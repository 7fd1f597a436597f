import source from '../code/ttl-eviction.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const ttlEvictionLesson: Lesson = {
  id: 'ttl-eviction',
  title: 'TTL and eviction',
  phase: 1,
  summary: 'Expiry, maxmemory and the eviction policies, sampled LRU against exact LRU.',

  bigIdea: [
    'A cache holds copies, and copies have two problems. They go out of date, and they fill memory. Redis has one tool for each. A TTL (time to live) gives a key an end: when it is reached, the key is gone and the next read loads a fresh copy. A memory limit, `maxmemory`, with an eviction policy decides what happens when the cache is full: which key Redis throws away to make room, or whether it refuses the write.',
    'Expiry is about time, eviction about space. An expired key was due to go; an evicted key was still valid and is removed only because something else needed the room. Both show up the same way to the application, as a miss on the next read, and both are normal in a cache. What is not normal is a cache that does neither: keys without a TTL and no memory limit grow until the machine runs out.',
    'Redis does both cheaply rather than exactly. It does not run a timer per key; it deletes expired keys when they are touched and in a background sweep of random samples. It does not keep all keys in order of use; to find the least recently used key it looks at a few random keys and evicts the oldest of those. The results are close to exact, at a fraction of the memory and CPU.',
  ],

  intuition: [
    'Picture a car park with a fixed number of spaces. Most drivers buy a ticket for a set time: that is the TTL. Nobody stands by each car with a stopwatch. A car whose ticket has run out is dealt with when someone asks about that space, or when the attendant, on a round every few minutes, checks a handful of cars at random and tows those whose time is up. That is lazy and active expiry.',
    'When the car park is full and a new car arrives, the rules at the gate decide. Under one set of rules the gate stays shut: the sign says full (noeviction). Under another, the attendant tows a car to make room: the one that has not moved for longest (LRU), the one that moves least often (LFU), one at random, or, if only cars with tickets may be towed, the one whose ticket runs out soonest (volatile-ttl). And the attendant does not survey the whole car park first, but looks at five cars and tows the one parked longest among them.',
  ],

  scenarioIds: ['ttl-expiry', 'lru-eviction', 'noeviction-oom'],
  charts: [
    {
      lab: 'eviction',
      title: 'Hit ratio against cache size, per eviction policy',
      caption:
        'One Zipf trace (α 0.9) over 10,000 keys, each policy at cache sizes from 100 to 2,000 keys. More room lifts every policy, exact LRU from about a quarter of reads to two thirds. LFU leads because this trace’s popular keys never change. Redis’s sampled LRU (redis-lru) trails exact LRU at 100 keys, 23% against 26%, and is within half a point of it from 1,000 keys on.',
      settings: {
        alpha: '0.9',
        keys: '10000',
        requests: '60000',
        warmup: '10000',
        seed: '1',
        sizes: '100,200,500,1000,2000',
        policies: 'lru,lfu,fifo,random,redis-lru,redis-lfu',
        scale: 'log',
        compare: 'off',
      },
    },
  ],
  questions: [
    {
      scenario: 'ttl-expiry',
      step: 13,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The key was stored with `EX 5` about a second ago, so it has about 4 seconds left. A TTL ends the key only when it runs out.',
    },
    {
      scenario: 'ttl-expiry',
      step: 19,
      narration: 'cache.get.expired',
      kind: 'cache-lookup',
      why: 'The 5-second TTL ran out a few milliseconds earlier, before the background sweep reached the key. Redis notices on access, deletes the key and answers (nil), exactly as if it had never been there.',
    },
    {
      scenario: 'lru-eviction',
      step: 18,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'user:1 was read a second before user:3 was cached, so it was not the least recently used key: the eviction took user:2 instead.',
    },
    {
      scenario: 'lru-eviction',
      step: 23,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'user:2 was still valid, with most of its TTL left, but it was the key read longest ago when user:3 needed room, so Redis evicted it.',
    },
    {
      scenario: 'noeviction-oom',
      step: 20,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Redis refused to store user:4 (OOM), but the app had already read the row from the database. A refused fill costs the next reader another query; it does not fail this read.',
    },
    {
      scenario: 'noeviction-oom',
      step: 23,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'noeviction refuses only commands that may add data. `GET` adds nothing, so a full Redis keeps answering reads of the keys it holds.',
    },
  ],

  depth: [
    {
      title: 'A. Setting and reading a TTL',
      paragraphs: [
        'Give the TTL with the value: `SET user:42:profile "…" EX 300` for seconds, `PX 1500` for milliseconds, `EXAT` or `PXAT` for an absolute Unix time. On an existing key, `EXPIRE key 300` or `PEXPIRE key 1500` sets one, and `PERSIST key` removes it. A key with a TTL is called volatile in Redis’s terms.',
        '`TTL key` answers the seconds left, and `PTTL key` the milliseconds. Two negative answers are codes: -1 means the key exists and has no TTL, -2 means there is no such key, whether it was never set, deleted, expired or evicted. Before Redis 2.8, both cases answered -1.',
        'A TTL belongs to the key until something replaces the value. `DEL`, and a `SET` without `KEEPTTL`, clear it: a plain `SET` on a key that had a TTL leaves a key that never expires. Commands that change the value in place, such as `INCR`, `HSET` or `LPUSH`, keep it. An `EXPIRE` with zero or a negative number deletes the key at once.',
      ],
    },
    {
      title: 'B. How expired keys leave',
      paragraphs: [
        'Redis does not run a timer per key. An expired key is removed in one of two ways. Lazily: whenever a command touches a key, Redis first checks its expiry and, if it has passed, deletes the key and carries on as if it never existed. That is step 19 of the first scenario: the `GET` arrives a few milliseconds after the TTL ended and gets (nil).',
        'Actively: a key nobody reads again would otherwise stay in memory forever, so a background cycle looks for them. The Redis documentation describes it as: ten times a second, test 20 random keys among those with a TTL, delete the expired ones, and start again at once if more than a quarter were expired. Step 16 is that sweep deleting user:7:profile. Because the sample is random, the sweep may need a tick or two to find a key: at seed 1 it removes it at 3.1 s, not at 3.0.',
        'So expired keys can hold memory for a short while, which `INFO stats` shows as `expired_keys` growing over time rather than all at once. Replicas do not expire keys on their own: when the primary expires a key, it sends a `DEL` to its replicas and to the append-only file.',
      ],
    },
    {
      title: 'C. maxmemory and the eight policies',
      paragraphs: [
        "`maxmemory` caps the memory Redis uses for data, set in redis.conf or at runtime with `CONFIG SET maxmemory 100mb`. The default, 0, means no limit on 64-bit systems. Before it runs a command, Redis compares its used memory with the limit; while it is over, it evicts keys by the `maxmemory-policy`. If it cannot evict, commands that may add data (`SET`, `LPUSH`, `HSET` and the like) fail with `OOM command not allowed when used memory > 'maxmemory'`, while reads and `DEL` still work. Because the check comes before the command, the write that crosses the line succeeds and the ones after it fail, as the third scenario shows.",
        'The policies: `noeviction`, the default, evicts nothing and refuses writes. `allkeys-lru`, `allkeys-lfu` and `allkeys-random` choose among all keys: least recently used, least frequently used, or any. `volatile-lru`, `volatile-lfu` and `volatile-random` do the same among keys that have a TTL only, and `volatile-ttl` evicts the key whose TTL ends soonest. A `volatile-` policy with no volatile keys left behaves like `noeviction`.',
        'For a Redis that is only a cache, `allkeys-lru` is the usual choice, and the one the Redis documentation suggests when you have no reason to prefer another; `allkeys-lfu` suits a set of keys that stays popular for a long time. A `volatile-` policy lets one Redis hold a cache and data that must not be evicted (those keys get no TTL), but two instances with their own limits are easier to reason about. Leave headroom on the machine: the process needs memory beyond `maxmemory` for allocator fragmentation and buffers.',
      ],
    },
    {
      title: 'D. Sampled LRU against exact LRU',
      paragraphs: [
        'Exact LRU keeps every key in order of last use, usually in a linked list, moves a key to the front on every read and evicts from the back. That costs two pointers per key and a list update on every access. Redis stores instead a 24-bit clock of the last access in each key, in seconds. To evict, it samples `maxmemory-samples` keys (5 by default), keeps the best candidates in a pool of 16 that survives between evictions, and evicts the one idle longest. Raising the samples to 10 gets closer to exact LRU for more CPU per eviction.',
        'The second scenario shows the approximation. At seed 1 the sample includes user:2, and Redis evicts it, as exact LRU would. At seed 3 the five draws miss user:2, and Redis evicts user:1, the key that was just read. Over thousands of evictions the difference is small: in the chart, sampled LRU is 3 points below exact LRU with 100 keys and within half a point from 1,000 keys.',
        'LFU works from the same bits: an 8-bit logarithmic counter (a Morris counter) that becomes less likely to grow the higher it gets, `lfu-log-factor` 10 by default, and that loses one for each `lfu-decay-time` minutes (default 1) the key goes unread. New keys start at 5, so they are not evicted before they had a chance to be read. LFU keeps a key that is read steadily over one that was read in a single burst.',
      ],
    },
  ],

  code: { title: 'ttl-eviction.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'Memory grows until writes fail with `OOM command not allowed`, or until the operating system kills Redis.',
      cause:
        'Cache keys are written without a TTL, and Redis runs with the defaults: `maxmemory 0` (no limit) or a limit with `noeviction`.',
      fix: 'Give every cache key a TTL, set `maxmemory` below the machine’s memory, and choose `allkeys-lru` (or `allkeys-lfu`) for a cache.',
    },
    {
      symptom: 'Writes fail with OOM even though the policy is `volatile-lru`.',
      cause:
        'No key has a TTL, so a `volatile-` policy has nothing it may evict and behaves like `noeviction`.',
      fix: 'Set TTLs on the cache keys, or switch to an `allkeys-` policy if every key may be evicted.',
    },
    {
      symptom: 'A key that should expire is still there days later, and `TTL key` answers -1.',
      cause: 'A later write used a plain `SET` (or `GETSET`), which replaced the value and dropped its TTL.',
      fix: 'Pass `EX` on every write of a cache key, or `KEEPTTL` when the existing TTL should stay.',
    },
    {
      symptom: 'Under memory pressure, users are logged out and locks disappear.',
      cause:
        'Sessions and locks share a Redis with the cache under `allkeys-lru`, so they are evicted like any cached copy.',
      fix: 'Keep data that must stay in a separate Redis, or use a `volatile-` policy and give only cache keys a TTL, with enough memory that the cache alone is evicted.',
    },
  ],

  realWorld: [
    {
      text: 'The Redis documentation on eviction lists the eight `maxmemory-policy` values, explains that Redis’s LRU and LFU are approximations driven by `maxmemory-samples`, and suggests `allkeys-lru` as a good default when there is no reason to prefer another policy.',
      source: {
        title: 'Redis documentation: Key eviction',
        url: 'https://redis.io/docs/latest/develop/reference/eviction/',
      },
    },
    {
      text: 'The documentation of `EXPIRE` describes the two ways keys expire: passively, when a client touches an expired key, and actively, by testing random keys with a TTL ten times a second. It also lists which commands clear a TTL and which keep it.',
      source: { title: 'Redis documentation: EXPIRE', url: 'https://redis.io/docs/latest/commands/expire/' },
    },
    {
      text: '`TTL` returns -2 when the key does not exist and -1 when it exists without an expiry; before Redis 2.8 it returned -1 in both cases.',
      source: { title: 'Redis documentation: TTL', url: 'https://redis.io/docs/latest/commands/ttl/' },
    },
    {
      text: '`SET` accepts the expiry as `EX` seconds, `PX` milliseconds or an absolute `EXAT` / `PXAT` time, and `KEEPTTL` to keep the key’s current TTL.',
      source: { title: 'Redis documentation: SET', url: 'https://redis.io/docs/latest/commands/set/' },
    },
  ],

  interview: {
    question:
      'Your Redis cache reaches its memory limit. Walk me through what Redis does, how you would choose the eviction policy and the TTLs, and what changes if the same instance also stores user sessions.',
    answer: [
      'Before each command Redis compares its used memory with `maxmemory`. While it is over, it evicts by the configured policy; with `noeviction`, or a `volatile-` policy when no key has a TTL, it cannot, so writes fail with an OOM error while reads and deletes still work. Eviction is approximate: Redis samples a few keys, five by default, and evicts the best candidate among them, which comes close to true LRU or LFU without keeping every key in order.',
      'For a pure cache I would use `allkeys-lru`, or `allkeys-lfu` if a stable set of keys stays hot, and give every key a TTL as well. They do different jobs: the TTL bounds how stale a copy can get, eviction bounds memory. I would size `maxmemory` from the working set with headroom on the machine, and watch `evicted_keys`, `expired_keys` and the hit ratio. Many evictions with a falling hit ratio mean the cache is too small.',
      'With sessions in the same instance, `allkeys-lru` could evict a session and log a user out. Better to put sessions in their own Redis with `noeviction` and enough memory. If it must be one instance, use `volatile-lru`, set TTLs only on cache keys so only they can be evicted, and alert on memory so the cache, not the sessions, absorbs the pressure.',
    ],
  },

  cards: [
    {
      id: 'ttl-replies',
      prompt: 'What do the replies -1 and -2 from `TTL key` mean?',
      hint: 'One says the key has no end, one says there is no key.',
      answer:
        '-1: the key exists and has no TTL, so it never expires. -2: there is no such key: never set, deleted, expired or evicted. Any other number is the seconds left; `PTTL` gives milliseconds.',
      seeIt: { scenario: 'ttl-expiry', step: 19, narration: 'cache.get.expired' },
    },
    {
      id: 'lazy-and-active',
      prompt: 'How does Redis remove expired keys without a timer per key?',
      hint: 'Two ways: on access, and in the background.',
      answer:
        'Lazily: a command that touches an expired key deletes it first and sees no key. Actively: ten times a second Redis tests random keys that have a TTL and deletes the expired ones, repeating while many are.',
      seeIt: { scenario: 'ttl-expiry', step: 16, narration: 'cache.expire.active' },
    },
    {
      id: 'expiry-or-eviction',
      prompt: 'What is the difference between expiry and eviction?',
      hint: 'Time against space.',
      answer:
        'Expiry removes a key because its TTL ran out. Eviction removes a key that was still valid, only because memory reached `maxmemory` and the policy picked it. Both look like a miss on the next read.',
      seeIt: { scenario: 'lru-eviction', step: 13, narration: 'cache.set.ttl' },
    },
    {
      id: 'allkeys-lru',
      prompt: 'The cache is full under `allkeys-lru` and a new key arrives. Which key goes?',
      hint: 'Which key was read longest ago?',
      answer:
        'The least recently used key among all keys, TTL or not: here user:2, because user:1 was read more recently. Redis finds it by sampling, so now and then it picks a key that is nearly, not exactly, the oldest.',
      seeIt: { scenario: 'lru-eviction', step: 13, narration: 'cache.set.ttl' },
    },
    {
      id: 'noeviction',
      prompt: 'What does a full Redis do under `noeviction`?',
      hint: 'Which commands still work?',
      answer:
        'It evicts nothing. Commands that may add data, such as `SET`, fail with an OOM error; reads and `DEL` still work. The write that crossed the limit succeeded, because Redis checks before each command.',
      seeIt: { scenario: 'noeviction-oom', step: 18, narration: 'cache.refused' },
    },
    {
      id: 'volatile-policies',
      prompt: 'What does the `volatile-` prefix change, and when is it a trap?',
      hint: 'Which keys may be evicted?',
      answer:
        'Only keys with a TTL may be evicted; keys without one are never touched. It is a trap when no key has a TTL: there is nothing to evict, so writes fail with OOM just as under `noeviction`.',
      seeIt: { scenario: 'noeviction-oom', step: 18, narration: 'cache.refused' },
    },
    {
      id: 'sampled-lru',
      prompt: 'Why does Redis not implement exact LRU, and what does it do instead?',
      hint: 'What would exact LRU cost per key and per read?',
      answer:
        'Exact LRU needs every key in a list ordered by use, updated on every read. Redis keeps a small access clock per key, samples `maxmemory-samples` keys (5 by default) and evicts the one idle longest, with a pool of good candidates kept between evictions.',
      seeIt: { scenario: 'lru-eviction', step: 28, narration: 'cache.set.ttl' },
    },
  ],

  tasks: [
    {
      id: 'ttl-by-hand',
      text: 'In `redis-cli`: `SET demo:ttl hello EX 20`, then `TTL demo:ttl` a few times. `SET demo:ttl again` and `TTL demo:ttl` again: -1, the plain `SET` dropped the TTL. `EXPIRE demo:ttl 5`, wait 6 seconds, then `GET demo:ttl` and `TTL demo:ttl`: (nil) and -2. Finish with `SET demo:px x PX 1500` and `PTTL demo:px`.',
      minutes: 10,
    },
    {
      id: 'watch-eviction',
      text: 'On a scratch Redis only: `CONFIG SET maxmemory 5mb` and `CONFIG SET maxmemory-policy noeviction`, then fill it with `for i in $(seq 1 100000); do echo "SET fill:$i some-value-of-about-fifty-bytes-xxxxxxxxxxxxxxxxxxxx"; done | redis-cli > /dev/null` and try `SET one more`: an OOM error. Now `CONFIG SET maxmemory-policy allkeys-lru`, run the loop again, and look at `DBSIZE` and `evicted_keys` in `INFO stats`.',
      minutes: 20,
    },
    {
      id: 'check-your-config',
      text: 'On your own Redis, run `CONFIG GET maxmemory`, `CONFIG GET maxmemory-policy`, `INFO memory` and `INFO stats` (`expired_keys`, `evicted_keys`). Then check the TTL of a few keys of each kind with `TTL`. Write down whether the policy fits what the instance stores, and which keys have no TTL and why.',
      minutes: 15,
    },
  ],

  takeaways: [
    'A TTL bounds how long a copy lives; `maxmemory` with a policy bounds how much memory the copies use. A cache needs both.',
    'Set the TTL in the same command as the value (`SET key value EX 300`); a plain `SET` drops an existing TTL. `TTL` answers -1 for no TTL and -2 for no key.',
    'Expired keys leave lazily, on access, and actively, by a sampling sweep ten times a second.',
    '`noeviction` is the default and refuses writes when full; for a pure cache use `allkeys-lru` or `allkeys-lfu`.',
    'Redis approximates LRU and LFU by sampling a few keys per eviction: nearly as good as exact, for far less memory.',
  ],

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
};
