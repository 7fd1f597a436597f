/**
 * The session lab against real servers: a session created through one instance is found by the
 * other (it lives in Redis), each request slides its expiry, and an idle session ends.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/labs/sessions/app.ts';
import { request, useLab } from './support/harness.ts';

const lab = useLab('sessions');

/** `sid=…` from a reply's Set-Cookie. */
function cookieOf(headers: Headers): string {
  const cookie = /sid=[^;]+/.exec(headers.get('set-cookie') ?? '')?.[0];
  if (cookie === undefined) throw new Error('no session cookie was set');
  return cookie;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the session lab', () => {
  it('finds a session created on instance A in a request routed to instance B', async () => {
    const a = await lab.serve(createApp(lab, { instance: 'A' }));
    const b = await lab.serve(createApp(lab, { instance: 'B' }));
    const login = await request('POST', `${a}/login`, { email: 'ada@example.com' });
    expect(login).toMatchObject({ status: 200, body: { userId: 1, name: 'Ada' } });
    const cookie = cookieOf(login.headers);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/);

    const me = await request('GET', `${b}/me`, undefined, cookie);
    expect(me).toMatchObject({ status: 200, body: { userId: 1, name: 'Ada' } });
    expect(me.headers.get('x-instance')).toBe('B');
    const [key] = await lab.redis.keys('session:*');
    expect(await lab.redis.hGetAll(key as string)).toEqual({ userId: '1', name: 'Ada' });
    expect(await lab.redis.ttl(key as string)).toBeGreaterThan(29 * 60);

    expect(await request('POST', `${b}/logout`, undefined, cookie)).toMatchObject({ status: 204 });
    expect(await request('GET', `${a}/me`, undefined, cookie)).toMatchObject({ status: 401 });
    expect(await lab.redis.dbSize()).toBe(0);
  });

  it('slides the expiry on every request, and ends an idle session', async () => {
    const a = await lab.serve(createApp(lab, { instance: 'A', ttlSeconds: 1 }));
    const b = await lab.serve(createApp(lab, { instance: 'B', ttlSeconds: 1 }));
    const cookie = cookieOf((await request('POST', `${a}/login`, { email: 'grace@example.com' })).headers);
    const key = `session:${cookie.slice('sid='.length)}`;

    await sleep(600);
    expect(await lab.redis.pTTL(key)).toBeLessThan(500);
    expect(await request('GET', `${b}/me`, undefined, cookie)).toMatchObject({ status: 200 });
    expect(await lab.redis.pTTL(key)).toBeGreaterThan(800); // pushed back to a full second

    await sleep(1100);
    expect(await request('GET', `${b}/me`, undefined, cookie)).toMatchObject({ status: 401 });
  });

  it('refuses an unknown email and a request without a session', async () => {
    const a = await lab.serve(createApp(lab));
    expect(await request('POST', `${a}/login`, { email: 'nobody@example.com' })).toMatchObject({
      status: 401,
    });
    expect(await request('GET', `${a}/me`)).toMatchObject({ status: 401 });
    expect(await request('GET', `${a}/me`, undefined, 'sid=forged')).toMatchObject({ status: 401 });
  });
});
