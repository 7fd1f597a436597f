import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/engine/redis/commands.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import { formatReplyInline } from '../../../src/engine/redis/reply.ts';

function keyspaceAt() {
  const clock = { now: 0 };
  const keyspace = new Keyspace(() => clock.now);
  const run = (...argv: string[]) => formatReplyInline(executeCommand(keyspace, argv).reply!);
  return { clock, keyspace, run };
}

describe('the foundation keyspace: GET, SET [EX], DEL on virtual time', () => {
  it('answers as redis-cli prints', () => {
    const { run } = keyspaceAt();
    expect(run('GET', 'k')).toBe('(nil)');
    expect(run('SET', 'k', 'hello world')).toBe('OK');
    expect(run('get', 'k')).toBe('"hello world"');
    expect(run('DEL', 'k', 'other')).toBe('(integer) 1');
    expect(run('DEL', 'k')).toBe('(integer) 0');
  });

  it('expires a key lazily once its TTL has passed, and counts hits, misses and expiries', () => {
    const { clock, keyspace, run } = keyspaceAt();
    run('SET', 'k', 'v', 'EX', '10');
    clock.now = 9_999;
    expect(run('GET', 'k')).toBe('"v"');
    clock.now = 10_000;
    expect(keyspace.size).toBe(1); // still stored until touched
    expect(run('GET', 'k')).toBe('(nil)');
    expect(keyspace.size).toBe(0);
    expect(keyspace.stats).toEqual({ hits: 1, misses: 1, expiredKeys: 1, evictedKeys: 0 });
  });

  it('uses Redis’s error texts', () => {
    const { run } = keyspaceAt();
    expect(run('GET')).toBe("(error) ERR wrong number of arguments for 'get' command");
    expect(run('SET', 'k', 'v', 'EX', 'ten')).toBe('(error) ERR value is not an integer or out of range');
    expect(run('SET', 'k', 'v', 'EX', '0')).toBe("(error) ERR invalid expire time in 'set' command");
    expect(run('SET', 'k', 'v', 'XX', '1')).toBe('(error) ERR syntax error');
    expect(run('FLY', 'a')).toBe("(error) ERR unknown command 'FLY', with args beginning with: 'a' ");
  });
});
