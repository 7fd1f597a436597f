// What every lab shares: connecting to Redis and PostgreSQL, starting
// an Express app on 127.0.0.1, and reading an id from the URL or a field
// from the JSON body. Each lab builds its app from clients it is given,
// so the tests and `npm run lab` run the very same code.
import type { Server } from 'node:http';
import type { Express, Request, Response } from 'express';
import pg from 'pg';
import { createClient } from 'redis';

export type Redis = ReturnType<typeof createClient>;
export type Db = pg.Pool;

/** Where a lab's `main` finds its servers, and the first port it may use. */
export interface LabOptions {
  redisUrl: string;
  databaseUrl: string;
  port: number;
}

/** A lab started by its `main`: the URLs it serves, and how to stop it. */
export interface RunningLab {
  urls: string[];
  stop(): Promise<void>;
}

/** A connected Redis client. A lab that subscribes needs a second one. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = createClient({ url });
  // Without a listener, a dropped connection would crash the process.
  redis.on('error', (error: Error) => console.error(`redis: ${error.message}`));
  await redis.connect();
  return redis;
}

/** A pool of PostgreSQL connections, checked with one query. */
export async function connectDb(url: string): Promise<Db> {
  const db = new pg.Pool({ connectionString: url, max: 10 });
  db.on('error', (error: Error) => console.error(`postgres: ${error.message}`));
  await db.query('SELECT 1');
  return db;
}

/** Serves `app` on 127.0.0.1:`port` (0 picks a free one). */
export async function listen(app: Express, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve, reject) => {
    const started = app.listen(port, '127.0.0.1', (error?: Error) =>
      error === undefined ? resolve(started) : reject(error),
    );
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // idle keep-alive sockets would hold close() open
      }),
  };
}

/** The `:id` of the URL as a positive whole number, or a 400 reply and null. */
export function idParam(req: Request, res: Response): number | null {
  const id = Number(req.params.id);
  if (Number.isSafeInteger(id) && id > 0) return id;
  res.status(400).json({ error: `not an id: ${String(req.params.id)}` });
  return null;
}

/** A string field of the JSON body, or a 400 reply and null. */
export function textField(req: Request, res: Response, name: string): string | null {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string' && value !== '') return value;
  res.status(400).json({ error: `the JSON body needs a "${name}" string` });
  return null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
