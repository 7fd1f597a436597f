import source from '../code/stampede.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const stampedeLesson: Lesson = {
  id: 'stampede',
  title: 'Cache stampede',
  phase: 2,
  summary: 'Many misses on one hot key: locks, single-flight and early refresh.',

  bigIdea: [
    'A cache stampede, or thundering herd, happens on one hot key whose value is slow to compute. When the key expires, every read that arrives before the first reader has refilled it misses too, and each runs the same query. At 500 reads a second and a 200 ms query, that is about a hundred identical queries at every expiry, all landing on the database at its busiest moment.',
    'A lock lets one reader load while the rest wait. A reader that misses runs `SET lock:top-sellers <token> NX PX 500`. NX stores the key only if it is absent, so exactly one reader gets OK; PX makes the lock expire by itself if its holder dies. The holder loads, fills the cache, and deletes the lock only if it still holds its own token, with a compare-and-delete in a Lua script. The others sleep, each wait longer than the last, and look again. The lock must outlive the load: if it expires first, a second reader takes it and runs the query again.',
    'Single-flight (request coalescing) does the same inside one process, with no Redis round trips: later misses on a key wait for the load the first miss started. Each app node still runs its own load.',
    'Two more fixes keep readers from missing at all. XFetch (Vattani, Chierichetti and Lowenstein, VLDB 2015) stores Δ, how long the last recompute took, with the value, and a reader that hits recomputes early when now − Δ·β·ln(rand()) ≥ expiry, with rand() uniform in (0, 1]: rarely far from the expiry, likely near it, and earlier for slow values. Stale-while-revalidate keeps the key for a grace period past its TTL: a stale hit is returned at once, and one reader, holding a lock taken with `SET … NX`, refreshes it in the background. Nobody waits, but a reader may get a value up to the grace period old.',
  ],

  intuition: [
    'An office printer runs out of paper at 10:00, just as twelve people send their print jobs. Each of them finds the empty tray, walks to the supply room two floors down and comes back with a ream. Twelve trips and twelve reams for one empty tray: that is a stampede. The tray is the hot key, the trip is the slow query, and the twelve people are the readers who all miss before the first one is back.',
    'Offices fix it with habits. The first to notice hangs a "gone for paper" tag on the printer, good for ten minutes; the others wait at their desks and look again, and if nobody is back when the tag runs out, someone else may go (a lock with NX and PX). A team sitting together sends one of its members and waits for them, though each team still sends its own (single-flight). Someone printing while the tray is nearly empty may top it up before it runs out, and the emptier it is, the likelier they are to bother (XFetch). Or people print on last week’s spare paper while one person fetches the new ream (stale-while-revalidate).',
  ],

  scenarioIds: [
    'stampede-unprotected',
    'stampede-mutex',
    'stampede-mutex-lock-expiry',
    'stampede-single-flight',
    'stampede-xfetch',
    'stampede-stale-while-revalidate',
  ],
  charts: [
    {
      lab: 'load',
      title: 'No protection against a lock',
      caption:
        'The hot key expires every 10 s. Unprotected, the database takes about a hundred queries at each expiry. With the lock, one or two: a reader that missed just before the refill can take the freed lock and load once more. The waiting readers pay for it: p99 latency at each expiry rises from about 250 ms to about 410 ms, since they sleep 50, 100 and 200 ms before they find the value.',
      scenario: 'stampede',
      settings: {},
      compare: { protection: 'mutex' },
    },
    {
      lab: 'load',
      title: 'Single-flight against the lock',
      caption:
        'Single-flight makes nobody sleep: waiting readers get the row as soon as the one load returns, so p99 at each expiry stays near 240 ms, below the lock’s 410 ms. But each of the three app nodes runs its own load, so the database sees three or four queries per expiry instead of one or two.',
      scenario: 'stampede',
      settings: { protection: 'single-flight' },
      compare: { protection: 'mutex' },
    },
    {
      lab: 'load',
      title: 'XFetch against stale-while-revalidate',
      caption:
        'XFetch still stampedes at 10 s (103 queries): the key was warmed without Δ, and XFetch needs it. After that a reader refreshes the key before it expires, with 1 to 6 queries each time; only those readers wait, and at 56 s six of them lift p99 to 235 ms. Stale-while-revalidate runs one query about every 10 s and no reader ever waits: p99 stays at about 47 ms.',
      scenario: 'stampede',
      settings: { protection: 'xfetch' },
      compare: { protection: 'stale-while-revalidate' },
    },
  ],
  questions: [
    {
      scenario: 'stampede-unprotected',
      step: 51,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'All five readers missed before any refill was stored, so each ran its own query. Reader 5’s answer comes from the fifth identical trip to the database.',
    },
    {
      scenario: 'stampede-mutex',
      step: 37,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'The first wait is 60 ms, but the lock holder’s query takes 100 ms, so the key is not back yet. The waiters miss, find the lock still held and wait 120 ms.',
    },
    {
      scenario: 'stampede-mutex',
      step: 72,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Reader 2 never queried. By the end of its second wait the lock holder had filled the key, so its third look was a hit: one query served all five readers.',
    },
    {
      scenario: 'stampede-mutex-lock-expiry',
      step: 67,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'The 60 ms lock expired while the 100 ms query was still running, so reader 2 took the lock on its second try and ran the same query again.',
    },
    {
      scenario: 'stampede-single-flight',
      step: 27,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Reader 2 joined the load reader 1 had started and got its row when it arrived. It never read the cache again, so its answer came from the database, from the one shared query.',
    },
    {
      scenario: 'stampede-xfetch',
      step: 66,
      narration: 'cache.get.hit.ttl',
      kind: 'cache-lookup',
      why: 'Reader 3 recomputed the key early, at about 0.87 s, and the refill gave it a new 1-second TTL. At 1.25 s, past the old expiry of about 1.11 s, the key is still there.',
    },
    {
      scenario: 'stampede-stale-while-revalidate',
      step: 32,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'The key is 56 ms into its stale period. Node A sends the stale value at once and refreshes it in the background, so no reader waits for the query.',
    },
  ],

  depth: [
    {
      title: 'A. Why one key brings a herd',
      paragraphs: [
        'A stampede needs two things: a key read far more often than it is refilled, and a refill slow enough that many reads arrive while it runs. Every read that lands between the expiry and the moment the first refill is stored misses, and plain cache-aside has each of them run the same query and store the same value. The number of duplicates is about the read rate times the refill time: 500 reads a second and a 200 ms query give about 100.',
        'In the Visual the key expires at 1 s and five readers on two app nodes ask for it at 1.05 s. The query takes 100 ms, so all five miss, five identical queries run side by side, and the cache is set five times. At scale it feeds itself: the duplicates arrive when the database is busiest, each runs slower, and the slower refill leaves a wider window for more misses.',
      ],
    },
    {
      title: 'B. A lock in Redis',
      paragraphs: [
        'A reader that misses tries `SET lock:top-sellers <token> NX PX 500`. NX stores the key only if it is absent, so of all the readers on all the nodes exactly one gets OK and the others get (nil). PX 500 makes the lock expire by itself after 500 ms, so a holder that crashes cannot block the key for ever. The token is a value unique to this reader.',
        'The holder loads, stores the value (`SET top-sellers <value> EX 1`) and releases the lock with a compare-and-delete: a Lua script, run with `EVAL`, that deletes the key only if it still holds the holder’s token. The others sleep and look again, 60 ms and then 120 ms, each wait twice the last, up to a limit after which a reader loads anyway rather than fail. In the Visual one query serves all five readers; the holder answers after 122 ms, and the four waiters after 200 ms.',
        'Two failure cases set the numbers. If the lock expires before the load finishes, a second reader takes it and runs the query again, and the first holder’s release finds someone else’s token; a plain `DEL` there would delete the second holder’s lock and let a third reader in. The lock-expiry run shows it: a 60 ms lock around a 100 ms query gives two queries. So PX must exceed the slowest load you expect, with room to spare. The waiters pay in latency: in the Lab, p99 at each expiry rises from about 250 ms to about 410 ms.',
        'A single Redis holding the lock is enough here, because a broken lock costs only an extra query. If the primary fails over before the lock reaches a replica, two readers may load at once, which is acceptable for a cache. A holder can also read the cache once more right after it takes the lock: a reader that missed just before the previous holder’s refill would otherwise load again.',
      ],
    },
    {
      title: 'C. Single-flight',
      paragraphs: [
        'Single-flight, also called request coalescing, does the same inside one process without Redis. The first miss on a key starts the load and records its promise in a map; later misses on that key in the same process wait on that promise, and the entry is removed when the load settles. Waiters get the row the moment it arrives: no sleeping and no extra round trips. In the Visual, five readers on one node cause one query and all five answer within 118 ms.',
        'It works per process. Each app node runs its own load, so N nodes mean up to N queries per expiry; in the Lab, three nodes give three or four queries where the lock gives one or two, with p99 near 240 ms instead of 410 ms. A failed load fails every waiter at once, and the entry must be removed on failure too, or later readers keep getting the old failure. Single-flight in front of a Redis lock combines the two: at most one load per node, usually one for the cluster.',
      ],
    },
    {
      title: 'D. XFetch: recompute before the expiry',
      paragraphs: [
        'XFetch stores Δ, how long the last recompute took, beside the value. A reader that hits recomputes early when now − Δ·β·ln(rand()) ≥ expiry, with rand() uniform in (0, 1]. Since −ln(rand()) is a non-negative random number averaging 1, the rule reads: recompute if a random lead time, averaging Δ·β, reaches past the time left. With t ms left, a single read recomputes with probability e^(−t/(Δ·β)).',
        'That chance is tiny far from the expiry, grows as the expiry nears, and is larger for slow values, which need a head start. With Δ = 104 ms and β = 1, as in the Visual, a read with 246 ms left recomputes about 9% of the time, and one with 104 ms left about 37%. At r reads a second, the first early recompute comes roughly Δ·β·ln(r·Δ·β) before the expiry, so a busy key is refreshed before it ever expires. β = 1 is the paper’s default; a larger β recomputes earlier.',
        'The reader that recomputes waits for its query, while everyone else keeps getting the current value. XFetch needs Δ and the time left (`PTTL`, sent with the `GET` in one round trip), so a key written without Δ, for example by a bulk warm-up, still stampedes at its first expiry: in the Lab, 103 queries at 10 s, then 1 to 6 per refresh. Nothing stops two readers from drawing early at once; it is rare, not impossible.',
      ],
    },
    {
      title: 'E. Stale-while-revalidate',
      paragraphs: [
        'Stale-while-revalidate keeps a key past its freshness. Store it with a TTL of fresh time plus grace (`SET top-sellers <value> EX 3` for 1 s fresh and 2 s stale) and work out from `PTTL` whether it is still fresh. A reader that finds it stale returns it at once and tries `SET lock:top-sellers <token> NX PX 2000`; the one that gets the lock reloads the key in the background, and the others leave it to them. In the Visual all five readers get the old value within 12 ms, and one query refreshes it.',
        'Nobody waits, so latency stays flat: in the Lab, p99 stays at about 47 ms and one query runs about every 10 s. The cost is that a reader may get a value up to the grace period old. A key nobody reads during its grace period still expires and then misses like any other, so keep a lock or single-flight under it for that case, and for the very first load.',
      ],
    },
    {
      title: 'F. Choosing',
      paragraphs: [
        'The lock holds the whole cluster to about one query per expiry and makes the others wait. Single-flight adds no waiting beyond the query and allows one query per process. XFetch and stale-while-revalidate avoid the miss altogether, by refreshing ahead of the expiry or just after it: XFetch keeps values within their TTL, stale-while-revalidate serves them past it. For a truly hot key, layer them: single-flight in each process, a lock across processes, and early or background refresh wherever a slightly old value is acceptable.',
      ],
    },
  ],

  code: { title: 'stampede.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'A lock is in place, yet the database still runs two or three queries per expiry, and some releases delete nothing.',
      cause:
        'The lock’s PX is shorter than the load, so it expires mid-load and another reader takes it and loads again.',
      fix: 'Set PX well above the slowest load you expect, or extend the lock while loading with a script that runs `PEXPIRE` only if the token still matches.',
    },
    {
      symptom: 'Now and then several readers load the same key at once although each took the lock.',
      cause:
        'The lock is released with a plain `DEL`. A holder whose lock had expired deletes the next holder’s lock, and a third reader walks in.',
      fix: 'Store a unique token as the lock’s value and release with a compare-and-delete script that deletes the key only if it still holds that token.',
    },
    {
      symptom: 'p99 latency jumps at every expiry of the hot key, although the database is idle.',
      cause:
        'Readers that lose the lock sleep in growing steps (50, 100, 200 ms) and find the value only after their next wake-up.',
      fix: 'Use short retry delays, put single-flight in front so local waiters wake when the load returns, or refresh early (XFetch) or in the background (stale-while-revalidate) so nobody waits.',
    },
    {
      symptom:
        'One failed query makes every concurrent request for the key fail, and requests keep failing after the database has recovered.',
      cause:
        'Single-flight shares the failed promise with every waiter, and the entry is not removed when the load fails, so later readers reuse the failure.',
      fix: 'Remove the entry when the load settles, success or failure (in a finally block), and let the next reader try again.',
    },
    {
      symptom: 'XFetch is enabled, yet the first expiry after each deploy still stampedes.',
      cause:
        'The warm-up writes values without Δ, so readers cannot compute an early-refresh time until the key has been recomputed once.',
      fix: 'Time the load in the warm-up too and store Δ with every value, or fall back to a default Δ when it is missing.',
    },
  ],

  realWorld: [
    {
      text: 'Vattani, Chierichetti and Lowenstein study probabilistic early expiration and give algorithms they show to be optimal, including XFetch. It stores each value with Δ and its expiry, recomputes when time() − Δ·β·ln(rand()) ≥ expiry with rand() in (0, 1], uses β = 1 by default, and takes a β above 1 to favour earlier recomputation.',
      source: {
        title:
          'Vattani, Chierichetti and Lowenstein, "Optimal Probabilistic Cache Stampede Prevention", PVLDB 8(8), VLDB 2015',
        url: 'https://www.vldb.org/pvldb/vol8/p886-vattani.pdf',
      },
    },
    {
      text: 'Redis’s documentation of `SET` describes this lock: `SET resource-name anystring NX EX max-lock-time` takes it, a random token instead of a fixed string identifies the holder, and a Lua script deletes the key only if it still holds that token, so a client whose lock expired cannot delete a lock another client took since. The page notes that this simple pattern is discouraged in favour of the Redlock algorithm where stronger guarantees are needed.',
      source: { title: 'Redis documentation: SET', url: 'https://redis.io/docs/latest/commands/set/' },
    },
    {
      text: 'Facebook’s memcache deployment handles thundering herds with leases. On a miss, a memcached server gives one client a token to refill the key, and the servers are configured to hand out at most one token per key every 10 seconds; other clients are told to wait briefly and retry, by which time the value is usually back. The paper reports that this cut the peak database query rate for keys prone to herds from 17K/s to 1.3K/s. Clients that can use slightly old data may instead take a recently deleted value marked as stale.',
      source: {
        title: 'Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013',
        url: 'https://www.usenix.org/system/files/conference/nsdi13/nsdi13-final170_update.pdf',
      },
    },
    {
      text: 'nginx coalesces misses in its HTTP cache: with `proxy_cache_lock on`, only one request at a time may populate a new cache element, and other requests for it wait for the response to appear in the cache or for the lock to be released, up to `proxy_cache_lock_timeout` (5 s by default). With `proxy_cache_use_stale updating`, nginx serves the stale response while the element is being updated.',
      source: {
        title: 'nginx documentation: ngx_http_proxy_module, proxy_cache_lock',
        url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_lock',
      },
    },
    {
      text: 'Go’s `golang.org/x/sync/singleflight` package is single-flight as a library: `Group.Do(key, fn)` makes sure only one execution of fn is in flight for a key at a time, and a duplicate caller waits for it and receives the same result.',
      source: { title: 'Go package singleflight', url: 'https://pkg.go.dev/golang.org/x/sync/singleflight' },
    },
    {
      text: 'HTTP caching has the same idea as a `Cache-Control` extension: `stale-while-revalidate=N` lets a cache serve a response for up to N seconds after it has become stale, while it revalidates it in the background.',
      source: {
        title: 'RFC 5861, "HTTP Cache-Control Extensions for Stale Content"',
        url: 'https://www.rfc-editor.org/rfc/rfc5861',
      },
    },
  ],

  interview: {
    question:
      'A dashboard query takes 2 s. Its result is cached for 60 s under one key that 20 app servers read 1,000 times a second in total. What happens at each expiry, and how would you prevent it?',
    answer: [
      'Every request that arrives during the 2 s recompute misses, so each expiry starts about 2,000 identical 2-second queries. They slow the database for everyone, which stretches the recompute and lets even more requests miss. That is a cache stampede, or thundering herd, on one hot key.',
      'I would layer defences. In each server, single-flight: misses on the key wait on the one in-flight load, which caps it at 20 queries. Across servers, a Redis lock around the load: `SET lock:dashboard <token> NX PX 5000`, with PX well above the 2 s load, released by a compare-and-delete script, and short retries for the losers, which read the cache again after each wait. That brings it to about one query per expiry, at the cost of up to 2 s of waiting for the readers who arrive during the load.',
      'To remove the wait, refresh before readers notice. With XFetch, each hit recomputes early with probability e^(−t/(Δ·β)) when t is left; with Δ = 2 s and 1,000 reads a second the first early recompute comes about 15 s before the expiry (Δ·ln(r·Δ)), so under load the key never expires. If a value up to, say, 30 s old is acceptable, stale-while-revalidate is simpler: keep the key 30 s past its freshness, serve it stale at once and let one lock holder refresh it in the background. I would keep the lock or single-flight underneath for the cold start, when there is no value to serve.',
    ],
  },

  cards: [
    {
      id: 'herd-size',
      prompt: 'How many readers join a stampede on one key?',
      hint: 'Who arrives before the first refill is stored?',
      answer:
        'Every reader that arrives between the expiry and the first stored refill: about the read rate times the refill time. In the Visual, five readers within the 100 ms query run five identical queries; at 500 reads a second and a 200 ms query it is about 100.',
      seeIt: { scenario: 'stampede-unprotected', step: 26, narration: 'db.select.start' },
    },
    {
      id: 'set-nx-px',
      prompt: 'What does `SET lock:top-sellers <token> NX PX 500` do, and what does each option buy?',
      hint: 'One option decides who wins, the other what happens if the winner dies.',
      answer:
        'It takes the lock only if nobody holds it (NX), so exactly one reader gets OK and the rest get (nil). PX 500 frees the lock after 500 ms if its holder dies. The token identifies the holder, for the release.',
      seeIt: { scenario: 'stampede-mutex', step: 22, narration: 'cache.set.nx.taken' },
    },
    {
      id: 'lock-outlives-load',
      prompt: 'Why must the lock’s expiry be longer than the load it protects?',
      hint: 'What happens when the lock expires mid-load?',
      answer:
        'If the lock expires first, another reader takes it and runs the same query again. With a 60 ms lock around a 100 ms query, the Visual runs the query twice.',
      seeIt: { scenario: 'stampede-mutex-lock-expiry', step: 45, narration: 'cache.set.nx.taken' },
    },
    {
      id: 'compare-and-delete',
      prompt: 'Why is the lock released with a script that checks the token instead of a plain `DEL`?',
      hint: 'Whose lock is it by the time the load finishes?',
      answer:
        'The lock may have expired and been taken by another reader. A plain `DEL` would delete their lock and let a third reader in. The script deletes the key only if it still holds your token, and otherwise returns 0 and leaves it alone.',
      seeIt: { scenario: 'stampede-mutex-lock-expiry', step: 58, narration: 'cache.del.lock.not-owner' },
    },
    {
      id: 'single-flight-scope',
      prompt: 'What does single-flight save, and what does it not?',
      hint: 'It lives in one process’s memory.',
      answer:
        'Within one process, later misses on a key wait for the load the first miss started, so the process runs one query and nobody sleeps. It does not coordinate processes: each app node still runs its own load.',
      seeIt: { scenario: 'stampede-single-flight', step: 21, narration: 'app.read.single-flight.join' },
    },
    {
      id: 'xfetch-rule',
      prompt: 'When does XFetch recompute a key that is still cached?',
      hint: 'Δ is how long the last recompute took.',
      answer:
        'When now − Δ·β·ln(rand()) ≥ expiry: when a random lead time averaging Δ·β reaches past the time left. With t ms left the chance is e^(−t/(Δ·β)), small far from the expiry, high near it, and higher for slow values.',
      seeIt: { scenario: 'stampede-xfetch', step: 19, narration: 'app.read.xfetch.early' },
    },
    {
      id: 'swr-trade',
      prompt: 'What does stale-while-revalidate give up to keep every reader fast?',
      hint: 'Look at the age of the value the readers get.',
      answer:
        'Freshness. Keys live a grace period past their TTL; a stale hit is returned at once while one reader, holding a lock, refreshes the key in the background. Readers never wait, but may get a value up to the grace period old.',
      seeIt: { scenario: 'stampede-stale-while-revalidate', step: 16, narration: 'app.read.stale.serve' },
    },
  ],

  tasks: [
    {
      id: 'run-stampede-lab',
      text: 'Start `npm run lab -- stampede` (instances on ports 3000 and 3001) and, in another terminal, run `redis-cli -u <the Redis URL it prints> MONITOR`. Delete `product:1`, then send the 20 concurrent requests of the loop the lab prints. In the monitor, count the `SET lock:product:1 … NX PX 3000` attempts and the writes of `product:1` itself: one write, so one query, where unguarded code would write it 20 times.',
      minutes: 20,
    },
    {
      id: 'measure-your-hot-key',
      text: 'Pick the most-read cached key in a service you run. Find its read rate and how long its recompute takes, from traces or logs, and multiply them: that is about how many duplicate queries each expiry can start today. Decide which defence fits it.',
      minutes: 20,
    },
    {
      id: 'compare-protections',
      text: 'Run `npm run -s sim -- lab --scenario stampede --set protection=<p>` for none, mutex, single-flight, xfetch and stale-while-revalidate, and write down DB queries and p99 for each. Then run the mutex with `--set lock-ttl=100`, shorter than the 200 ms query, and explain why the query count rises.',
      minutes: 20,
    },
  ],

  takeaways: [
    'A stampede is one hot key’s expiry sending every reader that arrives during the refill to the database: about read rate × refill time identical queries.',
    'A Redis lock (`SET lock:k <token> NX PX <ms>`, released by compare-and-delete) allows one load across all nodes; its expiry must outlive the load, and the waiters pay in latency.',
    'Single-flight shares one in-flight load per process, with no waiting and no Redis round trips, but each node still loads once.',
    'XFetch and stale-while-revalidate refresh the key before or just after it expires, so nobody misses: XFetch needs Δ, and stale-while-revalidate serves values up to a grace period old.',
  ],

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
};
