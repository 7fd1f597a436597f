import { utf8Bytes } from './utf8.ts';

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain), over UTF-8 bytes.
 *
 * Why this hash for ring points and modulo placement: ring point names differ in a character or
 * two (`node-1#17`, `node-1#18`), and keys do too (`user:41`, `user:42`). Murmur3 ends with the
 * `fmix32` finaliser, which makes every input bit flip each output bit with probability close to
 * ½ (full avalanche), so near-identical names land far apart and the 32-bit ring fills evenly.
 * Plain FNV-1a has no finaliser: its last bytes barely reach the high bits, so such names cluster
 * on the ring. It is fast, needs only 32-bit integer maths (`Math.imul`), and has published test
 * vectors.
 */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let hash = seed >>> 0;
  const blockEnd = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blockEnd; i += 4) {
    let k =
      (bytes[i] ?? 0) |
      ((bytes[i + 1] ?? 0) << 8) |
      ((bytes[i + 2] ?? 0) << 16) |
      ((bytes[i + 3] ?? 0) << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    hash ^= k;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  // The last one to three bytes, mixed in like a block that is zero-padded.
  const rest = bytes.length % 4;
  if (rest > 0) {
    let tail = 0;
    if (rest === 3) tail ^= (bytes[blockEnd + 2] ?? 0) << 16;
    if (rest >= 2) tail ^= (bytes[blockEnd + 1] ?? 0) << 8;
    tail ^= bytes[blockEnd] ?? 0;
    tail = Math.imul(tail, c1);
    tail = (tail << 15) | (tail >>> 17);
    tail = Math.imul(tail, c2);
    hash ^= tail;
  }
  hash ^= bytes.length;
  // fmix32: the finaliser that gives full avalanche.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Where a key or a ring point sits in the 32-bit hash space: murmur3 of its UTF-8 bytes, seed 0. */
export function hashOf(text: string): number {
  return murmur3(utf8Bytes(text));
}
