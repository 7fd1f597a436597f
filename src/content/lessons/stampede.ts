import source from '../code/stampede.ts?raw';
import type { Lesson } from '../schema.ts';

export const stampedeLesson: Lesson = {
  id: 'stampede',
  title: 'Cache stampede',
  phase: 2,
  summary: 'Many misses on one hot key: locks, single-flight and early refresh.',
  bigIdea: [
    'A stampede, or thundering herd, happens on one hot key whose value is slow to compute. When the key expires, every read that arrives before the first reader has refilled it misses too, and each runs the same query. At 500 reads a second and a 200 ms query, that is about a hundred identical queries at every expiry.',
    'A lock lets one reader load while the rest wait. A reader that misses runs SET lock:top-sellers <token> NX PX 500. NX stores the key only if it is absent, so exactly one reader gets OK; PX makes the lock expire by itself if its holder dies. The holder loads, fills the cache, and deletes the lock only if it still holds its own token, with a compare-and-delete in a Lua script. The others sleep, each wait longer than the last, and look again. The lock must outlive the load: if it expires first, a second reader takes it and runs the query again.',
    'Single-flight (request coalescing) does the same inside one process, with no Redis round trips: later misses on a key wait for the load the first miss started. Each app node still runs its own load.',
    'XFetch (Vattani, Chierichetti and Lowenstein, "Optimal Probabilistic Cache Stampede Prevention", VLDB 2015) refreshes the key before it expires. It stores Δ, how long the last recompute took, with the value, and a reader that hits recomputes early when now − Δ·β·ln(rand()) ≥ expiry, with rand() uniform in (0, 1]. That is rare far from the expiry, likely near it, and earlier for slow values; β = 1 is the usual choice, and a larger β refreshes earlier. Stale-while-revalidate keeps the key for a grace period past its TTL: a stale hit is returned at once, and one reader, holding a lock taken with SET … NX, refreshes it in the background. Nobody waits, but a reader may get a value up to the grace period old.',
  ],
  scenarioIds: [
    'stampede-unprotected',
    'stampede-mutex',
    'stampede-mutex-lock-expiry',
    'stampede-single-flight',
    'stampede-xfetch',
    'stampede-stale-while-revalidate',
  ],
  code: { title: 'stampede.ts', language: 'typescript', source },
  charts: [
    {
      title: 'No protection against a lock',
      caption:
        'The hot key expires every 10 s. Unprotected, the database takes about a hundred queries at each expiry. With the lock, one or two: a reader that missed just before the refill can take the freed lock and load once more. The waiting readers pay for it: p99 latency at each expiry rises from about 250 ms to about 410 ms, since they sleep 50, 100 and 200 ms before they find the value.',
      scenario: 'stampede',
      settings: {},
      compare: { protection: 'mutex' },
    },
    {
      title: 'Single-flight against the lock',
      caption:
        'Single-flight makes nobody sleep: waiting readers get the row as soon as the one load returns, so p99 at each expiry stays near 240 ms, below the lock’s 410 ms. But each of the three app nodes runs its own load, so the database sees three or four queries per expiry instead of one or two.',
      scenario: 'stampede',
      settings: { protection: 'single-flight' },
      compare: { protection: 'mutex' },
    },
    {
      title: 'XFetch against stale-while-revalidate',
      caption:
        'XFetch still stampedes at 10 s (103 queries): the key was warmed without Δ, and XFetch needs it. After that a reader refreshes the key before it expires, with 1 to 6 queries each time; only those readers wait, and at 56 s six of them lift p99 to 235 ms. Stale-while-revalidate runs one query about every 10 s and no reader ever waits: p99 stays at about 47 ms.',
      scenario: 'stampede',
      settings: { protection: 'xfetch' },
      compare: { protection: 'stale-while-revalidate' },
    },
  ],
};
