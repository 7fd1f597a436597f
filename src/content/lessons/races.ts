import source from '../code/races.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const racesLesson: Lesson = {
  id: 'races',
  title: 'Races',
  phase: 2,
  summary: 'The stale-overwrite race and its fixes: compare-and-set, delayed double delete, leases.',

  bigIdea: [
    'Cache-aside in the right order, commit then `DEL`, still has a race. A reader misses and reads version 1 from the database. Before its row comes back, a writer commits version 2 and deletes the key, which is not even there yet. Then the reader stores version 1. The cache now holds the old value, nothing will delete it, and every reader gets it until the TTL ends.',
    'The race needs a miss, a write, and bad timing: the reader’s SELECT must run before the commit, and its SET must land after the DEL. That makes it rare, which is exactly why it hurts. It does not show up in tests, it shows up under load, when slow queries, garbage-collection pauses and network hiccups stretch the time between a reader’s SELECT and its SET.',
    'There are three standard fixes, and the Visual replays each on the same timing. Compare versions: the cache keeps a value only over an older version. Delete twice: a second DEL, a little later, removes what a slow reader put back. Leases, as in “Scaling Memcache at Facebook” (NSDI 2013): the cache gives the reader a token on its miss, a DEL cancels it, and a fill with a cancelled token is refused. The race explorer under the player runs every interleaving of the two operations and counts the stale ones, with and without each fix.',
  ],

  intuition: [
    'You ask a colleague to fetch the current price list from the archive and pin it on the noticeboard. While they are in the archive, the prices change: the manager files the new list and takes down whatever is on the board, which is nothing yet. Your colleague comes back and pins up the old list they collected. Everyone reads it for the rest of the month.',
    'The fixes map directly. Number every edition, and pin a list only over an older edition (compare versions). Have the manager walk past the board again ten minutes later and take down anything there (delete twice). Or give your colleague a numbered slip when they set out, which the manager voids when she files a new list; the board accepts a list only with a slip that is still valid (a lease).',
  ],

  scenarioIds: ['stale-overwrite-race', 'race-fix-version-cas', 'race-fix-double-delete', 'race-fix-lease'],
  questions: [
    {
      scenario: 'stale-overwrite-race',
      step: 16,
      narration: 'cache.set.ttl',
      kind: 'stale-after',
      why: 'Node B read version 1 before Alice’s commit, and its SET arrives after her DEL. The cache now holds version 1 while the database has version 2, and nothing is left that would delete it.',
    },
    {
      scenario: 'stale-overwrite-race',
      step: 23,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'Alice’s own read hits the version 1 that Node B stored after her delete, so she sees her old email, and will for the rest of the 30-second TTL.',
    },
    {
      scenario: 'race-fix-version-cas',
      step: 16,
      narration: 'cache.set.older',
      kind: 'stale-after',
      why: 'Node A stored version 2 after its commit. Node B’s SET brings version 1, which is not newer, so the cache refuses it and keeps version 2.',
    },
    {
      scenario: 'race-fix-double-delete',
      step: 16,
      narration: 'cache.set.ttl',
      kind: 'stale-after',
      why: 'The first DEL found nothing, so Node B’s old row goes in exactly as before. The second DEL is still about 90 ms away: until then the cache is stale.',
    },
    {
      scenario: 'race-fix-double-delete',
      step: 20,
      narration: 'cache.del',
      kind: 'stale-after',
      why: 'The delayed second DEL removes the version 1 that Node B stored 91 ms earlier. The next read misses and loads version 2.',
    },
    {
      scenario: 'race-fix-lease',
      step: 16,
      narration: 'cache.set.lease.refused',
      kind: 'stale-after',
      why: 'Node B’s lease was cancelled by Alice’s DEL, so its SET of version 1 is refused. The key stays empty and the next read loads version 2.',
    },
  ],

  depth: [
    {
      title: 'A. The race, step by step',
      paragraphs: [
        'Every link in this run has a fixed latency, so the timing is the same at every seed. Node B is far from the database: 30 ms each way. Bob’s read misses at 11 ms (step 3). Node B’s SELECT reaches the database at 42 ms and reads version 1 at 50 ms (steps 6 and 8), but that row takes until 80 ms to get back to Node B.',
        'Alice’s write meanwhile commits version 2 at 67 ms (step 10), and Node A runs `DEL user:42:email` at 70 ms (step 12). The key is not there, so the DEL deletes nothing. At 81 ms Node B runs `SET user:42:email ada@old.example EX 30` (step 16): the cache is stale from that moment. Bob gets version 1 (step 18), which is fine, since his read began before the write. Alice’s read at 300 ms is not fine: it hits the old value (steps 21 to 23), and the checker reports a stale read. The run ends with the cache holding version 1 for 30 more seconds.',
        'The window is the reader’s load time: the time from its SELECT to its SET. Everything that stretches it makes the race more likely: a slow query, a lock wait, a garbage-collection pause in the app, a retry on the network. Short TTLs limit how long the damage lasts but do not prevent it.',
      ],
    },
    {
      title: 'B. Every interleaving: the race explorer',
      paragraphs: [
        'Five operations touch shared state: Bob’s GET, SELECT and SET, and Alice’s COMMIT and DEL. Each keeps its own order, so there are 10 ways to interleave them (choose the 2 places among 5 that are Alice’s). The race explorer under the player runs all 10; `npm run sim -- race --scenario stale-overwrite-race` does the same on the command line.',
        'Exactly one ends stale: GET miss, SELECT v1, COMMIT v2, DEL, SET v1. If the SELECT runs after the COMMIT, Bob loads version 2. If Bob’s SET lands before the DEL, the DEL removes version 1. Only the reader that straddles both loses. One in ten sounds rare, but under real traffic there are thousands of read-write pairs on hot keys every second, and timings are not uniform.',
        'With compare-and-set and with leases, 0 of the 10 interleavings end stale. With the double delete there are 20, since Alice now makes three moves, and one still ends stale: the one where Bob’s SET lands after both DELs.',
      ],
    },
    {
      title: 'C. Fix 1: compare versions',
      paragraphs: [
        'Store the row’s version with the value, and let the cache keep a value only over an older version. In the Visual, Node A stores version 2 right after its commit (steps 11 and 12), and when Node B brings version 1 at 81 ms the cache refuses it (step 16): it holds version 2, which is not older. Node B still answers Bob with version 1 (steps 17 and 18), and Alice’s read hits version 2 (step 21).',
        'Two details make it work. The writer must store its version rather than delete the key: a DEL leaves nothing to compare against, and the late version 1 would go into the empty slot. And the check and the store must be one atomic step. Redis has no “set if newer” command, so the code keeps the copy in a hash (`v` and `value`) and runs the comparison in a Lua script, which Redis executes without interleaving other commands; `WATCH`, `HGET`, `MULTI`, `HSET`, `EXEC`, retried when `EXEC` returns nil, does the same as an optimistic transaction.',
        'The version must come from the database and only ever rise: a version column raised by every `UPDATE`, or the commit’s log position. Timestamps from the app servers’ clocks do not qualify. Compare numbers as numbers: `tonumber` in Lua, since the string "10" sorts before "9". The cost is write-through’s: every write also writes the cache, including keys nobody reads, so keep the TTL.',
      ],
    },
    {
      title: 'D. Fix 2: delete twice',
      paragraphs: [
        'The writer deletes right after its commit and schedules a second DEL for 100 ms later (steps 11 to 13). Node B still stores version 1 at 81 ms (step 16), and the cache is stale until the second DEL at 172 ms removes it (step 20). Alice’s read at 300 ms misses and loads version 2 (steps 24 to 29).',
        'It narrows the race; it does not close it. For 91 ms the cache served the old value to anyone who asked, and a reader whose load takes longer than the delay still wins: that is the one stale interleaving of the 20. The delay must exceed the slowest realistic load, well above the 99th percentile; a longer delay means a longer stale window. The second DEL is also lost if the writer dies during the delay, unless it goes through a durable delayed queue. Its appeal is that it changes nothing on the read path and nothing in the cache.',
      ],
    },
    {
      title: 'E. Fix 3: leases',
      paragraphs: [
        'Facebook’s memcache gives a client a lease on a cache miss: a 64-bit token bound to the key. The client must show the token when it sets the value, and the cache refuses the set if the token is no longer valid; a delete of the key invalidates the leases handed out for it. In the Visual, Bob’s miss returns lease 1 (step 3); Alice’s DEL finds no value but cancels lease 1 (step 12); Node B’s SET with lease 1 is refused at 81 ms (step 16), and Alice’s read gets a fresh lease 2, loads version 2 and stores it (steps 21 to 26).',
        'Leases also tame stampedes. Facebook’s servers hand out a token for a key at most once every 10 seconds; other clients that miss in that time are told to wait briefly and retry, by which time the lease holder has usually filled the key. Facebook reports that on a set of keys prone to thundering herds this cut the peak database query rate from 17 000 to 1 300 queries per second.',
        'Redis has no leases, but a Lua script can emulate them, as the code does. On a miss, one script stores a lease token in the key itself with a short expiry (`SET key lease:<uuid> PX 10000`) and returns it. A fill is another script: store the value only if the key still holds that token. A writer’s plain `DEL` removes the token along with the key. The expiry frees the key if the lease holder dies. A refused fill costs one more miss later, which is the price of never storing a doubtful value.',
      ],
    },
    {
      title: 'F. Choosing',
      paragraphs: [
        'Compare-and-set when versions are available and writing the cache on every write is acceptable; it closes the race completely. Leases when the cache protocol is yours to shape and hot keys also suffer stampedes: one mechanism fixes both. The double delete as a cheap mitigation where neither is possible, with the delay set from measured load times.',
        'Whichever you pick, keep a TTL on every key. The fixes close this race; the TTL bounds the damage from the ones nobody has found yet.',
      ],
    },
  ],

  code: { title: 'races.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'Once in a while a key keeps an old value for its whole TTL after an update, under load only, and nobody can reproduce it.',
      cause:
        'The stale-overwrite race: a reader loaded the row before the commit and stored it after the writer’s DEL.',
      fix: 'Compare versions when filling, use leases, or at least delete a second time after a delay; keep a TTL on every key.',
    },
    {
      symptom: 'The delayed double delete is in place, and stale keys still appear during peaks.',
      cause:
        'Some reads take longer than the delay (slow queries, pauses), or the writer restarted before its second DEL ran.',
      fix: 'Set the delay above the slowest measured load time, send the second DEL through a durable delayed queue, or switch to version checks or leases.',
    },
    {
      symptom: 'With version checks, a key goes back to the old value right after a write.',
      cause:
        'The writer deleted the key instead of storing its version, so the late reader’s older version found nothing to compare with.',
      fix: 'Have the writer store the new value with its version (or leave a marker holding the version), so older fills are refused.',
    },
    {
      symptom: 'With version checks, new values stop being cached once a row passes version 9.',
      cause: 'The versions are compared as strings, and "10" sorts before "9".',
      fix: 'Convert before comparing (`tonumber` in Lua), and take versions from the database, never from app-server clocks.',
    },
    {
      symptom:
        'After adding leases, a hot key misses more often and the database load rises after each update.',
      cause:
        'Fills are refused whenever a write cancels the lease, and readers that find someone else’s lease all go to the database.',
      fix: 'Let readers that find a lease wait a few milliseconds and look again, as Facebook’s clients do, and keep lease expiry short.',
    },
  ],

  realWorld: [
    {
      text: 'Facebook added leases to memcached to solve two problems at once: stale sets, where a web server sets a value that is no longer the latest because concurrent updates were reordered, and thundering herds. A lease is a 64-bit token bound to the key that missed; memcached refuses the set if the token was invalidated by a delete in the meantime. Issuing at most one token per key every 10 seconds, with other clients told to wait, cut the peak database query rate on herd-prone keys from 17K/s to 1.3K/s.',
      source: {
        title: 'Nishtala et al., Scaling Memcache at Facebook (NSDI 2013)',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'The same paper describes keeping recently deleted items for a short time: a get may then return a value marked as stale instead of a lease, and applications that can tolerate slightly old data use it rather than wait for the database.',
      source: {
        title: 'Nishtala et al., Scaling Memcache at Facebook (NSDI 2013)',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'Redis documents check-and-set through `WATCH`: if a watched key is modified between `WATCH` and `EXEC`, the whole transaction is aborted and `EXEC` returns a null reply, and the client retries. The same page notes that Redis scripts are transactional too, and usually simpler and faster.',
      source: {
        title: 'Transactions (Redis documentation)',
        url: 'https://redis.io/docs/latest/develop/using-commands/transactions/',
      },
    },
  ],

  interview: {
    question:
      'Your cache-aside code updates the database and then deletes the key. Still, a user occasionally sees their old profile for several minutes after changing it. How can that happen, and how would you fix it?',
    answer: [
      'It is the stale-overwrite race. A request on another server misses the cache and reads the old row. Before it stores that row, the update commits and the DEL runs, deleting nothing, since the key is not there yet. Then the slow reader stores the old row, and it stays until the TTL ends. The window is the reader’s SELECT-to-SET time, so it shows up under load, with slow queries or GC pauses.',
      'The most robust fix is to compare versions: store the row’s version with the value, have the writer set the new value and version after the commit, and fill through a Lua script that stores a value only over an older version. Versions come from the database, a version column raised on every update, not from clocks. If the cache protocol allows, leases work too: the miss gets a token, a delete cancels it, and a fill with a cancelled token is refused; they also damp stampedes on hot keys. A delayed second DEL is a cheaper mitigation, but any reader slower than the delay still wins.',
      'I would keep a TTL on every key regardless, measure the load time distribution to see how exposed we are, and test the fix by forcing the interleaving: pause the reader between its SELECT and its SET, run the write, then release the reader.',
    ],
  },

  cards: [
    {
      id: 'the-interleaving',
      prompt:
        'In what order must the five steps of the stale-overwrite race happen for the cache to end up stale?',
      hint: 'Bob: GET, SELECT, SET. Alice: COMMIT, DEL.',
      answer:
        'GET miss, SELECT (reads version 1), COMMIT version 2, DEL, SET version 1. The reader’s SELECT comes before the commit and its SET after the delete.',
      seeIt: { scenario: 'stale-overwrite-race', step: 16, narration: 'cache.set.ttl' },
    },
    {
      id: 'delete-finds-nothing',
      prompt:
        'The writer deletes the key after its commit. Why doesn’t that protect against the slow reader?',
      answer:
        'When the DEL runs, the key is not in the cache yet: the reader has not stored its row. The DEL deletes nothing, and the old row is stored afterwards.',
      seeIt: { scenario: 'stale-overwrite-race', step: 12, narration: 'cache.del.absent' },
    },
    {
      id: 'writer-stores-version',
      prompt:
        'With version compare-and-set, why does the writer store its new version instead of deleting the key?',
      hint: 'What would a late version 1 be compared with?',
      answer:
        'A delete would leave nothing to compare with, and the late reader’s version 1 would go into the empty slot. With version 2 stored, the older fill is refused.',
      seeIt: { scenario: 'race-fix-version-cas', step: 12, narration: 'cache.set.newer' },
    },
    {
      id: 'older-refused',
      prompt: 'What does the cache do when a fill brings a version older than the one it holds?',
      answer:
        'It refuses the SET and keeps what it has. The reader still answers its client with the row it loaded, but the cache stays correct.',
      seeIt: { scenario: 'race-fix-version-cas', step: 16, narration: 'cache.set.older' },
    },
    {
      id: 'double-delete-window',
      prompt: 'What does the delayed second DEL fix, and what does it leave open?',
      answer:
        'It removes an old value a slow reader stored after the first DEL. The cache is still stale until the second DEL runs, and a reader slower than the delay can store its old row after both.',
      seeIt: { scenario: 'race-fix-double-delete', step: 20, narration: 'cache.del' },
    },
    {
      id: 'lease-cancelled',
      prompt: 'How does a lease stop the slow reader’s stale fill?',
      answer:
        'The reader got a lease token with its miss. The writer’s DEL cancels every lease handed out for the key, so when the reader’s SET arrives with that token, the cache refuses it.',
      seeIt: { scenario: 'race-fix-lease', step: 12, narration: 'cache.del.absent.lease' },
    },
  ],

  tasks: [
    {
      id: 'explore-interleavings',
      text: 'Open the stale-overwrite race in the player and run the race explorer. Find the one stale interleaving and say why each of the other nine is safe. Then open the double-delete fix and find the interleaving that is still stale.',
      minutes: 15,
    },
    {
      id: 'race-by-hand',
      text: "Play the race in two redis-cli sessions. Session B: `GET user:42:email` (nil), and pretend it read the old row. Session A: `DEL user:42:email`, standing for the commit and its delete. Session B: `SET user:42:email ada@old.example EX 30`. `GET` now shows the old email for 30 seconds. Then replay it with a lease: clear the key with `DEL user:42:email`, and B’s miss becomes `SET user:42:email lease:b NX PX 10000`, A runs `DEL user:42:email`, and B’s fill becomes `EVAL \"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2]) end return 0\" 1 user:42:email lease:b ada@old.example`, which returns 0.",
      minutes: 15,
    },
    {
      id: 'measure-the-window',
      text: 'For your busiest cached read, measure the time from the database query to the cache SET at the 99th and 99.9th percentiles. That is your race window; compare it with any double-delete delay you use, and decide which fix fits that key.',
      minutes: 30,
    },
  ],

  takeaways: [
    'Commit-then-DEL still races: a reader that read before the commit can store its old row after the DEL, and it stays until the TTL.',
    'The race needs the reader’s SELECT before the commit and its SET after the DEL; slow loads widen the window.',
    'Compare-and-set closes it: store versions from the database, the writer stores its version, older fills are refused atomically.',
    'A delayed double delete only narrows it; leases close it and also calm stampedes.',
    'Keep a TTL on every key whatever the fix.',
  ],

  terms: [
    {
      term: 'Stale-overwrite race',
      definition:
        'A cache-aside race in which a reader that loaded a row before a write stores it after the writer’s delete, so the cache keeps the old value until its TTL ends. Facebook calls it a stale set.',
    },
    {
      term: 'Interleaving',
      definition:
        'One order in which the steps of concurrent operations happen. A race is an interleaving that gives a wrong result.',
    },
    {
      term: 'Compare-and-set',
      definition:
        'An update that takes effect only if a condition still holds at that moment, checked and applied as one atomic step, such as “store only if the cached version is older”.',
    },
    {
      term: 'Delayed double delete',
      definition:
        'Deleting a cached key right after the commit and again after a delay, to remove an old value that a slow reader stored in between.',
    },
    {
      term: 'Lease',
      definition:
        'A token a cache hands to a reader on a miss. The cache accepts the reader’s fill only with a token that is still valid, and a delete of the key cancels it.',
    },
  ],
};
