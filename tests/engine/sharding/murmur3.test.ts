import { describe, expect, it } from 'vitest';
import { hashOf, murmur3 } from '../../../src/engine/sharding/murmur3.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => Uint8Array.from(Buffer.from(value, 'utf8'));

describe('murmur3 (x86, 32-bit)', () => {
  // Widely published MurmurHash3_x86_32 test vectors, covering every tail length and seeds.
  it.each([
    [new Uint8Array(), 0, 0],
    [new Uint8Array(), 1, 0x514e28b7],
    [new Uint8Array(), 0xffffffff, 0x81f16f39],
    [bytes(0xff, 0xff, 0xff, 0xff), 0, 0x76293b50],
    [bytes(0x21, 0x43, 0x65, 0x87), 0, 0xf55b516b],
    [bytes(0x21, 0x43, 0x65), 0, 0x7e4a8634],
    [bytes(0x21, 0x43), 0, 0xa0f7b07a],
    [bytes(0x21), 0, 0x72661cf4],
    [bytes(0, 0, 0, 0), 0, 0x2362f9de],
    [text('abc'), 0, 0xb3dd93fa],
    [text('aaaa'), 0x9747b28c, 0x5a97808a],
    [text('Hello, world!'), 0x9747b28c, 0x24884cba],
    [text('The quick brown fox jumps over the lazy dog'), 0x9747b28c, 0x2fa826cd],
  ])('vector %#', (input, seed, expected) => {
    expect(murmur3(input, seed)).toBe(expected);
  });

  it('hashOf hashes a string’s UTF-8 bytes with seed 0', () => {
    expect(hashOf('abc')).toBe(0xb3dd93fa);
    expect(hashOf('café')).toBe(murmur3(text('café')));
  });

  it('spreads near-identical names over the whole 32-bit space', () => {
    // 16 equal buckets by the top 4 bits: names differing in one digit still fill them evenly.
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) {
      const bucket = hashOf(`node-1#${i}`) >>> 28;
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
