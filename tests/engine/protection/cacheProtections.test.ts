import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { cacheMachine } from '../../../src/engine/machines/cacheMachine.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import { message, record } from '../machines/driver.ts';

// What the cache keeps and answers for the protections: a value's Δ and TTL, and locks.

const NIL = { type: 'bulk', value: null } as const;

describe('the cache, for the protections', () => {
  function cache() {
    const clock = new SimulatedClock();
    const keyspace = new Keyspace(() => clock.now());
    const log = record();
    const actor = createActor(cacheMachine, {
      input: {
        id: 'cache',
        outbox: log.outbox,
        narrate: true,
        now: () => clock.now(),
        keyspace,
        database: 'db',
        writeBehind: null,
        housekeeping: () => {},
      },
      clock,
    });
    actor.start();
    const command = (requestId: number, argv: string[], meta: Record<string, unknown> = {}) =>
      actor.send(message('app', 'cache', { kind: 'cache command', requestId, argv, ...meta }));
    const lastReply = () => log.sent.at(-1)?.payload;
    return { clock, keyspace, command, lastReply, ...log };
  }

  it('answers a GET withTtl with the TTL left and the Δ its fill stored; a later plain SET forgets Δ', () => {
    const { clock, command, lastReply } = cache();
    command(1, ['SET', 'k', 'v', 'EX', '1'], { recomputeMs: 104 });
    clock.increment(300);
    command(2, ['GET', 'k'], { withTtl: true });
    expect(lastReply()).toMatchObject({ reply: { type: 'bulk', value: 'v' }, ttlMs: 700, recomputeMs: 104 });
    command(3, ['SET', 'k', 'w', 'EX', '1']);
    command(4, ['GET', 'k'], { withTtl: true });
    expect(lastReply()).toMatchObject({ ttlMs: 1000, recomputeMs: null });
    command(5, ['GET', 'k']);
    expect(lastReply()).not.toHaveProperty('ttlMs');
  });

  it('takes a lock once with SET NX PX, and a compare-and-delete frees it only for its holder', () => {
    const { clock, keyspace, command, lastReply, notes } = cache();
    command(1, ['SET', 'lock:k', 'a/1', 'NX', 'PX', '50']);
    command(2, ['SET', 'lock:k', 'b/2', 'NX', 'PX', '50']);
    expect(lastReply()).toMatchObject({ reply: NIL });
    command(3, ['DEL', 'lock:k'], { onlyIfValue: 'b/2' });
    expect(lastReply()).toMatchObject({ reply: { type: 'integer', value: '0' } });
    expect(keyspace.find('lock:k')?.value).toBe('a/1');
    // The lock expires; b takes it; a's late release must not delete b's lock.
    clock.increment(50);
    command(4, ['SET', 'lock:k', 'b/2', 'NX', 'PX', '50']);
    command(5, ['DEL', 'lock:k'], { onlyIfValue: 'a/1' });
    expect(keyspace.find('lock:k')?.value).toBe('b/2');
    command(6, ['DEL', 'lock:k'], { onlyIfValue: 'b/2' });
    expect(lastReply()).toMatchObject({ reply: { type: 'integer', value: '1' } });
    expect(keyspace.find('lock:k')).toBeUndefined();
    command(7, ['DEL', 'lock:k'], { onlyIfValue: 'b/2' });
    expect(notes.map((n) => n.key)).toEqual([
      'cache.set.nx.taken',
      'cache.set.nx.held',
      'cache.del.lock.not-owner',
      'cache.set.nx.taken',
      'cache.del.lock.not-owner',
      'cache.del.lock',
      'cache.del.lock.gone',
    ]);
  });
});
