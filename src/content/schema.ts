import { z } from 'zod';
import { REDIS_POLICIES, type Scenario } from '../engine/index.ts';

// Lessons have a schema of their own, with their eleven sections.
export { lessonSchema, type Lesson, type LessonChart } from './lessonSchema.ts';

const latency = z
  .object({ minMs: z.number().int().nonnegative(), maxMs: z.number().int().nonnegative() })
  .refine((r) => r.maxMs >= r.minMs, 'maxMs must not be below minMs');

const at = { atMs: z.number().nonnegative(), client: z.string() };
const operation = z.discriminatedUnion('op', [
  z.object({ ...at, op: z.literal('read'), key: z.string() }),
  z.object({ ...at, op: z.literal('write'), key: z.string(), value: z.string() }),
  z.object({ ...at, op: z.literal('login'), user: z.string() }),
  z.object({ ...at, op: z.literal('page'), page: z.string() }),
  z.object({ ...at, op: z.literal('chat'), room: z.string(), text: z.string() }),
]);

const positiveInt = z.number().int().positive();

const stampede = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('mutex'),
    lockTtlMs: positiveInt,
    retryDelayMs: positiveInt,
    maxRetries: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('single-flight') }),
  z.object({ kind: z.literal('xfetch'), beta: z.number().positive() }),
  z.object({ kind: z.literal('stale-while-revalidate'), staleSeconds: positiveInt }),
]);

const penetration = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('null-caching'), ttlSeconds: positiveInt }),
  z.object({
    kind: z.literal('bloom-filter'),
    expectedItems: positiveInt,
    falsePositiveRate: z.number().gt(0).lt(1),
  }),
]);

const strategy = z.object({
  read: z.enum(['cache-aside', 'read-through']),
  write: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('write-around'), deleteKey: z.enum(['after-commit', 'before-commit']) }),
    z.object({ kind: z.literal('write-through') }),
    z.object({ kind: z.literal('write-behind'), flushIntervalMs: positiveInt, batchSize: positiveInt }),
  ]),
  ttlSeconds: positiveInt,
  ttlJitterSeconds: z.number().int().min(0),
  invalidation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({
      kind: z.literal('pubsub'),
      channel: z.string().min(1),
      timestampCheck: z.boolean(),
      ignoreOwn: z.boolean(),
    }),
    z.object({ kind: z.literal('versioned-keys') }),
    z.object({ kind: z.literal('publish-after-commit') }),
    z.object({ kind: z.literal('outbox') }),
  ]),
  localCache: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('off') }),
    z.object({ kind: z.literal('l1'), ttlSeconds: positiveInt }),
  ]),
  raceFix: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('version-cas') }),
    z.object({ kind: z.literal('delayed-double-delete'), delayMs: positiveInt }),
    z.object({ kind: z.literal('lease') }),
  ]),
  sessions: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('node-memory') }),
    z.object({ kind: z.literal('redis-hash'), slidingTtlSeconds: positiveInt }),
  ]),
  stampede: stampede.optional(),
  penetration: penetration.optional(),
});

const messageKind = z.enum([
  'read request',
  'write request',
  'login request',
  'page request',
  'chat post',
  'response',
  'chat message',
  'cache command',
  'cache reply',
  'cache push',
  'db query',
  'db result',
  'outbox row',
  'event publish',
  'event stored',
  'event delivery',
  'event result',
  'dead letter',
]);

const fault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drop message'), messageId: positiveInt }),
  z.object({
    kind: z.literal('drop next message'),
    from: z.string(),
    to: z.string(),
    messageKind: messageKind.optional(),
  }),
  z.object({ kind: z.literal('delay link'), a: z.string(), b: z.string(), extraMs: positiveInt }),
  z.object({ kind: z.literal('crash'), node: z.string() }),
  z.object({ kind: z.literal('restart'), node: z.string() }),
  z.object({ kind: z.literal('partition'), nodes: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('heal') }),
  z.object({ kind: z.literal('slow database'), extraMs: positiveInt }),
  z.object({ kind: z.literal('fail database writes'), count: positiveInt }),
]);

