/**
 * The pub/sub invalidation lab against real servers: two app instances, each with its own local
 * cache and its own subscriber connection. A write through one instance reaches the other's
 * local cache through Redis pub/sub; an instance that is not listening keeps its stale copy.
 */
import { describe, expect, it } from 'vitest';
import { createInstance } from '../../src/labs/pubsub-invalidation/app.ts';
import { eventually, request, useLab, type LabHarness } from './support/harness.ts';

const lab = useLab('pubsub-invalidation');

async function startInstance(harness: LabHarness, name: string) {
  const subscriber = await harness.redisClient();
  const instance = await createInstance({ redis: harness.redis, subscriber, db: harness.db }, name);
  return { ...instance, subscriber, url: await harness.serve(instance.app) };
}

describe('the pub/sub invalidation lab', () => {
  it("invalidates the other instance's local copy through pub/sub", async () => {
    const a = await startInstance(lab, 'A');
    const b = await startInstance(lab, 'B');

    const fromA = await request('GET', `${a.url}/users/1/email`);
    expect(fromA.headers.get('x-cache')).toBe('miss');
    expect(fromA.headers.get('x-instance')).toBe('A');
    expect((await request('GET', `${b.url}/users/1/email`)).headers.get('x-cache')).toBe('redis');
    expect((await request('GET', `${b.url}/users/1/email`)).headers.get('x-cache')).toBe('local');
    expect(a.copies.has('user:1:email') && b.copies.has('user:1:email')).toBe(true);

    const write = await request('PUT', `${a.url}/users/1/email`, { email: 'ada@new.example' });
    expect(write).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await lab.redis.exists('user:1:email')).toBe(0);
    // Both instances, the writer included, drop their copies when the message arrives.
    await eventually(() => !a.copies.has('user:1:email') && !b.copies.has('user:1:email'));

    const fromB = await request('GET', `${b.url}/users/1/email`);
    expect(fromB.body).toEqual({ id: 1, email: 'ada@new.example' });
    expect(fromB.headers.get('x-cache')).toBe('miss');
  });

  it('leaves an instance that was not listening with its stale copy: fire-and-forget', async () => {
    const a = await startInstance(lab, 'A');
    const b = await startInstance(lab, 'B');
    await request('GET', `${b.url}/users/2/email`);
    await b.subscriber.unsubscribe(); // B is deaf for a moment, as when its connection drops

    await request('PUT', `${a.url}/users/2/email`, { email: 'grace@new.example' });
    await eventually(() => !a.copies.has('user:2:email'));

    const stale = await request('GET', `${b.url}/users/2/email`);
    expect(stale.body).toEqual({ id: 2, email: 'grace@example.com' });
    expect(stale.headers.get('x-cache')).toBe('local');
  });
});
