import source from '../code/write-strategies.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const writeStrategiesLesson: Lesson = {
  id: 'write-strategies',
  title: 'Write strategies',
  phase: 2,
  summary: 'Write-around, write-through and write-behind: latency, consistency and data loss.',

  bigIdea: [
    'Reads through a cache follow one pattern: try Redis, fall back to the database on a miss, fill the cache. Writes have several, and each one trades three things: how long the client waits, how soon readers see the new value, and what a crash can lose.',
    'Write-around commits to the database and then deletes the cached key, as cache-aside does; the next read misses and loads the new row. Write-through commits and then writes the new value into the cache, so the next read hits. Both confirm a write only after the database has committed it, so a cache crash loses nothing.',
    'Write-behind, also called write-back, writes only to the cache, confirms at once, and copies the writes to the database later, in batches. Writes cost one Redis round trip, and several writes to one key can become one database update. The price: until the flush, the only copy of a confirmed write is in cache memory. If the cache crashes first, those writes are gone, although the client was told they succeeded.',
  ],

  intuition: [
    'Think of the balance written on a note on your fridge, and your actual bank account. Write-around: you pay money in at the bank, then cross the figure off the note; next time you want the balance, you ask the bank and write the answer down again. Write-through: you pay in at the bank, then write the new balance on the note, so the note is right the next time you look. Either way, the bank has the money before you walk away.',
    'Write-behind: you drop the cash in a drawer at home, write the new balance on the note at once, and take the drawer to the bank every Friday. Paying in is instant, and five small deposits make one trip. But if the house burns down on Thursday, the note said the money was safe, and the bank never saw it.',
  ],

  scenarioIds: ['write-around', 'write-through', 'write-behind', 'write-behind-crash'],
  questions: [
    {
      scenario: 'write-around',
      step: 4,
      narration: 'db.update.commit',
      kind: 'stale-after',
      why: 'The row is now at version 2, but Redis still holds version 1 until the DEL two steps later. A read landing in this gap would get the old email.',
    },
    {
      scenario: 'write-around',
      step: 11,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'The write deleted the key, so the first read after it misses. It loads version 2 from the database and caches it.',
    },
    {
      scenario: 'write-through',
      step: 13,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Write-through put the new value into Redis right after the commit, so the read hits and never reaches the database.',
    },
    {
      scenario: 'write-through',
      step: 25,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The second write failed in the database, and the app left Redis alone. Redis still holds the last committed value, which matches the database.',
    },
    {
      scenario: 'write-behind',
      step: 18,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'Write-behind put 42.50 in Redis and confirmed at once, so the read hits. The database still says 0.00 until the flush about a second later.',
    },
    {
      scenario: 'write-behind-crash',
      step: 27,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The confirmed writes existed only in Redis memory and died with it. After the restart the read misses and loads the database’s value, which never got 42.50.',
    },
  ],

  depth: [
    {
      title: 'A. Write-around: commit, then delete the key',
      paragraphs: [
        'The app sends the `UPDATE` and waits for the commit (steps 2 to 4), then runs `DEL user:42:email` (steps 5 and 6), then confirms to the client (step 8). Between the commit and the DEL, Redis holds version 1 while the database has version 2: the Visual marks the copy stale for those two steps, about 5 ms. The next read misses (step 11), reads version 2 from the database (step 14) and caches it for 30 seconds (step 16).',
        'Deleting beats setting here. A DEL can be retried safely, and it cannot put an older value back when two writers finish in the wrong order: whichever deletes last, the next read loads the newest row. The cost is one miss for each key written. If the DEL fails because Redis is unreachable, the old copy stays until its TTL ends, so retry the DEL and keep a TTL on every cached key as the last line of defence. Some texts use the name write-around for writes that skip the cache without any DEL; readers then see the old value until the TTL ends.',
      ],
    },
    {
      title: 'B. Write-through: commit, then set the new value',
      paragraphs: [
        'The app commits (steps 2 to 4), then writes the new value into Redis with a TTL: `SET user:42:email ada@new.example EX 30` (steps 5 and 6). The next read hits (step 11) and never reaches the database. The write costs the same as write-around, a commit plus one Redis round trip; what changes is the read that follows it.',
        'When the commit fails, the cache must not change. At step 18 the database fails the second write; the app leaves Redis alone (step 19) and the client gets an error (step 20). Redis still matches the database, and the read at step 25 returns ada@new.example.',
        'Write-through is not free of stale data. If the SET fails after the commit, Redis keeps the old value until its TTL ends. Two writers can commit in one order and run their SETs in the other, leaving the older value cached; a version-checked SET fixes that (see the Races lesson). Every write also fills the cache, including keys nobody will read, which a TTL keeps bounded. And a cache that starts empty, after a crash or when a node is added, has no copy of a key until the key is written again, unless reads fill it too. That is why write-through is paired with cache-aside reads, as here.',
        'In some caching products the cache itself does the write-through: the application writes to the cache, and the cache writes to the database before it answers. Redis has no database connector of its own, so with Redis the application does it, as in the code, or a module such as RedisGears with the rgsync recipe.',
      ],
    },
    {
      title: 'C. Write-behind: confirm now, flush later',
      paragraphs: [
        'Each write is a `SET` with no TTL (steps 3, 8 and 13), and the client hears at once (steps 5, 10 and 15). Alice’s first write is confirmed 39 ms after she sent it, against 53 ms under the two strategies above: the 15 ms commit has left the write path. The cache counts the writes waiting: one, two, three. The read at step 18 hits Redis and gets 42.50 while the database still says 0.00. Anything that reads the database directly, a report, another service, an SQL console, sees the old data until the flush.',
        'In the Visual the cache flushes its own buffer; Redis has no database connector, so in practice a worker of yours does it, as `flushOnce` does in the code. Every second the buffer is flushed, at most two writes per batch. At step 21 two writes go to the database in one transaction, committed at step 23; the third waits for the next flush (step 25) and is committed at step 27, about 1.8 seconds after the client was told it was saved. Batches turn many small commits into a few larger ones, and writes to one key within an interval can be coalesced into one update: the code keeps only the last value per key. The code queues each write in a Redis list in the same `MULTI` as the SET, so a flusher that crashes between the commit and the `LTRIM` simply writes the same values again.',
        'Keys waiting for their flush must not expire or be evicted, or a read would load the older row from the database: write them without a TTL, and use `noeviction` or a `volatile-*` policy, which evicts only keys that have one. Run one flusher, or keep writes to a key in order some other way, so that an earlier write never lands after a later one.',
      ],
    },
    {
      title: 'D. What write-behind can lose',
      paragraphs: [
        'At step 16 Redis crashes with three writes confirmed and none flushed. They are gone: the checker reports three lost writes, and after the restart a read of cart:7:total misses and loads 0.00 from the database (steps 20 to 27).',
        'Persistence narrows that window but does not close it. With `appendonly yes` and `appendfsync everysec`, a crash can lose about the last second of writes; `appendfsync always` syncs to disk on every write, at a cost in latency. Replication is asynchronous, so a failover can lose what the replica had not yet received; `WAIT` makes a client wait for replicas, and `WAITAOF` (Redis 7.2) for disk, which gives back the latency write-behind was meant to save.',
        'The database can also reject a write at flush time, because of a constraint or a row deleted meanwhile, long after the client was told it succeeded. The flusher needs somewhere to put such writes, a dead-letter list, and an alert, because there is no client left to tell.',
      ],
    },
    {
      title: 'E. Choosing',
      paragraphs: [
        'Write-around is the default: simple, nothing lost when Redis fails, one miss after each write. Write-through suits keys that are read right after they are written, such as a profile page after saving it, when a stale copy until the TTL after a rare failed SET is acceptable.',
        'Write-behind suits high volumes of small writes where losing the last second or two is acceptable and nothing reads the database in real time: view counters, likes, leaderboards, analytics events. Never use it where the client must not hear yes before the database has the data, such as payments and orders.',
      ],
    },
  ],

  code: { title: 'write-strategies.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom: 'A user saves a change, reloads, and sees the old value until some minutes later.',
      cause:
        'The write path updates the database but neither deletes nor updates the cached key, or its DEL or SET failed and the error was ignored.',
      fix: 'Delete (or set) the key after every commit, retry a failed DEL, log it when it still fails, and keep TTLs short enough to bound the damage.',
    },
    {
      symptom:
        'Under write-through, a key sometimes holds an older value than the database until it expires.',
      cause:
        'Two writers committed in one order and ran their SETs in the other, or a SET failed after its commit.',
      fix: 'Delete instead of setting (write-around), or set only if the cached version is older, checked in a Lua script; keep a TTL as the backstop.',
    },
    {
      symptom: 'After a Redis restart or failover, changes that customers were told were saved are missing.',
      cause:
        'Write-behind confirmed writes that lived only in Redis memory, and the cache lost them before the flush.',
      fix: 'Do not use write-behind for data that must not be lost. Where you do use it, enable AOF, flush often, and alert on the queue’s length and the age of its oldest entry.',
    },
    {
      symptom: 'Reports built from the database disagree with what users see in the app.',
      cause:
        'Under write-behind the database runs behind the cache by the flush interval, or by much more when the flusher stalls.',
      fix: 'Monitor the flush lag, and read data that must be current through the cache, or keep that data off write-behind.',
    },
    {
      symptom: 'Under write-behind, a value goes back to an old one for a while.',
      cause:
        'The key expired or was evicted before its flush and a read reloaded the older row, or two flushers committed batches out of order.',
      fix: 'No TTL on keys waiting for a flush, an eviction policy that cannot evict them, and a single flusher.',
    },
  ],

  realWorld: [
    {
      text: 'Amazon ElastiCache’s guide to caching strategies describes lazy loading and write-through. It lists write-through’s costs: a write penalty, since every write goes to both the database and the cache; missing data on a new or replaced node until that data is written again; and cache churn, since much of what is written is never read. It recommends adding a TTL to limit the churn.',
      source: {
        title: 'Caching strategies (Amazon ElastiCache documentation)',
        url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Strategies.html',
      },
    },
    {
      text: 'Facebook’s memcache deployment writes around the cache: a web server that updates data sends the SQL to the database and then a delete to memcache, rather than the new value, because deletes are idempotent.',
      source: {
        title: 'Nishtala et al., Scaling Memcache at Facebook (NSDI 2013)',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'rgsync is a write-behind and write-through recipe for RedisGears: it copies Redis hashes whose keys share a prefix into rows of a database table, for example person:<id> hashes into a MySQL persons table.',
      source: { title: 'RedisGears/rgsync', url: 'https://github.com/RedisGears/rgsync' },
    },
    {
      text: 'Redis’s persistence documentation explains what each mode can lose: with the append-only file turned on and synced every second (its default fsync policy), a crash can cost about a second of writes, while RDB snapshots taken every few minutes can cost minutes of data.',
      source: {
        title: 'Redis persistence (Redis documentation)',
        url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/',
      },
    },
  ],

  interview: {
    question:
      'Your site has two slow write paths: “like this post”, called thousands of times a second, and “place order”. Which cache write strategy would you use for each, and why?',
    answer: [
      'For likes, write-behind. The like is an `INCR` on a Redis counter and the user hears back at once; a flusher adds the counters to the database every few seconds, so thousands of likes on a post become one `UPDATE`. The risk is that a Redis crash loses the likes since the last flush. For a like count that is acceptable, and AOF with `everysec` keeps the loss to about a second. I would monitor how far the flusher runs behind.',
      'For orders, never write-behind: a customer must not be told “ordered” before the database has committed. The order is written to the database first. For the cache, write-around by default: commit, then DEL the cached order and cart keys, and the next read loads them. If the order page is read right after placing, write-through instead: commit, then SET the new value with a TTL, and leave the cache alone if the commit fails.',
      'Both cache strategies can leave a stale copy if the Redis call fails after the commit, so every key keeps a TTL. With write-through I would also guard against two writers setting in the wrong order, for example by comparing versions before the SET.',
    ],
  },

  cards: [
    {
      id: 'delete-not-set',
      prompt: 'In write-around, why does the write delete the cached key instead of setting the new value?',
      hint: 'What if two writers finish in the wrong order?',
      answer:
        'A DEL is safe to retry and cannot put an old value back: whichever writer deletes last, the next read loads the newest row from the database. The cost is one miss after each write.',
      seeIt: { scenario: 'write-around', step: 6, narration: 'cache.del' },
    },
    {
      id: 'write-through-cost',
      prompt: 'What does write-through do after the commit, and what does it buy?',
      hint: 'Look at the read that follows the write.',
      answer:
        'It writes the new value into Redis with a TTL (SET … EX). The next read hits instead of missing, at the cost of caching every written key, read or not.',
      seeIt: { scenario: 'write-through', step: 6, narration: 'cache.set.ttl' },
    },
    {
      id: 'failed-commit',
      prompt: 'Under write-through, the database fails a write. What must happen to the cache?',
      answer:
        'Nothing. The app reports the failure to the client and leaves Redis alone, so the cache keeps the last committed value and still matches the database.',
      seeIt: { scenario: 'write-through', step: 19, narration: 'app.write.failed' },
    },
    {
      id: 'behind-ack',
      prompt: 'When does a write-behind client hear that its write succeeded?',
      hint: 'Has the database seen the write at that point?',
      answer:
        'As soon as Redis has stored the value, before the database has seen it. That is why the write is fast, and why a cache crash before the flush loses it.',
      seeIt: { scenario: 'write-behind', step: 5, narration: 'client.write.done.unversioned' },
    },
    {
      id: 'flush-batches',
      prompt: 'How does write-behind get its buffered writes into the database?',
      answer:
        'On a timer. Every second the buffer is flushed in batches, here at most two writes each, committed in one transaction per batch; what does not fit waits for the next flush.',
      seeIt: { scenario: 'write-behind', step: 21, narration: 'cache.writeBehind.flush' },
    },
    {
      id: 'crash-loses-writes',
      prompt:
        'What does a cache crash cost under write-behind, and what does it cost under the other two strategies?',
      hint: 'Where is the only copy of a confirmed write?',
      answer:
        'Under write-behind, every confirmed write not yet flushed: here three writes, reported by the checker as lost writes. Under write-around and write-through, nothing: the database committed every write before the client heard back.',
      seeIt: { scenario: 'write-behind-crash', step: 16, narration: 'fault.crash.cache' },
    },
  ],

  tasks: [
    {
      id: 'classify-your-writes',
      text: 'Pick three write endpoints in your own code. For each, note which strategy it uses (after the commit, does it DEL, SET, or neither?), what happens when that Redis call throws, and whether every key it touches has a TTL.',
      minutes: 30,
    },
    {
      id: 'lose-a-queued-write',
      text: 'Start a scratch Redis with no persistence: `redis-server --port 6400 --save "" --appendonly no`. In redis-cli, run `MULTI`, `SET cart:7:total 42.50`, `RPUSH write-behind:queue cart:7:total`, `EXEC`, and check `LRANGE write-behind:queue 0 -1`. Stop it with `redis-cli -p 6400 SHUTDOWN NOSAVE`, start it again, and see that `GET cart:7:total` and `LLEN write-behind:queue` show nothing: the write is lost.',
      minutes: 15,
    },
    {
      id: 'check-persistence',
      text: 'On your own Redis, run `CONFIG GET appendonly`, `CONFIG GET appendfsync` and `INFO persistence`, and write down how many seconds of writes a crash could lose today. Decide whether any write-behind data you have can afford that.',
      minutes: 10,
    },
  ],

  takeaways: [
    'Write-around commits, then deletes the key: the next read misses once, and a Redis failure loses nothing.',
    'Write-through commits, then sets the new value with a TTL: the next read hits. A failed commit must leave the cache alone; a failed SET leaves a stale copy until the TTL.',
    'Write-behind stores in Redis, confirms at once and flushes in batches: fast and coalesced, but confirmed writes die with the cache until they are flushed.',
    'Choose per kind of data: how long a write may take, how soon readers must see it, and what a crash may lose.',
  ],

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
};
