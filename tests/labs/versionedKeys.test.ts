/**
 * The versioned-keys lab against real servers: reads follow the version pointer, a write moves
 * it forward and deletes nothing, and the next read cannot find the old copy.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/versioned-keys/app.ts';
import { countQueries, redisStats, request, useLab } from './support/harness.ts';

const lab = useLab('versioned-keys');

describe('the versioned-keys lab', () => {
  it('caches under the row version, and a write moves the pointer without deleting', async () => {
    const url = await lab.serve(createApp(lab));
    const selects = countQueries(lab.db, /^SELECT email, version/);

    const first = await request('GET', `${url}/users/1/email`);
    expect(first.body).toEqual({ id: 1, email: 'ada@example.com', version: 1 });
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await request('GET', `${url}/users/1/email`);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await redisStats(lab.redis)).toEqual({ hits: 2, misses: 1 }); // pointer and copy
    expect(selects.count).toBe(1);

    const write = await request('PUT', `${url}/users/1/email`, { email: 'ada@new.example' });
    expect(write).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await lab.redis.get('user:1:email:version')).toBe('2');
    expect(await lab.redis.get('user:1:email:v1')).toBe('ada@example.com'); // still there, unread

    const third = await request('GET', `${url}/users/1/email`);
    expect(third.body).toEqual({ id: 1, email: 'ada@new.example', version: 2 });
    expect(third.headers.get('x-cache')).toBe('miss');
    expect(selects.count).toBe(2);
    expect(await lab.redis.get('user:1:email:v2')).toBe('ada@new.example');
  });

  it('never moves the pointer back', async () => {
    const url = await lab.serve(createApp(lab));
    await lab.redis.set('user:3:email:version', '5'); // a newer writer got there first
    await request('PUT', `${url}/users/3/email`, { email: 'edsger@new.example' }); // commits version 2
    expect(await lab.redis.get('user:3:email:version')).toBe('5');
  });
});
