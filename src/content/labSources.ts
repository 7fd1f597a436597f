/**
 * The code labs' files as text, for lessons to show: each lab's service, its schema and seed, and
 * the runtime they share, imported with Vite's `?raw`, so the page shows byte for byte the code
 * that tests/labs runs against a real Redis and PostgreSQL (`npm run lab -- <id>` starts it).
 * Only text comes in: ESLint forbids the site any other import from src/labs, and
 * tests/labs/bundle.test.ts checks the built site holds none of the labs' runtime packages.
 */
import cacheAsideApp from '../labs/cache-aside/app.ts?raw';
import cacheAsideSchema from '../labs/cache-aside/schema.sql?raw';
import ttlJitterApp from '../labs/ttl-jitter/app.ts?raw';
import ttlJitterSchema from '../labs/ttl-jitter/schema.sql?raw';
import writeThroughApp from '../labs/write-through/app.ts?raw';
import writeThroughSchema from '../labs/write-through/schema.sql?raw';
import writeBehindApp from '../labs/write-behind/app.ts?raw';
import writeBehindSchema from '../labs/write-behind/schema.sql?raw';
import pubsubInvalidationApp from '../labs/pubsub-invalidation/app.ts?raw';
import pubsubInvalidationSchema from '../labs/pubsub-invalidation/schema.sql?raw';
import sessionsApp from '../labs/sessions/app.ts?raw';
import sessionsSchema from '../labs/sessions/schema.sql?raw';
import stampedeApp from '../labs/stampede/app.ts?raw';
import stampedeSchema from '../labs/stampede/schema.sql?raw';
import versionedKeysApp from '../labs/versioned-keys/app.ts?raw';
import versionedKeysSchema from '../labs/versioned-keys/schema.sql?raw';
import outboxApp from '../labs/outbox/app.ts?raw';
import outboxSchema from '../labs/outbox/schema.sql?raw';
import penetrationApp from '../labs/penetration/app.ts?raw';
import penetrationSchema from '../labs/penetration/schema.sql?raw';
import runtime from '../labs/shared/runtime.ts?raw';

export interface LabSourceFile {
  /** From the repository's root: `src/labs/cache-aside/app.ts`. */
  path: string;
  source: string;
}

export interface LabSource {
  title: string;
  /** The curriculum lesson the lab belongs to. */
  lesson: string;
  /** Scenarios whose steps the service's `// step:` markers match. */
  scenarios: readonly string[];
  files: readonly LabSourceFile[];
}

export const labSources: Readonly<Record<string, LabSource>> = {
  'cache-aside': {
    title: 'Cache-aside: read through Redis, delete on write',
    lesson: 'cache-aside',
    scenarios: ['cache-aside-read', 'cache-aside-write'],
    files: [
      { path: 'src/labs/cache-aside/app.ts', source: cacheAsideApp },
      { path: 'src/labs/cache-aside/schema.sql', source: cacheAsideSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  'ttl-jitter': {
    title: 'Jittered TTLs against an avalanche',
    lesson: 'avalanche',
    scenarios: ['avalanche-jitter'],
    files: [
      { path: 'src/labs/ttl-jitter/app.ts', source: ttlJitterApp },
      { path: 'src/labs/ttl-jitter/schema.sql', source: ttlJitterSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  'write-through': {
    title: 'Write-through',
    lesson: 'write-strategies',
    scenarios: ['write-through'],
    files: [
      { path: 'src/labs/write-through/app.ts', source: writeThroughApp },
      { path: 'src/labs/write-through/schema.sql', source: writeThroughSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  'write-behind': {
    title: 'Write-behind with a flush worker',
    lesson: 'write-strategies',
    scenarios: ['write-behind', 'write-behind-crash'],
    files: [
      { path: 'src/labs/write-behind/app.ts', source: writeBehindApp },
      { path: 'src/labs/write-behind/schema.sql', source: writeBehindSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  'pubsub-invalidation': {
    title: 'Pub/sub invalidation of local caches',
    lesson: 'coherence',
    scenarios: ['coherence-pubsub'],
    files: [
      { path: 'src/labs/pubsub-invalidation/app.ts', source: pubsubInvalidationApp },
      { path: 'src/labs/pubsub-invalidation/schema.sql', source: pubsubInvalidationSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  sessions: {
    title: 'A Redis session store with sliding expiry',
    lesson: 'sessions',
    scenarios: ['sessions-redis'],
    files: [
      { path: 'src/labs/sessions/app.ts', source: sessionsApp },
      { path: 'src/labs/sessions/schema.sql', source: sessionsSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  stampede: {
    title: 'A stampede guard: a Redis lock and single-flight',
    lesson: 'stampede',
    scenarios: ['stampede-mutex', 'stampede-single-flight'],
    files: [
      { path: 'src/labs/stampede/app.ts', source: stampedeApp },
      { path: 'src/labs/stampede/schema.sql', source: stampedeSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  'versioned-keys': {
    title: 'Versioned keys',
    lesson: 'coherence',
    scenarios: ['versioned-keys'],
    files: [
      { path: 'src/labs/versioned-keys/app.ts', source: versionedKeysApp },
      { path: 'src/labs/versioned-keys/schema.sql', source: versionedKeysSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  outbox: {
    title: 'A transactional outbox and its relay',
    lesson: 'event-driven',
    scenarios: ['outbox-after-restart'],
    files: [
      { path: 'src/labs/outbox/app.ts', source: outboxApp },
      { path: 'src/labs/outbox/schema.sql', source: outboxSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
  penetration: {
    title: 'Null caching and a Bloom filter against penetration',
    lesson: 'penetration',
    scenarios: ['penetration-null-caching', 'penetration-bloom-filter'],
    files: [
      { path: 'src/labs/penetration/app.ts', source: penetrationApp },
      { path: 'src/labs/penetration/schema.sql', source: penetrationSchema },
      { path: 'src/labs/shared/runtime.ts', source: runtime },
    ],
  },
};

/** The labs that belong to a lesson, in the catalogue's order, with their ids. */
export function labsForLesson(lessonId: string): (LabSource & { id: string })[] {
  return Object.entries(labSources)
    .filter(([, lab]) => lab.lesson === lessonId)
    .map(([id, lab]) => ({ id, ...lab }));
}
