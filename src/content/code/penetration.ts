// Reads for products that may not exist, with two defences against
// cache penetration: a Bloom filter of every product key in front,
// and a short-lived "not found" marker in the cache behind it. A
// `// step:` comment marks the line the Visual highlights.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  del(key: string): Promise<number>;
}

export interface ProductTable {
  selectProduct(id: number): Promise<string | null>;
  insertProduct(id: number, product: string): Promise<void>;
  /** Every product id, to fill the filter when the app starts. */
  allIds(): Promise<number[]>;
}

const TTL_SECONDS = 30;
const productKey = (id: number) => `product:${id}`;

/** Stored in place of a row the database does not have. */
export const NULL_MARKER = '__null__';

/**
 * m bits and k hash functions. add() sets a key's k bits; a key with
 * any of its bits at 0 was never added. All k set means "maybe": a
 * false positive when other keys set them. Never a false negative.
 */
export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  private readonly words: Uint32Array;

  /** Sized for n keys at false-positive rate p. */
  constructor(n: number, p: number) {
    // m = −n·ln p / (ln 2)², k = (m/n)·ln 2: n = 10, p = 1% gives
    // m = 96 bits and k = 7; n = 10,000 gives m = 95,851 (12 kB).
    this.bits = Math.ceil((-n * Math.log(p)) / Math.LN2 ** 2);
    this.hashes = Math.max(1, Math.round((this.bits / n) * Math.LN2));
    this.words = new Uint32Array(Math.ceil(this.bits / 32));
  }

  add(key: string): void {
    for (const bit of this.positions(key))
      this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  mightContain(key: string): boolean {
    return this.positions(key).every(
      (bit) => (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0,
    );
  }

  /**
   * k positions by double hashing: with h1 and h2 two hashes of the
   * key, position i is (h1 + i·h2) mod m (Kirsch and Mitzenmacher).
   */
  private positions(key: string): number[] {
    const bytes = new TextEncoder().encode(key);
    const start = murmur3(bytes, 0) % this.bits;
    const step = murmur3(bytes, 0x9747b28c) % this.bits || 1;
    return Array.from(
      { length: this.hashes },
      (_, i) => (start + i * step) % this.bits,
    );
  }
}

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/**
 * MurmurHash3, x86 32-bit, of the key's UTF-8 bytes: keys that differ
 * in one digit get unrelated hashes. The Visual's engine uses the same
 * hash, so this filter turns product:404 away and lets product:722
 * through, as the Visual shows.
 */
function murmur3(bytes: Uint8Array, seed: number): number {
  const mix = (k: number) =>
    Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const blocks = bytes.length - (bytes.length % 4);
  let hash = seed >>> 0;
  for (let i = 0; i < blocks; i += 4) {
    hash = rotl(hash ^ mix(view.getUint32(i, true)), 13);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  let tail = 0;
  for (let i = bytes.length - 1; i >= blocks; i--)
    tail = (tail << 8) | (bytes[i] ?? 0);
  if (bytes.length > blocks) hash ^= mix(tail);
  hash ^= bytes.length;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** At start-up: one filter holding every product key. */
export async function loadFilter(
  db: ProductTable,
  falsePositiveRate = 0.01,
): Promise<BloomFilter> {
  const ids = await db.allIds();
  const filter = new BloomFilter(
    Math.max(ids.length, 1),
    falsePositiveRate,
  );
  for (const id of ids) filter.add(productKey(id));
  return filter;
}

export interface Defences {
  /** Checked before the cache; null for none. Add new keys to it. */
  bloom: BloomFilter | null;
  /** How long "not found" is cached; 0 caches nothing. */
  nullTtlSeconds: number;
}

/** False when a 0 among its bits proves the key was never added. */
function mayExist(bloom: BloomFilter | null, key: string): boolean {
  return bloom === null || bloom.mightContain(key);
}

export async function getProduct(
  cache: Cache,
  db: ProductTable,
  defences: Defences,
  id: number,
): Promise<string | null> {
  const key = productKey(id);
  const { bloom, nullTtlSeconds } = defences;
  if (!mayExist(bloom, key)) return null; // step: bloom-check

  const cached = await cache.get(key); // step: read-cache
  if (cached === NULL_MARKER) return null; // step: null-hit
  if (cached !== null) return cached; // step: cache-hit

  const product = await db.selectProduct(id); // step: read-db
  if (product === null) {
    // Keep it short. A product created meanwhile stays "not found"
    // until the marker expires, unless its creation deletes the key.
    if (nullTtlSeconds > 0) {
      const ttl = { EX: nullTtlSeconds };
      await cache.set(key, NULL_MARKER, ttl); // step: null-cache
    }
    return null; // step: not-found
  }
  await cache.set(key, product, { EX: TTL_SECONDS }); // step: hydrate
  return product; // step: reply
}

/**
 * A new product: commit it, add it to the filter, and delete any
 * "not found" marker. Every app node's filter must learn the key, or
 * it turns away a product that exists. One filter kept in Redis
 * (RedisBloom's BF.ADD and BF.EXISTS) saves keeping many in step.
 */
export async function createProduct(
  cache: Cache,
  db: ProductTable,
  filter: BloomFilter | null,
  id: number,
  product: string,
): Promise<void> {
  await db.insertProduct(id, product);
  filter?.add(productKey(id));
  await cache.del(productKey(id));
}
