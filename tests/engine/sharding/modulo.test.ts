import { describe, expect, it } from 'vitest';
import { moduloNodeAt, moduloNodeFor } from '../../../src/engine/sharding/modulo.ts';
import { hashOf } from '../../../src/engine/sharding/murmur3.ts';

describe('modulo placement', () => {
  it('picks node number hash mod N', () => {
    const nodes = ['a', 'b', 'c'];
    expect(moduloNodeAt(nodes, 0)).toBe('a');
    expect(moduloNodeAt(nodes, 4)).toBe('b');
    expect(moduloNodeAt(nodes, 0xffffffff)).toBe('a'); // 4294967295 = 3 × 1431655765
    expect(moduloNodeFor(nodes, 'user:1')).toBe(nodes[hashOf('user:1') % 3]);
  });

  it('rejects an empty cluster', () => {
    expect(() => moduloNodeFor([], 'k')).toThrow('at least one node');
  });
});
