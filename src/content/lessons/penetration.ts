import source from '../code/penetration.ts?raw';
import type { Lesson } from '../schema.ts';

export const penetrationLesson: Lesson = {
  id: 'penetration',
  title: 'Cache penetration',
  phase: 2,
  summary: 'Lookups for keys that exist nowhere; caching nulls; Bloom filters.',
  bigIdea: [
    'Cache-aside caches what the database returns. When the database returns nothing, there is nothing to cache, so the next read of the same id misses again and queries again. A scraper walking through ids that do not exist sends every one of those reads past the cache to the database. That is cache penetration: the cache is in place and does not help.',
    'Each of those reads costs a full query that finds nothing, on top of the normal load, and the cost grows with the scraper’s rate. In the load lab, a scraper asking for 500 random absent ids a second adds about 500 queries a second, and the cache answers none of them.',
    'The first fix caches the absence. When the database has no row, store a marker in its place with a short TTL: SET product:404 __null__ EX 5. Repeat reads of that id hit the marker. It only helps with repeats: a scraper that never asks for the same id twice just fills the cache with markers. Keep the TTL short, and delete the key when the row is created, or a new product reads as "not found" until its marker expires.',
    'The second fix is a Bloom filter in front of the cache: m bits and k hash functions. Adding a key sets its k bits. A lookup tests them: if any is 0, the key was never added, and the read answers "not found" without asking the cache or the database. If all are set, the key probably exists. So there are false positives, but never false negatives, as long as every key was added. For n keys and a false-positive rate p, m = −n·ln p / (ln 2)² and k = (m/n)·ln 2: 10,000 keys at 1% need 95,851 bits (about 12 kB) and 7 hashes. New keys must be added as they are created, and a plain Bloom filter cannot remove one.',
  ],
  scenarioIds: ['penetration-unprotected', 'penetration-null-caching', 'penetration-bloom-filter'],
  code: { title: 'penetration.ts', language: 'typescript', source },
  charts: [
    {
      title: 'Random absent ids: null caching does not help',
      caption:
        'From 10 s to 50 s the scraper asks for 500 ids a second, drawn from a million that do not exist. Unprotected, the database answers about 500 "not found" queries a second. With "not found" cached for 30 s it is almost the same (19,783 queries against 19,946): the scraper hardly ever repeats an id, so the markers are never read.',
      scenario: 'penetration',
      settings: {},
      compare: { protection: 'null-caching' },
    },
    {
      title: 'Repeated absent ids: null caching absorbs them',
      caption:
        'The same scraper, now repeating 1,000 ids. Unprotected, still about 500 queries a second. With 30-second markers the queries fall from 380 in the first second to almost none ten seconds later, once each id has its marker. At 40 s the first markers expire, and a smaller wave (at most 178 a second) sets them again.',
      scenario: 'penetration',
      settings: { ids: '1000' },
      compare: { protection: 'null-caching' },
    },
    {
      title: 'A Bloom filter in front',
      caption:
        'Back to a million random ids. The filter holds the 10,000 product keys at a 1% target (95,851 bits, 7 hashes). It turns away 19,718 of the 19,935 absent reads; the other 217 (1.09%) are false positives and reach the database. The database sees at most 11 queries a second instead of about 500.',
      scenario: 'penetration',
      settings: { protection: 'null-caching' },
      compare: { protection: 'bloom-filter' },
    },
  ],
};
