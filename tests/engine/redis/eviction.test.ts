import { describe, expect, it } from 'vitest';
import { redisAt } from './support/session.ts';

/** Fills `count` keys k0…k(n-1) with a 10-byte value each. */
function fill(run: (line: string) => string, count: number, prefix = 'k') {
  for (let i = 0; i < count; i++) run(`SET ${prefix}${i} 0123456789`);
}

const KEY_BYTES = 56 + 2 + 10; // overhead + "k0" + value (see storedValue.ts)

describe('memory accounting', () => {
  it('used_memory is the sum of MEMORY USAGE over keys, and grows and shrinks with them', () => {
    const { run, text, keyspace } = redisAt();
    expect(keyspace.usedMemory).toBe(0);
    run('SET k0 0123456789');
    expect(run('MEMORY USAGE k0')).toBe(`(integer) ${KEY_BYTES}`);
    run('EXPIRE k0 100');
    expect(run('MEMORY USAGE k0')).toBe(`(integer) ${KEY_BYTES + 24}`);
    run('HSET h field value');
    expect(run('MEMORY USAGE h')).toBe(`(integer) ${56 + 1 + 24 + 5 + 5}`);
    run('APPEND k0 x');
    const usage = ['k0', 'h'].map((k) => Number(run(`MEMORY USAGE ${k}`).split(' ')[1]));
    expect(keyspace.usedMemory).toBe(usage[0]! + usage[1]!);
    expect(text('INFO memory')).toContain(`used_memory:${keyspace.usedMemory}\r\n`);
    run('DEL k0 h');
    expect(keyspace.usedMemory).toBe(0);
  });
});

describe('maxmemory with noeviction', () => {
  it('refuses writes that may add data once over the limit; reads and deletes still work', () => {
    const { run } = redisAt();
    fill(run, 3);
    run(`CONFIG SET maxmemory ${KEY_BYTES * 2}`);
    expect(run('SET k9 v')).toBe("(error) OOM command not allowed when used memory > 'maxmemory'.");
    expect(run('INCR n')).toBe("(error) OOM command not allowed when used memory > 'maxmemory'.");
    expect(run('GET k0')).toBe('"0123456789"');
    expect(run('DEL k0')).toBe('(integer) 1');
    expect(run('DEL k1')).toBe('(integer) 1');
    expect(run('SET k9 v')).toBe('OK');
  });
});

describe('exact eviction', () => {
  it('allkeys-lru evicts exactly the least recently used key', () => {
    const { run, text, keyspace } = redisAt();
    keyspace.configure({ mode: 'exact' });
    run('CONFIG SET maxmemory-policy allkeys-lru');
    fill(run, 4);
    run(`CONFIG SET maxmemory ${KEY_BYTES * 4}`);
    run('GET k0');
    run('GET k2');
    run('SET k4 0123456789'); // over by one key: evicts k1, the least recently used
    expect(
      run('KEYS *')
        .split('\n')
        .map((l) => l.split(' ')[1]),
    ).toEqual(['"k0"', '"k2"', '"k3"', '"k4"']);
    run('SET k5 0123456789'); // next: k3
    expect(run('EXISTS k3')).toBe('(integer) 0');
    expect(text('INFO stats')).toContain('evicted_keys:2\r\n');
  });

  it('allkeys-lfu evicts the least frequently used key, ties by recency; a new key is the likeliest victim', () => {
    const { run, keyspace } = redisAt();
    keyspace.configure({ mode: 'exact', policy: 'allkeys-lfu' });
    fill(run, 3); // each created key counts one use
    run(`CONFIG SET maxmemory ${KEY_BYTES * 3}`);
    run('GET k2');
    run('GET k1'); // k1 and k2: two uses each, k2's last one earlier
    run('GET k0');
    run('GET k0'); // k0: three uses
    run('APPEND k0 more'); // grows past the limit without adding a key
    expect(run('EXISTS k0 k1 k2')).toBe('(integer) 2');
    expect(run('EXISTS k2')).toBe('(integer) 0');
    // True LFU's known weakness: a key just written has one use, fewer than anything read since.
    run('SET k3 0123456789');
    expect(run('EXISTS k3')).toBe('(integer) 0');
  });

  it('FIFO evicts in creation order, whatever was read; volatile-ttl evicts the nearest expiry', () => {
    const fifo = redisAt();
    fifo.keyspace.configure({ mode: 'exact', policy: 'allkeys-fifo' });
    fill(fifo.run, 3);
    fifo.run('GET k0');
    fifo.run(`CONFIG SET maxmemory ${KEY_BYTES * 3}`);
    fifo.run('SET k3 0123456789');
    expect(fifo.run('EXISTS k0 k1 k2 k3')).toBe('(integer) 3');
    expect(fifo.run('EXISTS k0')).toBe('(integer) 0');

    const ttl = redisAt();
    ttl.keyspace.configure({ mode: 'exact', policy: 'volatile-ttl' });
    ttl.run('SET a 0123456789 EX 300');
    ttl.run('SET b 0123456789 EX 100');
    ttl.run('SET c 0123456789');
    ttl.run('SET d 0123456789 EX 200');
    ttl.run(`CONFIG SET maxmemory ${ttl.keyspace.usedMemory}`);
    ttl.run('SET e 0123456789');
    expect(ttl.run('EXISTS b')).toBe('(integer) 0');
    expect(ttl.run('EXISTS a c d e')).toBe('(integer) 4');
  });

  it('FIFO exists only in exact mode, and CONFIG SET does not accept it', () => {
    const { run, keyspace } = redisAt();
    expect(() => keyspace.configure({ policy: 'allkeys-fifo' })).toThrow(/exact mode/);
    expect(run('CONFIG SET maxmemory-policy allkeys-fifo')).toContain(
      'argument(s) must be one of the following',
    );
  });
});

