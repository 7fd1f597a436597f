import { describe, expect, it } from 'vitest';
import { crc16, HASH_SLOT_COUNT, hashedPartOf, keySlot } from '../../../src/engine/sharding/crc16.ts';
import { utf8Bytes } from '../../../src/engine/sharding/utf8.ts';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('crc16 (CRC16-CCITT, XMODEM)', () => {
  it('gives the check value from the Redis Cluster specification', () => {
    // Spec, appendix A: "Output for "123456789": 31C3".
    expect(crc16(ascii('123456789'))).toBe(0x31c3);
  });

  it('is 0 for no bytes', () => {
    expect(crc16(new Uint8Array())).toBe(0);
  });
});

describe('hashedPartOf: the specification’s hash-tag rule', () => {
  it.each([
    // The specification's own examples.
    ['{user1000}.following', 'user1000'],
    ['{user1000}.followers', 'user1000'],
    ['foo{}{bar}', 'foo{}{bar}'], // empty tag: the whole key is hashed
    ['foo{{bar}}zap', '{bar'], // from the first { to the first } after it
    ['foo{bar}{zap}', 'bar'], // only the first tag counts
    // Edge cases of the same rule.
    ['plain', 'plain'],
    ['no{close', 'no{close'],
    ['a}{b', 'a}{b'], // a } before the { is ignored, and nothing closes the {
    ['{}}', '{}}'], // the first } after { closes an empty tag
    ['x{y}', 'y'],
  ])('%s hashes %s', (key, part) => {
    expect(hashedPartOf(key)).toBe(part);
  });

  it('puts keys sharing a tag in one slot, and only the tag decides it', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
    expect(keySlot('foo{{bar}}zap')).toBe(keySlot('{bar'));
    expect(keySlot('foo{bar}{zap}')).toBe(keySlot('bar'));
  });
});

describe('keySlot', () => {
  // Every value below was answered by a real Redis 7.0.15 (`redis-server --cluster-enabled yes`,
  // `redis-cli CLUSTER KEYSLOT <key>`, keys passed as UTF-8 bytes), then hard-coded so this test
  // needs no server.
  it.each([
    ['', 0],
    ['123456789', 12739], // 0x31C3 & 16383
    ['foo', 12182],
    ['bar', 5061],
    ['hello', 866],
    ['key', 12539],
    ['somekey', 11058],
    ['Hello World', 6442],
    ['user:1', 10778],
    ['user:1000', 1649],
    ['user1000', 3443],
    ['{user1000}.following', 3443],
    ['{user1000}.followers', 3443],
    ['foo{}{bar}', 8363],
    ['foo{{bar}}zap', 4015],
    ['{bar', 4015],
    ['foo{bar}{zap}', 5061],
    ['{}', 15257],
    ['{}}', 14790],
    ['a}{b', 11640],
    ['{a}', 15495],
    ['a{b}c', 3300],
    ['café', 5735],
    ['ключ', 10303],
    ['{ключ}.x', 10303],
    ['日本語', 12788],
    ['emoji😀', 3827],
  ])('CLUSTER KEYSLOT %j is %i', (key, slot) => {
    expect(keySlot(key)).toBe(slot);
  });

  it('always lands in 0…16383', () => {
    for (let i = 0; i < 2000; i++) {
      const slot = keySlot(`k${i}`);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(slot).toBeLessThan(HASH_SLOT_COUNT);
    }
  });
});

describe('utf8Bytes', () => {
  it.each([
    '',
    'ascii',
    'café',
    'ключ',
    '日本語',
    'emoji😀',
    'lone \ud800 high',
    'lone \udc00 low',
    'end \ud83d',
  ])('encodes %j as Node’s Buffer does', (text) => {
    expect([...utf8Bytes(text)]).toEqual([...Buffer.from(text, 'utf8')]);
  });
});
