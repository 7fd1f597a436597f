/**
 * What a Playground run is made of: a scenario to start from, and every topology and strategy setting
 * a learner can change. The whole configuration lives in the address (see `configLink.ts`), so a
 * run can be shared and reopened exactly.
 */

import type { LoadBalancerSpec, ReadPath, Scenario } from '../../engine/index.ts';
import { protectionsOf, sameSetting } from './protectionConfig.ts';
import type { ProtectionField, Protections } from './protectionConfig.ts';

export type BalancerChoice = 'none' | LoadBalancerSpec['policy'];
export type WriteChoice = 'after-commit' | 'before-commit' | 'write-through' | 'write-behind';
export type InvalidationChoice = 'none' | 'pubsub' | 'versioned-keys' | 'publish-after-commit' | 'outbox';
export type RaceFixChoice = 'none' | 'version-cas' | 'double-delete' | 'lease';
export type SessionChoice = 'node-memory' | 'redis-hash';

export interface PlaygroundConfig {
  /** The scenario whose clients, data, script, latencies and faults the run starts from. */
  from: string;
  clients: number;
  nodes: number;
  balancer: BalancerChoice;
  /** The local (L1) cache's TTL in seconds, or null when the app nodes keep no local cache. */
  l1Seconds: number | null;
  read: ReadPath;
  write: WriteChoice;
  ttlSeconds: number;
  jitterSeconds: number;
  invalidation: InvalidationChoice;
  raceFix: RaceFixChoice;
  sessions: SessionChoice;
  stampede: Protections['stampede'];
  penetration: Protections['penetration'];
  /** Redis's size limit in keys and its eviction policy, or null for no limit. */
  cacheLimit: Protections['cacheLimit'];
}

/** The settings a person changes. */
export type SettingName = Exclude<keyof PlaygroundConfig, 'from'>;

/**
 * The controls that change them: one per setting, plus the local cache's on/off switch (`l1`) in
 * front of its TTL (`l1Seconds`), which is one setting in the address (`l1=off|<seconds>`), and the
 * numbers of the protection chosen and of the cache limit (`ProtectionField`).
 */
export type ControlName = SettingName | 'l1' | ProtectionField;

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export const BALANCER_CHOICES: readonly Choice<BalancerChoice>[] = [
  { value: 'none', label: 'None' },
  { value: 'round-robin', label: 'Round robin' },
  { value: 'sticky', label: 'Sticky sessions' },
  { value: 'least-connections', label: 'Least connections' },
];

export const READ_CHOICES: readonly Choice<ReadPath>[] = [
  { value: 'cache-aside', label: 'Cache-aside' },
  { value: 'read-through', label: 'Read-through' },
];

export const WRITE_CHOICES: readonly Choice<WriteChoice>[] = [
  { value: 'after-commit', label: 'Commit, then delete the key' },
  { value: 'before-commit', label: 'Delete the key, then commit' },
  { value: 'write-through', label: 'Write-through' },
  { value: 'write-behind', label: 'Write-behind' },
];

export const INVALIDATION_CHOICES: readonly Choice<InvalidationChoice>[] = [
  { value: 'none', label: 'None' },
  { value: 'pubsub', label: 'Pub/sub broadcast' },
  { value: 'versioned-keys', label: 'Versioned keys' },
  { value: 'publish-after-commit', label: 'Event after the commit' },
  { value: 'outbox', label: 'Transactional outbox' },
];

export const RACE_FIX_CHOICES: readonly Choice<RaceFixChoice>[] = [
  { value: 'none', label: 'None' },
  { value: 'version-cas', label: 'Compare versions' },
  { value: 'double-delete', label: 'Delete again after a delay' },
  { value: 'lease', label: 'Leases' },
];

export const SESSION_CHOICES: readonly Choice<SessionChoice>[] = [
  { value: 'node-memory', label: 'In the node\u2019s memory' },
  { value: 'redis-hash', label: 'In Redis, as a hash' },
];

/** Bounds of the number settings; outside them a configuration is refused (see `configProblems`). */
export const LIMITS = {
  clients: { min: 1, max: 6 },
  nodes: { min: 1, max: 5 },
  ttlSeconds: { min: 1, max: 86_400 },
  jitterSeconds: { min: 0, max: 86_400 },
  l1Seconds: { min: 1, max: 86_400 },
} as const;

/** The L1 TTL offered when a person turns the local cache on and the scenario had none. */
export const DEFAULT_L1_SECONDS = 10;

/** The configuration that reproduces a scenario as written. */
export function configOf(base: Scenario): PlaygroundConfig {
  const { strategy } = base;
  return {
    from: base.id,
    clients: base.clients.length,
    nodes: base.appNodes.length,
    balancer: base.loadBalancer?.policy ?? 'none',
    l1Seconds: strategy.localCache.kind === 'l1' ? strategy.localCache.ttlSeconds : null,
    read: strategy.read,
    write: strategy.write.kind === 'write-around' ? strategy.write.deleteKey : strategy.write.kind,
    ttlSeconds: strategy.ttlSeconds,
    jitterSeconds: strategy.ttlJitterSeconds,
    invalidation: strategy.invalidation.kind,
    raceFix: strategy.raceFix.kind === 'delayed-double-delete' ? 'double-delete' : strategy.raceFix.kind,
    sessions: strategy.sessions.kind,
    ...protectionsOf(base),
  };
}

/** Whether two configurations describe the same run. */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return (Object.keys(a) as (keyof PlaygroundConfig)[]).every((name) => sameSetting(a[name], b[name]));
}

/** The clients the script uses, in the scenario's order. */
export function scriptClients(base: Scenario): Scenario['clients'] {
  const used = new Set(base.script.map((operation) => operation.client));
  return base.clients.filter((client) => used.has(client.id));
}

/**
 * The fewest clients a run can keep: the base's clients are kept from the first, so every client up
 * to the last one the script uses must stay.
 */
export function fewestClients(base: Scenario): number {
  const used = new Set(base.script.map((operation) => operation.client));
  let last = 0;
  base.clients.forEach((client, index) => {
    if (used.has(client.id)) last = index + 1;
  });
  return Math.max(LIMITS.clients.min, last);
}
