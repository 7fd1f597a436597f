/**
 * The cache-aside lab against real servers: the first read is a miss served by PostgreSQL, the
 * second a hit served by Redis (by Redis's own counters and by the queries PostgreSQL received),
 * a write commits and deletes the key, and the next read loads the new row.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/cache-aside/app.ts';
import { countQueries, redisStats, request, useLab } from './support/harness.ts';

const lab = useLab('cache-aside');

describe('the cache-aside lab', () => {
  it('reads from PostgreSQL on the first request and from Redis on the second', async () => {
    const url = await lab.serve(createApp(lab));
    const selects = countQueries(lab.db, /^SELECT email FROM users/);

    const first = await request('GET', `${url}/users/1/email`);
    expect(first).toMatchObject({ status: 200, body: { id: 1, email: 'ada@example.com' } });
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(await redisStats(lab.redis)).toEqual({ hits: 0, misses: 1 });
    expect(selects.count).toBe(1);

    const second = await request('GET', `${url}/users/1/email`);
    expect(second).toMatchObject({ status: 200, body: { id: 1, email: 'ada@example.com' } });
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await redisStats(lab.redis)).toEqual({ hits: 1, misses: 1 });
    expect(selects.count).toBe(1);

    // Hydrated with the TTL the code sets (read last: the test's own reads count as hits).
    expect(await lab.redis.get('user:1:email')).toBe('ada@example.com');
    expect(await lab.redis.ttl('user:1:email')).toBeGreaterThan(25);
  });

  it('answers 404 for a user that does not exist, and caches nothing', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('GET', `${url}/users/99/email`)).toMatchObject({ status: 404 });
    expect(await lab.redis.dbSize()).toBe(0);
    expect(await request('GET', `${url}/users/abc/email`)).toMatchObject({ status: 400 });
  });

  it('commits an update, deletes the key, and the next read loads the new row', async () => {
    const url = await lab.serve(createApp(lab));
    await request('GET', `${url}/users/1/email`);
    expect(await lab.redis.exists('user:1:email')).toBe(1);

    const write = await request('PUT', `${url}/users/1/email`, { email: 'ada@new.example' });
    expect(write).toMatchObject({ status: 200, body: { id: 1, email: 'ada@new.example', version: 2 } });
    expect(await lab.redis.exists('user:1:email')).toBe(0);
    const { rows } = await lab.db.query('SELECT email, version FROM users WHERE id = 1');
    expect(rows).toEqual([{ email: 'ada@new.example', version: 2 }]);

    const read = await request('GET', `${url}/users/1/email`);
    expect(read.body).toEqual({ id: 1, email: 'ada@new.example' });
    expect(read.headers.get('x-cache')).toBe('miss');
  });

  it('refuses a write without an email, and a write to a missing user', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('PUT', `${url}/users/1/email`, { mail: 'x' })).toMatchObject({ status: 400 });
    expect(await request('PUT', `${url}/users/99/email`, { email: 'x@y' })).toMatchObject({ status: 404 });
  });
});
