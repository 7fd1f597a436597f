/**
 * The sharding lab's settings in the address:
 * `lab=sharding&schemes=modulo,ring,slots&nodes=4&vnodes=100&keys=100000&prefix=user:&change=add`.
 * Every parameter is always written.
 */
import type { ShardingScheme } from '../../engine/index.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { LinkReader, oneOf, someOf, wholeNumber } from './labFields.ts';
import type { FieldSpec } from './labFields.ts';
import { nodeNames } from './labJobs.ts';
import type { ReshardingJob } from './labProtocol.ts';

export const SCHEME_KINDS = ['modulo', 'ring', 'slots'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];
export type NodeChange = 'add' | 'remove';

export interface ShardingSettings {
  schemes: SchemeKind[];
  nodes: number;
  virtualNodes: number;
  keys: number;
  /** Keys are `<prefix>1` … `<prefix><keys>`; a `{tag}` in it pins them to one Redis Cluster slot. */
  keyPrefix: string;
  change: NodeChange;
}

export const MAX_NODES = 64;

/** Printable text without spaces, up to 24 characters; may be empty. */
const keyPrefix: FieldSpec<string> = {
  parse: (text) => (/^[!-~]{0,24}$/.test(text) ? text : undefined),
  format: String,
  expected: 'up to 24 letters, digits or punctuation, without spaces',
};

export const SHARDING_FIELDS = {
  schemes: someOf(SCHEME_KINDS),
  nodes: wholeNumber(1, MAX_NODES),
  vnodes: wholeNumber(1, 1000),
  keys: wholeNumber(1, 1_000_000),
  prefix: keyPrefix,
  change: oneOf(['add', 'remove'] as const),
};

export const DEFAULT_SHARDING: ShardingSettings = {
  schemes: [...SCHEME_KINDS],
  nodes: 4,
  virtualNodes: 100,
  keys: 100_000,
  keyPrefix: 'user:',
  change: 'add',
};

export interface ShardingParse {
  settings: ShardingSettings;
  problems: DeepLinkProblem[];
  complete: boolean;
}

export function parseShardingSettings(params: URLSearchParams): ShardingParse {
  const link = new LinkReader(params);
  const d = DEFAULT_SHARDING;
  const settings: ShardingSettings = {
    schemes: link.read('schemes', SHARDING_FIELDS.schemes, d.schemes),
    nodes: link.read('nodes', SHARDING_FIELDS.nodes, d.nodes),
    virtualNodes: link.read('vnodes', SHARDING_FIELDS.vnodes, d.virtualNodes),
    keys: link.read('keys', SHARDING_FIELDS.keys, d.keys),
    keyPrefix: link.read('prefix', SHARDING_FIELDS.prefix, d.keyPrefix),
    change: link.read('change', SHARDING_FIELDS.change, d.change),
  };
  return { settings, problems: link.problems, complete: link.complete };
}

export function shardingParams(settings: ShardingSettings): [string, string][] {
  return [
    ['schemes', settings.schemes.join(',')],
    ['nodes', String(settings.nodes)],
    ['vnodes', String(settings.virtualNodes)],
    ['keys', String(settings.keys)],
    ['prefix', settings.keyPrefix],
    ['change', settings.change],
  ];
}

/** Settings that cannot run together, by the field to show them next to. */
export type ShardingProblems = Partial<Record<'nodes', string[]>>;

export function shardingProblems(settings: ShardingSettings): ShardingProblems {
  return settings.change === 'remove' && settings.nodes < 2
    ? { nodes: ['Removing a node needs at least 2 nodes, or no node would be left.'] }
    : {};
}

export function schemeOf(kind: SchemeKind, virtualNodes: number): ShardingScheme {
  switch (kind) {
    case 'modulo':
      return { kind: 'modulo' };
    case 'ring':
      return { kind: 'hash-ring', virtualNodesPerNode: virtualNodes };
    case 'slots':
      return { kind: 'cluster-slots' };
  }
}

export function shardingJob(settings: ShardingSettings): ReshardingJob {
  return {
    kind: 'resharding',
    schemes: settings.schemes.map((kind) => schemeOf(kind, settings.virtualNodes)),
    nodes: nodeNames(settings.nodes),
    change: settings.change === 'add' ? 'add-node' : 'remove-node',
    keyPrefix: settings.keyPrefix,
    keyCount: settings.keys,
  };
}
