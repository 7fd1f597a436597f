import source from '../code/penetration.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const penetrationLesson: Lesson = {
  id: 'penetration',
  title: 'Cache penetration',
  phase: 2,
  summary: 'Lookups for keys that exist nowhere; caching nulls; Bloom filters.',

  bigIdea: [
    'Cache-aside caches what the database returns. When the database returns nothing, there is nothing to cache, so the next read of the same id misses again and queries again. A scraper walking through ids that do not exist sends every one of those reads past the cache to the database. That is cache penetration: the cache is in place and does not help.',
    'Each of those reads costs a full query that finds nothing, on top of the normal load, and the cost grows with the caller’s rate, not with your data. In the load lab, a scraper asking for 500 random absent ids a second adds about 500 queries a second, and the cache answers none of them. A client retrying a deleted record, or a broken link with a wrong id, does the same on a smaller scale.',
    'The first fix caches the absence. When the database has no row, store a marker in its place with a short TTL: `SET product:404 __null__ EX 5`. Repeat reads of that id hit the marker. It only helps with repeats: a scraper that never asks for the same id twice just fills the cache with markers. Keep the TTL short, and delete the key when the row is created, or a new product reads as "not found" until its marker expires.',
    'The second fix is a Bloom filter in front of the cache: m bits and k hash functions. Adding a key sets its k bits. A lookup tests them: if any is 0, the key was never added, and the read answers "not found" without asking the cache or the database. If all are set, the key probably exists. So there are false positives, but never false negatives, as long as every key was added. New keys must be added as they are created, and a plain Bloom filter cannot remove one.',
  ],

  intuition: [
    'Picture a hotel front desk that takes calls for guests. The clerk keeps a card of the guests people asked about recently, with their room numbers; for anyone else, the clerk walks to the back office and searches the register. A prankster calls every minute asking for a different made-up name. The card never helps, because there is nothing to write on it, and every call costs a walk to the back office.',
    'Two habits fix most of it. The clerk writes "no such guest, checked at 10:05" on the card, so the same fake name asked again is answered at the desk: that is null caching, and it only helps with names that come back. And the desk keeps a sheet of numbered boxes: every guest who checks in ticks a few boxes picked from their name. A name whose boxes are not all ticked has certainly never checked in, so the clerk says so without walking. All ticked means "maybe", since other guests may have ticked those boxes, and the clerk walks to check. That sheet is a Bloom filter.',
  ],

  scenarioIds: ['penetration-unprotected', 'penetration-null-caching', 'penetration-bloom-filter'],
  charts: [
    {
      lab: 'load',
      title: 'Random absent ids: null caching does not help',
      caption:
        'From 10 s to 50 s the scraper asks for 500 ids a second, drawn from a million that do not exist. Unprotected, the database answers about 500 "not found" queries a second. With "not found" cached for 30 s it is almost the same (19,783 queries against 19,946): the scraper hardly ever repeats an id, so the markers are never read.',
      scenario: 'penetration',
      settings: {},
      compare: { protection: 'null-caching' },
    },
    {
      lab: 'load',
      title: 'Repeated absent ids: null caching absorbs them',
      caption:
        'The same scraper, now repeating 1,000 ids. Unprotected, still about 500 queries a second. With 30-second markers the queries fall from 380 in the first second to almost none ten seconds later, once each id has its marker. At 40 s the first markers expire, and a smaller wave (at most 178 a second) sets them again.',
      scenario: 'penetration',
      settings: { ids: '1000' },
      compare: { protection: 'null-caching' },
    },
    {
      lab: 'load',
      title: 'A Bloom filter in front',
      caption:
        'Back to a million random ids. The filter holds the 10,000 product keys at a 1% target (95,851 bits, 7 hashes). It turns away 19,718 of the 19,935 absent reads; the other 217 (1.09%) are false positives and reach the database. The database sees at most 11 queries a second instead of about 500.',
      scenario: 'penetration',
      settings: { protection: 'null-caching' },
      compare: { protection: 'bloom-filter' },
    },
  ],
  questions: [
    {
      scenario: 'penetration-unprotected',
      step: 21,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'The first read of product:404 found no row, and cache-aside only caches what the database returns. Nothing was stored, so the second read misses too and goes on to the database.',
    },
    {
      scenario: 'penetration-null-caching',
      step: 23,
      narration: 'cache.get.hit.null',
      kind: 'cache-lookup',
      why: 'At step 18 the app stored a null marker for product:404 with a 5-second TTL. A tenth of a second later it is still there, so this read hits the marker and the database is not asked.',
    },
    {
      scenario: 'penetration-null-caching',
      step: 28,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'A marker covers one key. Nobody has asked for product:722 before, so it misses and costs a query, like every new id a scraper tries.',
    },
    {
      scenario: 'penetration-bloom-filter',
      step: 19,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'product:722 got past the filter as a false positive: real products had set all 7 of its bits. Redis has never held anything for it, so the read goes on to the database, which finds no row.',
    },
  ],

  depth: [
    {
      title: 'A. Why the cache cannot help',
      paragraphs: [
        'On a read, cache-aside runs `GET product:404`, misses, and asks the database. The database finds no row, so the app has nothing to write back and answers "not found". The next read of the same id repeats all of it. In the Visual’s first run the scraper’s four reads of two ids that do not exist cost four queries, while the shopper’s product:3 is cached after its first miss.',
        'The damage scales with the caller, not with your data: a scraper, a client retrying a deleted id or an attacker picking random ids can each send the database one query per request. The hit ratio of real keys can look healthy the whole time, because these reads never touch real keys. Count the database’s empty results, or the app’s "not found" answers, per second and per client to see it.',
        'Reject what cannot be an id before anything else: a malformed or out-of-range id needs no lookup at all, and a rate limit per client caps how fast any one caller can probe. Neither stops a well-formed id that simply does not exist. The next two parts do.',
      ],
    },
    {
      title: 'B. Null caching',
      paragraphs: [
        'When the database has no row, store a marker in its place with a short TTL: `SET product:404 __null__ EX 5`. A later read that finds the marker answers "not found" without a query. The marker must be a value no real record can have, and every reader must check for it before treating the value as data.',
        'It absorbs repeats only. In the Lab, a scraper that repeats 1,000 ids drops from about 380 queries in its first second to almost none once every id has its marker. A scraper drawing from a million ids hardly ever repeats one, and the database still answers about 500 queries a second: 19,783 in the run against 19,946 unprotected. Every absent id also becomes a key, so a wide scrape fills memory with markers that are never read, and when Redis is at its memory limit they compete with real keys for the space.',
        'The marker is itself a cached fact, and it goes stale. When product 404 is created, the key still says "does not exist" until its TTL runs out. Keep the TTL short (seconds, at most a minute or two), and have the code that creates a row delete the key, just as cache-aside’s write path deletes a key after an update.',
      ],
    },
    {
      title: 'C. The Bloom filter',
      paragraphs: [
        'A Bloom filter is an array of m bits, all 0 at first, and k hash functions. Adding a key sets the k bits its hashes pick. A lookup computes the same k positions: if any of those bits is 0, the key was never added, and the read can answer "not found" without asking Redis or the database. If all k are 1, the key may exist, or other keys may have set those bits: a false positive. There are no false negatives, as long as every existing key was added.',
        'For n keys and a target false-positive rate p, the best size is m = −n·ln p/(ln 2)² bits with k = (m/n)·ln 2 hashes, which gives a rate of about (1 − e^(−k·n/m))^k ≈ p. At 1% that is 9.6 bits per key and 7 hashes: 10,000 product keys need 95,851 bits, about 12 kB. Each tenfold cut in p costs about 4.8 more bits per key: 0.1% needs 143,776 bits and 10 hashes for the same 10,000 keys.',
        'In the Visual the filter holds the 10 product keys in 96 bits with 7 hashes. product:404 has a 0 among its bits, so all three reads of it are turned away without a query. product:722 is one of the few ids whose 7 bits were all set by real products, so it passes and costs a query. In the Lab, with 10,000 keys at 1%, 217 of 19,935 absent reads (1.09%) got through, and the database saw at most 11 queries a second instead of about 500.',
      ],
    },
    {
      title: 'D. Keeping the filter right',
      paragraphs: [
        'A filter is only as good as its list of keys. Fill it when the app starts, from every id in the table, and add a key whenever a row is created. A key that was never added reads as "certainly not" although the row exists, and no TTL will fix that. If each app node keeps its own filter in memory, every node must learn every new key; one filter kept in Redis avoids that, with RedisBloom’s `BF.ADD` and `BF.EXISTS` or with a plain bitmap and `SETBIT` and `GETBIT`.',
        'A plain Bloom filter cannot forget: clearing a deleted key’s bits could clear bits that other keys share. Deleted ids stay "maybe" until the filter is rebuilt, and as more keys are added than the n it was sized for, its false-positive rate climbs. Size it for growth and rebuild it from the table now and then. Counting filters and cuckoo filters support deletion, at the cost of more bits per key.',
        'The two defences work together. The filter turns away almost every id that never existed; null caching behind it absorbs the false positives and deleted ids that get through, when they repeat. On a read the order is filter, then cache, then database. On a create it is commit the row, add its key to the filter, then delete any marker, as the code lab does. Adding the key before the commit is safe too: a key that never gets its row only costs a "maybe".',
      ],
    },
  ],

  code: { title: 'penetration.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom: 'A product that was just created shows as "not found" for a while, then appears by itself.',
      cause:
        'Someone asked for it before it existed, and the null marker stored then is still alive. Creating the row did not touch the cache.',
      fix: 'Delete the key (or set the new value) in the code that creates the row, and keep the marker’s TTL short.',
    },
    {
      symptom:
        'A new product is found on one app node and "not found" on another, for as long as the nodes run.',
      cause:
        'Each node built its own Bloom filter at start-up, and only the node that handled the create added the new key. The others give a false "certainly not".',
      fix: 'Add new keys on every node (for example over pub/sub), or keep a single filter in Redis with `BF.ADD` and `BF.EXISTS`, and rebuild filters from the table on start-up.',
    },
    {
      symptom: 'During a scrape, Redis memory climbs, evictions rise and the hit ratio of real keys falls.',
      cause:
        'Null caching stores one marker per absent id. A scraper drawing from millions of ids creates millions of markers that are never read again.',
      fix: 'Keep marker TTLs short, reject malformed and out-of-range ids before the cache, rate-limit the callers, and put a Bloom filter in front so most absent ids never reach Redis.',
    },
    {
      symptom: 'The share of absent-id reads that reach the database creeps up month after month.',
      cause:
        'The filter was sized for n keys and now holds far more, so more of its bits are 1 and its false-positive rate has risen well above p.',
      fix: 'Size the filter for expected growth, compare the measured false-positive rate with p, and rebuild it at a larger size when it drifts.',
    },
    {
      symptom: 'A client receives a product named "__null__".',
      cause:
        'A code path reads the cache without checking for the null marker and returns the marker as data.',
      fix: 'Check for the marker in the one function that reads the cache, and pick a marker no real value can equal.',
    },
  ],

  realWorld: [
    {
      text: 'Redis’s Bloom filter commands are sized the same way. `BF.RESERVE key error_rate capacity` creates a filter, and the documentation gives 7 hash functions and 9.585 bits per item at a 1% error rate, and 10 hash functions and 14.378 bits at 0.1%. By default a filter that reaches its capacity grows by adding sub-filters, each of which costs extra memory and lookup time, so the documentation recommends reserving the capacity you expect; with `NONSCALING` a full filter returns an error instead.',
      source: {
        title: 'Redis documentation: BF.RESERVE',
        url: 'https://redis.io/docs/latest/commands/bf.reserve/',
      },
    },
    {
      text: 'Burton Bloom introduced the structure in 1970 to skip slow lookups for most items that are not in a set, accepting a small, tunable fraction of wrong "maybe" answers in exchange for far less memory than an exact table. A cache that puts a Bloom filter in front of its database makes the same trade.',
      source: {
        title:
          'Burton H. Bloom, "Space/Time Trade-offs in Hash Coding with Allowable Errors", Communications of the ACM, 1970',
        url: 'https://dl.acm.org/doi/10.1145/362686.362692',
      },
    },
  ],

  interview: {
    question:
      'Database load on your product service has doubled, yet the cache hit ratio for real products has not changed. The logs show many requests for product ids that do not exist. What is happening, and what would you do?',
    answer: [
      'This is cache penetration. Cache-aside only caches rows the database returns, so a read for an id with no row misses every time and costs a query. The hit ratio of real keys stays the same because these reads never touch real keys. I would confirm it by counting empty results or "not found" answers per second and per client.',
      'First the cheap filters: reject malformed and out-of-range ids, and rate-limit the callers sending them. Then null caching: on an empty result, `SET product:<id> __null__ EX 30` or less, and delete that key when the row is created. That stops repeated ids at once, but not a scraper that never repeats one, and it costs a key per absent id.',
      'For that, a Bloom filter of every existing id in front of the cache: m = −n·ln p/(ln 2)² bits and k = (m/n)·ln 2 hashes, about 12 kB and 7 hashes for 10,000 ids at 1%. A 0 bit proves the id never existed, so about 99% of the junk never reaches Redis or the database. The work is keeping it in step: add ids on create, rebuild it to drop deleted ids, and share it between app nodes, for example in Redis with `BF.ADD` and `BF.EXISTS`. I would keep null caching behind it for the false positives.',
    ],
  },

  cards: [
    {
      id: 'why-misses-repeat',
      prompt:
        'Why does a read for an id that does not exist reach the database every time under plain cache-aside?',
      hint: 'What does the app write back after the database answers?',
      answer:
        'Cache-aside stores only what the database returns. For an id with no row nothing is stored, so the next read of the same id misses and queries again.',
      seeIt: { scenario: 'penetration-unprotected', step: 24, narration: 'db.select.none' },
    },
    {
      id: 'null-marker',
      prompt: 'What does null caching store, and why is its TTL short?',
      hint: 'A product can be created after the marker is written.',
      answer:
        'A marker in place of the missing row, such as `SET product:404 __null__ EX 5`, so repeats are answered from Redis. The TTL is short because the marker is wrong from the moment the row is created, unless the create deletes the key.',
      seeIt: { scenario: 'penetration-null-caching', step: 18, narration: 'cache.set.ttl' },
    },
    {
      id: 'null-limit',
      prompt: 'When does null caching not help?',
      hint: 'Each marker covers one key.',
      answer:
        'When ids do not repeat. Every new id still misses, costs one query and adds one more key to Redis, so a scraper drawing from a million random ids gets almost no benefit from the markers.',
      seeIt: { scenario: 'penetration-null-caching', step: 31, narration: 'db.select.none' },
    },
    {
      id: 'bloom-zero-bit',
      prompt: 'A Bloom filter finds a 0 among a key’s bits. What does that prove?',
      hint: 'Adding a key sets every one of its bits.',
      answer:
        'That the key was never added. If every existing key was added, the key does not exist, and the app can answer "not found" without asking Redis or the database. A Bloom filter has no false negatives.',
      seeIt: { scenario: 'penetration-bloom-filter', step: 12, narration: 'app.read.bloom.absent' },
    },
    {
      id: 'bloom-all-set',
      prompt: 'All of a key’s bits are set in the Bloom filter. Does the key exist?',
      hint: 'Other keys set bits too.',
      answer:
        'Maybe. Other keys may have set those bits: a false positive, about p of the time for a filter sized for rate p. The read goes on to the cache and the database, which is why null caching stays useful behind the filter.',
      seeIt: { scenario: 'penetration-bloom-filter', step: 18, narration: 'app.read.bloom.maybe' },
    },
    {
      id: 'bloom-size',
      prompt:
        'How many bits and hash functions does a Bloom filter need for n keys at false-positive rate p?',
      hint: 'About 9.6 bits per key at 1%.',
      answer:
        'm = −n·ln p/(ln 2)² bits and k = (m/n)·ln 2 hashes. For the Visual’s 10 keys at 1%: 96 bits and 7 hashes. For 10,000 keys: 95,851 bits (about 12 kB), still 7 hashes.',
      seeIt: { scenario: 'penetration-bloom-filter', step: 2, narration: 'app.read.bloom.maybe' },
    },
  ],

  tasks: [
    {
      id: 'run-penetration-lab',
      text: 'Start the penetration code lab with `npm run lab -- penetration` (it needs redis-server and PostgreSQL) and run the curl lines it prints: an existing product twice, an id that was never created, then a deleted product twice. Note the `X-Cache` header of each answer and which defence produced it.',
      minutes: 20,
    },
    {
      id: 'audit-not-found-path',
      text: 'Pick one cache-aside read path in a service you work on and read what it does when the database returns nothing. If it caches nothing, count the "not found" answers in an hour of logs and find the callers that send most of them.',
      minutes: 30,
    },
    {
      id: 'size-a-filter',
      text: 'Take the number of ids in your largest table and work out m and k for 1% and for 0.1% false positives with m = −n·ln p/(ln 2)² and k = (m/n)·ln 2. Check your numbers with `npm run -s sim -- lab --scenario penetration --set protection=bloom-filter --set expected=<n>` (n up to 1,000,000), which prints m and k.',
      minutes: 15,
    },
  ],

  takeaways: [
    'Cache-aside only caches what exists, so reads for ids that exist nowhere miss every time, and each one costs a database query.',
    'Null caching answers repeated absent ids from Redis. Keep its TTL short and delete the marker when the row is created; it does nothing against ids that never repeat.',
    'A Bloom filter never says "no" to a key that was added, so a 0 bit turns a read away safely; its "maybe" is wrong about p of the time.',
    'Size a filter with m = −n·ln p/(ln 2)² and k = (m/n)·ln 2, add keys as rows are created, and rebuild it to forget deleted ones.',
  ],

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
};
