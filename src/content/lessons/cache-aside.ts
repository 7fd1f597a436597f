import source from '../code/cache-aside.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const cacheAsideLesson: Lesson = {
  id: 'cache-aside',
  title: 'Cache-aside',
  phase: 1,
  summary: 'Read through the cache, load on a miss, delete on write, and why the order matters.',

  bigIdea: [
    'A database read takes milliseconds. A read from Redis on the same network takes a fraction of one. Cache-aside puts that speed in front of the database without changing the database at all: the application checks the cache first and asks the database only when the cache has nothing.',
    'On a miss, the application reads the row, copies it into the cache with a time to live (`SET key value EX seconds`) and returns it. The next read of the same key is a hit and never reaches the database. Only data someone asked for gets cached, which is why the pattern is also called lazy loading. The cache itself knows nothing about the database: every step is the application’s code.',
    'Writes go to the database, and then the application deletes the cached copy (`DEL key`). It does not write the new value into the cache; the next read loads it. The order matters. Delete first and update second, and a read that lands in between puts the old value back, where it stays until its TTL runs out.',
  ],

  intuition: [
    'A receptionist keeps a printed list of staff extensions on the desk. When a caller asks for someone, she looks at the list first. If the name is not on it, she looks the person up in the company directory, gives the number, and writes it on her list for next time. That is the read path: the list is the cache, the directory is the database, and only names someone asked for end up on the list.',
    'When someone moves desks, HR changes the directory, and then the receptionist crosses the old entry off her list; she does not write the new number in. The next caller makes her look it up, and she copies whatever the directory says then. Now suppose she crosses the entry off before HR has made the change. A caller asks in between, she looks in the directory, finds the old number and writes it back on her list. HR then updates the directory, and her list is wrong until she next throws it away.',
  ],

  scenarioIds: ['cache-aside-read', 'cache-aside-write', 'cache-aside-wrong-order'],
  questions: [
    {
      scenario: 'cache-aside-read',
      step: 13,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The first read filled the cache half a second ago with a 30-second TTL. Nothing has deleted the key since, so Redis has it.',
    },
    {
      scenario: 'cache-aside-read',
      step: 19,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'This read comes 31 seconds after the fill. The 30-second TTL ran out and Redis deleted the key, so the app must load the row again.',
    },
    {
      scenario: 'cache-aside-write',
      step: 4,
      narration: 'db.update.commit',
      kind: 'stale-after',
      why: 'The database now holds version 2 while Redis still holds version 1, until the `DEL` arrives a few milliseconds later. Even the right order has this short window; a read landing in it gets the old email.',
    },
    {
      scenario: 'cache-aside-write',
      step: 18,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The write deleted the key after the commit, so this read missed and loaded the row as the database holds it now: the new email.',
    },
    {
      scenario: 'cache-aside-wrong-order',
      step: 16,
      narration: 'db.update.commit',
      kind: 'stale-after',
      why: 'The reader already put the old email back into the cache, after the writer’s `DEL`. The commit changes only the database, so Redis now holds version 1 against the database’s version 2.',
    },
    {
      scenario: 'cache-aside-wrong-order',
      step: 23,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The write is long finished, but the copy the first read put back is still in Redis and hits. Nothing deletes it before its TTL ends, 30 seconds after it was set.',
    },
  ],

  depth: [
    {
      title: 'A. The read path',
      paragraphs: [
        'Four steps: `GET user:42:email`; on a hit, answer with the value; on a miss, `SELECT` the row, then `SET user:42:email <value> EX 30`, then answer. A hit costs one round trip to Redis. A miss costs three round trips (`GET`, the query, `SET`) and is slower than no cache at all, which is why the hit ratio decides whether the cache pays.',
        'Always set the TTL in the same command as the value, with `EX` or `PX`. A `SET` followed by a separate `EXPIRE` leaves the key with no TTL at all if the process dies between the two. The TTL is the safety net: however a copy came to be wrong, it is gone after at most that long.',
        'A row that does not exist is not cached here, so every read of a missing id reaches the database; the penetration lesson deals with that. The cache is an optimisation, not a dependency: if Redis is down or slow, a read should treat the error as a miss, with a short timeout, and go to the database.',
      ],
    },
    {
      title: 'B. The write path: update, then delete',
      paragraphs: [
        'The write runs `UPDATE` in the database, waits for the commit, and then runs `DEL user:42:email`. The next read misses and loads the committed row. In the write scenario the commit is at step 4 and the `DEL` at step 6; between the two, Redis still holds version 1. That window lasts one round trip to Redis, and it is the best cache-aside can do.',
        'Why delete instead of writing the new value into the cache? Two writers racing can have their `SET`s arrive at Redis in the opposite order from their commits, leaving the older value cached; two `DEL`s leave the key empty whichever order they arrive in. A delete is also idempotent, so it is safe to retry, and it works when the cached value is not the row itself but something built from several rows. And a key that is written often but read rarely is not loaded for nothing.',
        'If the `DEL` fails after the commit, say Redis timed out, the old copy stays until its TTL ends. Retry the delete, log the failure, and keep the TTL no longer than the staleness you can accept. Later lessons move the delete into an event that survives a crash (the outbox).',
      ],
    },
    {
      title: 'C. The wrong order and its stale window',
      paragraphs: [
        'In the third scenario the writer deletes first (step 3) and then sends a slow `UPDATE`. The reader arrives in between: its `GET` misses (step 8), its `SELECT` returns the old row because nothing is committed yet (step 11), and it sets that old row back into the cache with a fresh 30-second TTL (step 13). Then the update commits (step 16).',
        'From step 16 on, Redis holds version 1 and the database version 2. The next read hits and gets the old email (step 23), and the checker reports a stale read. Nothing in the code will delete that copy: the cache is wrong for the full TTL, 30 seconds here, or an hour with a one-hour TTL. The window opens whenever a read overlaps the write, and a slower write makes that likelier.',
      ],
    },
    {
      title: 'D. What the right order does not fix',
      paragraphs: [
        'Update-then-delete still has a rarer race. A reader misses and reads version 1; before it sets the cache, a writer commits version 2 and deletes the key; then the reader’s `SET` puts version 1 back. The reader has to be slow, between its `SELECT` and its `SET`, for this to happen, so it is rare but real under load. The races lesson replays it and its fixes: a version check on the `SET`, a second delayed `DEL`, and leases.',
        'Cache-aside also covers only one shared cache. When each app server keeps its own local copy as well, deleting the Redis key leaves the other servers’ copies untouched; the coherence lesson deals with that. In every case the TTL bounds how long a wrong copy can live.',
      ],
    },
  ],

  code: { title: 'cache-aside.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'A user saves a new email, reloads, and sees the old one for up to the TTL, only now and then.',
      cause:
        'The write deletes the key before the database commits, and a read that runs in between puts the old row back into the cache.',
      fix: 'Commit first, then `DEL`. Keep a TTL on every key so a copy that slips through still expires.',
    },
    {
      symptom: 'After a short Redis outage, a few records stay wrong until their keys expire.',
      cause:
        'The `DEL` after the commit failed during the outage, and the code ignored the error, so the old copies survived the write.',
      fix: 'Retry the delete with a short backoff and log what still fails. Choose the TTL as the longest staleness you accept; later, send invalidations through an outbox.',
    },
    {
      symptom: 'Pages fail with errors whenever Redis is unreachable, although the database is fine.',
      cause: 'Errors from the cache call propagate to the request, so the cache became a hard dependency.',
      fix: 'Wrap cache calls with a short timeout and treat any error as a miss; on the fill, ignore and log the error.',
    },
    {
      symptom: 'Redis memory grows week after week, full of keys nobody reads.',
      cause: 'Some fills use `SET` without `EX`, so those keys never expire.',
      fix: 'Set the TTL in the same command as the value (`SET key value EX 30`) everywhere, and look for keys without one: `TTL key` answers -1 for them.',
    },
    {
      symptom: 'The database is overloaded right after a deploy that flushed or restarted Redis.',
      cause:
        'Every read misses at once against an empty cache, and cache-aside sends each miss to the database.',
      fix: 'Roll out gradually, warm the hottest keys first, and protect hot keys from a stampede (see the stampede lesson).',
    },
  ],

  realWorld: [
    {
      text: 'Facebook describes memcache as a demand-filled look-aside cache: a web server asks memcache first, and on a miss reads the database and fills the cache. For writes it updates the database and then sends a delete to memcache, choosing delete over update because deletes are idempotent.',
      source: {
        title: 'Nishtala et al., “Scaling Memcache at Facebook”, NSDI 2013',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'Microsoft’s Cache-Aside pattern loads data into the cache on demand and, on an update, changes the data store and then invalidates the cached item. It warns that removing the item first lets a client fetch and re-cache the earlier version, and that the pattern does not guarantee consistency with the store.',
      source: {
        title: 'Azure Architecture Center: Cache-Aside pattern',
        url: 'https://learn.microsoft.com/en-us/azure/architecture/patterns/cache-aside',
      },
    },
    {
      text: 'Redis’s `SET` takes the expiry with the value (`EX` seconds, `PX` milliseconds), so the fill and its TTL are one atomic command.',
      source: { title: 'Redis documentation: SET', url: 'https://redis.io/docs/latest/commands/set/' },
    },
  ],

  interview: {
    question:
      'In cache-aside, why delete the cached entry after updating the database, rather than before it or instead of writing the new value into the cache? What can still go wrong?',
    answer: [
      'Reads go cache first, and on a miss load from the database and fill the cache with a TTL. On a write I commit to the database and then delete the key; the next read loads the committed value. The database stays the source of truth and the cache only ever holds something read from it.',
      'Deleting before the update opens a window: a read that arrives between the delete and the commit misses, reads the old row and caches it again, and that stale copy then lives for the whole TTL. Writing the new value instead of deleting has its own race: two writers’ `SET`s can reach Redis in the opposite order from their commits and leave the older one cached. A delete is idempotent, safe to retry, and the same whatever order the deletes arrive in.',
      'What remains: between the commit and the delete there is a window of one round trip; a slow reader that loaded the old row before the commit can still set it after the delete, which versioned sets or leases fix; a delete that fails leaves the old copy until the TTL; and local caches on other servers need their own invalidation. So I keep a TTL on every key as the bound, retry failed deletes, and monitor stale reads if the data matters.',
    ],
  },

  cards: [
    {
      id: 'read-path',
      prompt: 'Walk through the cache-aside read path.',
      hint: 'GET, then what on a miss?',
      answer:
        '`GET` the key. On a hit, answer with the value. On a miss, read the row from the database, store it with `SET key value EX ttl`, and answer. Only keys someone read are ever cached.',
      seeIt: { scenario: 'cache-aside-read', step: 8, narration: 'cache.set.ttl' },
    },
    {
      id: 'lazy-loading',
      prompt: 'Why is cache-aside also called lazy loading?',
      hint: 'When does a key first enter the cache?',
      answer:
        'Nothing is loaded ahead of time. A key enters the cache only when a read misses and the application copies the row in, so the first read of every key goes to the database.',
      seeIt: { scenario: 'cache-aside-read', step: 3, narration: 'cache.get.miss' },
    },
    {
      id: 'delete-not-set',
      prompt: 'Why does the write delete the key instead of writing the new value into the cache?',
      hint: 'Think of two writers racing.',
      answer:
        'Two writers’ `SET`s can reach Redis in the opposite order from their commits and leave the older value cached. Deletes leave the key empty whatever their order, are safe to retry, and let the next read load exactly what the database holds.',
      seeIt: { scenario: 'cache-aside-write', step: 6, narration: 'cache.del' },
    },
    {
      id: 'delete-after-commit',
      prompt: 'What goes wrong if the write deletes the key before updating the database?',
      hint: 'A read arrives between the two.',
      answer:
        'The read misses, reads the old row because the update is not committed yet, and puts it back into the cache. Then the update commits, and the cache serves the old value until its TTL ends.',
      seeIt: { scenario: 'cache-aside-wrong-order', step: 13, narration: 'cache.set.ttl' },
    },
    {
      id: 'how-long-stale',
      prompt: 'In the wrong order, how long does the cache stay wrong?',
      hint: 'What removes the copy?',
      answer:
        'Until the key’s TTL runs out: nothing else deletes it, because the write’s `DEL` already happened. Here that is 30 seconds; with a one-hour TTL it would be an hour.',
      seeIt: { scenario: 'cache-aside-wrong-order', step: 24, narration: 'run.end.stale' },
    },
    {
      id: 'window-right-order',
      prompt: 'Even in the right order, is the cache ever stale?',
      hint: 'Look between the commit and the DEL.',
      answer:
        'Yes, briefly: between the commit and the `DEL`, Redis still holds the old version, for about one round trip. A read landing there gets the old value, but the copy is deleted right after, so it cannot last.',
      seeIt: { scenario: 'cache-aside-write', step: 4, narration: 'db.update.commit' },
    },
  ],

  tasks: [
    {
      id: 'replay-wrong-order',
      text: 'Replay the wrong order by hand with two `redis-cli` windows, using a key `db:user:42:email` to stand in for the database row. Set it and the cache: `SET db:user:42:email old` and `SET user:42:email old EX 60`. Window A (writer): `DEL user:42:email`. Window B (reader): `GET user:42:email` (nil), `GET db:user:42:email`, `SET user:42:email old EX 60`. Window A: `SET db:user:42:email new`. Now `GET user:42:email` returns old, and `TTL user:42:email` shows how long it will.',
      minutes: 15,
    },
    {
      id: 'audit-write-paths',
      text: 'In your own code, find every write to a table whose rows are cached. For each, check that the key is deleted after the commit (not before, and not by a `SET` of the new value), that the delete uses the same key function as the read, and that a failed delete is logged.',
      minutes: 30,
    },
    {
      id: 'cache-header',
      text: 'Add an `X-Cache: hit` or `X-Cache: miss` response header (or a log field) to one cached endpoint, then request it twice and update its record once in between. Confirm you see miss, hit, then miss again after the write.',
      minutes: 20,
    },
  ],

  takeaways: [
    'Read: `GET`; on a miss, load the row, `SET key value EX ttl`, answer. Only what someone reads is cached.',
    'Write: commit to the database, then `DEL` the key. Never delete first, and prefer deleting to writing the new value.',
    'Delete-then-update lets a concurrent read cache the old row, which then stays wrong for the whole TTL.',
    'A TTL on every key bounds how long any wrong copy can live, whatever went wrong.',
  ],

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
};
