import source from '../code/event-driven.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const eventDrivenLesson: Lesson = {
  id: 'event-driven',
  title: 'Event-driven invalidation',
  phase: 2,
  summary: 'Publish after commit, the dual-write problem, the outbox, retries and idempotency.',

  bigIdea: [
    'When several services cache data that one service owns, the owner cannot run `DEL` on every cache itself: it would have to know every key of every consumer. Instead it publishes an event after each change, “user 42’s email is now at version 2”, and each service that caches user data deletes its own copies.',
    'The obvious code commits the change and then publishes the event. That is two writes to two different systems, the database and the broker, with no transaction around both: the dual-write problem. If the process dies between them, the change is committed and the event is never sent. No error is logged anywhere, and every cached copy stays old until its TTL ends.',
    'The transactional outbox removes the gap. The event is written as a row in an outbox table, in the same database transaction as the change: both commit or neither does. A separate relay reads the outbox and publishes what it finds, retrying until the broker has it. The price is that events may now arrive more than once, so consumers must be idempotent; events that can never be processed must go to a dead-letter queue instead of blocking the rest; and the event format needs a version so producers and consumers can change independently. Production systems combine all of it with cache-aside reads and a TTL on every key, as the safety net for whatever still slips through.',
  ],

  intuition: [
    'A library changes a book’s shelf mark and must tell the branches, who each keep their own printed copy of the catalogue page. The librarian updates the main catalogue, then walks to the post room to send the notice. If she is called away between the two, the catalogue is right and the branches are never told.',
    'The outbox is a tray on her desk. She writes the notice on the same form as the catalogue change, so the change cannot be filed without it. The post clerk empties the tray every hour and sends whatever is there, even if that means a branch occasionally gets the same notice twice; branches tick off each notice number when they act on it, so a second copy changes nothing. A notice in a format a branch cannot read goes into a “could not process” box for someone to look at, rather than stopping all the post.',
  ],

  scenarioIds: [
    'publish-after-commit-crash',
    'outbox-after-restart',
    'poison-event-dlq',
    'duplicate-delivery',
  ],
  questions: [
    {
      scenario: 'publish-after-commit-crash',
      step: 10,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The event that would have deleted the key was never sent: node A crashed right after its commit. Redis still holds version 1, with about 28 seconds of TTL left.',
    },
    {
      scenario: 'publish-after-commit-crash',
      step: 12,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The read hit Redis, which still holds the old email. The checker marks it a stale read: version 2 was committed 1.5 seconds before the read began.',
    },
    {
      scenario: 'outbox-after-restart',
      step: 23,
      narration: 'cache.del',
      kind: 'stale-after',
      why: 'The event was a row committed with the update, so it survived both crashes. Once the relay came back it published the row, and the consumer’s DEL leaves no old copy anywhere.',
    },
    {
      scenario: 'poison-event-dlq',
      step: 45,
      narration: 'client.read.done',
      kind: 'reply-value',
      why: 'The email’s event was published and handled while the poison event waited between its retries, so Redis was cleared and the read loaded version 2. One bad event did not hold up the others.',
    },
    {
      scenario: 'duplicate-delivery',
      step: 40,
      narration: 'cache.get.hit',
      kind: 'cache-lookup',
      why: 'The redelivered event found its marker and deleted nothing, so the new email that the read at 200 ms put back in Redis is still there.',
    },
  ],

  depth: [
    {
      title: 'A. Publish after commit, and the gap between',
      paragraphs: [
        'The order is forced. Publish before the commit, and a consumer may delete the key, a reader may refill it from the database before the commit lands, and the cache holds the old value anyway; if the transaction then rolls back, consumers have acted on a change that never happened. So the event goes out after the commit, and that leaves a gap.',
        'In the first run Redis holds the old email with a 30-second TTL. Node A sends the update (step 3) and the database commits version 2 at 33 ms (step 4). At 34 ms node A crashes (step 5); the database’s answer arrives at a dead process (step 6), and the event is never published. The writer got no answer either: from its side the write may or may not have happened. The reader at 1500 ms hits Redis and gets the old email (steps 10 to 12), a stale read. Only the TTL ends it: at 30 000 ms Redis expires the key (step 13), and the read at 31 000 ms loads version 2 (steps 16 to 23).',
        'A crash is the rarest way to fall into the gap. A broker that is unreachable for a few seconds, a publish that times out, or a deploy that kills the process between the two lines all do the same, and catching the error does not help: the commit cannot be undone, so at best the failure is logged while the cache stays wrong.',
      ],
    },
    {
      title: 'B. The transactional outbox and its relay',
      paragraphs: [
        'In the second run node A writes the row and an outbox row, event `user:42:email#v2`, in one transaction (steps 5 to 8). The same crash follows (step 9), and this time the relay is down too: it crashed at 20 ms (step 7), so the database’s note about the new row is lost (step 10). Nothing is lost that matters, because the event is a committed row. When the relay restarts at 1000 ms it asks for unpublished rows (step 14), finds one (steps 15 and 16), and publishes it; the broker stores it and delivers it to the consumer (step 17), and only after the broker has confirmed does the relay mark the row published (steps 19, 26 and 27). The consumer deletes the key at 1022 ms (step 23). The old email was visible for about a second instead of 30.',
        'A relay reads the outbox in one of two ways. Polling: `SELECT … FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED` every second or so, where SKIP LOCKED lets several relays run without taking the same rows. Or change data capture: a tool such as Debezium reads the database’s own commit log (PostgreSQL’s WAL, MySQL’s binlog) and turns each inserted outbox row into a message, with no polling at all. Either way, published rows must be deleted or archived, or the table grows forever.',
        'The relay publishes, then marks the row. A relay that dies between the two publishes the row again after its restart. So the outbox gives at-least-once delivery, never exactly-once, and everything downstream must allow for duplicates. For events about the same key to be applied in commit order, publish them in outbox order and use the key as the message key, so a broker such as Kafka keeps them in one partition.',
      ],
    },
    {
      title: 'C. Retries and the dead-letter queue',
      paragraphs: [
        'A broker redelivers an event until the consumer acknowledges it. In these runs a consumer has 500 ms to answer, a failed event is retried after 200 ms, and after 3 attempts it is set aside. In the third run the outbox holds an event in schema 2, written by a newer version of some service, and the consumer reads only schema 1. It fails the event at 16 ms (step 6); the broker waits 200 ms and delivers it again (steps 8 and 11); it fails again (step 12) and waits again, and after the third failure, at 426 ms (step 33), the broker moves it to the dead-letter queue (steps 34 and 35).',
        'Meanwhile a normal event about the email was published at 285 ms and handled at once: Redis was cleared at 291 ms (step 26), and the read at 1000 ms got version 2 (step 45). Without a retry limit the bad event would be retried forever, and where events are consumed strictly in order, as from a Kafka partition, it would block every event behind it.',
        'A dead-letter queue needs an owner: an alert when it is not empty, a way to see why each event failed, and a way to replay the events once the consumer is fixed. For invalidations, every event that sits there is a key that stays stale until its TTL ends. Back off between retries, doubling the delay with some random jitter, so that a struggling consumer or Redis is not hammered by its own redeliveries.',
      ],
    },
    {
      title: 'D. Idempotent consumers',
      paragraphs: [
        'In the fourth run the consumer handles the event and deletes the key (steps 13 to 17), but its “done” to the broker is lost (step 19). At 200 ms a read misses and puts the new email back in Redis (steps 23 to 30). At 536 ms, 500 ms after the delivery with no answer, the broker delivers the same event again (step 33). The consumer tries to claim it with `SET processed:user:42:email#v2 1 NX EX 3600` (steps 34 and 35): NX sets the key only if it does not exist, and it does, so the consumer does nothing and reports a duplicate (steps 36 and 37). The read at 1000 ms hits (step 40).',
        'A DEL is idempotent on its own: deleting twice leaves the same state as deleting once, and here the second DEL would only have cost one extra miss. The marker matters for effects that are not idempotent: a consumer that writes the event’s value into the cache (an old duplicate could overwrite a newer value), increments a counter, or sends an email. For those, record the event id and apply the effect atomically, in one Lua script or one database transaction. The Visual shows the marker and the DEL as two commands; if a consumer set the marker and died before the effect, the redelivery would see the marker and skip the work for good. The code runs both in one script. Keep the marker longer than the longest redelivery window; the Visual and the code keep it an hour.',
        'An event id must name the change, not the delivery: the same change must always carry the same id. Here it is the key and the row version, `user:42:email#v2`. A consumer that sets values rather than deleting should also compare that version with what the cache holds, so an event that arrives late cannot move a key backwards.',
      ],
    },
    {
      title: 'E. Event versioning',
      paragraphs: [
        'Events outlive the code that wrote them: they wait in outboxes, topics and dead-letter queues through deploys. Give every event a schema version, and let each consumer declare which versions it reads. Change the format by adding optional fields that old consumers can ignore; when a breaking change is unavoidable, deploy consumers that read both versions first, then switch the producers, and retire the old version last.',
        'An event in a version the consumer does not know must not be silently dropped or half-understood: fail it, so it goes through the retries to the dead-letter queue where someone sees it, as in the third run. Do not confuse the two versions an event carries: the schema version describes the event’s format, the row version (here 2) orders changes to the data.',
      ],
    },
    {
      title: 'F. The hybrid pattern',
      paragraphs: [
        'Production systems rarely rely on one mechanism. Reads are cache-aside: try Redis, load from the database on a miss, `SET … EX`. Writes commit the row and its outbox event together; the relay and the consumers delete the cached copies, usually within milliseconds to a second. And every key keeps a TTL, the safety net for everything that can still go wrong: an event parked in the dead-letter queue, a consumer bug, a cache written by a script nobody remembers.',
        'Pick the TTL as the longest staleness you can accept when the events fail, not as the usual freshness: events provide that. Watch the pieces that keep it working: the age of the oldest unpublished outbox row, the consumers’ lag behind the topic, and the size of the dead-letter queue.',
      ],
    },
  ],

  code: { title: 'event-driven.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom:
        'Now and then an update never reaches the cache and shows up only when the TTL ends, often around deploys or restarts.',
      cause:
        'The service commits, then publishes the event in a second step; the process died, or the broker call failed, between the two.',
      fix: 'Write the event to an outbox table in the same transaction as the change, and let a relay publish it.',
    },
    {
      symptom:
        'Some events are processed twice: a counter goes up by two, a customer gets the same email twice.',
      cause:
        'Delivery is at least once: an acknowledgment was lost, or the relay crashed after publishing and before marking the row.',
      fix: 'Make consumers idempotent: record each event id and apply the effect in the same atomic step, or use effects that are idempotent by nature, such as DEL.',
    },
    {
      symptom:
        'One event makes the consumer fail over and over, the topic’s lag keeps growing, and nothing else gets invalidated.',
      cause:
        'A poison event is retried without limit, and the broker delivers in order, so everything behind it waits.',
      fix: 'Limit the attempts, back off between them, then move the event to a dead-letter queue and alert on its size.',
    },
    {
      symptom: 'Right after a producer is deployed, consumers start failing every event.',
      cause:
        'The event format changed in a way the running consumers cannot read, and events carry no version to tell.',
      fix: 'Version every event, make additive changes, and deploy consumers that read the new version before producers write it.',
    },
    {
      symptom: 'A cached value goes back to an older version after a burst of updates.',
      cause:
        'The consumer writes each event’s value into the cache, and a delayed or duplicated old event arrived after a newer one.',
      fix: 'Delete the key instead of setting it, or set it only when the event’s row version is newer than the cached one.',
    },
    {
      symptom: 'The outbox table holds millions of rows and the relay’s query keeps getting slower.',
      cause: 'Published rows are never removed, and the query scans past them.',
      fix: 'Delete or archive rows once published, and keep a partial index on the unpublished ones (`WHERE published_at IS NULL`).',
    },
  ],

  realWorld: [
    {
      text: 'Debezium implements the outbox relay with change data capture. Its outbox event router reads inserts into an outbox table from the database’s log and routes each row to a Kafka topic named after its `aggregatetype` column: by default, rows whose `aggregatetype` is customers go to `outbox.event.customers`. The `aggregateid` becomes the message key, which keeps events about one aggregate in order within a partition, and the row’s `id` is sent as a header that consumers can use to drop duplicates.',
      source: {
        title: 'Outbox Event Router (Debezium documentation)',
        url: 'https://debezium.io/documentation/reference/stable/transformations/outbox-event-router.html',
      },
    },
    {
      text: 'Facebook chose not to have its web servers broadcast invalidations to every cluster in a region. Daemons called mcsqueal read the SQL statements each database commits, extract the deletes, and send them to memcache. Because the invalidations are part of the database’s reliable commit log, mcsqueal can replay any that were lost or misrouted; and Facebook deletes cached data rather than updating it because deletes are idempotent.',
      source: {
        title: 'Nishtala et al., Scaling Memcache at Facebook (NSDI 2013)',
        url: 'https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala',
      },
    },
    {
      text: 'Amazon SQS moves a message to a dead-letter queue once it has been received more times than the source queue’s `maxReceiveCount` without being deleted. AWS describes the dead-letter queue as the place to isolate and examine messages that could not be processed, and offers a redrive to move them back once the problem is fixed.',
      source: {
        title: 'Using dead-letter queues in Amazon SQS (AWS documentation)',
        url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
      },
    },
  ],

  interview: {
    question:
      'The users service owns user profiles; the orders and search services cache profile data in Redis. How do you make sure their caches drop a user’s old email after it changes, even when processes crash?',
    answer: [
      'The users service publishes a UserChanged event after every change, and each caching service consumes it and deletes its own keys. The naive “commit, then publish” is a dual write: a crash or a broker outage between the two loses the event for good. So I would use a transactional outbox: the UPDATE and an INSERT into an outbox table in one transaction, and a relay, either a poller using `FOR UPDATE SKIP LOCKED` or Debezium reading the write-ahead log, that publishes the rows and marks them once the broker confirms.',
      'That makes delivery at least once, so consumers must be idempotent. Deleting a key already is; if a consumer sets values from the event, it compares the event’s row version with the cached one, and for other side effects it records the event id atomically with the effect. The event id is derived from the change, such as user id plus row version, so a duplicate carries the same id.',
      'Failures get bounded retries with backoff, then a dead-letter queue with an alert and a replay tool. Events carry a schema version, consumers learn new versions before producers emit them, and an unknown version fails loudly into the DLQ. Finally, every cached key keeps a TTL, a few minutes say, as the safety net for anything that still slips through, and I would monitor outbox age, consumer lag and DLQ size.',
    ],
  },

  cards: [
    {
      id: 'dual-write',
      prompt: 'Why can “commit, then publish the event” lose a cache invalidation?',
      hint: 'How many systems does the write touch, and what holds them together?',
      answer:
        'It is two writes to two systems with no transaction around both. If the process dies or the broker call fails after the commit, the change is saved, the event is never sent, and the cached copy stays old until its TTL ends.',
      seeIt: { scenario: 'publish-after-commit-crash', step: 5, narration: 'fault.crash.app' },
    },
    {
      id: 'ttl-safety-net',
      prompt: 'When the invalidation event is lost, what finally removes the stale copy?',
      answer:
        'Only its TTL: Redis expires the key 30 seconds after it was cached, and the next read loads the new row. That is why every key keeps a TTL even when events do the invalidating.',
      seeIt: { scenario: 'publish-after-commit-crash', step: 13, narration: 'cache.expire.active' },
    },
    {
      id: 'outbox-commit',
      prompt: 'What does a transactional outbox change about the write?',
      answer:
        'The event is inserted as a row in an outbox table in the same transaction as the change, so both commit or neither does. Publishing it becomes the relay’s job, which can be retried after any crash.',
      seeIt: { scenario: 'outbox-after-restart', step: 8, narration: 'db.update.commit.outbox.notify' },
    },
    {
      id: 'relay-restart',
      prompt:
        'The relay was down when the row committed and missed the notice about it. How does the event still get out?',
      answer:
        'When it starts, the relay asks the database for all outbox rows not yet marked published, finds the row and publishes it. It marks the row only after the broker has stored the event.',
      seeIt: { scenario: 'outbox-after-restart', step: 16, narration: 'relay.pending' },
    },
    {
      id: 'dead-letter',
      prompt: 'What happens to an event that the consumer fails on every attempt?',
      answer:
        'The broker delivers it a limited number of times, three here, with a delay between tries, then moves it to the dead-letter queue, where it waits for a person. Other events keep flowing meanwhile.',
      seeIt: { scenario: 'poison-event-dlq', step: 34, narration: 'broker.dead-letter' },
    },
    {
      id: 'redelivery',
      prompt: 'The consumer did its work. Why does the broker deliver the same event again?',
      hint: 'What did the broker hear back?',
      answer:
        'The consumer’s acknowledgment was lost, and after 500 ms without an answer the broker assumes the delivery failed. At-least-once delivery means redelivering whenever in doubt.',
      seeIt: { scenario: 'duplicate-delivery', step: 33, narration: 'broker.timeout' },
    },
    {
      id: 'idempotent-consumer',
      prompt: 'How does the consumer make a second delivery of the same event harmless?',
      answer:
        'Before acting it runs `SET processed:<event id> 1 NX EX 3600`. The first time the key is new and the consumer deletes the cached copy; the second time NX finds the key, so it does nothing and reports a duplicate.',
      seeIt: { scenario: 'duplicate-delivery', step: 36, narration: 'consumer.duplicate' },
    },
  ],

  tasks: [
    {
      id: 'find-dual-writes',
      text: 'Search one service for write paths that commit and then call something else: a publish, a Redis DEL, an HTTP call, an email. For each, write down what stays wrong if the process dies right after the commit, and for how long.',
      minutes: 30,
    },
    {
      id: 'outbox-in-postgres',
      text: 'In a scratch PostgreSQL database, create `outbox (id bigserial primary key, cache_key text not null, published_at timestamptz)`. In one transaction, update a row and insert its outbox row. Then open two psql sessions, run `BEGIN` and `SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED` in both, and see that the second session skips the rows the first has locked.',
      minutes: 30,
    },
    {
      id: 'claim-twice',
      text: 'In redis-cli, run `SET processed:user:42:email#v2 1 NX EX 3600` twice: the first returns OK, the second (nil). Check `TTL processed:user:42:email#v2`. Then decide how long markers must live for your broker’s longest redelivery window.',
      minutes: 10,
    },
  ],

  takeaways: [
    'Commit-then-publish is a dual write: a crash or broker failure between the two loses the event silently.',
    'A transactional outbox commits the event with the change; a relay publishes it, so delivery is at least once.',
    'Consumers must be idempotent, retries must be bounded, and events that keep failing belong in a watched dead-letter queue.',
    'Version the event format, and deploy consumers that can read a new version before producers write it.',
    'The hybrid pattern: cache-aside reads, outbox events that delete keys, and a TTL on every key as the safety net.',
  ],

  terms: [
    {
      term: 'Dual write',
      definition:
        'Writing one change to two systems, such as a database and a message broker, in two separate steps with nothing to make them atomic, so a failure between them leaves the two disagreeing.',
    },
    {
      term: 'Transactional outbox',
      definition:
        'A table in a service’s own database that receives an event row in the same transaction as the change the event describes; a relay publishes the rows later.',
    },
    {
      term: 'Outbox relay',
      definition:
        'The process that reads unpublished outbox rows, publishes them to the broker, and marks each one published once the broker has stored it.',
    },
    {
      term: 'Change data capture',
      definition:
        'Turning a database’s own log of committed changes, such as PostgreSQL’s WAL or MySQL’s binlog, into a stream of events, instead of polling tables.',
    },
    {
      term: 'At-least-once delivery',
      definition:
        'A guarantee that every message is delivered, possibly more than once, because the sender repeats it until it gets an acknowledgment.',
    },
    {
      term: 'Idempotent consumer',
      definition:
        'A consumer for which handling the same event twice has the same effect as handling it once, for example because it records the ids of the events it has processed.',
    },
    {
      term: 'Dead-letter queue',
      definition:
        'A queue where messages are set aside after failing a set number of times, so they stop blocking the others and someone can inspect and replay them.',
    },
    {
      term: 'Poison event',
      definition:
        'An event that fails every time it is processed, for example because the consumer cannot read its format; retrying it cannot help.',
    },
    {
      term: 'Event versioning',
      definition:
        'Marking each event with the version of its format, so consumers know which events they can read and the format can change without breaking them.',
    },
  ],
};
