import source from '../code/pubsub.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const pubsubLesson: Lesson = {
  id: 'pubsub',
  title: 'Redis Pub/Sub',
  phase: 1,
  summary: 'Channels, patterns and fire-and-forget delivery; chat fan-out across app nodes.',

  bigIdea: [
    'A chat room whose users are spread over three app nodes has a routing problem. Alice’s socket is open on Node A, Bob’s on Node B, Carol’s on Node C. When Alice posts, Node A can write only to its own sockets. Something has to carry the message to the other nodes.',
    'Redis Pub/Sub does that. Every node runs `SUBSCRIBE chat:lobby` once, on a connection kept for it. The node that receives a post runs `PUBLISH chat:lobby "alice: hello"`, and Redis pushes the message to every connection subscribed to that channel at that moment, then answers with the number of deliveries it made. Each node writes the message to its own sockets. Publishers never learn who the subscribers are, and subscribers never learn who published.',
    'Delivery is fire and forget. Redis keeps nothing: no queue, no history, no acknowledgement. A node that is down, restarting or reconnecting when a message is published never receives it, and subscribing again brings only newer messages. That suits typing indicators, presence and hints that a later message supersedes. Anything that must arrive needs a log as well, such as a Redis Stream.',
  ],

  intuition: [
    'An airport’s public address system works like Pub/Sub. The announcer speaks once into the microphone for gate 12, the channel. Every loudspeaker wired to gate 12 that is switched on plays the announcement at the same moment, and everyone near one hears it. The announcer does not know who is listening, and the loudspeakers do not know who is speaking.',
    'If the loudspeaker in one lounge is broken while a gate change is announced, the people in that lounge miss it. Repairing the loudspeaker does not replay anything: they hear only what is said from then on. The departures board is different. It keeps showing the gate until you look, which is what a log, such as a Redis Stream, adds.',
  ],

  scenarioIds: ['chat-fanout'],
  questions: [
    {
      scenario: 'chat-fanout',
      step: 9,
      narration: 'cache.command.from',
      kind: 'stale-after',
      why: 'PUBLISH touches no key. Redis hands the message to the connections subscribed at that moment and keeps no copy, so no cached value changes, and nothing is left for a subscriber that connects later.',
    },
  ],

  depth: [
    {
      title: 'A. Channels, and the subscriber’s connection',
      paragraphs: [
        '`SUBSCRIBE chat:lobby` puts a connection into subscribed mode, and Redis pushes each message to it as a three-part reply: `message`, the channel, the text. Over RESP2 a subscribed connection may then run only `SUBSCRIBE`, `SSUBSCRIBE`, `PSUBSCRIBE`, their `UNSUBSCRIBE` forms, `PING`, `RESET` and `QUIT`; a `GET` on it fails with “only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context”. So each app node opens one extra connection for its subscriptions (`client.duplicate()` in node-redis) and publishes on its ordinary one. RESP3 lifts the restriction.',
        '`PUBLISH channel message` answers with an integer, the number of deliveries Redis made. In the Visual, the three nodes subscribe at start (steps 1 to 6), and Alice’s post is delivered to all three: PUBLISH answers 3 (step 10). A subscriber receives messages in the order they were published. Channels have nothing to do with keys: a PUBLISH writes nothing to the keyspace, and a subscriber hears a channel whichever database number it has selected, so a prefix in the channel name (`prod:chat:lobby`) is the only way to keep environments apart on one Redis.',
      ],
    },
    {
      title: 'B. Pattern subscriptions',
      paragraphs: [
        '`PSUBSCRIBE chat:*` subscribes to every channel that matches a glob pattern (`*` for any run of characters, `?` for one character, `[ae]` for one of a set). Messages arrive as `pmessage`, with the pattern and the actual channel, so one connection can serve every room. `PUNSUBSCRIBE` needs the same pattern text.',
        'A connection subscribed to both `chat:lobby` and `chat:*` receives one PUBLISH twice, once as `message` and once as `pmessage`, and PUBLISH answers 2: it counts deliveries, not distinct connections. Redis checks every PUBLISH against every pattern subscribed by anyone (the command costs O(N+M): N subscribers of the channel, M patterns in the server), so thousands of patterns slow down every publish.',
      ],
    },
    {
      title: 'C. Fan-out across app nodes',
      paragraphs: [
        'Alice posts on Node A (step 7). Node A publishes (steps 8 and 9) and does not write to its own sockets directly. Its own subscription brings the message back like every other node’s (steps 11 to 13), so users on every node see messages in one order, the order in which Redis published them. Each node then writes to its local sockets, and Carol, Bob and Alice see the message (steps 15 to 17).',
        'The cost of a message is one PUBLISH and one delivery per subscribed node, not per user: a node with 10,000 sockets in the room receives one copy and fans it out locally. A node subscribes to a room’s channel when its first user joins, and can unsubscribe when its last one leaves, so nodes with nobody in a room receive nothing for it.',
      ],
    },
    {
      title: 'D. Fire and forget: who misses what',
      paragraphs: [
        'Node C crashes at step 18. Bob’s post at step 19 is delivered to the two nodes still subscribed: PUBLISH answers 2 (step 22). Redis keeps no copy, so when Node C restarts and subscribes again (steps 28 to 30) nothing is replayed. Carol receives the next message, “welcome back” (step 39), and never “is Carol here?”. This is at-most-once delivery.',
        'The same loss happens during a network blip, while a client reconnects, and when a subscriber reads too slowly. Redis buffers the output for each subscriber and, with the default `client-output-buffer-limit pubsub 32mb 8mb 60`, disconnects one whose buffer passes 32 MB or stays above 8 MB for 60 seconds. The count that PUBLISH returns describes only that instant; in Redis Cluster it counts only subscribers connected to the node that ran the PUBLISH.',
        'When messages must not be lost, also append each one to a Redis Stream, such as `XADD chat:lobby:log MAXLEN ~ 1000 * user alice text hello`, and publish as before. A client that reconnects asks for what it missed with `XRANGE chat:lobby:log (<last id it saw> +`, where the `(` (Redis 6.2 and later) leaves out the entry it already has. A Stream alone, read with consumer groups and `XACK`, gives at-least-once delivery.',
      ],
    },
    {
      title: 'E. Pub/Sub in Redis Cluster',
      paragraphs: [
        'In a cluster a client may publish on any node and subscribe on any node: the cluster forwards every PUBLISH to all its nodes, so Pub/Sub traffic grows with the number of nodes. Redis 7.0 added sharded Pub/Sub: `SSUBSCRIBE` and `SPUBLISH` map a shard channel to a hash slot, as they would a key, and its messages stay within the shard that owns that slot.',
      ],
    },
  ],

  code: { title: 'pubsub.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom: 'Messages posted while a server restarted or redeployed never reach that server’s users.',
      cause:
        'Pub/Sub delivers at most once and keeps nothing for a subscriber that is not connected at that moment.',
      fix: 'Also write each message to a log (a Redis Stream or the database) and have clients fetch what they missed by id when they reconnect; or use Streams with consumer groups.',
    },
    {
      symptom:
        "After the app subscribes, its other Redis calls fail with `ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`.",
      cause: 'The same RESP2 connection is used for SUBSCRIBE and for ordinary commands.',
      fix: 'Give subscriptions a connection of their own (`client.duplicate()` in node-redis), or use RESP3.',
    },
    {
      symptom:
        'Users on the node where a message was posted see it twice, or in a different order from everyone else.',
      cause:
        'That node writes the message to its own sockets at once and again when its subscription brings it back.',
      fix: 'Deliver only from the subscription, as the code does, or tag each message with its origin and skip your own.',
    },
    {
      symptom:
        'A busy subscriber is disconnected and loses a burst of messages; the Redis log says a client was “scheduled to be closed ASAP for overcoming of output buffer limits”.',
      cause:
        'It reads more slowly than messages arrive, and its output buffer passed the `client-output-buffer-limit pubsub` limits.',
      fix: 'Keep the message handler fast (hand work to a local queue), split busy channels, and raise the limits only knowing that memory is the price.',
    },
  ],

  realWorld: [
    {
      text: 'Redis’s own documentation describes Pub/Sub delivery as at-most-once: once Redis has sent a message, it never sends it again, so a subscriber that cannot handle it, because of an error or a disconnect, loses it for good. For stronger guarantees it points to Redis Streams. It also states that Pub/Sub has no relation to the keyspace, database numbers included.',
      source: {
        title: 'Redis Pub/Sub (Redis documentation)',
        url: 'https://redis.io/docs/latest/develop/pubsub/',
      },
    },
    {
      text: 'The PUBLISH reference gives the reply as the number of clients the message was sent to, and notes that in a Redis Cluster only clients connected to the same node as the publisher are counted.',
      source: {
        title: 'PUBLISH (Redis command reference)',
        url: 'https://redis.io/docs/latest/commands/publish/',
      },
    },
    {
      text: 'Socket.IO scales chat across servers this way. With its Redis adapter, every packet sent to several clients goes to the matching clients on the current server and is also published in a Redis channel, from which the other Socket.IO servers of the cluster receive it.',
      source: {
        title: 'Redis adapter (Socket.IO documentation)',
        url: 'https://socket.io/docs/v4/redis-adapter/',
      },
    },
    {
      text: 'The Pub/Sub guide of node-redis, the official Node.js client, says that subscriptions need a dedicated connection and shows how to get one by calling `.duplicate()` on an existing client; its listeners receive the message and the channel.',
      source: {
        title: 'Pub/Sub (node-redis documentation)',
        url: 'https://github.com/redis/node-redis/blob/master/docs/pub-sub.md',
      },
    },
  ],

  interview: {
    question:
      'You are building group chat on WebSockets across several app servers behind a load balancer. How do you get a message from the server where it was posted to users connected to the other servers, and what can go wrong?',
    answer: [
      'Each server subscribes, on a dedicated Redis connection, to a channel per room it has users in, say `chat:<room>`. When a user posts, their server runs `PUBLISH chat:<room> <message>`. Redis pushes it to every subscribed server, and each server writes it to its own sockets in that room, including the posting server, which gets its own message back so that every user sees the same order. A message costs one PUBLISH and one delivery per server, however many users each server has.',
      'The catch is that Pub/Sub is at-most-once. A server that is restarting, reconnecting or too slow to read its buffer misses messages for good, and nothing tells it so. For chat, users notice. So I would persist each message too, to the database or a capped Redis Stream with `XADD … MAXLEN ~`, and give every message an id; a client that reconnects asks for everything after the last id it saw. Pub/Sub stays the fast path, and the log fills the gaps.',
      'At larger scale I would watch the subscribers’ output buffers, avoid large numbers of pattern subscriptions, and in Redis Cluster consider sharded Pub/Sub (`SPUBLISH`, `SSUBSCRIBE`), since ordinary PUBLISH is forwarded to every node.',
    ],
  },

  cards: [
    {
      id: 'fan-out-path',
      prompt: 'Alice posts on Node A and Bob is connected to Node B. How does the message reach Bob?',
      hint: 'What did every node do when it started?',
      answer:
        'Every node subscribed to chat:lobby. Node A publishes the message once; Redis pushes it to every subscribed connection, Node B’s among them, and Node B writes it to the sockets it holds, Bob’s included.',
      seeIt: { scenario: 'chat-fanout', step: 13, narration: 'app.chat.fanout' },
    },
    {
      id: 'publish-reply',
      prompt: 'What number does PUBLISH return, and what does it not tell you?',
      hint: 'Compare the reply before and after Node C crashes.',
      answer:
        'How many deliveries Redis made at that instant: 3 while all nodes are subscribed, 2 after Node C crashes. It does not say whether anyone handled the message, and in Redis Cluster it counts only subscribers on the publishing node.',
      seeIt: { scenario: 'chat-fanout', step: 22, narration: 'app.chat.published' },
    },
    {
      id: 'offline-misses',
      prompt:
        'Node C is down while Bob posts. When it comes back and subscribes again, does Carol get Bob’s message?',
      hint: 'What does Redis keep after a PUBLISH?',
      answer:
        'No. Pub/Sub keeps nothing: the message went to the two connections subscribed at that moment and is gone. Carol sees only messages published after Node C subscribed again.',
      seeIt: { scenario: 'chat-fanout', step: 39, narration: 'client.chat.received' },
    },
    {
      id: 'own-message-back',
      prompt: 'Why does Node A not write Alice’s message straight to its own sockets when she posts?',
      answer:
        'Its own subscription brings the message back like everyone else’s. Delivering only from the subscription means every user on every node sees messages in the single order Redis published them, and nobody gets a copy twice.',
      seeIt: { scenario: 'chat-fanout', step: 11, narration: 'app.chat.fanout' },
    },
    {
      id: 'subscribe-first',
      prompt: 'What must a node do before it can receive any room’s messages, and on which connection?',
      answer:
        'Run `SUBSCRIBE chat:<room>`, on a connection kept for subscriptions: over RESP2 a subscribed connection cannot run ordinary commands, so publishing and other calls use a second connection.',
      seeIt: { scenario: 'chat-fanout', step: 4, narration: 'app.subscribed' },
    },
  ],

  tasks: [
    {
      id: 'miss-a-message',
      text: 'Open two terminals. In the first, run `redis-cli SUBSCRIBE chat:lobby`. In the second, run `redis-cli PUBLISH chat:lobby hello` and note the reply, 1. Stop the subscriber with Ctrl+C, publish again and see 0. Subscribe again: the second message is never shown.',
      minutes: 10,
    },
    {
      id: 'pattern-and-channel',
      text: 'In redis-cli, run `PSUBSCRIBE chat:*` in one terminal and `SUBSCRIBE chat:lobby` in another. Publish to `chat:lobby` and to `chat:other` and compare the replies (2, then 1) with what each subscriber prints. Then run `PUBSUB NUMSUB chat:lobby` and `PUBSUB NUMPAT`.',
      minutes: 15,
    },
    {
      id: 'log-beside-pubsub',
      text: 'Add a log next to a channel your code publishes on: `XADD <channel>:log MAXLEN ~ 1000 * …` for each message, then write the reconnect path that reads `XRANGE <channel>:log (<last seen id> +`. Test it by stopping a subscriber, publishing, and starting it again.',
      minutes: 60,
    },
  ],

  takeaways: [
    'A channel connects publishers and subscribers that never know each other: PUBLISH once, and Redis pushes to every connection subscribed at that moment.',
    'For chat across app nodes, each node subscribes once per room and fans messages out to its own sockets; a message costs one delivery per node, not per user.',
    'Delivery is at most once: Redis keeps nothing, so a subscriber that is down or reconnecting misses messages for good.',
    'A subscribed RESP2 connection runs nothing else: give subscriptions their own connection.',
    'When every message must arrive, add a log (a Redis Stream) that clients read from their last id after reconnecting.',
  ],

  terms: [
    {
      term: 'Pub/Sub',
      definition:
        'Publish/subscribe messaging: publishers send messages to named channels, and the broker passes each one to the current subscribers of that channel, neither side knowing the other.',
    },
    {
      term: 'Channel',
      definition:
        'A name that Redis Pub/Sub messages are published to and subscribed on, such as chat:lobby. It is not a key and stores nothing.',
    },
    {
      term: 'Pattern subscription',
      definition:
        'A subscription made with `PSUBSCRIBE` to a glob pattern such as chat:*, which receives messages published to every matching channel.',
    },
    {
      term: 'Fan-out',
      definition:
        'Delivering one message to many receivers: Redis to every subscribed node, and each node to every socket it holds.',
    },
    {
      term: 'At-most-once delivery',
      definition:
        'A guarantee that a message is delivered once or not at all, never again: a receiver that is absent or fails loses it.',
    },
    {
      term: 'Redis Stream',
      definition:
        'A Redis data type that is an append-only log of entries with ids (`XADD`, `XRANGE`), which readers can replay from any id, unlike a Pub/Sub channel.',
    },
  ],
};
