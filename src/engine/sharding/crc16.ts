import { utf8Bytes } from './utf8.ts';

/** Redis Cluster splits the key space into 16384 hash slots (2¹⁴: small enough to gossip as a bitmap). */
export const HASH_SLOT_COUNT = 16384;

/**
 * CRC16-CCITT in its XMODEM form — polynomial 0x1021, initial value 0, no bit reflection, no final
 * XOR — the variant the Redis Cluster specification names. One table lookup per byte instead of
 * eight shifts.
 */
const CRC16_TABLE: readonly number[] = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (CRC16_TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0)) & 0xffff;
  return crc;
}

/**
 * The part of a key Redis Cluster hashes, by the specification's hash-tag rule: if the key has a
 * `{`, and a `}` somewhere after it, and at least one character between the two, only what lies
 * between the first `{` and the first `}` after it is hashed; otherwise the whole key is. Tags let
 * an application keep related keys (`{user1000}.following`, `{user1000}.followers`) in one slot so
 * multi-key commands work. Braces are ASCII, so string indices find the same bytes UTF-8 would.
 */
export function hashedPartOf(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

/** The hash slot Redis Cluster stores `key` in: what `CLUSTER KEYSLOT key` answers. */
export function keySlot(key: string): number {
  // The low 14 bits of the CRC: the same as `% 16384`, as the specification writes it.
  return crc16(utf8Bytes(hashedPartOf(key))) & (HASH_SLOT_COUNT - 1);
}
