/**
 * Keyspace throughput through the command executor (not the parser): argv arrays are built
 * before timing, as the cache machine receives them.
 */
import { executeCommand } from '../../src/engine/redis/commands.ts';
import { Keyspace } from '../../src/engine/redis/keyspace.ts';
import { createRandom } from '../../src/engine/sim/random.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  note: string;
}

type Best = (round: () => { work: number; seconds: number }) => number;
type Timed = <T>(fn: () => T) => { value: T; seconds: number };

const OPS = 1_000_000;

/** GET/SET 90/10 over 10,000 keys, the keys chosen by a seeded random. */
export function keyspaceGetSet(best: Best, timed: Timed): Result {
  const keys = 10_000;
  const random = createRandom(42);
  const commands: string[][] = [];
  for (let i = 0; i < OPS; i++) {
    const key = `user:${random.int(0, keys - 1)}`;
    commands.push(random.next() < 0.9 ? ['GET', key] : ['SET', key, `value-${i % 1000}`]);
  }
  const value = best(() => {
    let now = 0;
    const keyspace = new Keyspace(() => now, createRandom(1));
    for (let i = 0; i < keys; i++) executeCommand(keyspace, ['SET', `user:${i}`, 'initial']);
    const { seconds } = timed(() => {
      for (const argv of commands) executeCommand(keyspace, argv);
      now++;
    });
    return { work: commands.length, seconds };
  });
  return {
    name: 'keyspace.get-set.ops-per-s',
    value,
    unit: 'commands/s',
    note: 'GET/SET 90/10 over 10,000 keys, executor calls with pre-split argv',
  };
}

/** Every SET adds a new key into a keyspace full at 1,000 keys: each one evicts (exact LRU). */
export function keyspaceEvictLru(best: Best, timed: Timed): Result {
  const commands: string[][] = [];
  for (let i = 0; i < OPS; i++) commands.push(['SET', `key:${String(i).padStart(7, '0')}`, 'v'.repeat(32)]);
  const value = best(() => {
    const keyspace = new Keyspace(() => 0, createRandom(1));
    keyspace.configure({ mode: 'exact', policy: 'allkeys-lru' });
    // 1,000 keys' worth: 56 overhead + 11-byte key + 32-byte value each (storedValue.ts).
    keyspace.configure({ maxmemory: 1000 * (56 + 11 + 32) });
    const { seconds } = timed(() => {
      for (const argv of commands) executeCommand(keyspace, argv);
    });
    if (keyspace.size !== 1000) throw new Error(`expected 1000 keys, found ${keyspace.size}`);
    return { work: commands.length, seconds };
  });
  return {
    name: 'keyspace.evict-lru.ops-per-s',
    value,
    unit: 'commands/s',
    note: 'SET of new keys at maxmemory (1,000 keys), allkeys-lru exact: one eviction each',
  };
}
