import source from '../code/avalanche.ts?raw';
import type { Lesson } from '../schema.ts';

export const avalancheLesson: Lesson = {
  id: 'avalanche',
  title: 'Cache avalanche',
  phase: 2,
  summary: 'Many keys expiring at once, and TTL jitter to spread them out.',
  bigIdea: [
    'A cache avalanche is many keys expiring in the same moment. The usual cause is a bulk warm-up: a deploy or a nightly job loads thousands of keys in one pass, all with the same TTL, so one TTL later they all expire together. Every read after that moment misses, and the database gets all of those misses at once.',
    'Each key costs only one query, but the queries arrive together. In the load lab, 1,000 keys warmed at 0 s with a 30-second TTL send 385 queries to the database in the second after 30 s, where there were none before. The refills happen close together too, so a smaller second wave follows one TTL later. A database sized for the steady rate slows down under the spike, and slow queries hold their connections longer.',
    'The fix is to stop keys that were set together from expiring together. TTL jitter adds a random 0 to J seconds to each TTL as it is set (SET key value EX base+extra), so keys set in the same second expire across a window J seconds wide; each refill draws again, so the spread lasts. A staggered warm-up writes the keys over a period instead, and the expiries follow the writes. Neither lowers the number of queries, only their rate: about the number of keys divided by the window, so 1,000 keys over 30 s come to about 33 a second.',
    'The cost is small but real. With jitter, a key lives up to J seconds longer, so its value can be that much staler when nothing deletes it on a write. A staggered warm-up takes longer to finish, and until it does, reads of the keys not yet written miss.',
  ],
  scenarioIds: ['avalanche-one-ttl', 'avalanche-jitter'],
  code: { title: 'avalanche.ts', language: 'typescript', source },
  charts: [
    {
      title: 'One TTL against 30 seconds of jitter',
      caption:
        'A loader warms 1,000 keys at 0 s with a 30-second TTL. Without jitter they expire together: 385 queries in the second after 30 s, and a second wave of up to 191 a second near 60 s, because the refills were bunched too. With up to 30 s of jitter the expiries spread over 30 s to 60 s, and the busiest second has 42 queries.',
      scenario: 'avalanche',
      settings: {},
      compare: { jitter: '30' },
    },
    {
      title: 'How wide the jitter must be',
      caption:
        'Jitter spreads the expiries over its own width, so the peak is about the number of keys divided by the jitter. 10 s of jitter spreads the 1,000 expiries over 30 s to 40 s and still peaks at 108 queries a second; 30 s of jitter peaks at 42.',
      scenario: 'avalanche',
      settings: { jitter: '10' },
      compare: { jitter: '30' },
    },
    {
      title: 'A staggered warm-up',
      caption:
        'Here the loader writes the keys evenly over 30 s instead of all at 0 s, and the reads start when it is done. The expiries follow the writes: from 30 s about 33 keys expire each second, and no second has more than 48 queries. The run without the stagger peaks at 385.',
      scenario: 'avalanche',
      settings: {},
      compare: { stagger: '30' },
    },
  ],
};
