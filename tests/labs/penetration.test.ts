/**
 * The penetration lab against real servers: ids that exist nowhere are turned away by the Bloom
 * filter without a query; an id the filter lets through but the table lacks (a deleted row) is
 * cached as a null marker, and the next request for it stops at Redis.
 */
import { describe, expect, it } from 'vitest';
import { buildFilter, createApp } from '../../src/labs/penetration/app.ts';
import { countQueries, request, useLab } from './support/harness.ts';

const lab = useLab('penetration');

describe('the penetration lab', () => {
  it('turns away ids that exist nowhere without asking Redis or PostgreSQL', async () => {
    expect(await buildFilter(lab)).toBe(1000);
    const url = await lab.serve(createApp(lab));
    const queries = countQueries(lab.db, /FROM products/);

    for (let id = 5001; id <= 5050; id++) {
      const reply = await request('GET', `${url}/products/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.headers.get('x-cache')).toBe('bloom');
    }
    expect(queries.count).toBe(0);
    expect(await lab.redis.keys('product:*')).toEqual([]);

    const known = await request('GET', `${url}/products/5`);
    expect(known).toMatchObject({ status: 200, body: { id: 5, name: 'Product 5' } });
    expect((await request('GET', `${url}/products/5`)).headers.get('x-cache')).toBe('hit');
    expect(queries.count).toBe(1);
  });

  it('caches a null marker for an id the filter lets through but the table lacks', async () => {
    await buildFilter(lab);
    const url = await lab.serve(createApp(lab));
    expect(await request('DELETE', `${url}/products/7`)).toMatchObject({ status: 204 });
    const queries = countQueries(lab.db, /FROM products WHERE/);

    const first = await request('GET', `${url}/products/7`);
    expect(first.status).toBe(404);
    expect(first.headers.get('x-cache')).toBe('miss'); // the filter said "maybe"; the table said no
    expect(await lab.redis.get('product:7')).toBe('__null__');
    expect(await lab.redis.ttl('product:7')).toBeGreaterThan(25);

    const second = await request('GET', `${url}/products/7`);
    expect(second.status).toBe(404);
    expect(second.headers.get('x-cache')).toBe('null');
    expect(queries.count).toBe(1);
  });

  it('lets a new product through the filter at once', async () => {
    await buildFilter(lab);
    const url = await lab.serve(createApp(lab));
    const created = await request('POST', `${url}/products`, { name: 'Kettle' });
    expect(created).toMatchObject({ status: 201, body: { id: 1001, name: 'Kettle' } });
    expect(await request('GET', `${url}/products/1001`)).toMatchObject({
      status: 200,
      body: { name: 'Kettle' },
    });
  });
});
