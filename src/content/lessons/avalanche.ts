import source from '../code/avalanche.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const avalancheLesson: Lesson = {
  id: 'avalanche',
  title: 'Cache avalanche',
  phase: 2,
  summary: 'Many keys expiring at once, and TTL jitter to spread them out.',

  bigIdea: [
    'A cache avalanche is many keys expiring in the same moment. The usual cause is a bulk warm-up: a deploy or a nightly job loads thousands of keys in one pass, all with the same TTL, so one TTL later they all expire together. Every read after that moment misses, and the database gets all of those misses at once.',
    'Each key costs only one query, but the queries arrive together. In the load lab, 1,000 keys warmed at 0 s with a 30-second TTL send 385 queries to the database in the second after 30 s, where there were none before. The refills happen close together too, so a smaller second wave follows one TTL later. A database sized for the steady rate slows down under the spike, and slow queries hold their connections longer.',
    'The fix is to stop keys that were set together from expiring together. TTL jitter adds a random 0 to J seconds to each TTL as it is set (`SET key value EX <base + extra>`), so keys set in the same second expire across a window J seconds wide, and every refill draws again. A staggered warm-up writes the keys over a period instead, and the expiries follow the writes. Neither lowers the number of queries, only their rate: about the number of keys divided by the window, so 1,000 keys over 30 s come to about 33 a second.',
    'The cost is small but real. With jitter, a key lives up to J seconds longer, so its value can be that much staler when nothing deletes it on a write. A staggered warm-up takes longer to finish, and until it does, reads of the keys not yet written miss.',
  ],

  intuition: [
    'A new gym opens with a weekend offer, and 600 people buy a 30-day pass on the same Saturday. Thirty days later all 600 passes run out on the same morning, and the queue to renew runs out of the door, while on every other day the desk is quiet. Nobody did anything unusual: the passes were bought together and all last exactly as long.',
    'Had each pass lasted 30 days plus a random 0 to 7 more, the same 600 renewals would have spread over a week, about 85 a day, and renewals drawn the same way keep them spread. That random extra is TTL jitter. Selling the opening passes over two weeks instead of one weekend would also work: that is a staggered warm-up.',
  ],

  scenarioIds: ['avalanche-one-ttl', 'avalanche-jitter'],
  charts: [
    {
      lab: 'load',
      title: 'One TTL against 30 seconds of jitter',
      caption:
        'A loader warms 1,000 keys at 0 s with a 30-second TTL. Without jitter they expire together: 385 queries in the second after 30 s, and a second wave of up to 191 a second near 60 s, because the refills were bunched too. With up to 30 s of jitter the expiries spread over 30 s to 60 s, and the busiest second has 42 queries.',
      scenario: 'avalanche',
      settings: {},
      compare: { jitter: '30' },
    },
    {
      lab: 'load',
      title: 'How wide the jitter must be',
      caption:
        'Jitter spreads the expiries over its own width, so the peak is about the number of keys divided by the jitter. 10 s of jitter spreads the 1,000 expiries over 30 s to 40 s and still peaks at 108 queries a second; 30 s of jitter peaks at 42.',
      scenario: 'avalanche',
      settings: { jitter: '10' },
      compare: { jitter: '30' },
    },
    {
      lab: 'load',
      title: 'A staggered warm-up',
      caption:
        'Here the loader writes the keys evenly over 30 s instead of all at 0 s, and the reads start when it is done. The expiries follow the writes: from 30 s about 33 keys expire each second, and no second has more than 48 queries. The run without the stagger peaks at 385.',
      scenario: 'avalanche',
      settings: {},
      compare: { stagger: '30' },
    },
  ],
  questions: [
    {
      scenario: 'avalanche-one-ttl',
      step: 50,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'All four pages were stored in the same moment with `EX 1`, and the cache’s sweep at step 41 removed all four together. page:home is gone, like the other three.',
    },
    {
      scenario: 'avalanche-one-ttl',
      step: 78,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'After the shared expiry every read misses, so each reader is served from the database: four queries that started in the same moment.',
    },
    {
      scenario: 'avalanche-jitter',
      step: 53,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'page:new drew one extra second when it was stored (`SET page:new new page EX 2`), so at 1.2 s it still has about 0.8 s to live. Only the keys that drew 0 have expired.',
    },
    {
      scenario: 'avalanche-jitter',
      step: 61,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Reader 3’s page was still cached, so its read was a hit. Only two of the four readers went to the database this time; the other two pages will cost their queries later, at different moments.',
    },
  ],

  depth: [
    {
      title: 'A. How keys come to expire together',
      paragraphs: [
        'Every `SET key value EX t` fixes an expiry of now + t. Keys written in the same second with the same t therefore expire in the same second, however long t is, and Redis keeps that appointment precisely: since version 2.6 a key expires within a millisecond of its time. The usual sources of such a batch are a warm-up that loads thousands of keys before traffic arrives, a nightly job that rewrites a table’s worth of keys, and a deploy that flushes and refills a cache.',
        'Redis removes an expired key in two ways: when a command touches it after its time (passive expiry), and in a background cycle that samples keys with a TTL and deletes the expired ones (active expiry). Either way, a read after the expiry time misses. In the Visual the background sweep happens to remove all four pages in one step, and the four reads that follow all miss.',
        'The refills then happen close together too. If every refill uses the same TTL, the misses come back one TTL later as a second, smaller wave: in the Lab, 385 queries in the second after 30 s, then up to 191 a second near 60 s.',
      ],
    },
    {
      title: 'B. What the database sees',
      paragraphs: [
        'An avalanche does not add queries; it stacks them. A warmed key costs one query when it expires, whenever that is. What hurts is the rate: 1,000 keys expiring in one second can ask for 1,000 queries in that second from a database sized for a steady 50. Queries that queue hold their connections longer, the pool runs dry, and requests that have nothing to do with the expired keys slow down too.',
        'Spreading N expiries evenly over W seconds gives roughly N/W queries a second, and less when keys are read rarely, since a key costs its query only when someone reads it. Pick W so that N/W fits in the database’s spare capacity. Random spreading clumps a little: in the Lab, 1,000 keys over 30 s (N/W about 33) peak at 42 queries a second, and over 10 s at 108.',
      ],
    },
    {
      title: 'C. TTL jitter',
      paragraphs: [
        'Jitter makes each TTL the base plus a random extra from 0 to J, drawn for every `SET`, for example `SET page:home <html> EX 3743` for a base of 3600 and an extra of 143. Keys written together then expire spread over J seconds. Draw the extra per key and per write: a number drawn once at start-up, or once per batch, gives every key the same TTL again. Adding 0 to J keeps every TTL at least the base; drawing from −J/2 to +J/2 keeps the average instead.',
        'In the Visual the extra is a whole number of seconds from 0 to 3. At seed 1, page:home and page:sale draw 0 and expire at about 1 s, while page:new and page:top draw 1 and live to about 2 s. At 1.2 s two reads miss and two hit, and the refill of page:home draws again: `EX 2` this time.',
        'The price is freshness. A key can now live up to J seconds past the base TTL, and if nothing deletes it on a write, a reader can get a value that much older. Keep J a modest share of the TTL where staleness matters, for example up to 5 minutes on an hour, and wide enough that N/J fits the database.',
      ],
    },
    {
      title: 'D. Staggered warm-up',
      paragraphs: [
        'A warm-up can spread its writes instead: write N keys evenly over S seconds, and their expiries follow one TTL later, spread over the same S seconds. In the Lab, writing 1,000 keys over 30 s keeps the busiest second at 48 queries instead of 385.',
        'It costs time. Until the warm-up finishes, reads of keys not yet written miss and go to the database anyway, so a staggered warm-up belongs before traffic arrives, or at a pace the database can take alongside it. With jitter on every write as well, the expiries stay spread after the first round, whatever order the refills come in.',
      ],
    },
    {
      title: 'E. An empty cache is the same problem',
      paragraphs: [
        'A cache that restarts empty, or a new node that joins with no data, makes every key miss at once: the largest possible avalanche, and jitter cannot help because nothing is cached to expire. Persistence (RDB or AOF) or a replica that takes over with the data keeps a restart warm; otherwise refill gradually, and send only part of the traffic to the cold cache at first.',
        'Jitter spreads many keys; it does nothing for one key that thousands of readers want at the moment it expires. That is a stampede, the next lesson. A real system usually needs both: jitter on every TTL, and a lock, single-flight or early refresh on its hottest keys.',
      ],
    },
  ],

  code: { title: 'avalanche.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'Database load jumps exactly one TTL after every deploy, then again one TTL later, a little lower.',
      cause:
        'The deploy warms every key with the same constant TTL, so they expire in the same second, and their refills, bunched together, expire together again.',
      fix: 'Add a random extra to every cache write (base + 0 to J seconds), and spread the warm-up over a window.',
    },
    {
      symptom: 'Jitter is in the code, yet keys written together still expire in the same second.',
      cause:
        'The random extra is computed once, at start-up, per batch or in a constant, and reused for every key.',
      fix: 'Draw a new extra inside the function that runs each `SET`. Check with `TTL` on a few keys written together that their times differ.',
    },
    {
      symptom: 'With jitter the spike is lower, but still more than the database can take.',
      cause: 'The window is too narrow for the number of keys: the peak is roughly N/J queries a second.',
      fix: 'Widen J until N/J fits the database’s spare capacity, or stagger the warm-up as well.',
    },
    {
      symptom:
        'After a Redis restart the database is overwhelmed for minutes, although every TTL is jittered.',
      cause: 'The cache came back empty. Every key misses at once, and no TTL is involved.',
      fix: 'Keep restarts warm with persistence or a replica, refill gradually, and protect the hottest keys against stampedes.',
    },
    {
      symptom: 'After jitter was added, users see old values for longer than the TTL suggests.',
      cause:
        'Jitter lengthened the TTLs, and nothing deletes the keys on a write, so stale copies live longer.',
      fix: 'Delete keys on write, as cache-aside does, and keep J a small share of the TTL where freshness matters.',
    },
  ],

  realWorld: [
    {
      text: 'Redis documents how precisely keys expire: since Redis 2.6 the error is 0 to 1 milliseconds, so keys given the same expiry really do expire together. Keys expire passively, when a client touches one past its time, and actively, as Redis periodically tests a few random keys among those with an expiry and deletes the expired ones. Expiry times are stored as absolute Unix timestamps, and the documentation warns that a dataset moved to a machine whose clock is far ahead can find its keys expired as it loads: an avalanche caused by a clock.',
      source: {
        title: 'Redis documentation: EXPIRE (How Redis expires keys)',
        url: 'https://redis.io/docs/latest/commands/expire/',
      },
    },
    {
      text: 'Facebook’s memcache paper describes the empty-cache case. A front-end cluster that comes online with empty caches has a very poor hit rate, which would send its misses to the databases. With Cold Cluster Warmup, clients in the cold cluster fetch misses from the caches of a warm cluster instead of from persistent storage, which the paper reports brings a cold cluster back to full capacity in a few hours instead of a few days. The same paper notes that upgrading a set of memcached servers could take over 12 hours, because the database load from their emptied caches had to be managed carefully.',
      source: {
        title: 'Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013',
        url: 'https://www.usenix.org/system/files/conference/nsdi13/nsdi13-final170_update.pdf',
      },
    },
  ],

  interview: {
    question:
      'Every night at 02:00 a job rewrites the 200,000 product pages in Redis with `EX 3600`. Shortly after 03:00 the database falls over for a few minutes. Explain what happens and how you would fix it.',
    answer: [
      'The job writes all 200,000 keys within its run, with the same TTL, so they expire within the same short window an hour later, and Redis expires them to the millisecond. Reads right after 03:00 all miss, and the database receives a burst of queries where it normally sees a few hundred a second. That is a cache avalanche. Because the refills then happen close together, a smaller wave follows at about 04:00.',
      'The fix is in the expiry times, not the database. Give each key its own TTL, 3600 plus a random 0 to J seconds drawn for each `SET`, in the job and in the read path’s refills. J comes from the database’s spare capacity: to keep the refills near 200 queries a second, 200,000 keys need about 1,000 seconds, so an extra of 0 to 1,200 s is reasonable. The total number of queries does not change; their rate does.',
      'I would also make the job spread its writes over its run instead of writing in one burst, test that two keys written together get different `TTL`s, and protect the few hottest pages with a lock or single-flight, since jitter spreads many keys but does nothing for one key that thousands of readers want when it expires. Then I would watch the database’s queries per second around 03:00 to confirm the peak is gone.',
    ],
  },

  cards: [
    {
      id: 'what-causes-it',
      prompt: 'What makes many keys expire in the same moment?',
      hint: 'When were the keys written, and with which TTL?',
      answer:
        'Keys written together with the same TTL: a warm-up, a batch job or a deploy that fills the cache in one pass. Each `SET … EX t` expires at now + t, so one write time and one t give one expiry time.',
      seeIt: { scenario: 'avalanche-one-ttl', step: 41, narration: 'cache.expire.active' },
    },
    {
      id: 'what-the-database-sees',
      prompt: 'What does the database see right after a shared expiry?',
      hint: 'Count the queries that start together.',
      answer:
        'Every read of an expired key misses at once, so the queries arrive together: four in the same moment in the Visual, 385 in one second in the Lab where there were none before. The number of queries is normal; their rate is not.',
      seeIt: { scenario: 'avalanche-one-ttl', step: 61, narration: 'db.select.start' },
    },
    {
      id: 'how-jitter-works',
      prompt: 'How does TTL jitter spread the expiries of keys written together?',
      hint: 'Each `SET` draws its own TTL.',
      answer:
        'Each write adds a random 0 to J seconds to the base TTL, so keys written in the same second expire spread over J seconds. In the Visual, page:new draws one extra second and is stored with `EX 2`.',
      seeIt: { scenario: 'avalanche-jitter', step: 31, narration: 'cache.set.ttl' },
    },
    {
      id: 'rate-not-count',
      prompt: 'Does TTL jitter reduce the number of database queries?',
      hint: 'An expired key that is read still needs one reload.',
      answer:
        'No. Each key that expires and is read still costs one query. Jitter lowers the rate, to roughly N/J a second for N keys over J seconds, which is what a database sized for steady load needs.',
      seeIt: { scenario: 'avalanche-jitter', step: 41, narration: 'cache.expire.active' },
    },
    {
      id: 'refills-draw-again',
      prompt: 'Why jitter the TTL of every refill, not only the warm-up’s writes?',
      hint: 'Keys can be written together at any time, not only at start-up.',
      answer:
        'Any batch of keys written together, by a warm-up, a job or a burst of refills, would expire together with one TTL. Jittering every write keeps them apart: in the Visual, page:home drew 0 at warm-up, and its refill draws 1 and is stored with `EX 2`.',
      seeIt: { scenario: 'avalanche-jitter', step: 67, narration: 'cache.set.ttl' },
    },
  ],

  tasks: [
    {
      id: 'find-constant-ttls',
      text: 'Search a codebase you work on for cache writes with a fixed TTL (`EX 3600`, `setEx(key, 3600, …)`, `expire(key, 3600)`). Mark the ones that run in bulk, such as a warm-up, a batch job or a deploy hook, and give each of those writes a random extra drawn per key.',
      minutes: 30,
    },
    {
      id: 'run-ttl-jitter-lab',
      text: 'Run `npm run lab -- ttl-jitter`, warm the cache with `curl -s -X POST http://127.0.0.1:3000/warm`, then read `curl -s http://127.0.0.1:3000/ttls`. Check that the keys’ remaining seconds spread over about 30 s instead of sitting on one value, and read how the lab draws each TTL.',
      minutes: 15,
    },
    {
      id: 'size-the-window',
      text: 'Run the avalanche lab scenario (1,000 keys, 500 reads a second) with `npm run -s sim -- lab --scenario avalanche --set jitter=<J>` for J = 0, 5, 10, 30 and 60, and note each busiest second. Compare them with 1,000 ÷ J and explain why the estimate overshoots for small J (with 500 reads a second, not every expired key is read in the second it expires).',
      minutes: 15,
    },
  ],

  takeaways: [
    'Keys written together with one TTL expire together, to the millisecond, and every read after that moment goes to the database at once.',
    'An avalanche does not add queries, it stacks them: the damage is the rate, so the fix is to spread the expiries, not to cache less.',
    'TTL jitter adds a random 0 to J seconds to every write, drawn per key, and brings the peak down to roughly N/J queries a second.',
    'A staggered warm-up spreads the writes and so the expiries; both fixes cost a little freshness or time, and neither helps a cache that restarts empty.',
  ],

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
};
