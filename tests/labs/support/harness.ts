/**
 * What every lab test needs: clients for the shared throwaway servers (tests/labs/support/
 * globalSetup.ts), a clean slate before each test (Redis flushed and its statistics reset, the
 * lab's schema.sql applied to an empty database), apps served on free ports and closed after
 * each test, and the counters the tests read: Redis's own INFO stats and a count of the queries
 * the app sent to PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from 'vitest';
import { connectDb, connectRedis, listen, type Db, type Redis } from '../../../src/labs/shared/runtime.ts';

export const LABS_DIR = join(import.meta.dirname, '../../../src/labs');

export interface LabHarness {
  readonly redis: Redis;
  readonly db: Db;
  /** Serves an app on a free port until the end of the test; returns its base URL. */
  serve(app: Express): Promise<string>;
  /** Runs `cleanup` after the test, whatever its outcome (workers, extra clients, servers). */
  defer(cleanup: () => unknown): void;
  /** Another Redis client on the shared server (a subscriber, a second app instance). */
  redisClient(url?: string): Promise<Redis>;
}

/** Registers the hooks for a test file of lab `labId` and returns its harness. */
export function useLab(labId: string): LabHarness {
  const schema = readFileSync(join(LABS_DIR, labId, 'schema.sql'), 'utf8');
  let redis: Redis | undefined;
  let db: Db | undefined;
  let cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    redis = await connectRedis(inject('redisUrl'));
    db = await connectDb(inject('databaseUrl'));
  });
  beforeEach(async () => {
    const { redis, db } = harness;
    await redis.flushAll();
    await redis.configResetStat();
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.query(schema);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    // Last registered, first cleaned: an app closes before the clients it uses.
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
  afterAll(async () => {
    await Promise.all([redis?.close(), db?.end()]);
  });

  const harness: LabHarness = {
    get redis() {
      if (redis === undefined) throw new Error('the Redis client is not connected yet');
      return redis;
    },
    get db() {
      if (db === undefined) throw new Error('the PostgreSQL pool is not connected yet');
      return db;
    },
    async serve(app) {
      const server = await listen(app, 0);
      cleanups.push(() => server.close());
      return server.url;
    },
    defer(cleanup) {
      cleanups.push(cleanup);
    },
    async redisClient(url = inject('redisUrl')) {
      const client = await connectRedis(url);
      cleanups.push(() => (client.isOpen ? client.close() : undefined));
      return client;
    },
  };
  return harness;
}

/** Redis's own counters since the last reset (`INFO stats`). */
export async function redisStats(redis: Redis): Promise<{ hits: number; misses: number }> {
  const info = await redis.info('stats');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
  return { hits: field('keyspace_hits'), misses: field('keyspace_misses') };
}

/** How many times Redis ran `command` since the last reset (`INFO commandstats`). */
export async function commandCalls(redis: Redis, command: string): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(new RegExp(`^cmdstat_${command.toLowerCase()}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
}

/**
 * Counts the queries sent through `db.query` whose SQL matches `pattern`, from now to the end of
 * the test. The queries still run: the spy only watches.
 */
export function countQueries(db: Db, pattern: RegExp): { readonly count: number } {
  const spy = vi.spyOn(db, 'query');
  return {
    get count() {
      const texts = spy.mock.calls.map(([sql]: unknown[]) =>
        typeof sql === 'string' ? sql : (sql as { text: string }).text,
      );
      return texts.filter((text) => pattern.test(text)).length;
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** An HTTP request with an optional JSON body; the reply's body parsed as JSON. */
export async function request(method: string, url: string, body?: unknown, cookie?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie !== undefined) headers.cookie = cookie;
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) };
}

/** Waits until `condition` holds, checking every 20 ms, or fails after `timeoutMs`. */
export async function eventually(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 3000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
