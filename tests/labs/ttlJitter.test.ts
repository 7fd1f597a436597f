/**
 * The TTL-jitter lab against real servers: each hydration draws its own TTL in
 * [TTL, TTL + jitter], so a warm-up spreads its keys' expiry, and a key cached again after it
 * expired draws afresh.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/ttl-jitter/app.ts';
import { countQueries, request, useLab } from './support/harness.ts';

const lab = useLab('ttl-jitter');

describe('the TTL-jitter lab', () => {
  it('spreads the TTLs of keys warmed together across the jitter window', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('POST', `${url}/warm`)).toMatchObject({ status: 200, body: { warmed: 1000 } });

    const ttls: number[] = [];
    for (let id = 1; id <= 100; id++) ttls.push(await lab.redis.ttl(`product:${id}`));
    // 60 to 90 seconds (a second may have passed since the SET).
    expect(Math.min(...ttls)).toBeGreaterThanOrEqual(59);
    expect(Math.max(...ttls)).toBeLessThanOrEqual(90);
    // A hundred draws from 31 values: all in fewer than 10 distinct TTLs would be a broken jitter.
    expect(new Set(ttls).size).toBeGreaterThan(10);

    const spread = (await request('GET', `${url}/ttls`)).body;
    expect(Object.values(spread).reduce((sum: number, n) => sum + Number(n), 0)).toBe(1000);
  });

  it('draws a fresh TTL when a key is cached again after it expired', async () => {
    const draws = [0, 0.999];
    const random = () => draws.shift() ?? 0.5;
    const url = await lab.serve(createApp(lab, { ttlSeconds: 60, jitterSeconds: 30, random }));
    const selects = countQueries(lab.db, /FROM products WHERE id/);

    expect((await request('GET', `${url}/products/7`)).headers.get('x-cache')).toBe('miss');
    expect(await lab.redis.ttl('product:7')).toBeGreaterThanOrEqual(59);
    expect(await lab.redis.ttl('product:7')).toBeLessThanOrEqual(60);

    await lab.redis.del('product:7'); // as its TTL would
    const again = await request('GET', `${url}/products/7`);
    expect(again).toMatchObject({ status: 200, body: { id: 7, name: 'Product 7', price_cents: 700 } });
    expect(again.headers.get('x-cache')).toBe('miss');
    expect(await lab.redis.ttl('product:7')).toBeGreaterThanOrEqual(89);
    expect(selects.count).toBe(2);

    expect((await request('GET', `${url}/products/7`)).headers.get('x-cache')).toBe('hit');
    expect(selects.count).toBe(2);
    expect(await request('GET', `${url}/products/5000`)).toMatchObject({ status: 404 });
  });
});
