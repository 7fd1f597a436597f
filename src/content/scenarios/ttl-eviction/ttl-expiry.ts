import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/**
 * Both ways a key expires. The warm key has a TTL from time 0, so the cache's 100 ms sweep ticks on
 * whole tenths of a second; a tick tests random keys with a TTL, so it deletes user:7:profile at the
 * first tick from 3 s whose sample draws it (3.1 s at seed 1). The fill of user:42:profile lands
 * between 25 and 42 ms at any seed, so its 5-second TTL ends between 5.025 s and 5.042 s, between
 * two ticks; the read sent at 5.045 s reaches the cache 12 to 23 ms later, before the tick at 5.1 s,
 * and finds the key expired on access.
 */
export const ttlExpiry: Scenario = {
  id: 'ttl-expiry',
  title: 'Expiry: deleted on access, or by the background sweep',
  summary:
    'The app caches user:42:profile with a 5-second TTL (SET … EX 5); a read one second later hits. ' +
    'Just after 3 s the background sweep deletes user:7:profile, whose TTL ran out while nobody ' +
    'asked for it. At 5.06 s a read finds user:42:profile expired a few milliseconds earlier: Redis deletes it ' +
    'on access, answers (nil), and the app loads the row again.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: {
    entries: [{ key: 'user:7:profile', value: 'Alan Turing, Manchester', version: 1, ttlSeconds: 3 }],
  },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [
      { key: 'user:42:profile', value: 'Ada Lovelace, London', version: 1 },
      { key: 'user:7:profile', value: 'Alan Turing, Manchester', version: 1 },
    ],
  },
  strategy: { ...CACHE_ASIDE, ttlSeconds: 5 },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 0, client: 'browser', op: 'read', key: 'user:42:profile' },
    { atMs: 1_000, client: 'browser', op: 'read', key: 'user:42:profile' },
    { atMs: 5_045, client: 'browser', op: 'read', key: 'user:42:profile' },
  ],
};
