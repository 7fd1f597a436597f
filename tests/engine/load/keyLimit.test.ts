import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/engine/redis/commands.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';

/** The keyspace's key-count limit (`maxkeys`), which makes the load lab's cache sizes count keys. */
describe('keyspace maxkeys', () => {
  const run = (keyspace: Keyspace, ...argv: string[]) => executeCommand(keyspace, argv).reply;
  const keys = (keyspace: Keyspace) => keyspace.entries().map((e) => e.key);

  it('holds at most maxkeys keys, whatever their bytes, evicting by the policy', () => {
    const keyspace = new Keyspace(() => 0);
    keyspace.configure({ mode: 'exact', policy: 'allkeys-lru', maxkeys: 3 });
    for (const key of ['a', 'a-much-longer-key-name', 'c']) run(keyspace, 'SET', key, 'x'.repeat(100));
    run(keyspace, 'GET', 'a');
    run(keyspace, 'SET', 'd', '');
    expect(keys(keyspace)).toEqual(['a', 'c', 'd']);
    expect(keyspace.stats.evictedKeys).toBe(1);
  });

  it('exact LFU breaks a tie by least recent use, not by age', () => {
    const keyspace = new Keyspace(() => 0);
    keyspace.configure({ mode: 'exact', policy: 'allkeys-lfu' });
    for (const key of ['x', 'y', 'z']) run(keyspace, 'SET', key, 'v');
    run(keyspace, 'GET', 'y');
    run(keyspace, 'GET', 'x'); // x and y: two uses each; x is older but used more recently
    run(keyspace, 'GET', 'z');
    run(keyspace, 'GET', 'z'); // z: three uses
    keyspace.configure({ maxkeys: 2 });
    // Lowering the limit evicts before the next command, as lowering maxmemory does.
    expect(run(keyspace, 'EXISTS', 'x', 'y', 'z')).toEqual({ type: 'integer', value: '2' });
    expect(keys(keyspace)).toEqual(['x', 'z']);
  });

  it('with noeviction, refuses a write once over the limit', () => {
    const keyspace = new Keyspace(() => 0);
    for (const key of ['a', 'b']) run(keyspace, 'SET', key, 'v');
    keyspace.configure({ maxkeys: 1 });
    expect(run(keyspace, 'SET', 'c', 'v')).toMatchObject({ type: 'error' });
    expect(run(keyspace, 'GET', 'a')).toEqual({ type: 'bulk', value: 'v' });
  });
});
