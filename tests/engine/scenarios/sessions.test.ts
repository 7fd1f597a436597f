import { describe, expect, it } from 'vitest';
import { type Trace } from '../../../src/engine/index.ts';
import { sessionsRedis } from '../../../src/content/scenarios/sessions/sessions-redis.ts';
import { sessionsRoundRobin } from '../../../src/content/scenarios/sessions/sessions-round-robin.ts';
import { sessionsStickyCrash } from '../../../src/content/scenarios/sessions/sessions-sticky-crash.ts';
import { frameSaying, run, steps } from '../traceHelpers.ts';

/** How each page request ended, as the client saw it: the user it was served for, or logged out. */
const pagesOf = (trace: Trace) =>
  trace.frames
    .filter((f) => f.narration.key === 'client.page.done' || f.narration.key === 'client.page.logged-out')
    .map((f) => (f.narration.key === 'client.page.done' ? `as ${f.narration.params['user']}` : 'logged out'));

describe('sessions-round-robin at seed 1', () => {
  const trace = run(sessionsRoundRobin);

  it('logs Alice in on Node A and sends her next page to Node B, which does not know the session', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.login.send -',
      '16 lb lb.forward.round-robin -',
      '17 app-a app.login.memory session-create',
      '19 lb lb.response session-create',
      '39 alice client.login.done session-create',
      '500 alice client.page.send -',
      '520 lb lb.forward.round-robin -',
      '521 app-b app.page.memory.missing session-read',
      '523 lb lb.response session-read',
      '540 alice client.page.logged-out session-read',
      '540 - run.end -',
    ]);
  });

  it('keeps the session only in Node A’s memory, so Alice is logged out', () => {
    const last = trace.frames.at(-1)!;
    expect(last.actors['app-a']!.holds).toEqual(['session s1-app-a: alice']);
    expect(last.actors['app-b']!.holds ?? []).toEqual([]);
    expect(last.actors['alice']!.holds).toEqual(['cookie: s1-app-a']);
    expect(frameSaying(trace, 'app.page.memory.missing').actor).toBe('app-b');
    expect(pagesOf(trace)).toEqual(['logged out']);
  });
});

describe('sessions-sticky-crash at seed 1', () => {
  const trace = run(sessionsStickyCrash);

  it('keeps Alice on Node A until it crashes, then moves her to Node B, which logs her out', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.login.send -',
      '16 lb lb.forward.sticky.new -',
      '17 app-a app.login.memory session-create',
      '19 lb lb.response session-create',
      '39 alice client.login.done session-create',
      '500 alice client.page.send -',
      '520 lb lb.forward.sticky -',
      '521 app-a app.page.memory.found session-read',
      '523 lb lb.response session-read',
      '540 alice client.page.done session-read',
      '1000 - fault.crash.app -',
      '1500 alice client.page.send -',
      '1514 lb lb.forward.sticky.moved -',
      '1517 app-b app.page.memory.missing session-read',
      '1519 lb lb.response session-read',
      '1534 alice client.page.logged-out session-read',
      '1534 - run.end -',
    ]);
  });

  it('loses the session with Node A', () => {
    const crash = frameSaying(trace, 'fault.crash.app');
    expect(trace.frames[crash.index - 1]!.actors['app-a']!.holds).toEqual(['session s1-app-a: alice']);
    expect(crash.actors['app-a']!.state).toBe('down');
    expect(frameSaying(trace, 'lb.forward.sticky.moved').actors['lb']!.holds).toContain(
      'sticky: alice → app-b',
    );
    expect(pagesOf(trace)).toEqual(['as alice', 'logged out']);
  });
});

describe('sessions-redis at seed 1', () => {
  const trace = run(sessionsRedis);

  it('stores the session in Redis, so round robin and a crash of Node A do not log Alice out', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.login.send -',
      '16 lb lb.forward.round-robin -',
      '17 app-a app.login.redis session-create',
      '19 cache cache.command.from session-create',
      '21 app-a app.login.expire session-expire',
      '23 cache cache.command.from session-expire',
      '24 app-a app.login.done session-create',
      '26 lb lb.response session-create',
      '43 alice client.login.done session-create',
      '500 alice client.page.send -',
      '514 lb lb.forward.round-robin -',
      '517 app-b app.page.redis session-read',
      '518 cache cache.command.from session-read',
      '519 app-b app.page.redis.found session-expire',
      '520 cache cache.command.from session-expire',
      '521 app-b app.page.done session-read',
      '522 lb lb.response session-read',
      '533 alice client.page.done session-read',
      '1000 - fault.crash.app -',
      '1500 alice client.page.send -',
      '1515 lb lb.forward.round-robin -',
      '1516 app-b app.page.redis session-read',
      '1517 cache cache.command.from session-read',
      '1519 app-b app.page.redis.found session-expire',
      '1520 cache cache.command.from session-expire',
      '1521 app-b app.page.done session-read',
      '1522 lb lb.response session-read',
      '1536 alice client.page.done session-read',
      '1536 - run.end -',
    ]);
  });

  it('keeps the session hash in Redis with a sliding 30-minute expiry, and no session in node memory', () => {
    const extended = frameSaying(trace, 'cache.command.from', 5);
    expect(extended.cache).toEqual([
      expect.objectContaining({
        key: 'session:s1-app-a',
        fields: [['user', 'alice']],
        ttlRemainingMs: 1_800_000,
      }),
    ]);
    const last = trace.frames.at(-1)!;
    expect(last.actors['app-a']!.state).toBe('down');
    expect(last.actors['app-b']!.holds ?? []).toEqual([]);
    expect(pagesOf(trace)).toEqual(['as alice', 'as alice']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('totals behind a load balancer', () => {
  it('count each answered operation once, though its response is delivered twice (node → balancer → client)', () => {
    const trace = run(sessionsRoundRobin);
    const answered = trace.history.operations.filter((op) => op.completedAt !== null).length;
    expect(answered).toBe(sessionsRoundRobin.script.length);
    expect(trace.totals.requests).toBe(answered);
  });
});