const invalidationEvent = z.object({
  eventId: z.string(),
  key: z.string(),
  version: positiveInt,
  schema: positiveInt,
});

const actor = z.object({ id: z.string(), label: z.string() });

const burst = {
  atMs: z.number().nonnegative(),
  durationMs: z.number().positive(),
  ratePerSecond: z.number().positive(),
};

/** A scenario's load (engine/load/loadSpec.ts); the engine checks what refers to other parts. */
const load = z
  .object({
    arrivals: z.object({ kind: z.literal('poisson'), ratePerSecond: z.number().positive() }),
    startMs: z.number().nonnegative().optional(),
    durationMs: z.number().positive().optional(),
    requests: positiveInt.optional(),
    keys: z.object({
      count: positiveInt,
      popularity: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('uniform') }),
        z.object({ kind: z.literal('zipf'), alpha: z.number().positive() }),
      ]),
    }),
    writeFraction: z.number().min(0).max(1),
    clients: z.array(z.string()).min(1).optional(),
    hotKeyBursts: z
      .array(
        z.union([z.object({ ...burst, rank: positiveInt }), z.object({ ...burst, key: z.string().min(1) })]),
      )
      .optional(),
    warmUp: z
      .object({
        atMs: z.number().nonnegative(),
        keys: z.union([z.literal('all'), positiveInt]),
        ttlSeconds: positiveInt.optional(),
        staggerMs: z.number().nonnegative().optional(),
        jitterSeconds: z.number().int().min(0).optional(),
      })
      .optional(),
    absent: z
      .object({
        ratePerSecond: z.number().positive(),
        ids: positiveInt,
        atMs: z.number().nonnegative().optional(),
        durationMs: z.number().positive().optional(),
      })
      .optional(),
  })
  .refine(
    (l) => l.durationMs !== undefined || l.requests !== undefined,
    'a load needs durationMs, requests, or both',
  );

const scenarioFields = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  clients: z.array(actor.extend({ server: z.string() })).min(1),
  loadBalancer: z.object({ policy: z.enum(['round-robin', 'sticky', 'least-connections']) }).optional(),
  appNodes: z.array(actor).min(1),
  cache: z.object({
    entries: z.array(
      z.object({
        key: z.string(),
        value: z.string(),
        version: positiveInt,
        ttlSeconds: positiveInt.nullable(),
      }),
    ),
    limit: z.object({ maxKeys: positiveInt, policy: z.enum(REDIS_POLICIES) }).optional(),
  }),
  database: z.object({
    readLatencyMs: z.number().nonnegative(),
    writeLatencyMs: z.number().nonnegative(),
    rows: z.array(z.object({ key: z.string(), value: z.string(), version: positiveInt })),
  }),
  strategy,
  chatRooms: z.array(z.string().min(1)).optional(),
  events: z
    .object({
      topic: z.string().min(1),
      maxAttempts: positiveInt,
      retryDelayMs: positiveInt,
      ackTimeoutMs: positiveInt,
      consumers: z.array(actor.extend({ schemas: z.array(positiveInt).min(1) })).min(1),
      outbox: z.array(invalidationEvent),
    })
    .optional(),
  network: z.object({
    defaultLatency: latency,
    links: z.array(z.object({ a: z.string(), b: z.string(), latency })).optional(),
  }),
  script: z.array(operation),
  load: load.optional(),
  faults: z.array(z.object({ atMs: z.number().nonnegative(), fault })).optional(),
});

/** Scenarios are typed by the engine; this schema checks the data a type cannot (ranges, ids). */
export const scenarioSchema = scenarioFields.refine(
  // Something must happen: a script, a load, or both.
  (s) => s.script.length > 0 || s.load !== undefined,
  { message: 'a scenario needs a script or a load', path: ['script'] },
);

/** A scenario that passed the schema can be run (checked at compile time). */
export function parseScenario(data: unknown): Scenario {
  const parsed: Scenario = scenarioSchema.parse(data);
  return parsed;
}
