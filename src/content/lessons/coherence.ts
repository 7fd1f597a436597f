import source from '../code/coherence.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const coherenceLesson: Lesson = {
  id: 'coherence',
  title: 'Coherence across nodes',
  phase: 2,
  summary: 'Local caches on many nodes, invalidation broadcasts, two-level caches, versioned keys.',

  bigIdea: [
    'A Redis round trip costs a fraction of a millisecond; a lookup in the app’s own memory costs far less and needs no network at all. So busy services keep a small local cache in every app process, in front of Redis. With one app node that is easy. With twenty, the same row now lives in up to twenty-one places: Redis and the memory of every node that read it.',
    'Cache-aside’s write path commits, then runs `DEL user:42:email`. That fixes Redis. It cannot reach into the memory of the other nodes, and each of them keeps serving its old copy until that copy expires. Which answer a user sees depends on which node the load balancer picks. Keeping all those copies in agreement is the coherence problem.',
    'There are three common answers, and this lesson shows each. Broadcast every write over Redis Pub/Sub, so every node drops its copy; the message can be lost, so a short local TTL must still bound how long a copy lives. Keep the local level small and short-lived, with Redis as the shared second level. Or put the version in the key, so a write does not have to find the old copies at all: readers simply stop asking for them.',
  ],

  intuition: [
    'A family keeps its shopping list on a shared note in a phone app, and each person also scribbles the few items they care about on a sticky note in their wallet, because opening the app in the shop is slow. When Dad changes “2 litres of milk” to “oat milk” in the app, the app is right at once. Mum’s sticky note still says milk, and she buys milk.',
    'The fixes are the ones in this lesson. Dad texts the family group: “milk line changed, tear it off your notes”. A text can go unread, so everyone also bins their sticky notes every Sunday. Or the list gets numbered editions, and before buying anything you check which edition is current: a note from an old edition is simply ignored.',
  ],

  scenarioIds: [
    'coherence-stale-local',
    'coherence-pubsub',
    'coherence-dropped-invalidation',
    'multi-level-read',
    'versioned-keys',
  ],
  questions: [
    {
      scenario: 'coherence-stale-local',
      step: 16,
      narration: 'cache.del',
      kind: 'stale-after',
      why: 'Redis no longer holds the key, so Redis is fine. But Node B still holds version 1 in its own memory, and nothing has told it that the row changed.',
    },
    {
      scenario: 'coherence-pubsub',
      step: 25,
      narration: 'app.invalidate.drop',
      kind: 'stale-after',
      why: 'The broadcast reached Node B, which held version 1 and dropped it because the message names version 2. Redis was already deleted, so no copy is older than the database now.',
    },
    {
      scenario: 'coherence-dropped-invalidation',
      step: 30,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The message to Node B was lost and Redis Pub/Sub never sends it again. Node B’s local copy has 10 seconds of TTL left, so Bob gets the old email from it.',
    },
    {
      scenario: 'multi-level-read',
      step: 18,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'Node A has never read this key, so its local cache misses. Redis still holds the copy Bob’s read put there, so Alice gets a Redis hit, and Node A keeps a local copy for next time.',
    },
    {
      scenario: 'versioned-keys',
      step: 18,
      narration: 'cache.set',
      kind: 'stale-after',
      why: 'The pointer now says version 2. The key user:42:email:v1 still holds the old email, but no reader will ask for it again, so nothing stale can be served.',
    },
    {
      scenario: 'versioned-keys',
      step: 25,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'The pointer sent the read to user:42:email:v2, a key nobody has filled yet. The miss loads version 2 from the database and caches it under that name.',
    },
  ],

  depth: [
    {
      title: 'A. The coherence problem, step by step',
      paragraphs: [
        'In the first run, Bob reads through Node B. Node B’s local cache misses (step 2), Redis misses (step 3), the database returns version 1 (step 6), and Node B stores it twice: in Redis with `SET user:42:email alice@old.example EX 30` (step 8) and in its own memory for 10 seconds (step 9).',
        'At 500 ms Alice changes her email through Node A. The database commits version 2 (step 14), and Node A runs `DEL user:42:email` (step 16), exactly as cache-aside says. Redis is now right. Node B’s memory is not, and no message goes to Node B. At 1000 ms Bob reads again: Node B finds its own copy and answers the old email without asking Redis (steps 20 and 21). The checker reports a stale read, and the run ends with Node B still holding version 1 until its local copy expires.',
        'Nothing here is a bug in any single node. Each followed the rules; the rules just did not cover copies held by other processes. Any cache that lives inside an app process has this problem, whether it is a Map, a memoized function or a library such as Caffeine or node-lru-cache.',
      ],
    },
    {
      title: 'B. Broadcasting invalidations over Pub/Sub',
      paragraphs: [
        'In the second run every node runs `SUBSCRIBE invalidate` when it starts (steps 2 to 5), on a connection of its own, since with RESP2 a connection in subscribe mode accepts only subscription commands, `PING` and `QUIT`. After its commit (step 18) and its `DEL` (step 20), Node A publishes one message: `PUBLISH invalidate "user:42:email 2 app-a"`, the key, the new version and the sender (step 22). Redis pushes it to every subscriber. Node A ignores its own message, since it dropped its copy when it wrote (step 24). Node B drops its copy of version 1 (step 25, at 536 ms, 7 ms after the commit), and Bob’s next read misses both levels and loads version 2 (steps 28 to 36).',
        'The message carries the row’s version, and a node drops its copy only if it holds an older one. That stops a late or repeated message from throwing away a newer copy. Take the version from the database: a column raised by every `UPDATE`, or the commit’s log position. Do not use `Date.now()` on the writing node, as many examples do: the nodes’ clocks differ by milliseconds or more, and a copy loaded on a node whose clock runs behind can look older or newer than it is.',
        'One broadcast reaches every node, including those that never cached the key. With many nodes and many writes that is a lot of messages; Redis’s own server-assisted client-side caching (see Real world) sends invalidations only to the connections that read the key, or per key prefix.',
      ],
    },
    {
      title: 'C. When a broadcast is lost',
      paragraphs: [
        'Redis Pub/Sub delivers at most once. A subscriber that is disconnected, restarting or too slow at that moment never gets the message, and Redis keeps no copy to send later. In the third run the message to Node B is lost on the network (step 26). Bob’s read at 1000 ms is answered from Node B’s memory with the old email (steps 29 and 30). Node B’s copy stays wrong from the commit at 529 ms until its 10-second local TTL runs out at about 10 036 ms. Bob’s read at 11 000 ms finds it expired, so Node B asks Redis (step 32) and loads version 2.',
        'So the local TTL is not optional: it is the longest a lost message can leave a node wrong. Keep it short, seconds rather than minutes, and size it by how stale a value may be, not by how much load it saves. Two more rules from Redis’s client-side caching guide apply to any broadcast scheme: when the subscriber connection drops, flush the whole local cache, since messages may have been missed; and check the connection with a periodic `PING`, closing it and flushing if no answer comes. If every message must arrive, use a log such as a Redis Stream or a message broker that redelivers, at the cost of tracking what each node has read.',
      ],
    },
    {
      title: 'D. Two levels: L1 in the node, L2 in Redis',
      paragraphs: [
        'The fourth run shows the read path of a two-level cache. Bob’s first read misses L1 and L2 and loads from the database (steps 2 to 10). His second read is answered from Node B’s memory (step 12) without touching Redis. Alice’s read on Node A misses Node A’s L1 but hits Redis (step 16), and Node A keeps a local copy (step 17). At 12 000 ms Node B’s copy has expired (step 20), so Node B asks Redis, which still has the key for another 18 seconds, and refills its L1 from there (steps 21 and 22). The database saw one query for four reads.',
        'Keep L1 small, a bounded LRU in each process, since every node holds its own copy of every hot key; and keep its TTL a fraction of L2’s: 10 seconds here against 30. Put only hot keys that change rarely in L1. A write path must handle both levels: commit, delete or update L2, drop its own L1 copy, then tell the others.',
        'A broadcast cannot fix one race on its own. Node B may read version 1 from Redis, then receive the message about version 2 (it holds no copy yet, so it drops nothing), then store version 1 in L1. The code closes this with a placeholder: before it reads, the node puts a placeholder for the key in L1; a message removes the placeholder; when the read finishes, it keeps the value only if its placeholder is still there. Redis’s client-side caching guide describes the same trick for its invalidation messages.',
      ],
    },
    {
      title: 'E. Versioned keys',
      paragraphs: [
        'The last run names each copy by its version. A pointer key, `user:42:email:version`, says which version is current. Bob’s first read asks for the pointer (step 3: a miss, nothing recorded yet), loads version 1, caches it as `user:42:email:v1` (step 8), and records the pointer with `SET user:42:email:version 1 NX` (step 10); NX so that a reader never overwrites a pointer a writer has already moved.',
        'Alice’s write commits version 2 (step 16) and moves the pointer: `SET user:42:email:version 2` (step 18). Nothing is deleted. Bob’s next read gets 2 from the pointer (step 23), asks for `user:42:email:v2`, misses (step 25) and loads version 2. The old key stays in Redis, unread, until its TTL removes it at 30 036 ms (step 33). The code moves the pointer with a Lua script that only raises it, so two writers that finish in the wrong order cannot set it back.',
        'The costs: every read makes two Redis round trips (pointer, then copy) unless both are fetched in one script; old versions take memory until they expire, so every versioned key needs a TTL; and the pointer itself is a cached value that must not be evicted or lost, or readers fall back to the database. Versioned keys help a local cache only if the node reads the pointer from Redis each time, which spends the round trip L1 was meant to save. They are most useful for large derived values, such as a rendered page or a computed feed, where a version bump is cheaper than finding and deleting every copy.',
      ],
    },
  ],

  code: { title: 'coherence.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'After a user changes a setting, some page loads show the new value and others the old one, depending on which server answered, for up to a few minutes.',
      cause:
        'Each app node has its own in-process cache. The write deleted the Redis key and the writer’s own copy, but the other nodes were never told.',
      fix: 'Publish an invalidation on a channel every node subscribes to, after the commit, and keep local TTLs short so a lost message cannot last long.',
    },
    {
      symptom:
        'After a Redis failover or a network blip, one node serves outdated values until its local copies expire.',
      cause:
        'Pub/Sub delivers at most once: the messages published while the node’s subscriber connection was down were never delivered and never will be.',
      fix: 'Flush the whole local cache whenever the subscriber connection drops or is re-established, and watch the connection with a periodic PING.',
    },
    {
      symptom:
        'A node keeps an old copy even though the logs show it received the invalidation for that key.',
      cause:
        'A read on that node loaded the old value before the write, and stored it in the local cache after the message had arrived.',
      fix: 'Put a placeholder in the local cache before the read and keep the result only if the placeholder survived, or compare versions before keeping a copy.',
    },
    {
      symptom:
        'Invalidations are sometimes ignored, or fresh copies are dropped, and it happens more on some nodes than others.',
      cause: 'The check compares wall-clock timestamps taken on different machines, whose clocks disagree.',
      fix: 'Compare versions assigned by the database, such as a version column raised by every UPDATE, never the nodes’ own clocks.',
    },
    {
      symptom: 'Redis memory grows steadily after switching to versioned keys.',
      cause:
        'Each write leaves the previous version’s key behind, and those keys were written without a TTL.',
      fix: 'Give every versioned copy a TTL (`SET … EX`); the old versions then expire on their own.',
    },
  ],

  realWorld: [
    {
      text: 'Since Redis 6, Redis can track which keys each client connection has read (`CLIENT TRACKING ON`) and push an invalidation message to that client when one of those keys is modified, expires or is evicted. In broadcasting mode (`BCAST PREFIX user:`) the server keeps no record of which keys a client read; it notifies every client registered for a matching key prefix. With RESP2, the messages arrive on a separate connection subscribed to the `__redis__:invalidate` channel.',
      source: {
        title: 'Client-side caching reference (Redis documentation)',
        url: 'https://redis.io/docs/latest/develop/reference/client-side-caching/',
      },
    },
    {
      text: 'The same guide tells client authors to flush the local cache when the invalidation connection is lost, to ping that connection periodically, to put a maximum TTL on every locally cached key even if the Redis key has none, and to guard against an invalidation that overtakes the reply of a read by storing a placeholder before the read.',
      source: {
        title: 'Client-side caching reference (Redis documentation)',
        url: 'https://redis.io/docs/latest/develop/reference/client-side-caching/',
      },
    },
    {
      text: 'Facebook runs many frontend clusters, each with its own memcache servers, in a region. Invalidation daemons called mcsqueal read the SQL statements each database commits, extract the deletes, and broadcast them to the memcache deployment in every frontend cluster of the region, batching them to cut the number of packets.',
      source: {
        title: 'Nishtala et al., Scaling Memcache at Facebook (NSDI 2013)',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'The Redis Pub/Sub documentation states its delivery semantics plainly: at most once. A message a subscriber fails to handle, for example because of a network disconnect, is lost for good; for stronger guarantees it points to Redis Streams.',
      source: {
        title: 'Redis Pub/Sub (Redis documentation)',
        url: 'https://redis.io/docs/latest/develop/pubsub/',
      },
    },
  ],

  interview: {
    question:
      'Your API runs on 20 servers behind a load balancer. To save Redis round trips, you add an in-process cache to each server. How do you stop users from seeing stale data after a write?',
    answer: [
      'First, the write path: commit to the database, then delete the Redis key, then drop the writer’s own local copy, then publish an invalidation on a Pub/Sub channel every server subscribes to. The message names the key and the row’s new version from the database, and a server drops its copy only if the copy is older. I would not compare wall-clock timestamps across servers.',
      'Second, assume messages get lost. Redis Pub/Sub is at-most-once, so each local copy gets a short TTL, say 5 to 10 seconds, which bounds the damage. When a server’s subscriber connection drops, it flushes its whole local cache, because it may have missed messages. To close the race where a read in progress stores an old value just after the message, the read puts a placeholder in the local cache first and keeps its result only if the placeholder is still there.',
      'Third, limit what goes local: a bounded LRU of hot keys that change rarely, such as feature flags or product data, not per-user balances. If the servers’ Redis client supports it, I would consider Redis’s own client tracking, which sends invalidations only for keys a connection actually read. And if some data must never be stale at all, it does not belong in a local cache.',
    ],
  },

  cards: [
    {
      id: 'local-copy-stale',
      prompt:
        'Node A commits Alice’s new email and deletes the Redis key. Why does Bob, reading through Node B, still get the old email?',
      hint: 'Where does Node B look first?',
      answer:
        'Node B has its own copy in process memory, and looks there before Redis. The DEL fixed Redis but cannot reach another process’s memory, and nobody told Node B about the write.',
      seeIt: { scenario: 'coherence-stale-local', step: 20, narration: 'app.read.local-hit' },
    },
    {
      id: 'broadcast-invalidation',
      prompt:
        'In the broadcast fix, what does the writer send after its commit, and what does each node do with it?',
      answer:
        'It publishes the key, the new version and its own name on a channel every node subscribes to. Each node that holds an older copy of that key drops it, so its next read goes to Redis or the database.',
      seeIt: { scenario: 'coherence-pubsub', step: 25, narration: 'app.invalidate.drop' },
    },
    {
      id: 'version-not-clock',
      prompt:
        'Why should an invalidation message carry the row’s version rather than the writer’s current time?',
      hint: 'Whose clock would you be comparing against?',
      answer:
        'A node compares the message with the copy it holds. Versions come from the database and are comparable everywhere; wall-clock times come from different machines whose clocks disagree, so old copies can survive and fresh ones can be dropped.',
      seeIt: { scenario: 'coherence-pubsub', step: 22, narration: 'cache.command.from' },
    },
    {
      id: 'lost-broadcast',
      prompt: 'The invalidation to one node is lost. How long does that node serve the old value?',
      hint: 'Redis Pub/Sub never sends a message twice.',
      answer:
        'Until its local copy’s TTL ends, 10 seconds here: nothing else will remove it. That is why local TTLs stay short, and why a node flushes its local cache when its subscription drops.',
      seeIt: { scenario: 'coherence-dropped-invalidation', step: 32, narration: 'app.read.local-expired' },
    },
    {
      id: 'two-levels',
      prompt: 'In a two-level cache, what happens when a node’s local cache misses but Redis has the key?',
      answer:
        'The node takes the value from Redis, keeps a local copy with a short TTL, and answers. The database is not asked; the next read on that node is served from its memory.',
      seeIt: { scenario: 'multi-level-read', step: 17, narration: 'app.read.hit.keep-local' },
    },
    {
      id: 'versioned-write',
      prompt: 'With versioned keys, what does a write change in Redis, and what happens to the old copy?',
      answer:
        'It moves the pointer key to the new version and deletes nothing. Readers follow the pointer to the new key, so the old key is never read again; it stays in memory until its TTL ends.',
      seeIt: { scenario: 'versioned-keys', step: 17, narration: 'app.write.version-bump' },
    },
  ],

  tasks: [
    {
      id: 'list-local-caches',
      text: 'List every in-process cache in one of your services: Maps used as caches, memoized functions, libraries such as Caffeine or lru-cache. For each, write down its TTL, its size limit, and what removes an entry when the data changes on another node. Any entry without an answer to the last question is stale for up to its TTL.',
      minutes: 30,
    },
    {
      id: 'lose-a-broadcast',
      text: 'Open two redis-cli sessions. In the first, run `SUBSCRIBE invalidate`. In the second, run `PUBLISH invalidate "user:42:email 2 node-a"`: the reply `(integer) 1` counts the subscribers that got it. Quit the first session and publish again: the reply is `(integer) 0`, and when you subscribe again, that message does not come back.',
      minutes: 10,
    },
    {
      id: 'try-client-tracking',
      text: 'Try Redis’s own invalidation messages. In session 1 run `CLIENT ID` and then `SUBSCRIBE __redis__:invalidate`. In session 2 run `CLIENT TRACKING on REDIRECT <that id>` and `GET user:42:email`. In session 3 run `SET user:42:email x`. Session 1 prints an invalidate message naming the key. Then in session 2 run `CLIENT TRACKING off` and `CLIENT TRACKING on REDIRECT <id> BCAST PREFIX user:`, write to other user: keys from session 3, and note that now any write to a user: key is announced, read or not.',
      minutes: 15,
    },
  ],

  takeaways: [
    'A local cache is a copy that Redis’s DEL cannot reach: with many nodes, a write must tell every node.',
    'Broadcast the key and the database’s version over Pub/Sub after the commit; compare versions, never wall clocks.',
    'Pub/Sub is at most once, so a short local TTL is the real bound on staleness; flush local caches when the subscription drops.',
    'A two-level cache puts a small, short-lived L1 in each node in front of Redis as L2; the write path must clear both.',
    'Versioned keys make a write move a pointer instead of finding copies; old versions linger unread until their TTL.',
  ],

  terms: [
    {
      term: 'Cache coherence',
      definition:
        'Agreement among the copies of the same data held in different caches: after a write, no copy keeps serving the old value for longer than the system allows.',
    },
    {
      term: 'Local cache',
      definition:
        'A cache in the memory of one application process, such as a Map or an LRU library. The fastest lookup there is, and invisible to every other process.',
    },
    {
      term: 'Multi-level cache',
      definition:
        'A local cache in each app node (L1) in front of a shared cache such as Redis (L2) and then the database; a read tries each level in turn and fills the ones that missed.',
    },
    {
      term: 'Invalidation broadcast',
      definition:
        'A message published to every app node after a write, naming the key and its new version, so that each node drops its older local copy.',
    },
    {
      term: 'Versioned key',
      definition:
        'A cache key that includes the data’s version, such as user:42:email:v2. A write points readers at the new version instead of deleting the old key.',
    },
  ],
};
