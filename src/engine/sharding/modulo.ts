import { hashOf } from './murmur3.ts';

/**
 * Modulo placement: node number hash(key) mod N. Every key's node depends on N, so when N changes
 * a key stays put only if hash mod N and hash mod N±1 happen to pick the same node — about one key
 * in N+1 — and nearly all keys move. That is the problem consistent hashing solves.
 */
export function moduloNodeFor(nodes: readonly string[], key: string): string {
  return moduloNodeAt(nodes, hashOf(key));
}

/** The node for a key whose hash (`hashOf`) is already known: the comparison hashes each key once. */
export function moduloNodeAt(nodes: readonly string[], keyHash: number): string {
  const node = nodes[keyHash % nodes.length];
  if (node === undefined) {
    throw new RangeError(
      nodes.length === 0 ? 'a cluster needs at least one node' : `${keyHash} is not a 32-bit key hash`,
    );
  }
  return node;
}
