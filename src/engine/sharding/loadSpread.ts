/**
 * How evenly keys are spread over nodes. max/mean is what capacity planning feels (the busiest
 * node sets the cluster's limit); the standard deviation is the textbook measure. It is the
 * population standard deviation — divide by N, not N−1 — because the nodes are the whole cluster,
 * not a sample of one.
 */
export interface LoadSpread {
  /** Keys on each node, in the node order given; nodes without keys count as 0. */
  readonly keysPerNode: readonly { readonly node: string; readonly keys: number }[];
  readonly totalKeys: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** 1 is perfectly even; 0 when there are no keys at all. */
  readonly maxOverMean: number;
  readonly standardDeviation: number;
  /** The standard deviation as a fraction of the mean, to compare clusters of different sizes. */
  readonly relativeStandardDeviation: number;
}

/** The spread of `nodeOfEachKey` (the node of every key, one entry per key) over `nodes`. */
export function loadSpread(nodes: readonly string[], nodeOfEachKey: Iterable<string>): LoadSpread {
  const counts = new Map<string, number>(nodes.map((node) => [node, 0]));
  for (const node of nodeOfEachKey) {
    const count = counts.get(node);
    if (count === undefined) throw new RangeError(`a key is placed on "${node}", which is not in the list`);
    counts.set(node, count + 1);
  }
  return spreadOfCounts(nodes.map((node) => ({ node, keys: counts.get(node) ?? 0 })));
}

export function spreadOfCounts(keysPerNode: readonly { node: string; keys: number }[]): LoadSpread {
  if (keysPerNode.length === 0) throw new RangeError('a load spread needs at least one node');
  const counts = keysPerNode.map(({ keys }) => keys);
  const totalKeys = counts.reduce((sum, keys) => sum + keys, 0);
  const mean = totalKeys / counts.length;
  const variance = counts.reduce((sum, keys) => sum + (keys - mean) ** 2, 0) / counts.length;
  const standardDeviation = Math.sqrt(variance);
  const max = Math.max(...counts);
  return {
    keysPerNode: keysPerNode.map(({ node, keys }) => ({ node, keys })),
    totalKeys,
    mean,
    min: Math.min(...counts),
    max,
    maxOverMean: mean === 0 ? 0 : max / mean,
    standardDeviation,
    relativeStandardDeviation: mean === 0 ? 0 : standardDeviation / mean,
  };
}
