import source from '../code/why-cache.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const whyCacheLesson: Lesson = {
  id: 'why-cache',
  title: 'Why cache',
  phase: 1,
  summary: 'RAM, disk and network latency; hits, misses and the hit ratio; naming keys.',

  bigIdea: [
    'Most pages ask the database for the same few rows again and again: the same product, the same profile, the same settings. Each time, the database parses the query, plans it, reads its pages, takes a connection from a limited pool and sends the answer back over the network. The work repeats, and the answer is usually the one it gave a moment ago.',
    'A cache keeps a copy of such answers in memory, under a name, close to the code that needs them. Redis is the usual choice: a server that holds keys and values in RAM and answers a `GET` with a hash table lookup, so a read costs little more than one network round trip inside the data centre. The database stays the source of truth. The cache only holds copies, and any copy can be thrown away and loaded again.',
    'Whether a cache helps is a number you can measure. A read the cache can answer is a hit. A read it cannot answer is a miss, and a miss costs more than having no cache at all, because it pays for the lookup and then for the database. The hit ratio, hits divided by lookups, sets both the average read time and the load left on the database: at 90% the database sees one read in ten, at 99% one in a hundred.',
  ],

  intuition: [
    'Think of the books you work with. The one open on your desk takes a second to reach. The ones on the shelf behind you take half a minute. Anything else you order from the library’s closed stacks, and it arrives tomorrow. Memory, the network inside a data centre and a spinning disk are three such distances, and the gaps between them are as large: about 100 nanoseconds to read memory, half a millisecond for a round trip across the data centre, 10 milliseconds for one disk seek.',
    'A cache is the shelf. When the book you need is on it, that is a hit. When it is not, that is a miss: you order it, wait, and when it comes you put it on the shelf, so next time it is a hit. If most books you reach for are on the shelf, your hit ratio is high and you rarely wait. The labels matter too. If you shelve a book as “Lovelace, notes” and later look for “Notes by Lovelace”, it is there and you still miss it. That is why keys follow one naming scheme, such as `user:42:profile`.',
  ],

  scenarioIds: ['why-cache-first-read', 'why-cache-hit-ratio'],
  charts: [
    {
      lab: 'eviction',
      title: 'Hit ratio against cache size, for two kinds of traffic',
      caption:
        'Two traces over the same 10,000 keys: A’s reads are spread out (Zipf α 0.7), B’s crowd onto fewer keys (α 1.1). With room for 500 keys, 5% of them, an LRU cache hits about 23% of A’s reads and about 71% of B’s. How skewed the reads are matters as much as how big the cache is.',
      settings: {
        alpha: '0.7',
        keys: '10000',
        requests: '60000',
        warmup: '10000',
        seed: '1',
        sizes: '100,200,500,1000,2000,5000',
        policies: 'lru',
        scale: 'log',
        compare: 'on',
        alphaB: '1.1',
        keysB: '10000',
        requestsB: '60000',
      },
    },
  ],
  questions: [
    {
      scenario: 'why-cache-first-read',
      step: 3,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'The cache starts empty. Nothing puts a key into it until a read misses and the app copies the row in, so the very first read of any key is a miss.',
    },
    {
      scenario: 'why-cache-first-read',
      step: 13,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The first read left a copy with a 30-second TTL, and only half a second has passed. Nothing has changed or removed it.',
    },
    {
      scenario: 'why-cache-first-read',
      step: 15,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'The app found the value in Redis and answered at once. The database was not asked, which is why this reply took 32 ms instead of 87.',
    },
    {
      scenario: 'why-cache-hit-ratio',
      step: 13,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The cache belongs to the app, not to a user. Alice’s miss a second earlier loaded user:42:profile, and Bob’s read finds that copy.',
    },
    {
      scenario: 'why-cache-hit-ratio',
      step: 18,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'Nobody has read user:7:profile yet, so no copy exists. A cache holds only what was read before: each new key starts with a miss.',
    },
  ],

  depth: [
    {
      title: 'A. How far away the data is',
      paragraphs: [
        'Latency is the time one operation waits for its answer. The figures engineers quote come from a table Jeff Dean presented at Google: a main memory reference about 100 ns, a random read from an SSD about 0.15 ms, a round trip within a data centre about 0.5 ms, a seek on a spinning disk about 10 ms, a packet from California to the Netherlands and back about 150 ms. Hardware has changed the exact figures since; the gaps of ten to a thousand times between the levels are what matter.',
        'A database read is rarely a disk seek today: a well-sized database keeps its hot pages in its own memory. What a cache saves is the rest of the work: parsing and planning the query, joins, locks, a connection from a limited pool, and the database’s CPU, which every other query also needs. A Redis `GET` is one hash table lookup, so nearly all of its cost is the network round trip.',
        'A cache does not make the user’s own network faster. In the first scenario the browser is 10 to 20 ms from the app each way. The hit answers in 32 ms and the miss in 87 ms. Most of the 55 ms between them is the 40 ms query; the rest is the extra trips to the database and back to Redis. Caching takes the database out of the path, not the distance to the user.',
      ],
    },
    {
      title: 'B. Hits, misses and the hit ratio',
      paragraphs: [
        'Every lookup is a hit or a miss, and the hit ratio is hits ÷ (hits + misses). A cache that has just started, or has just been emptied, is a cold cache: its ratio starts at 0 and climbs as reads fill it. The second scenario goes 0/1, 1/2, 1/3, 2/4, 3/5 and ends at 4/6, 67%: only the first read of each key missed.',
        'Two formulas follow. The average read costs about t(cache) + (1 − h) × (t(database) + t(cache)), because every read looks in the cache and each miss adds the query and the fill. The database receives (1 − h) of all reads. Going from 90% to 99% looks like a small step and divides the database’s read load by ten.',
        'Measure it where the reads happen. Redis counts every key lookup since it started in `INFO stats`, as `keyspace_hits` and `keyspace_misses`, and `CONFIG RESETSTAT` sets them back to 0. These counters mix every use of the server, sessions and locks included, so count hits and misses per kind of key in the application as well.',
      ],
    },
    {
      title: 'C. What is worth caching',
      paragraphs: [
        'A cache pays off when the same data is read many times between changes, when the answer is expensive to produce, and when a copy a little behind the database is acceptable for a while. A profile read a thousand times per edit is a good candidate. A search with free-text parameters, where almost every key is new, is not: nearly every read misses and pays the extra round trip.',
        'The working set is the data actually read in a period, usually far less than all the data there is. Popularity is skewed: it often follows a Zipf distribution, where the k-th most popular key is read about 1 / k^α times as often as the first. The more skewed the reads, the more of them a small cache answers, as the chart shows.',
        'Every copy can fall behind: the cache does not see the database change. The next two lessons handle that. Cache-aside deletes the copy when the data is written, and a TTL gives every copy a limited life.',
      ],
    },
    {
      title: 'D. Naming keys',
      paragraphs: [
        'A Redis database has one flat namespace: a key is just a string. The convention the Redis documentation suggests is object type, id and then what of it, separated by colons: `user:42:profile`, `user:42:email`, `order:9001:items`. The colons mean nothing to Redis. They make keys readable and let tools select groups of keys, as in `SCAN 0 MATCH user:*:profile`.',
        'A key must contain everything its value depends on. If the profile page is rendered per language, the language belongs in the key, `user:42:profile:fr`, or French readers get the English copy. If several applications share one Redis, put the application first, as in `shop:user:42:profile`, so their keys cannot collide.',
        'Build each kind of key in one function and call it everywhere. `user:42:profile` and `profile:42` are two different keys: if the writer deletes one while readers fill the other, nobody ever sees the change. Keep keys short but readable. Redis accepts keys up to 512 MB, but every byte is stored with the key and compared on lookup, so hash a long input such as a URL or a query instead of using it whole.',
      ],
    },
  ],

  code: { title: 'why-cache.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom: 'After adding the cache, the hit ratio stays near 0% and the database is as busy as before.',
      cause:
        'The keys almost never repeat: they contain a timestamp, a request id or query parameters in whatever order they arrived, or the data is simply read once.',
      fix: 'Build keys only from what the answer depends on, normalise parameters (sorted, one case), and cache only data that is read again. Check the ratio per kind of key before you keep the cache.',
    },
    {
      symptom: 'A user sees another user’s page, or the page in another language.',
      cause:
        'The key leaves out something the value depends on, such as the user id, the tenant or the language.',
      fix: 'List every input of the value and put each one in the key. Test with two users and two languages before release.',
    },
    {
      symptom: 'An edit never shows up for readers, although the write path deletes the key.',
      cause:
        'The reader and the writer spell the key differently (`user:42:profile` against `profile:user:42`), so the delete removes a key nobody reads.',
      fix: 'One function builds each kind of key, and both paths call it. A test that writes and then reads through the cache catches the mismatch.',
    },
    {
      symptom: 'The Redis dashboard shows a 95% hit ratio, yet the profile endpoint is still slow.',
      cause:
        '`keyspace_hits` counts every lookup on the server. Session and lock keys that nearly always hit hide the profile keys that nearly always miss.',
      fix: 'Count hits and misses per kind of key in the application, next to each endpoint’s latency.',
    },
  ],

  realWorld: [
    {
      text: 'Facebook’s paper on its memcache deployment explains why caching pays there: people consume an order of magnitude more content than they create, so the load is dominated by reads. Memcache sits beside the databases as a look-aside cache that is filled on demand.',
      source: {
        title: 'Nishtala et al., “Scaling Memcache at Facebook”, NSDI 2013',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'The Redis documentation on keys advises sticking to a schema such as `object-type:id`, as in `user:1000`, with dots or dashes for multi-word fields. It warns that very long keys cost memory and lookup time, that very short ones cost readability, and gives 512 MB as the largest key allowed.',
      source: {
        title: 'Redis documentation: Keys and values',
        url: 'https://redis.io/docs/latest/develop/use/keyspace/',
      },
    },
    {
      text: 'Redis reports `keyspace_hits` and `keyspace_misses`, the successful and failed key lookups since the server started, in the stats section of `INFO`.',
      source: { title: 'Redis documentation: INFO', url: 'https://redis.io/docs/latest/commands/info/' },
    },
    {
      text: 'The latency figures in this lesson come from the table Jeff Dean presented at Google, collected by Jonas Bonér in a widely shared gist: 100 ns for a memory reference, 0.5 ms for a round trip in a data centre, 10 ms for a disk seek.',
      source: {
        title: 'Latency Numbers Every Programmer Should Know',
        url: 'https://gist.github.com/jboner/2841832',
      },
    },
  ],

  interview: {
    question:
      'A product page takes 300 ms and the database runs at 85% CPU. Would you put Redis in front of it? How would you decide, and how would you know it worked?',
    answer: [
      'First I would find where the 300 ms go, from traces or the database’s slow-query log. A cache only helps reads that repeat, so for the queries behind the page I would compare how often each result is read with how often it changes, and count the distinct keys. If product data is read thousands of times per update and a few thousand products take most views, the working set fits easily in memory and a cache is worth it.',
      'Then the arithmetic. With a hit ratio h, the database serves (1 − h) of the reads, and an average read costs about one Redis round trip plus (1 − h) times the query. At 95% the read load on the database falls twentyfold, which takes it far from 85% CPU. The page gains whatever share of its 300 ms those queries were.',
      'I would name keys after exactly what the value depends on, such as `product:123:detail:en`, build them in one function, give every key a TTL and delete keys when products change. To know it worked I would watch the hit ratio per kind of key from the application, the database’s queries per second and CPU, and the page’s median and p99 latency, before and after, and check that the staleness stays within what the business accepts.',
    ],
  },

  cards: [
    {
      id: 'hit-and-miss',
      prompt: 'What are a cache hit and a cache miss, and what does each cost?',
      hint: 'Count the round trips.',
      answer:
        'A hit: the key is in the cache, and the app answers after one round trip to Redis. A miss: the key is not there, so the app pays that round trip, then the database query, then a `SET` to fill the cache. A miss costs more than having no cache.',
      seeIt: { scenario: 'why-cache-first-read', step: 3, narration: 'cache.get.miss' },
    },
    {
      id: 'second-read-faster',
      prompt: 'In the first scenario, why does the second read take 32 ms and the first 87 ms?',
      hint: 'What does the second read skip?',
      answer:
        'The second read skips the 40 ms query and the trips to the database and back to Redis: the app gets the value from Redis in one short round trip. The browser-to-app hops, 10 to 20 ms each way, are the same for both reads.',
      seeIt: { scenario: 'why-cache-first-read', step: 15, narration: 'client.read.done' },
    },
    {
      id: 'hit-ratio',
      prompt: 'What is the hit ratio, and what does it say about the load on the database?',
      hint: 'Hits over lookups.',
      answer:
        'Hits ÷ (hits + misses). The database serves the misses, so it sees (1 − ratio) of the reads: at 67% one read in three, at 99% one in a hundred.',
      seeIt: { scenario: 'why-cache-hit-ratio', step: 40, narration: 'client.read.done' },
    },
    {
      id: 'shared-cache',
      prompt: 'Bob has never read user:42:profile. Why is his first read of it a hit?',
      hint: 'Whose cache is it?',
      answer:
        'The cache is shared by everyone the app serves. Alice’s miss loaded the row a second earlier, and Bob’s read finds that copy. One user’s miss pays for many users’ hits.',
      seeIt: { scenario: 'why-cache-hit-ratio', step: 13, narration: 'cache.get.hit' },
    },
    {
      id: 'key-names',
      prompt: 'Why name a key `user:42:profile` rather than `p42` or the SQL query itself?',
      hint: 'Who reads the name, and what must it contain?',
      answer:
        'It says the object type, the id and what of it, so people and tools can read and group keys (`SCAN 0 MATCH user:*:profile`). It holds exactly what the value depends on, so every reader builds the same key. And it is short: a long input such as a query is better hashed.',
      seeIt: { scenario: 'why-cache-first-read', step: 8, narration: 'cache.set.ttl' },
    },
    {
      id: 'when-not-to-cache',
      prompt: 'When does a cache not help?',
      hint: 'Think about repetition and change.',
      answer:
        'When reads rarely repeat, so nearly every read misses; when data changes about as often as it is read; or when every read must see the latest write. Then the cache adds a round trip, memory and stale copies for nothing.',
      seeIt: { scenario: 'why-cache-hit-ratio', step: 18, narration: 'cache.get.miss' },
    },
  ],

  tasks: [
    {
      id: 'measure-hit-ratio',
      text: 'On a scratch Redis (`redis-server`, or `docker run --rm -p 6379:6379 redis`), run in `redis-cli`: `CONFIG RESETSTAT`, `SET user:42:profile "Ada" EX 300`, `GET user:42:profile` three times, `GET user:43:profile` once, then `INFO stats`. Find `keyspace_hits` and `keyspace_misses` and work out the ratio: 3 hits and 1 miss, 75%. A `SET` is not a lookup and counts as neither.',
      minutes: 10,
    },
    {
      id: 'compare-latency',
      text: 'Measure the two distances yourself: `redis-cli --latency` against your Redis, and `\\timing` in `psql` (or your database’s equivalent) for the query behind one of your pages. Write down both numbers and how many times a minute that query runs.',
      minutes: 15,
    },
    {
      id: 'design-keys',
      text: 'Pick one read endpoint in your own code. List everything its answer depends on (ids, user, language, tenant, query parameters) and write the one function that builds its cache key from exactly those, in the `type:id:what` form.',
      minutes: 20,
    },
  ],

  takeaways: [
    'A cache keeps copies of answers in memory; the database stays the source of truth, and any copy can be thrown away.',
    'A hit saves the query; a miss costs the lookup plus the query plus the fill, so a cache with a low hit ratio makes reads slower.',
    'The hit ratio sets the database load: it sees (1 − hit ratio) of the reads, so 99% is ten times less load than 90%.',
    'Name keys `type:id:what`, put everything the value depends on in the key, and build each kind of key in one function.',
  ],

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
};
