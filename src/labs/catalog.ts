/**
 * The code labs, for `npm run lab`: each one's title, a line on what it shows, its files (which
 * src/content/labSources.ts gives the site as text), and its module, loaded only when it runs.
 */
import type { LabOptions, RunningLab } from './shared/runtime.ts';

export interface LabEntry {
  id: string;
  title: string;
  summary: string;
  /** Paths under src/labs: the service, its schema and seed, the shared runtime. */
  files: readonly string[];
  /** How many app instances its `main` starts, on the port given and the ones after it. */
  instances: 1 | 2;
  load(): Promise<{ main(options: LabOptions): Promise<RunningLab> }>;
}

const filesOf = (id: string) => [`${id}/app.ts`, `${id}/schema.sql`, 'shared/runtime.ts'];

export const labs: readonly LabEntry[] = [
  {
    id: 'cache-aside',
    title: 'Cache-aside: read through Redis, delete on write',
    summary: 'A miss loads the row and caches it with a TTL; a write commits, then deletes the key.',
    files: filesOf('cache-aside'),
    instances: 1,
    load: () => import('./cache-aside/app.ts'),
  },
  {
    id: 'ttl-jitter',
    title: 'Jittered TTLs against an avalanche',
    summary: 'Every hydration draws its own TTL, so keys cached together do not expire together.',
    files: filesOf('ttl-jitter'),
    instances: 1,
    load: () => import('./ttl-jitter/app.ts'),
  },
  {
    id: 'write-through',
    title: 'Write-through',
    summary: 'A write commits, then caches the new value: the next read is a hit, and nothing is lost.',
    files: filesOf('write-through'),
    instances: 1,
    load: () => import('./write-through/app.ts'),
  },
  {
    id: 'write-behind',
    title: 'Write-behind with a flush worker',
    summary: 'A write is accepted from Redis alone; a worker flushes it to PostgreSQL later.',
    files: filesOf('write-behind'),
    instances: 1,
    load: () => import('./write-behind/app.ts'),
  },
  {
    id: 'pubsub-invalidation',
    title: 'Pub/sub invalidation of local caches',
    summary: 'Two instances with in-process caches; a write tells both to drop their copy.',
    files: filesOf('pubsub-invalidation'),
    instances: 2,
    load: () => import('./pubsub-invalidation/app.ts'),
  },
  {
    id: 'sessions',
    title: 'A Redis session store with sliding expiry',
    summary: 'Sessions in Redis, found by either instance; each request pushes the expiry back.',
    files: filesOf('sessions'),
    instances: 2,
    load: () => import('./sessions/app.ts'),
  },
  {
    id: 'stampede',
    title: 'A stampede guard: a Redis lock and single-flight',
    summary: 'Of many concurrent misses on one key, one request queries the database.',
    files: filesOf('stampede'),
    instances: 2,
    load: () => import('./stampede/app.ts'),
  },
  {
    id: 'versioned-keys',
    title: 'Versioned keys',
    summary: 'Copies cached under the row version; a write moves a pointer and deletes nothing.',
    files: filesOf('versioned-keys'),
    instances: 1,
    load: () => import('./versioned-keys/app.ts'),
  },
  {
    id: 'outbox',
    title: 'A transactional outbox and its relay',
    summary: 'The change and its invalidation commit together; a relay publishes what is pending.',
    files: filesOf('outbox'),
    instances: 1,
    load: () => import('./outbox/app.ts'),
  },
  {
    id: 'penetration',
    title: 'Null caching and a Bloom filter against penetration',
    summary: 'Ids that exist nowhere stop at a Bloom filter in Redis, or at a cached null marker.',
    files: filesOf('penetration'),
    instances: 1,
    load: () => import('./penetration/app.ts'),
  },
];

export function getLab(id: string): LabEntry | undefined {
  return labs.find((lab) => lab.id === id);
}
