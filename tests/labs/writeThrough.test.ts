/**
 * The write-through lab against real servers: a write commits and caches the new value, so the
 * next read is a hit; and when Redis crashes, nothing acknowledged is lost.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/write-through/app.ts';
import { startRedisServer } from '../../scripts/lib/labServers.ts';
import { countQueries, redisStats, request, useLab } from './support/harness.ts';

const lab = useLab('write-through');

describe('the write-through lab', () => {
  it('commits a write, caches the new value, and the next read is a hit', async () => {
    const url = await lab.serve(createApp(lab));
    const write = await request('PUT', `${url}/users/2/email`, { email: 'grace@new.example' });
    expect(write).toMatchObject({ status: 200, body: { id: 2, email: 'grace@new.example', version: 2 } });
    const { rows } = await lab.db.query('SELECT email FROM users WHERE id = 2');
    expect(rows).toEqual([{ email: 'grace@new.example' }]);

    const selects = countQueries(lab.db, /^SELECT/);
    const read = await request('GET', `${url}/users/2/email`);
    expect(read.body).toEqual({ id: 2, email: 'grace@new.example' });
    expect(read.headers.get('x-cache')).toBe('hit');
    expect(await redisStats(lab.redis)).toEqual({ hits: 1, misses: 0 });
    expect(selects.count).toBe(0);
    expect(await lab.redis.ttl('user:2:email')).toBeGreaterThan(25);
  });

  it('fails a write to a user that does not exist, and caches nothing', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('PUT', `${url}/users/9/email`, { email: 'x@y' })).toMatchObject({ status: 404 });
    expect(await lab.redis.dbSize()).toBe(0);
  });

  it('loses nothing when Redis crashes after a write: the database has it', async () => {
    const own = await startRedisServer();
    lab.defer(() => own.stop());
    const before = await lab.redisClient(own.url);
    const beforeUrl = await lab.serve(createApp({ redis: before, db: lab.db }));
    expect(await request('PUT', `${beforeUrl}/users/1/email`, { email: 'ada@new.example' })).toMatchObject({
      status: 200,
    });

    await own.crash();
    before.destroy();
    const restarted = await startRedisServer(); // empty, as a crashed cache comes back
    lab.defer(() => restarted.stop());
    const after = await lab.redisClient(restarted.url);
    const afterUrl = await lab.serve(createApp({ redis: after, db: lab.db }));

    const read = await request('GET', `${afterUrl}/users/1/email`);
    expect(read.body).toEqual({ id: 1, email: 'ada@new.example' });
    expect(read.headers.get('x-cache')).toBe('miss');
  });
});
