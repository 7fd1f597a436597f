import {
  BROKER_ID,
  CACHE_ID,
  DATABASE_ID,
  DEAD_LETTER_ID,
  LOAD_BALANCER_ID,
  RELAY_ID,
} from '../../engine/index.ts';
import type { Scenario, Strategy, TimedFault } from '../../engine/index.ts';
import { faultActors } from '../lesson/runChecks.ts';
import { buildTopology } from './buildTopology.ts';
import { configSearch } from './configLink.ts';
import type { PlaygroundConfig } from './playgroundConfig.ts';

/** Settings a choice needs that the controls do not offer: the base's own, else these. */
export const WRITE_BEHIND_DEFAULTS = { flushIntervalMs: 100, batchSize: 10 };
export const PUBSUB_DEFAULTS = { channel: 'invalidate', timestampCheck: true, ignoreOwn: false };
export const DOUBLE_DELETE_DEFAULT_MS = 100;
export const SESSION_TTL_DEFAULT_SECONDS = 1800;

/**
 * The scenario a configuration describes. Only call it for a configuration `configProblems` accepts:
 * it does not check the combination, the engine does (and throws).
 */
export function buildScenario(base: Scenario, config: PlaygroundConfig): Scenario {
  const topology = buildTopology(base, config);
  const strategy = strategyOf(base.strategy, config);
  const eventDriven =
    strategy.invalidation.kind === 'publish-after-commit' || strategy.invalidation.kind === 'outbox';
  const events = eventDriven ? base.events : undefined;
  const scenario: Scenario = {
    ...base,
    // The id names the configuration: the player remembers runs by scenario id.
    id: `playground?${configSearch(config)}`,
    title: `${base.title} (your settings)`,
    clients: topology.clients,
    loadBalancer: topology.loadBalancer,
    appNodes: topology.appNodes,
    cache: { ...base.cache, limit: config.cacheLimit ?? undefined },
    strategy,
    events,
    network: { ...base.network, links: topology.links },
    script: topology.script,
  };
  const actors = actorIdsOf(scenario);
  const faults = (base.faults ?? []).filter(({ fault }) => faultActors(fault).every((id) => actors.has(id)));
  return { ...scenario, faults };
}

/** The scenario's faults that the configuration leaves out, because an actor they name is gone. */
export function droppedFaults(base: Scenario, built: Scenario): TimedFault[] {
  const kept = new Set((built.faults ?? []).map((fault) => JSON.stringify(fault)));
  return (base.faults ?? []).filter((fault) => !kept.has(JSON.stringify(fault)));
}

function strategyOf(base: Strategy, config: PlaygroundConfig): Strategy {
  return {
    read: config.read,
    write:
      config.write === 'write-behind'
        ? base.write.kind === 'write-behind'
          ? base.write
          : { kind: 'write-behind', ...WRITE_BEHIND_DEFAULTS }
        : config.write === 'write-through'
          ? { kind: 'write-through' }
          : { kind: 'write-around', deleteKey: config.write },
    ttlSeconds: config.ttlSeconds,
    ttlJitterSeconds: config.jitterSeconds,
    invalidation:
      config.invalidation === 'pubsub'
        ? base.invalidation.kind === 'pubsub'
          ? base.invalidation
          : { kind: 'pubsub', ...PUBSUB_DEFAULTS }
        : { kind: config.invalidation },
    localCache: config.l1Seconds === null ? { kind: 'off' } : { kind: 'l1', ttlSeconds: config.l1Seconds },
    raceFix:
      config.raceFix === 'double-delete'
        ? base.raceFix.kind === 'delayed-double-delete'
          ? base.raceFix
          : { kind: 'delayed-double-delete', delayMs: DOUBLE_DELETE_DEFAULT_MS }
        : { kind: config.raceFix },
    sessions:
      config.sessions === 'redis-hash'
        ? base.sessions.kind === 'redis-hash'
          ? base.sessions
          : { kind: 'redis-hash', slidingTtlSeconds: SESSION_TTL_DEFAULT_SECONDS }
        : { kind: 'node-memory' },
    stampede: config.stampede,
    penetration: config.penetration,
  };
}

/** Every actor a run of the scenario has (the engine starts the same ones; see its world). */
export function actorIdsOf(scenario: Scenario): Set<string> {
  const ids = new Set([
    CACHE_ID,
    DATABASE_ID,
    ...scenario.clients.map((c) => c.id),
    ...scenario.appNodes.map((a) => a.id),
  ]);
  if (scenario.loadBalancer !== undefined) ids.add(LOAD_BALANCER_ID);
  const { events } = scenario;
  if (events !== undefined) {
    ids.add(BROKER_ID).add(DEAD_LETTER_ID);
    for (const consumer of events.consumers) ids.add(consumer.id);
    if (scenario.strategy.invalidation.kind === 'outbox') ids.add(RELAY_ID);
  }
  return ids;
}
