import source from '../code/consistent-hashing.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

// The engine's topology has one Redis, so no step-through scenario shows several cache nodes. The
// Visual's charts (the Lab's sharding runs) carry the lesson; `cache-aside-read` is here for what
// one node shows: a key the node does not hold misses and costs a database read, and a key whose
// node has not changed keeps hitting.

export const consistentHashingLesson: Lesson = {
  id: 'consistent-hashing',
  title: 'Consistent hashing',
  phase: 2,
  summary: 'Spreading keys over cache nodes; hash rings, virtual nodes and Redis Cluster slots.',

  bigIdea: [
    'One Redis holds as much as one machine’s memory and answers as many commands as one machine can. Past that, the keys are split over several cache nodes, and every client must find the node that holds a key without asking anyone: the answer has to follow from the key and the list of nodes alone.',
    'The obvious rule is modulo: hash the key and take the remainder by the number of nodes, N. It spreads keys evenly, but it ties every key to N. When a fifth node joins four, a key stays where it was only if hash mod 4 and hash mod 5 name the same node, and that is true for one key in five. The other 80% move. In a cache a moved key is a miss, because its new node does not have it, so growing the cluster by one node sends most reads to the database at once.',
    'Consistent hashing (Karger et al., 1997) puts nodes and keys on one circle of hash values, and a key belongs to the first node clockwise from it. A new node takes over only the stretch of circle just before it, so only the keys there move: about 1/(N+1) of them, which is the least any scheme can move. Giving each node many positions on the circle, called virtual nodes, keeps the stretches even. Redis Cluster reaches the same goal another way: a key’s slot never changes, and adding a node hands it whole slots.',
  ],

  intuition: [
    'Picture a theatre cloakroom whose hooks run in a ring around the walls, numbered 0 to 999. Your ticket number is your hook. Each attendant stands at one spot on the ring and looks after the hooks from the previous attendant’s spot up to their own. When a fifth attendant arrives and stands between two others, only the hooks just before the newcomer change hands; every other coat stays with the same attendant. Had the rule been “attendant = ticket number mod 4”, switching to mod 5 would have sent almost every coat to someone else.',
    'With four spots the stretches come out uneven, and one attendant may mind twice as many hooks as another. So each attendant stands at many spots spread around the ring: the stretches average out, and when one goes home, their hooks are shared among all the others instead of landing on the next person along. Redis Cluster is a cloakroom with 16,384 numbered hooks in blocks: a newcomer is handed whole blocks, coats and all.',
  ],

  scenarioIds: ['cache-aside-read'],
  charts: [
    {
      lab: 'sharding',
      title: 'A fifth node joins four',
      caption:
        'Of 100,000 keys, modulo moves 80.2%, and most of those move between the four old nodes, not to the new one. The ring with 100 virtual nodes per node moves 20.6%, all of it to the newcomer; Redis Cluster moves 20.0% (3,276 of 16,384 slots change owner). No scheme can move less than 1/5.',
      settings: {
        schemes: 'modulo,ring,slots',
        nodes: '4',
        vnodes: '100',
        keys: '100000',
        prefix: 'user:',
        change: 'add',
      },
    },
    {
      lab: 'sharding',
      title: 'One point per node, and a node leaves',
      caption:
        'With one point each, the arcs are uneven before anything happens: node-2 holds 36,715 keys and node-3 only 7,904 (the busiest is 1.47 times the mean). When node-4 leaves, all 28,925 of its keys go to node-1, the one node after it on the ring, which ends with 55,381.',
      settings: {
        schemes: 'ring',
        nodes: '4',
        vnodes: '1',
        keys: '100000',
        prefix: 'user:',
        change: 'remove',
      },
    },
    {
      lab: 'sharding',
      title: 'A hundred points per node, and a node leaves',
      caption:
        'The same change with 100 points per node. Before the change the busiest node is only 4% above the mean (max/mean 1.04), and node-4’s keys are shared out: 7,904 to node-1, 8,884 to node-2 and 7,709 to node-3. Still only node-4’s keys move, 24.5% of the total.',
      settings: {
        schemes: 'ring',
        nodes: '4',
        vnodes: '100',
        keys: '100000',
        prefix: 'user:',
        change: 'remove',
      },
    },
    {
      lab: 'sharding',
      title: 'Every key with the same hash tag',
      caption:
        'The keys are {user:42}:1 to {user:42}:100000. Redis Cluster hashes only user:42, so all of them fall in slot 15880 on node-4: max/mean 4.00, and no key moves when node-5 joins. Modulo and the ring hash the whole key and spread the same keys evenly.',
      settings: {
        schemes: 'modulo,ring,slots',
        nodes: '4',
        vnodes: '100',
        keys: '100000',
        prefix: '{user:42}:',
        change: 'add',
      },
    },
  ],
  questions: [
    {
      scenario: 'cache-aside-read',
      step: 3,
      narration: 'cache.get.miss',
      kind: 'cache-lookup',
      why: 'This Redis starts empty, like a node that has just joined a cluster: the keys the ring now sends it are not in its memory yet, so the first GET of each one misses and the row comes from the database.',
    },
    {
      scenario: 'cache-aside-read',
      step: 15,
      narration: 'client.read.done',
      kind: 'reply-source',
      why: 'A key’s node depends only on the key and the node list. Neither changed between the two reads, so the second GET reaches the same node and finds what the first read stored.',
    },
  ],

  depth: [
    {
      title: 'A. Modulo, and why it moves almost everything',
      paragraphs: [
        'Modulo placement sends a key to node number hash(key) mod N. With a well-mixed 32-bit hash the nodes get almost equal shares; the Lab’s 100,000 keys land within 1% of 25,000 on each of four nodes.',
        'When N becomes N + 1, a key stays only if hash mod N equals hash mod (N + 1). Since N and N + 1 share no factor, that happens for N of every N(N + 1) hash values: one key in N + 1. So N/(N + 1) of the keys move: 80% from four nodes to five, 97% from 32 to 33. Removing the last of N nodes keeps one key in N, so (N − 1)/N move: 75% from four to three.',
        'The moves are not only to the new node. In the Lab, about 5,000 keys go from each old node to each other old node, and only a quarter of the moved keys end up on node-5.',
      ],
    },
    {
      title: 'B. The hash ring',
      paragraphs: [
        'Bend the 32-bit hash space into a circle. Each node is hashed to a point on it; each key is hashed too and belongs to the first node point at or after it, wrapping past 2^32 − 1 back to 0. A client keeps the points sorted and finds a key’s owner with a binary search, in O(log P) steps for P points.',
        'When a node joins, its points split existing arcs, and it takes over only the part of each arc just before its own points. Only keys in those parts move, and they all move to the newcomer: about 1/(N + 1) of them, the newcomer’s fair share. When a node leaves, only its keys move, to the next points clockwise. Every other key stays on its node, so its cached copy stays useful.',
      ],
    },
    {
      title: 'C. Virtual nodes',
      paragraphs: [
        'With one point per node, the arcs between points are random lengths and the shares vary widely. In the Lab, four nodes with one point each hold between 7,904 and 36,715 of 100,000 keys. Worse, a leaving node hands all its keys to its single successor: in the Lab, node-1 takes all 28,925 of node-4’s keys and ends with 55,381.',
        'Virtual nodes place each node at V points, named for example `node-1#0` to `node-1#99`. A node’s share is then the sum of V arcs, and the spread shrinks roughly as 1/√V: max/mean is 1.47 with one point, 1.32 with 10, 1.04 with 100 and 1.02 with 1,000. A leaving node’s V arcs border many different nodes, so its keys are spread over all of them, and a joining node takes a little from each. A bigger machine can simply get more points. The cost is a larger sorted array, N × V points, which is small: 64 nodes with 1,000 points each is 64,000 numbers.',
      ],
    },
    {
      title: 'D. Redis Cluster’s 16,384 hash slots',
      paragraphs: [
        'Redis Cluster does not use a ring. It splits the key space into 16,384 slots, and a key’s slot is CRC16(key) mod 16384, with the XMODEM variant of CRC16 (polynomial 0x1021, initial value 0). The slot depends on the key alone and never changes; what changes is which master owns each slot. `redis-cli --cluster create` gives three masters the slots 0–5460, 5461–10922 and 10923–16383. `CLUSTER KEYSLOT key` shows a key’s slot, and `CLUSTER SLOTS` the owners.',
        'A cluster client keeps the slot table and sends each command straight to the owner of the key’s slot. A node asked for a slot it does not own replies `-MOVED <slot> <host>:<port>`, and the client updates its table and retries there. While a slot is being migrated, a node may reply `-ASK <slot> <host>:<port>` for keys it has already passed on: the client sends `ASKING` and then the command to that node, once, without changing its table.',
        'Adding a node means resharding: moving some slots to it, with their keys (redis-cli uses `MIGRATE`). From four masters to five, the Lab moves 3,276 slots and exactly the keys in them, 20.0%. Keys move with their slot, so they are not lost; a cache built on a client-side ring has no such step, and a moved key simply misses on its new node until a read refills it.',
      ],
    },
    {
      title: 'E. Hash tags',
      paragraphs: [
        'A command that names several keys (MGET, MULTI … EXEC, a Lua script) runs in Redis Cluster only if all its keys are in one slot; otherwise the node replies with a `CROSSSLOT` error. Hash tags make related keys share a slot. If a key contains `{`, and after it a `}` with at least one character between the two, only the part between the first `{` and the first `}` after it is hashed. `{user:42}:email` and `{user:42}:cart` both hash `user:42`. With `foo{}{bar}` the braces are empty, so the whole key is hashed; `foo{{bar}}zap` hashes `{bar`.',
        'The price is that every key with one tag lives on one node. Tag by something small, such as one user, never by a whole tenant or a date: in the Lab, 100,000 keys tagged `{user:42}` all sit in slot 15880 on one of four nodes.',
      ],
    },
  ],

  code: { title: 'consistent-hashing.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'Right after a cache node is added, database reads jump and the hit ratio collapses for the length of a TTL.',
      cause:
        'The client places keys with hash mod N. N changed, so about N/(N + 1) of the keys now map to a node that does not hold them, and each first read of them misses.',
      fix: 'Use a consistent-hash ring with many points per node in the client (or Redis Cluster), add nodes at a quiet hour, and watch database load while the new node fills.',
    },
    {
      symptom:
        'One cache node runs out of memory or CPU while the others idle, although keys are “hashed evenly”.',
      cause:
        'Too few points per node on the ring, so the arcs are uneven; or a broad hash tag, or one very hot key, puts a large share of the traffic on one node.',
      fix: 'Give each node 100 or more virtual nodes, compare keys and commands per node, tag only small groups of keys, and split or replicate a hot key.',
    },
    {
      symptom:
        "`CROSSSLOT Keys in request don't hash to the same slot` on MGET, MULTI or a Lua script after moving to Redis Cluster.",
      cause: 'The command names keys whose slots differ.',
      fix: 'Give keys that are used together the same hash tag, such as `{user:42}:email` and `{user:42}:cart`, or split the command into one per key.',
    },
    {
      symptom:
        'Two app servers read different values for the same key, or one of them misses on keys the other finds.',
      cause:
        'Their clients place keys differently: another node order, another hash function or library, or other virtual node names.',
      fix: 'Use one client library and one node list from one source of configuration everywhere, and test that two clients agree on a sample of keys.',
    },
    {
      symptom: 'After a cache node that was taken out comes back, some reads return old values.',
      cause:
        'With a client-side ring, keys that moved away left their old copies on the node. When it rejoins, those keys map back to it, and the copies from before it left are served.',
      fix: 'Empty a node (`FLUSHALL`) before it rejoins, or bring it back under a new name so its points differ; keep TTLs short enough to bound what can linger.',
    },
  ],

  realWorld: [
    {
      text: 'Karger and colleagues introduced consistent hashing in 1997 to spread web pages over a changing set of caches. Their scheme moves only a small share of items when a cache joins or leaves, gives each cache about an equal share, and places each cache at many points of the unit circle rather than one.',
      source: {
        title: 'Karger et al., “Consistent hashing and random trees”, ACM STOC 1997',
        url: 'https://dl.acm.org/doi/10.1145/258533.258660',
      },
    },
    {
      text: 'Amazon’s Dynamo places data on a consistent-hash ring and gives each physical node several virtual nodes. The paper gives the reasons this lesson does: when a node fails its load spreads over the remaining nodes, a new node takes a similar share from each of the others, and a more powerful machine can take more virtual nodes.',
      source: {
        title: 'DeCandia et al., “Dynamo: Amazon’s highly available key-value store”, SOSP 2007',
        url: 'https://dl.acm.org/doi/10.1145/1294261.1294281',
      },
    },
    {
      text: 'The Redis Cluster specification defines the 16,384 hash slots, HASH_SLOT = CRC16(key) mod 16384 with the XMODEM CRC16, the hash tag rule, multi-key commands limited to one slot, and the MOVED and ASK redirections clients follow.',
      source: {
        title: 'Redis Cluster specification (redis.io)',
        url: 'https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/',
      },
    },
    {
      text: 'Facebook’s memcache clusters distribute items over their servers with consistent hashing. When a server stops answering, clients do not rehash its keys onto the remaining servers, which the paper says risks cascading failures because some keys are far hotter than others; they send those requests to a small spare pool called Gutter instead.',
      source: {
        title: 'Nishtala et al., “Scaling Memcache at Facebook”, NSDI 2013',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
  ],

  interview: {
    question:
      'Your service shards its cache over four memcached nodes in the client, and you need a fifth. What happens to the cache, and how would you set up sharding so that adding a node is safe?',
    answer: [
      'First I would check how the client places keys. If it is hash mod N, adding a node remaps about N/(N + 1) of the keys, 80% here. Each remapped key misses on its new node, so for one TTL the database sees most of the read traffic at once, which may be more than it can take.',
      'I would switch to a consistent-hash ring with 100 to 200 virtual nodes per server, as ketama-style clients do. Then a new node takes about 1/(N + 1) of the keys, a little from each old node, and a removed node’s keys spread over all the others instead of doubling one neighbour’s load. All clients must share the node list and hash settings, or they disagree about where keys live.',
      'If we moved to Redis Cluster, the client would route by slot, CRC16(key) mod 16384, and adding a node would mean resharding slots with their keys, so nothing is lost in the move; clients follow MOVED and ASK redirections while it runs. Keys that multi-key commands use together get a narrow hash tag such as `{user:42}`.',
      'Either way I would add the node at a quiet hour, watch the database and the hit ratio during the change, and keep TTLs short enough that old copies left on a node cannot linger long.',
    ],
  },

  cards: [
    {
      id: 'moved-key-costs-a-miss',
      prompt: 'Why does the share of keys that move matter so much for a cache cluster?',
      hint: 'Where does the next read of a moved key go?',
      answer:
        'A moved key is not on its new node yet. Its next read misses there and loads the row from the database. Move 80% of the keys and the database suddenly serves most reads; move 20% and it serves a fifth of them.',
      seeIt: { scenario: 'cache-aside-read', step: 3, narration: 'cache.get.miss' },
    },
    {
      id: 'modulo-share',
      prompt: 'Four cache nodes, modulo placement, a fifth node joins. What share of keys moves, and why?',
      hint: 'For which hash values do hash mod 4 and hash mod 5 agree?',
      answer:
        'About 80%, N/(N + 1). A key stays only when hash mod 4 and hash mod 5 name the same node, which is 4 of every 20 hash values, one key in five. The rest move, many of them between the old nodes.',
      seeIt: { scenario: 'cache-aside-read', step: 13, narration: 'cache.get.hit' },
    },
    {
      id: 'virtual-nodes',
      prompt: 'What do virtual nodes fix on a hash ring?',
      hint: 'Think of the arc lengths, and of a node that leaves.',
      answer:
        'With one point per node the arcs are uneven, so some nodes get several times the keys of others. Many points per node average the arcs out (max/mean 1.04 with 100 points against 1.47 with one), and a leaving node’s keys spread over all the others instead of landing on one successor.',
      seeIt: { scenario: 'cache-aside-read', step: 8, narration: 'cache.set.ttl' },
    },
    {
      id: 'cluster-slot',
      prompt: 'How does a Redis Cluster client know which node holds `user:42:email`?',
      hint: 'The key decides a number; a table decides the node.',
      answer:
        'It computes the slot, CRC16 of the key mod 16384 (the whole key, as it has no hash tag), and looks the slot up in the slot table it fetched from the cluster. If the slot has moved, the node it asked replies MOVED with the new owner, and the client updates its table and retries.',
      seeIt: { scenario: 'cache-aside-read', step: 3, narration: 'cache.get.miss' },
    },
    {
      id: 'hash-tags',
      prompt: 'How do you keep a user’s email and cart on one Redis Cluster node, and what does it cost?',
      answer:
        'Give both keys the same hash tag, `{user:42}:email` and `{user:42}:cart`: only `user:42` is hashed, so they share a slot and multi-key commands work. The cost is that all keys with that tag sit on one node, so tag small groups only.',
      seeIt: { scenario: 'cache-aside-read', step: 8, narration: 'cache.set.ttl' },
    },
  ],

  tasks: [
    {
      id: 'find-your-placement',
      text: 'Find out how your application’s cache client places keys on nodes: modulo, a ring (and how many points per node), or Redis Cluster slots. Write down what share of keys would move if you added one node.',
      minutes: 20,
    },
    {
      id: 'lab-virtual-nodes',
      text: 'In the Lab’s sharding tab, remove a node from four with 1, 10, 100 and 1,000 virtual nodes, and note max/mean before and after each time.',
      minutes: 10,
    },
    {
      id: 'check-multi-key-slots',
      text: 'List the keys one request reads or writes together, compute their slots with `CLUSTER KEYSLOT` on a cluster node (or with `keySlot` from this lesson’s code), and choose a narrow hash tag for each group that would get CROSSSLOT.',
      minutes: 15,
    },
  ],

  takeaways: [
    'Modulo placement moves about N/(N + 1) of the keys when a node joins, and in a cache every moved key is a miss the database pays for.',
    'A hash ring moves only the keys on the arcs a new node takes over, about 1/(N + 1); a leaving node’s keys go to the nodes after it.',
    'Give each node many points on the ring, 100 or more: shares even out, and a leaving node’s keys spread over all the others.',
    'Redis Cluster fixes each key’s slot, CRC16(key) mod 16384, and moves whole slots with their keys; a `{tag}` puts keys in one slot, on one node.',
  ],

  terms: [
    {
      term: 'modulo hashing',
      definition:
        'Placing a key on node number hash(key) mod N; changing N moves about N/(N + 1) of the keys.',
    },
    {
      term: 'consistent hashing',
      definition:
        'Placing keys and nodes on one circle of hash values so that a node joining or leaving moves only about 1/N of the keys.',
    },
    {
      term: 'hash ring',
      definition:
        'The hash space bent into a circle; a key belongs to the first node point at or after its hash, wrapping around.',
    },
    {
      term: 'virtual node',
      definition:
        'One of the many points a node occupies on a hash ring, which even out the shares and spread a leaving node’s keys.',
    },
    {
      term: 'hash slot',
      definition:
        'One of Redis Cluster’s 16,384 buckets; a key’s slot is CRC16(key) mod 16384, and each master owns a set of slots.',
    },
    {
      term: 'hash tag',
      definition:
        'The part of a key between `{` and the next `}` that Redis Cluster hashes instead of the whole key, so related keys share a slot.',
    },
    {
      term: 'resharding',
      definition: 'Moving hash slots, with their keys, from some Redis Cluster masters to others.',
    },
  ],
};
