import { murmur3 } from '../sharding/murmur3.ts';
import { utf8Bytes } from '../sharding/utf8.ts';

/** Bits and hash functions for a Bloom filter of `expectedItems` keys at `falsePositiveRate`. */
export interface BloomSize {
  /** m: the number of bits. */
  bits: number;
  /** k: how many bits each key sets (and a lookup tests). */
  hashes: number;
}

/** A second seed for murmur3, so the two base hashes of a key are independent. */
const SECOND_SEED = 0x9747b28c;

/**
 * The textbook sizing: m = −n·ln p / (ln 2)² bits (rounded up) and k = (m/n)·ln 2 hashes
 * (rounded, at least 1), the k that makes the false-positive rate smallest for that m.
 */
export function bloomSize(expectedItems: number, falsePositiveRate: number): BloomSize {
  if (!Number.isInteger(expectedItems) || expectedItems < 1)
    throw new RangeError(`a Bloom filter needs at least 1 expected item, got ${expectedItems}`);
  if (!(falsePositiveRate > 0 && falsePositiveRate < 1))
    throw new RangeError(`a false-positive rate is between 0 and 1, got ${falsePositiveRate}`);
  const bits = Math.ceil((-expectedItems * Math.log(falsePositiveRate)) / (Math.LN2 * Math.LN2));
  const hashes = Math.max(1, Math.round((bits / expectedItems) * Math.LN2));
  return { bits, hashes };
}

/** The formula's false-positive rate after `items` keys: (1 − e^(−k·n/m))^k. */
export function bloomFalsePositiveRate({ bits, hashes }: BloomSize, items: number): number {
  return Math.pow(1 - Math.exp((-hashes * items) / bits), hashes);
}

/**
 * A Bloom filter: m bits, k positions per key. A key that was added always tests positive; a key
 * that was not tests positive with about the formula's probability (a false positive), never the
 * other way round. Positions come from double hashing (Kirsch and Mitzenmacher, 2006): two murmur3
 * hashes h1, h2 of the key's UTF-8 bytes give position i as (h1 + i·h2) mod m, as good as k
 * independent hashes and deterministic in every JS engine.
 */
export class BloomFilter {
  readonly size: BloomSize;
  private readonly words: Uint32Array;
  /** Keys added so far (n in the formula). */
  items = 0;

  constructor(expectedItems: number, falsePositiveRate: number) {
    this.size = bloomSize(expectedItems, falsePositiveRate);
    this.words = new Uint32Array(Math.ceil(this.size.bits / 32));
  }

  get bits(): number {
    return this.size.bits;
  }

  get hashes(): number {
    return this.size.hashes;
  }

  add(key: string): void {
    const { bits, hashes } = this.size;
    const [start, step] = probe(key, bits);
    for (let i = 0, bit = start; i < hashes; i++, bit = (bit + step) % bits) {
      this.words[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.items++;
  }

  /** False: the key was never added. True: it probably was (or this is a false positive). */
  mightContain(key: string): boolean {
    const { bits, hashes } = this.size;
    const [start, step] = probe(key, bits);
    for (let i = 0, bit = start; i < hashes; i++, bit = (bit + step) % bits) {
      if ((this.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /** The formula's false-positive rate for the keys added so far. */
  expectedFalsePositiveRate(): number {
    return bloomFalsePositiveRate(this.size, this.items);
  }

  /** Bits set to 1, for a person to see how full the filter is. */
  bitsSet(): number {
    let count = 0;
    for (const word of this.words) {
      let w = word;
      while (w !== 0) {
        w &= w - 1;
        count++;
      }
    }
    return count;
  }
}

/** The first position, h1 mod m, and the step between positions, h2 mod m (never 0, or all k would be one bit). */
function probe(key: string, bits: number): [number, number] {
  const bytes = utf8Bytes(key);
  return [murmur3(bytes) % bits, murmur3(bytes, SECOND_SEED) % bits || 1];
}
