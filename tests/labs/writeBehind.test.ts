/**
 * The write-behind lab against real servers: a write is acknowledged from Redis alone and reaches
 * PostgreSQL only when the flush worker runs; a Redis crash before the flush loses it.
 */
import { describe, expect, it } from 'vitest';
import { createApp, flushOnce, startFlusher } from '../../src/labs/write-behind/app.ts';
import { startRedisServer } from '../../scripts/lib/labServers.ts';
import { eventually, request, useLab } from './support/harness.ts';

const lab = useLab('write-behind');

async function emailInDb(id: number): Promise<string> {
  const { rows } = await lab.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [id]);
  return rows[0]?.email ?? '(none)';
}

describe('the write-behind lab', () => {
  it('acknowledges a write from Redis and commits it at the flush', async () => {
    const url = await lab.serve(createApp(lab));
    const write = await request('PUT', `${url}/users/1/email`, { email: 'ada@new.example' });
    expect(write).toMatchObject({ status: 202, body: { id: 1, email: 'ada@new.example', accepted: true } });
    await request('PUT', `${url}/users/1/email`, { email: 'ada@newer.example' });

    // Accepted, readable, queued, and not yet in the database.
    const read = await request('GET', `${url}/users/1/email`);
    expect(read.body).toEqual({ id: 1, email: 'ada@newer.example' });
    expect(read.headers.get('x-cache')).toBe('hit');
    expect(await lab.redis.lLen('write-behind:queue')).toBe(2);
    expect(await emailInDb(1)).toBe('ada@example.com');

    expect(await flushOnce(lab)).toBe(2);
    expect(await emailInDb(1)).toBe('ada@newer.example');
    const { rows } = await lab.db.query('SELECT version FROM users WHERE id = 1');
    expect(rows).toEqual([{ version: 3 }]);
    expect(await lab.redis.lLen('write-behind:queue')).toBe(0);
    expect(await flushOnce(lab)).toBe(0);
  });

  it('flushes on its own with the worker running', async () => {
    const url = await lab.serve(createApp(lab));
    const flusher = startFlusher(lab, 50);
    lab.defer(() => flusher.stop());
    await request('PUT', `${url}/users/2/email`, { email: 'grace@new.example' });
    await eventually(async () => (await emailInDb(2)) === 'grace@new.example');
  });

  it('loses acknowledged writes when Redis crashes before the flush', async () => {
    const own = await startRedisServer();
    lab.defer(() => own.stop());
    const before = await lab.redisClient(own.url);
    const beforeUrl = await lab.serve(createApp({ redis: before, db: lab.db }));
    const write = await request('PUT', `${beforeUrl}/users/1/email`, { email: 'ada@new.example' });
    expect(write.status).toBe(202); // the client was told it was accepted

    await own.crash(); // before any flush
    before.destroy();
    const restarted = await startRedisServer();
    lab.defer(() => restarted.stop());
    const after = await lab.redisClient(restarted.url);
    const afterUrl = await lab.serve(createApp({ redis: after, db: lab.db }));

    expect(await flushOnce({ redis: after, db: lab.db })).toBe(0); // the queue went with Redis
    const read = await request('GET', `${afterUrl}/users/1/email`);
    expect(read.body).toEqual({ id: 1, email: 'ada@example.com' }); // the old value: the write is lost
    expect(await emailInDb(1)).toBe('ada@example.com');
  });
});
