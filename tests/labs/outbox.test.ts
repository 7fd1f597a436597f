/**
 * The outbox lab against real servers: a write commits the change and its outbox row together,
 * and the invalidation still arrives when the relay that should have published it died between
 * the commit and the publish.
 */
import { describe, expect, it } from 'vitest';
import { createApp, relayOnce, startRelay } from '../../src/labs/outbox/app.ts';
import { eventually, request, useLab } from './support/harness.ts';

const lab = useLab('outbox');

async function pendingRows(): Promise<number> {
  const { rows } = await lab.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
  return (rows[0] as { n: number }).n;
}

describe('the outbox lab', () => {
  it('delivers the invalidation after the relay was killed between commit and publish', async () => {
    const url = await lab.serve(createApp(lab));
    await request('GET', `${url}/users/1/email`); // cached: ada@example.com

    const write = await request('PUT', `${url}/users/1/email`, { email: 'ada@new.example' });
    expect(write).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await pendingRows()).toBe(1); // committed with the change
    // Until the relay runs, the cached copy is stale.
    expect((await request('GET', `${url}/users/1/email`)).body).toEqual({ id: 1, email: 'ada@example.com' });

    // The relay dies after the commit, at the publish: its Redis connection is gone.
    const doomed = await lab.redisClient();
    doomed.destroy();
    await expect(relayOnce({ redis: doomed, db: lab.db })).rejects.toThrow();
    expect(await pendingRows()).toBe(1); // rolled back: still pending
    expect(await lab.redis.exists('user:1:email')).toBe(1);

    // The next relay delivers it.
    expect(await relayOnce(lab)).toBe(1);
    expect(await pendingRows()).toBe(0);
    expect(await lab.redis.exists('user:1:email')).toBe(0);
    const read = await request('GET', `${url}/users/1/email`);
    expect(read.body).toEqual({ id: 1, email: 'ada@new.example' });
    expect(read.headers.get('x-cache')).toBe('miss');
  });

  it('writes no outbox row when the change does not commit', async () => {
    const url = await lab.serve(createApp(lab));
    expect(await request('PUT', `${url}/users/9/email`, { email: 'x@y' })).toMatchObject({ status: 404 });
    const { rows } = await lab.db.query('SELECT count(*)::int AS n FROM outbox');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('publishes on its own with the relay running', async () => {
    const url = await lab.serve(createApp(lab));
    const relay = startRelay(lab, 50);
    lab.defer(() => relay.stop());
    await request('GET', `${url}/users/2/email`);
    await request('PUT', `${url}/users/2/email`, { email: 'grace@new.example' });
    await eventually(
      async () => (await lab.redis.exists('user:2:email')) === 0 && (await pendingRows()) === 0,
    );
  });
});
