/**
 * The stampede lab against real servers: of 50 concurrent requests for a key nobody has cached,
 * spread over two app instances, exactly one reaches PostgreSQL; within one instance,
 * single-flight makes them share one load, so Redis sees one lock attempt, not fifty.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/stampede/app.ts';
import { commandCalls, countQueries, eventually, redisStats, request, useLab } from './support/harness.ts';

const lab = useLab('stampede');

describe('the stampede lab', () => {
  it('lets exactly one of 50 concurrent requests over two instances reach the database', async () => {
    const urls = [await lab.serve(createApp(lab, 'A')), await lab.serve(createApp(lab, 'B'))];
    const loads = countQueries(lab.db, /FROM products/);

    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => request('GET', `${urls[i % 2]}/products/3`)),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(new Set(replies.map((reply) => JSON.stringify(reply.body)))).toEqual(
      new Set([JSON.stringify({ id: 3, name: 'Product 3', price_cents: 300 })]),
    );
    expect(loads.count).toBe(1);
    expect(await lab.redis.exists('lock:product:3')).toBe(0); // released by its holder
    expect((await request('GET', `${urls[1]}/products/3`)).headers.get('x-cache')).toBe('hit');
    expect(loads.count).toBe(1);
  });

  it('makes the requests of one instance share one load (single-flight)', async () => {
    const url = await lab.serve(createApp(lab));
    const loads = countQueries(lab.db, /FROM products/);
    // Hold the table until all 50 requests have missed, so they surely overlap.
    const gate = await lab.db.connect();
    lab.defer(async () => {
      await gate.query('ROLLBACK'); // a no-op after the COMMIT; frees the table if the test failed first
      gate.release();
    });
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE products IN ACCESS EXCLUSIVE MODE');

    const replies = Promise.all(Array.from({ length: 50 }, () => request('GET', `${url}/products/4`)));
    // 50 misses on the product key, and the lock holder's second look.
    await eventually(async () => (await redisStats(lab.redis)).misses >= 51);
    await gate.query('COMMIT');

    expect((await replies).map((reply) => reply.status)).toEqual(Array(50).fill(200));
    expect(loads.count).toBe(1);
    // SET was called twice: one lock attempt for all fifty requests, one hydration.
    expect(await commandCalls(lab.redis, 'set')).toBe(2);
    expect(await commandCalls(lab.redis, 'eval')).toBe(1);
  });

  it('answers 404 for a product that does not exist, and releases the lock', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('GET', `${url}/products/5000`)).toMatchObject({ status: 404 });
    expect(await lab.redis.dbSize()).toBe(0);
  });
});
