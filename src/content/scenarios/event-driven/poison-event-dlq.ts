import { CACHE_ASIDE, eventIdFor, type Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, NEW_EMAIL, OLD_EMAIL, invalidationEvents, twoNodeNetwork, twoNodes } from './shared.ts';

const NAME_KEY = 'user:42:name';

/**
 * A poison event: an outbox row in schema 2 (written, say, by a newer version of the service) that
 * the consumer, which reads only schema 1, fails at every delivery. The broker retries it, then parks
 * it in the dead-letter queue. A normal event published while it waits for a retry goes through.
 */
export const poisonEventDlq: Scenario = {
  id: 'poison-event-dlq',
  title: 'A poison event goes to the dead-letter queue',
  summary:
    'The outbox holds an event in schema 2, and the consumer reads only schema 1. The broker ' +
    'delivers it three times, waiting between tries, then moves it to the dead-letter queue. ' +
    'Meanwhile a normal event about the email goes through: the bad event does not block the consumer.',
  ...twoNodes,
  cache: { entries: [{ key: EMAIL_KEY, value: OLD_EMAIL, version: 1, ttlSeconds: 30 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [
      { key: EMAIL_KEY, value: OLD_EMAIL, version: 1 },
      { key: NAME_KEY, value: 'Ada Lovelace', version: 2 },
    ],
  },
  strategy: { ...CACHE_ASIDE, invalidation: { kind: 'outbox' } },
  events: invalidationEvents([{ eventId: eventIdFor(NAME_KEY, 2), key: NAME_KEY, version: 2, schema: 2 }]),
  network: twoNodeNetwork(),
  script: [
    { atMs: 250, client: 'writer', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 1000, client: 'reader', op: 'read', key: EMAIL_KEY },
  ],
};
