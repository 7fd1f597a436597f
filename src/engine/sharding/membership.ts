/**
 * Node lists as every placement scheme takes them: names, in the order nodes joined. The checks
 * throw a RangeError that says what is wrong, because the load lab feeds these functions learners'
 * own parameters.
 */
export function checkNodeNames(nodes: readonly string[]): void {
  if (nodes.length === 0) throw new RangeError('a cluster needs at least one node');
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node === '') throw new RangeError('a node name must not be empty');
    if (seen.has(node)) throw new RangeError(`node "${node}" is listed twice`);
    seen.add(node);
  }
}

/** The node list after `node` joins: it goes last, as a new server is added to the end of a config. */
export function withNodeAdded(nodes: readonly string[], node: string): string[] {
  if (nodes.includes(node)) throw new RangeError(`node "${node}" is already in the cluster`);
  const after = [...nodes, node];
  checkNodeNames(after);
  return after;
}

export function withNodeRemoved(nodes: readonly string[], node: string): string[] {
  if (!nodes.includes(node)) throw new RangeError(`node "${node}" is not in the cluster`);
  if (nodes.length === 1) throw new RangeError(`node "${node}" is the last node: a cluster needs one`);
  return nodes.filter((other) => other !== node);
}