describe('Redis-faithful eviction', () => {
  it('allkeys-lru with 5 samples keeps memory under the limit and prefers idle keys', () => {
    const { run, session, keyspace } = redisAt();
    run('CONFIG SET maxmemory-policy allkeys-lru');
    fill(run, 100);
    session.advance(60_000); // every key is now a minute idle…
    for (let i = 0; i < 50; i++) run(`GET k${i}`); // …except k0…k49, read just now
    run(`CONFIG SET maxmemory ${KEY_BYTES * 100}`);
    fill(run, 30, 'n');
    expect(keyspace.usedMemory).toBeLessThanOrEqual(KEY_BYTES * 100);
    const survivors = (from: number, to: number) => {
      let n = 0;
      for (let i = from; i < to; i++) if (run(`EXISTS k${i}`) === '(integer) 1') n++;
      return n;
    };
    // Sampling is approximate, but idle keys go first by a wide margin.
    expect(survivors(0, 50)).toBeGreaterThan(survivors(50, 100) + 10);
  });

  it('volatile policies refuse writes when no key has a TTL', () => {
    const { run } = redisAt();
    run('CONFIG SET maxmemory-policy volatile-lru');
    fill(run, 3);
    run(`CONFIG SET maxmemory ${KEY_BYTES * 2}`);
    expect(run('SET x y')).toBe("(error) OOM command not allowed when used memory > 'maxmemory'.");
  });

  it('allkeys-random is reproducible for a given seed', () => {
    const survivors = (seed: number) => {
      const { run, keyspace } = redisAt(0, seed);
      run('CONFIG SET maxmemory-policy allkeys-random');
      fill(run, 20);
      run(`CONFIG SET maxmemory ${KEY_BYTES * 10}`);
      expect(keyspace.usedMemory).toBeLessThanOrEqual(KEY_BYTES * 10);
      return run('KEYS *');
    };
    expect(survivors(7)).toBe(survivors(7));
    expect(survivors(7)).not.toBe(survivors(8));
  });

  it('LFU: new keys start at 5, the first read counts for sure, and counters decay per minute', () => {
    const { run, session } = redisAt();
    run('CONFIG SET maxmemory-policy allkeys-lfu');
    run('SET k v');
    expect(run('OBJECT FREQ k')).toBe('(integer) 5');
    run('GET k');
    expect(run('OBJECT FREQ k')).toBe('(integer) 6');
    for (let i = 0; i < 1000; i++) run('GET k');
    const hot = Number(run('OBJECT FREQ k').split(' ')[1]);
    // Logarithmic: a thousand reads move the counter by tens, not by a thousand.
    expect(hot).toBeGreaterThan(10);
    expect(hot).toBeLessThan(40);
    session.advance(3 * 60_000);
    expect(run('OBJECT FREQ k')).toBe(`(integer) ${hot - 3}`);
    expect(run('OBJECT IDLETIME k')).toContain('An LFU maxmemory policy is selected, idle time not tracked.');
  });

  it('OBJECT IDLETIME counts virtual seconds since the last access', () => {
    const { run, session } = redisAt();
    run('SET k v');
    session.advance(42_000);
    expect(run('OBJECT IDLETIME k')).toBe('(integer) 42');
    run('GET k');
    expect(run('OBJECT IDLETIME k')).toBe('(integer) 0');
  });
});

describe('active expiry', () => {
  it('deletes expired keys within a cycle of their TTL, without any access', () => {
    const { run, text, session, keyspace } = redisAt();
    for (let i = 0; i < 50; i++) run(`SET t${i} v PX ${100 + i * 10}`);
    run('SET forever v');
    session.advance(1000);
    expect(keyspace.size).toBe(1);
    expect(text('INFO stats')).toContain('expired_keys:50\r\n');
  });

  it('samples at most 20 keys per loop and stops when at most 25% of a sample had expired', () => {
    const { run, session, keyspace } = redisAt();
    for (let i = 0; i < 1000; i++) run(`SET live${i} v EX 1000`);
    run('SET dying v PX 50');
    session.advanceTo(50);
    // One expired key among 1001: a single sample of 20 is unlikely to find it, and stops.
    const before = keyspace.size;
    const deleted = keyspace.activeExpireCycle();
    expect(deleted.length).toBeLessThanOrEqual(1);
    expect(keyspace.size).toBe(before - deleted.length);
  });
});
