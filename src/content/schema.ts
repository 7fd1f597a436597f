import { z } from 'zod';
import type { Scenario } from '../engine/index.ts';

/** Lessons are data, checked against this schema by a test (DESIGN.md, rule 4). */
export const lessonSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lesson ids are lowercase words joined by hyphens'),
  title: z.string().min(1),
  phase: z.union([z.literal(1), z.literal(2)]),
  summary: z.string().min(1),
  bigIdea: z.array(z.string().min(40)).min(1),
  scenarioIds: z.array(z.string()).min(1),
  code: z.object({
    title: z.string().min(1),
    language: z.literal('typescript'),
    source: z.string().min(1),
  }),
});

export type Lesson = z.infer<typeof lessonSchema>;

const latency = z
  .object({ minMs: z.number().int().nonnegative(), maxMs: z.number().int().nonnegative() })
  .refine((r) => r.maxMs >= r.minMs, 'maxMs must not be below minMs');

const operation = z.discriminatedUnion('op', [
  z.object({ atMs: z.number().nonnegative(), client: z.string(), op: z.literal('read'), key: z.string() }),
  z.object({
    atMs: z.number().nonnegative(),
    client: z.string(),
    op: z.literal('write'),
    key: z.string(),
    value: z.string(),
  }),
]);

/** Scenarios are typed by the engine; this schema checks the data a type cannot (ranges, ids). */
export const scenarioSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  clients: z.array(z.object({ id: z.string(), label: z.string(), appNode: z.string() })).min(1),
  appNodes: z.array(z.object({ id: z.string(), label: z.string() })).min(1),
  cache: z.object({
    entries: z.array(
      z.object({
        key: z.string(),
        value: z.string(),
        version: z.number().int().positive(),
        ttlSeconds: z.number().int().positive().nullable(),
      }),
    ),
  }),
  database: z.object({
    readLatencyMs: z.number().nonnegative(),
    writeLatencyMs: z.number().nonnegative(),
    rows: z.array(z.object({ key: z.string(), value: z.string(), version: z.number().int().positive() })),
  }),
  strategy: z.object({
    read: z.literal('cache-aside'),
    write: z.enum(['update-then-delete', 'delete-then-update']),
    ttlSeconds: z.number().int().positive(),
  }),
  network: z.object({
    defaultLatency: latency,
    links: z.array(z.object({ a: z.string(), b: z.string(), latency })).optional(),
  }),
  script: z.array(operation).min(1),
});

/** A scenario that passed the schema can be run (checked at compile time). */
export function parseScenario(data: unknown): Scenario {
  const parsed: Scenario = scenarioSchema.parse(data);
  return parsed;
}
